import type { FastifyReply, FastifyRequest } from 'fastify';
import { RESULTS_SLOT } from '../../../web/layout-view.js';
import type { Site } from '../../units/unit-directory.js';
import type { PortalDeps } from '../portal.module.js';

/*
 * The results widget in the portal's sidebar slot (RESULTS_SLOT, issue #4 item 2). Cached pages get it on each
 * request in public.routes.tsx (with the ETag); every other page with the portal layout (look-up, procedures, results,
 * 404 …) gets it from the onSend hook below, so that the sidebar is the same everywhere.
 */

const SLOT = Buffer.from(RESULTS_SLOT);
const slotOffsets = new WeakMap<Buffer, number>();
/**
 * The last page assembled from a cached body and a widget's HTML: both change rarely (the widget's HTML is one object
 * until its figures change), so most requests send it without copying the page again.
 */
const assembled = new WeakMap<Buffer, { html: Buffer; page: Buffer }>();

/** Where the slot sits in a (cached) page body, found once per body; -1 when it has none. */
function slotOffset(body: Buffer): number {
  let at = slotOffsets.get(body);
  if (at === undefined) {
    at = body.indexOf(SLOT);
    slotOffsets.set(body, at);
  }
  return at;
}

/** The body with the unit's widget in its slot, and an ETag that covers both. */
export async function withResultsWidget(
  deps: Pick<PortalDeps, 'sidebarWidget'>,
  site: Site,
  body: Buffer,
  etag = '',
): Promise<{ body: Buffer; etag: string }> {
  const widget = deps.sidebarWidget;
  const at = widget ? slotOffset(body) : -1;
  if (!widget || at < 0) {
    return { body, etag };
  }
  const w = await widget(site.unit.id, site.basePath);
  let last = assembled.get(body);
  if (last?.html !== w.html) {
    last = {
      html: w.html,
      page: Buffer.concat([body.subarray(0, at), w.html, body.subarray(at + SLOT.length)]),
    };
    assembled.set(body, last);
  }
  return { body: last.page, etag: etag === '' ? etag : `${etag.slice(0, -1)}-${w.tag}"` };
}

/** onSend: fills the slot of any other HTML page of a unit's portal (sent as a string). */
export function fillResultsSlot(deps: Pick<PortalDeps, 'sidebarWidget'>) {
  return async (req: FastifyRequest, _reply: FastifyReply, payload: unknown): Promise<unknown> => {
    const widget = deps.sidebarWidget;
    if (!widget || typeof payload !== 'string' || !req.site) {
      return payload;
    }
    const at = payload.indexOf(RESULTS_SLOT);
    if (at < 0) {
      return payload;
    }
    const w = await widget(req.site.unit.id, req.site.basePath);
    return `${payload.slice(0, at)}${w.html.toString()}${payload.slice(at + RESULTS_SLOT.length)}`;
  };
}
