import { searchTextOf } from '../modules/portal/search-text.js';
import { slugify } from '../platform/fold.js';
import {
  ARTICLE_TEMPLATES,
  DEMO_NOTICE,
  DRAFT_TEMPLATES,
  type ArticleContext,
  type ArticleTemplate,
  type DemoCategorySlug,
  type Schedule,
} from './demo-articles.js';
import { addMonths, DAY_MS, vnDate, vnInstant, type VnDate } from './demo-calendar.js';
import type { DemoImageKey } from './demo-images.js';
import { escapeAttr, escapeText } from './demo-pages.js';
import type { DemoRandom } from './demo-random.js';

/** The news categories of every demo commune, in menu order. */
export const DEMO_CATEGORIES: readonly {
  slug: DemoCategorySlug;
  name: string;
  description: string;
  showInMenu: boolean;
  showOnHome: boolean;
}[] = [
  {
    slug: 'tin-tuc-su-kien',
    name: 'Tin tức - Sự kiện',
    description: 'Tin hoạt động của chính quyền, đoàn thể và nhân dân trong xã.',
    showInMenu: true,
    showOnHome: true,
  },
  {
    slug: 'cai-cach-hanh-chinh',
    name: 'Cải cách hành chính',
    description: 'Kết quả giải quyết thủ tục hành chính, Chỉ số CCHC, hướng dẫn dịch vụ công trực tuyến.',
    showInMenu: true,
    showOnHome: true,
  },
  {
    slug: 'thong-bao',
    name: 'Thông báo',
    description: 'Thông báo của UBND xã tới tổ chức, cá nhân trên địa bàn.',
    showInMenu: true,
    showOnHome: true,
  },
  {
    slug: 'chinh-sach-phap-luat',
    name: 'Chính sách - Pháp luật',
    description: 'Phổ biến, giáo dục pháp luật và hướng dẫn thực hiện chính sách.',
    showInMenu: true,
    showOnHome: false,
  },
  {
    slug: 'kinh-te-xa-hoi',
    name: 'Kinh tế - Xã hội',
    description: 'Sản xuất nông nghiệp, xây dựng nông thôn mới, tình hình kinh tế - xã hội.',
    showInMenu: false,
    showOnHome: true,
  },
  {
    slug: 'van-hoa-xa-hoi',
    name: 'Văn hóa - Xã hội',
    description: 'Giáo dục, y tế, văn hóa, thể thao và an sinh xã hội.',
    showInMenu: false,
    showOnHome: true,
  },
];

export type DemoMediaRef = { url: string; alt: string; width: number; height: number };

export type PlannedArticle = {
  templateId: string;
  categorySlug: DemoCategorySlug;
  slug: string;
  title: string;
  summary: string;
  bodyHtml: string;
  searchText: string;
  cover: DemoImageKey;
  status: 'draft' | 'published';
  featured: boolean;
  publishedAt: Date | null;
  /** When the row was created: the publication instant, or a recent instant for drafts. */
  createdAt: Date;
  authorName: string;
};

/** How many articles are featured on a demo commune's home page (besides its CCHC index article). */
const FEATURED_RECENT = 3;
/** Spread articles are dated between 3 and about 300 days before now. */
const SPREAD_DAYS = 297;

/**
 * Writes and dates the articles of one demo commune: the templates' instances in a fixed order, dated relative to
 * `now` (yearly ones on their day in the last twelve months, monthly ones in recent months, the rest spread over
 * about ten months), always in the past. Pure: the same inputs give the same articles.
 */
