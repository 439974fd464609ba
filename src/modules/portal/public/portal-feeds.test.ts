import { describe, expect, it } from 'vitest';
import { renderRss, renderSitemap, rfc822, xmlEscape } from './portal-feeds.js';

describe('xmlEscape', () => {
  it('escapes markup and drops characters XML forbids', () => {
    expect(xmlEscape(`<a href="x">Tom & 'Jerry'</a>\u0001`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;',
    );
  });
});

describe('renderRss', () => {
  it('writes an RSS 2.0 channel with RFC 822 dates', () => {
    const xml = renderRss({
      title: 'Xã Tân Hồng',
      link: 'https://x/',
      selfUrl: 'https://x/rss.xml',
      description: 'Tin mới',
      lastBuildDate: '2026-11-20T03:00:00.000Z',
      items: [
        {
          title: 'Cải cách & đổi mới',
          link: 'https://x/bai-viet/a',
          description: 'Tóm tắt',
          pubDate: '2026-11-19T03:00:00.000Z',
          category: 'Tin tức',
        },
      ],
    });
    expect(xml).toContain('<rss version="2.0"');
    expect(xml).toContain('<title>Cải cách &amp; đổi mới</title>');
    expect(xml).toContain('<guid isPermaLink="true">https://x/bai-viet/a</guid>');
    expect(xml).toContain('<pubDate>Thu, 19 Nov 2026 03:00:00 GMT</pubDate>');
    expect(xml).toContain('<language>vi</language>');
    expect(rfc822('2026-11-20T03:00:00Z')).toBe('Fri, 20 Nov 2026 03:00:00 GMT');
  });
});

describe('renderSitemap', () => {
  it('writes a urlset with lastmod dates', () => {
    const xml = renderSitemap([
      { loc: 'https://x/?a=1&b=2', lastmod: '2026-11-01T10:00:00.000Z' },
      { loc: 'https://x/b' },
    ]);
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(xml).toContain('<url><loc>https://x/?a=1&amp;b=2</loc><lastmod>2026-11-01</lastmod></url>');
    expect(xml).toContain('<url><loc>https://x/b</loc></url>');
  });
});
