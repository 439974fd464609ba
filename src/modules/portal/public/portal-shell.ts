import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../../deps.js';
import { originOf, type Origin } from '../../../http/origin.js';
import { calendarPaths, portalPaths } from '../../../http/paths.js';
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

/** The quick links to citizens' services (procedures, dossier look-up, questions, the working calendar). */
export const PORTAL_QUICK_LINK_CANDIDATES: readonly QuickLinkCandidate[] = [
  { label: m.quickLinks.procedures, path: portalPaths.procedures },
  { label: m.quickLinks.dossierLookup, path: portalPaths.dossierLookup },
  { label: m.quickLinks.dueDate, path: calendarPaths.dueDate },
  { label: m.quickLinks.daysOff, path: (base) => calendarPaths.daysOff(base) },
  { label: m.quickLinks.questions, path: portalPaths.questions },
];

/** The origin of a public page's absolute links: see http/origin.ts (never a stranger's Host header). */
export function portalOriginOf(req: FastifyRequest, deps: Pick<Deps, 'config' | 'directory'>): Origin {
  const unitHosts = deps.directory.all().flatMap((u) => (u.host ? [u.host.toLowerCase()] : []));
  return originOf(req, deps.config.http.publicUrl, unitHosts);
}

/**
 * The layout data of a public page of a unit's portal (header, menu, sidebar, footer, metadata), for pages that
 * other modules serve inside the portal (the working calendar's pages). Quick links to internal services appear only
 * once their routes exist, never as dead links; the national services follow them.
 */
export function portalShellBuilder(
  app: FastifyInstance,
  deps: Pick<Deps, 'portal' | 'config' | 'clock' | 'directory'>,
): (req: FastifyRequest, site: Site, meta: MetaInput, currentHref: string) => Promise<PageShell> {
  let present: QuickLinkCandidate[] | undefined;
  const quickLinks = (base: string): Link[] => {
    present ??= PORTAL_QUICK_LINK_CANDIDATES.filter((c) => app.hasRoute({ method: 'GET', url: c.path('') }));
    return [...present.map((c) => ({ label: c.label, href: c.path(base) })), ...NATIONAL_QUICK_LINKS];
  };
  return async (req, site, meta, currentHref) => {
    const chrome = await deps.portal.site.chrome(site);
    return {
      chrome,
      counters: toCounters(deps.portal.visitors.snapshot(site.unit.id)),
      quickLinks: quickLinks(site.basePath),
      meta: toMeta(meta, chrome, portalOriginOf(req, deps).origin, deps.clock.now()),
      currentHref,
    };
  };
}
