import { createHash } from 'node:crypto';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { statsPaths } from '../../http/paths.js';
import type { StatsService, WidgetFigures } from './stats.service.js';
import { ResultsWidget } from './views/ResultsWidget.js';

/** The widget's HTML for a page of the portal, and a short tag of it for the page's ETag. */
export type WidgetHtml = { html: Buffer; tag: string };

/**
 * Renders the results widget once per change of its figures (and per base path), for the portal to put into its
 * cached pages on each request (src/modules/portal/public/public.routes.tsx): pages stay cached, figures never stale.
 */
export class WidgetRenderer {
  private readonly cache = new Map<string, { figures: WidgetFigures; out: WidgetHtml }>();

  constructor(private readonly service: StatsService) {}

  async render(unitId: number, basePath: string): Promise<WidgetHtml> {
    const figures = await this.service.widget(unitId);
    const key = `${unitId}|${basePath}`;
    const hit = this.cache.get(key);
    if (hit && hit.figures === figures) {
      return hit.out;
    }
    const html = Buffer.from(
      renderToString(h(ResultsWidget, { figures, detailsHref: statsPaths.results(basePath) })),
    );
    const out = { html, tag: createHash('sha1').update(html).digest('base64url').slice(0, 10) };
    this.cache.set(key, { figures, out });
    return out;
  }
}
