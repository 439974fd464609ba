/**
 * Where to go after signing in: the `tiep` value when it is a path on this site, else the fallback. Refuses
 * absolute and protocol-relative URLs ("//evil.example", "/\evil.example") so sign-in cannot be an open redirect,
 * and any doubled slash or backslash in the path, raw or percent-encoded: a unit prefix is stripped before routing,
 * so "/tan-hong//evil.example" would otherwise be served (and redirected) as "//evil.example".
 */
export function safeLocalPath(candidate: unknown, fallback: string): string {
  if (typeof candidate !== 'string' || candidate.length === 0 || candidate.length > 2000) {
    return fallback;
  }
  if (!candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) {
    return fallback;
  }
  // Control characters (tabs and newlines are dropped by URL parsers, turning "/\t/evil" into "//evil").
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u001f\u007f\\]/;
  const path = candidate.split(/[?#]/)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return fallback;
  }
  if (control.test(candidate) || control.test(decoded) || path.includes('//') || decoded.includes('//')) {
    return fallback;
  }
  return candidate;
}
