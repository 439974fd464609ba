import { describe, expect, it } from 'vitest';
import { sanitizeBodyHtml } from '../modules/portal/admin/html-sanitize.js';
import { fold } from '../platform/fold.js';
import { DEMO_NOTICE } from './demo-articles.js';
import { vnDate } from './demo-calendar.js';
import { DEMO_CATEGORIES, planArticles, scheduledDate } from './demo-content.js';
import { demoPages, PAGE_NOTICE } from './demo-pages.js';
import { DemoRandom } from './demo-random.js';
import { DEMO_COMMUNES, demoHamlets, demoLeaders, demoPeople, seedFor } from './demo-units.js';

function plan(now: string, slug = 'tan-hong', rank = 1) {
  const commune = DEMO_COMMUNES.find((c) => c.slug === slug) ?? DEMO_COMMUNES[0]!; // the list is not empty
  const rnd = seedFor(commune);
  const leaders = demoLeaders(rnd);
  return planArticles({
    now: new Date(now),
    rnd,
    base: {
      commune: commune.short,
      district: 'Bình Giang',
      province: 'Hải Dương',
      hamlets: demoHamlets(rnd),
      leaders,
      rank,
      communeCount: DEMO_COMMUNES.length,
    },
    media: (key) => ({
      url: `/media/2026/11/${key}-abcdefghijklmnop.png`,
      alt: `ảnh ${key}`,
      width: 640,
      height: 400,
    }),
  });
}

describe('planArticles', () => {
  // Dates across the year, so that yearly and monthly schedules wrap around year ends.
  for (const now of ['2026-11-20T03:00:00.000Z', '2027-01-01T00:30:00.000Z', '2026-12-31T16:59:00.000Z']) {
    it(`writes about thirty dated articles in the past, with unique slugs (now = ${now})`, () => {
      const articles = plan(now);
      const published = articles.filter((a) => a.status === 'published');
      expect(published.length).toBeGreaterThanOrEqual(28);
      expect(articles.filter((a) => a.status === 'draft')).toHaveLength(2);
      expect(new Set(articles.map((a) => a.slug)).size).toBe(articles.length);
      expect(new Set(articles.map((a) => a.title)).size).toBe(articles.length);
      for (const a of published) {
        const at = a.publishedAt?.getTime() ?? Infinity;
        expect(at, a.title).toBeLessThan(new Date(now).getTime());
        expect(at, a.title).toBeGreaterThan(new Date(now).getTime() - 366 * 86_400_000);
      }
      expect(new Set(published.map((a) => a.categorySlug)).size).toBe(DEMO_CATEGORIES.length);
      expect(published.filter((a) => a.featured).length).toBe(4);
    });
  }

  it('builds bodies of several paragraphs with one captioned figure, ending with the demo notice', () => {
    for (const a of plan('2026-11-20T03:00:00.000Z')) {
      expect(a.bodyHtml.match(/<p>/g)?.length ?? 0, a.title).toBeGreaterThanOrEqual(4);
      expect(a.bodyHtml).toMatch(
        /<figure><img src="\/media\/[^"]+" alt="[^"]+" width="640" height="400" \/><figcaption>[^<]+<\/figcaption><\/figure>/,
      );
      expect(a.bodyHtml.endsWith(`<p><em>${DEMO_NOTICE}</em></p>`)).toBe(true);
      expect(a.summary.length).toBeGreaterThan(40);
      expect(a.searchText).toContain(fold(a.title));
      // Demo bodies are already what the admin's sanitiser stores, so opening one in the editor changes nothing.
      expect(sanitizeBodyHtml(a.bodyHtml)).toBe(a.bodyHtml);
    }
  });

  it('gives every commune one article titled with "Cải cách hành chính", leading or ranked', () => {
    const first = plan('2026-11-20T03:00:00.000Z', 'tan-hong', 1).filter((a) =>
      a.title.includes('Cải cách hành chính'),
    );
    expect(first.map((a) => a.title)).toEqual([
      'Xã Tân Hồng dẫn đầu huyện Bình Giang về Chỉ số Cải cách hành chính năm 2025',
    ]);
    const fifth = plan('2026-11-20T03:00:00.000Z', 'co-bi', 5).filter((a) =>
      a.title.includes('Cải cách hành chính'),
    );
    expect(fifth.map((a) => a.title)).toEqual([
      'Xã Cổ Bì xếp thứ 5 toàn huyện về Chỉ số Cải cách hành chính năm 2025',
    ]);
    expect(fifth[0]?.searchText).toContain('cai cach hanh chinh');
  });

  it('is deterministic: the same inputs give the same articles, another commune gives others', () => {
    expect(plan('2026-11-20T03:00:00.000Z')).toEqual(plan('2026-11-20T03:00:00.000Z'));
    const other = plan('2026-11-20T03:00:00.000Z', 'thai-hoc', 2).map((a) => a.title);
    expect(other).not.toEqual(plan('2026-11-20T03:00:00.000Z').map((a) => a.title));
  });
});

describe('scheduledDate', () => {
  const today = vnDate(new Date('2026-11-20T03:00:00.000Z'));

  it('takes this year when the day has passed, else last year', () => {
    expect(scheduledDate({ kind: 'yearly', month: 3, day: 10 }, today)).toEqual({
      year: 2026,
      month: 3,
      day: 10,
    });
    expect(scheduledDate({ kind: 'yearly', month: 11, day: 20 }, today)).toEqual({
      year: 2025,
      month: 11,
      day: 20,
    });
  });

  it('counts months back from the last passed occurrence of the day', () => {
    expect(scheduledDate({ kind: 'monthly', day: 4, monthsAgo: 0 }, today)).toEqual({
      year: 2026,
      month: 11,
      day: 4,
    });
    expect(scheduledDate({ kind: 'monthly', day: 25, monthsAgo: 0 }, today)).toEqual({
      year: 2026,
      month: 10,
      day: 25,
    });
    expect(scheduledDate({ kind: 'monthly', day: 25, monthsAgo: 10 }, today)).toEqual({
      year: 2025,
      month: 12,
      day: 25,
    });
  });
});

describe('demo people and pages', () => {
  it('never uses the real name from the seed page', () => {
    const names = demoPeople(new DemoRandom('many'), 500).map((p) => p.name);
    expect(names).not.toContain('Vũ Huy Cường');
    expect(new Set(names).size).toBe(500);
  });

  it('writes the introduction, organisation and leaders pages with fictitious contacts', () => {
    const rnd = new DemoRandom('pages');
    const leaders = demoLeaders(rnd);
    const pages = demoPages({
      commune: 'Tân Hồng',
      slug: 'tan-hong',
      district: 'Bình Giang',
      province: 'Hải Dương',
      hamlets: ['Mộ Trạch', 'Đông'],
      leaders,
      n: 1,
      area: '7,5',
      population: '8.200',
    });
    expect(pages.map((p) => p.slug)).toEqual(['gioi-thieu', 'co-cau-to-chuc', 'lanh-dao']);
    const lanhDao = pages[2]?.bodyHtml ?? '';
    expect(lanhDao).toContain(leaders.chairman.name);
    expect(lanhDao).toContain('0900 000 ');
    expect(lanhDao).toContain('@demo.congxa.example');
    expect(lanhDao).toContain('<th>Họ và tên</th>');
    for (const p of pages) {
      expect(p.bodyHtml).toContain(PAGE_NOTICE);
      expect(sanitizeBodyHtml(p.bodyHtml), p.slug).toBe(p.bodyHtml);
    }
  });
});
