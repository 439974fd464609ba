/* RSS 2.0 and sitemap.xml documents, built as strings from plain values: pure, no I/O. */

// Characters XML 1.0 does not allow at all (control characters other than tab, line feed and carriage return).
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlEscape(s: string): string {
  return s
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** RFC 822 date as RSS 2.0 wants it: "Fri, 20 Nov 2026 03:00:00 GMT". */
export const rfc822 = (instant: string): string => new Date(instant).toUTCString();

export type RssChannel = {
  title: string;
  link: string;
  selfUrl: string;
  description: string;
  lastBuildDate: string;
  items: readonly RssItem[];
};

export type RssItem = { title: string; link: string; description: string; pubDate: string; category: string };

export function renderRss(c: RssChannel): string {
  const items = c.items
    .map(
      (i) =>
        `<item><title>${xmlEscape(i.title)}</title><link>${xmlEscape(i.link)}</link>` +
        `<guid isPermaLink="true">${xmlEscape(i.link)}</guid><pubDate>${rfc822(i.pubDate)}</pubDate>` +
        `<category>${xmlEscape(i.category)}</category><description>${xmlEscape(i.description)}</description></item>`,
    )
    .join('\n');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>\n` +
    `<title>${xmlEscape(c.title)}</title><link>${xmlEscape(c.link)}</link>` +
    `<atom:link href="${xmlEscape(c.selfUrl)}" rel="self" type="application/rss+xml"/>` +
    `<description>${xmlEscape(c.description)}</description><language>vi</language>` +
    `<lastBuildDate>${rfc822(c.lastBuildDate)}</lastBuildDate>\n${items}\n</channel></rss>\n`
  );
}

export type SitemapUrl = { loc: string; lastmod?: string | null };

/** A sitemaps.org urlset; lastmod as the W3C date of the instant. */
export function renderSitemap(urls: readonly SitemapUrl[]): string {
  const body = urls
    .map(
      (u) =>
        `<url><loc>${xmlEscape(u.loc)}</loc>${u.lastmod ? `<lastmod>${new Date(u.lastmod).toISOString().slice(0, 10)}</lastmod>` : ''}</url>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}
