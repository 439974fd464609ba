/**
 * Where to go after signing in: the `tiep` value when it is a path on this site, else the fallback. Refuses
 * absolute and protocol-relative URLs ("//evil.example", "/\evil.example") so sign-in cannot be an open redirect.
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
  if (/[\u0000-\u001f\u007f\\]/.test(candidate)) {
    return fallback;
  }
  return candidate;
}
