import type { FastifyRequest } from 'fastify';

/** Host names a deployment answers to without PUBLIC_URL besides its units' own hosts: a developer's machine. */
const LOCAL_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export type Origin = {
  /** Scheme and host for absolute links ('' for relative links). */
  origin: string;
  /**
   * False when the links had to be built for an unknown Host header: such an answer is not cached, so made-up
   * Host values can neither end up in the page cache nor make it grow.
   */
  cacheable: boolean;
};

/**
 * The origin of the absolute links of a public page (canonical, og:url, RSS, site maps). PUBLIC_URL when set (or
 * the unit's own host name when the request came to it). Without PUBLIC_URL, the request's host only when it is a
 * known one (a unit's host, the local machine); for any other Host header relative links (a unit's host would
 * be wrong: it serves another unit), and the answer is not cached. Never the raw Host header of a stranger.
 */
export function originOf(
  req: FastifyRequest,
  publicUrl: string | undefined,
  unitHosts: readonly string[],
): Origin {
  const hostname = req.hostname.toLowerCase();
  const site = req.site;
  const scheme = publicUrl ? new URL(publicUrl).protocol.replace(':', '') : req.protocol;
  if (site?.unit.host && site.basePath === '' && hostname === site.unit.host.toLowerCase()) {
    return { origin: `${scheme}://${site.unit.host}`, cacheable: true };
  }
  if (publicUrl) {
    return { origin: publicUrl.replace(/\/+$/, ''), cacheable: true };
  }
  if (LOCAL_HOSTS.has(hostname) || unitHosts.includes(hostname)) {
    return { origin: `${req.protocol}://${req.host}`, cacheable: true };
  }
  return { origin: '', cacheable: false };
}
