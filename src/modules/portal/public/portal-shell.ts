import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../../deps.js';
import { portalPaths } from '../../../http/paths.js';
import type { Site } from '../../units/unit-directory.js';
import { portalMessages as m } from './portal.messages.js';
import {
  NATIONAL_QUICK_LINKS,
  toCounters,
  toMeta,
  type Link,
  type MetaInput,
  type PageShell,
} from './portal.presenter.js';

/** An internal quick link that appears once its route exists. */
export type QuickLinkCandidate = { label: string; path: (base: string) => string };

/** The quick links to the services of later issues (procedures, dossier look-up, questions). */
export const PORTAL_QUICK_LINK_CANDIDATES: readonly QuickLinkCandidate[] = [
  { label: m.quickLinks.procedures, path: portalPaths.procedures },
  { label: m.quickLinks.dossierLookup, path: portalPaths.dossierLookup },
  { label: m.quickLinks.questions, path: portalPaths.questions },
];

/** Absolute URLs: PUBLIC_URL when set (or the unit's own host name), else the request's scheme and host. */
export function portalOriginOf(req: FastifyRequest, publicUrl: string | undefined): string {
  const site = req.site;
  if (site?.unit.host && site.basePath === '' && req.hostname.toLowerCase() === site.unit.host) {
    const scheme = publicUrl ? new URL(publicUrl).protocol.replace(':', '') : req.protocol;
    return `${scheme}://${site.unit.host}`;
  }
  return publicUrl ?? `${req.protocol}://${req.host}`;
}

/**
 * The layout data of a public page of a unit's portal (header, menu, sidebar, footer, metadata), for pages that
 * other modules serve inside the portal (the working calendar's pages). Quick links to internal services appear only
 * once their routes exist, never as dead links; the national services follow them. `extra` adds candidates after the
 * portal's own.
 */
export function portalShellBuilder(
  app: FastifyInstance,
  deps: Pick<Deps, 'portal' | 'config' | 'clock'>,
  extra: readonly QuickLinkCandidate[] = [],
): (req: FastifyRequest, site: Site, meta: MetaInput, currentHref: string) => Promise<PageShell> {
  let present: QuickLinkCandidate[] | undefined;
  const quickLinks = (base: string): Link[] => {
    present ??= [...PORTAL_QUICK_LINK_CANDIDATES, ...extra].filter((c) =>
      app.hasRoute({ method: 'GET', url: c.path('') }),
    );
    return [...present.map((c) => ({ label: c.label, href: c.path(base) })), ...NATIONAL_QUICK_LINKS];
  };
  return async (req, site, meta, currentHref) => {
    const chrome = await deps.portal.site.chrome(site);
    return {
      chrome,
      counters: toCounters(deps.portal.visitors.snapshot(site.unit.id)),
      quickLinks: quickLinks(site.basePath),
      meta: toMeta(meta, chrome, portalOriginOf(req, deps.config.http.publicUrl), deps.clock.now()),
      currentHref,
    };
  };
}