export function planArticles(input: {
  now: Date;
  rnd: DemoRandom;
  base: Omit<ArticleContext, 'date' | 'k' | 'rnd'>;
  media: (key: DemoImageKey) => DemoMediaRef;
}): PlannedArticle[] {
  const { now, rnd, base, media } = input;
  const today = vnDate(now);
  const instances = ARTICLE_TEMPLATES.flatMap((t) => t.schedule.map((s, k) => ({ t, s, k })));
  // Spread instances take evenly spaced days in a shuffled order, so categories mix over time.
  const spreadOrder = rnd.shuffle(instances.flatMap((i, n) => (i.s.kind === 'spread' ? [n] : [])));
  const spreadDays = new Map(
    spreadOrder.map((n, pos) => [
      n,
      3 + Math.round((pos * SPREAD_DAYS) / spreadOrder.length) + rnd.int(0, 4),
    ]),
  );
  const slugs = new Set<string>();
  const published = instances.map(({ t, s, k }, n) => {
    const date = s.kind === 'spread' ? dayBefore(today, spreadDays.get(n) ?? 3) : scheduledDate(s, today);
    const at = vnInstant(date.year, date.month, date.day, rnd.int(7, 16), rnd.int(0, 59), rnd.int(0, 59));
    return write(t, k, date, at, 'published');
  });
  const drafts = DRAFT_TEMPLATES.map((t, k) => {
    const created = new Date(now.getTime() - (k + 1) * DAY_MS);
    return write(t, 0, vnDate(created), created, 'draft');
  });

  const featured = new Set(
    [...published]
      .filter((a) => a.categorySlug !== 'thong-bao' && a.templateId !== 'cchc-index')
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, FEATURED_RECENT),
  );
  for (const a of published) {
    a.featured = featured.has(a) || a.templateId === 'cchc-index';
  }
  return [...published, ...drafts];

  function write(t: ArticleTemplate, k: number, date: VnDate, at: Date, status: 'draft' | 'published') {
    const content = t.write({ ...base, date, k, rnd });
    const figure = media(content.figure.image);
    const [first = '', ...rest] = content.paragraphs;
    const bodyHtml = [
      `<p>${escapeText(first)}</p>`,
      `<figure><img src="${escapeAttr(figure.url)}" alt="${escapeAttr(figure.alt)}" width="${figure.width}" height="${figure.height}" /><figcaption>${escapeText(content.figure.caption)}</figcaption></figure>`,
      ...rest.map((para) => `<p>${escapeText(para)}</p>`),
      `<p><em>${escapeText(DEMO_NOTICE)}</em></p>`,
    ].join('\n');
    const slug = uniqueSlug(slugify(content.title), slugs);
    const editor = base.leaders.editors[slugs.size % 2] ?? base.leaders.editors[0];
    const planned: PlannedArticle = {
      templateId: t.id,
      categorySlug: t.category,
      slug,
      title: content.title,
      summary: content.summary,
      bodyHtml,
      searchText: searchTextOf(content.title, content.summary, bodyHtml),
      cover: content.cover,
      status,
      featured: false,
      publishedAt: status === 'published' ? at : null,
      createdAt: at,
      authorName: editor.name,
    };
    return planned;
  }
}

function dayBefore(today: VnDate, days: number): VnDate {
  return vnDate(new Date(vnInstant(today.year, today.month, today.day, 12).getTime() - days * DAY_MS));
}

const before = (a: VnDate, b: VnDate): boolean =>
  a.year !== b.year ? a.year < b.year : a.month !== b.month ? a.month < b.month : a.day < b.day;

/** The most recent date strictly before today that matches a yearly or monthly schedule. */
export function scheduledDate(s: Exclude<Schedule, { kind: 'spread' }>, today: VnDate): VnDate {
  if (s.kind === 'yearly') {
    const thisYear = { year: today.year, month: s.month, day: s.day };
    return before(thisYear, today) ? thisYear : { ...thisYear, year: today.year - 1 };
  }
  const anchor =
    s.day < today.day ? { year: today.year, month: today.month } : addMonths(today.year, today.month, -1);
  const m = addMonths(anchor.year, anchor.month, -s.monthsAgo);
  return { year: m.year, month: m.month, day: s.day };
}

function uniqueSlug(base: string, taken: Set<string>): string {
  let slug = base;
  for (let n = 2; taken.has(slug); n++) {
    slug = `${base.slice(0, 75)}-${n}`;
  }
  taken.add(slug);
  return slug;
}
