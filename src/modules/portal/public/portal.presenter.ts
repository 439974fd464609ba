import { assetPaths, portalPaths } from '../../../http/paths.js';
import { fold } from '../../../platform/fold.js';
import { formatDate, formatDateTime, formatNumber, localDate } from '../../../platform/time.js';
import type { Site } from '../../units/unit-directory.js';
import type { ChromeView, CountersView, Link, MetaView } from '../../../web/layout-view.js';
import { layoutMessages as lm } from '../../../web/layout.messages.js';
import { portalMessages as m } from './portal.messages.js';

export type { ChromeView, CountersView, Link, MetaView, PageShell } from '../../../web/layout-view.js';

/* Pure shaping of portal rows into view models: labels, formatted dates, hrefs. No I/O. */

export type MetaInput = {
  /** The page's own title; undefined on the home page. */
  title?: string;
  description?: string;
  /** The canonical path (with the unit's base path). */
  path: string;
  type?: 'website' | 'article';
  /** Instant the content dates from (DC.date); defaults to now. */
  date?: string;
  creator?: string;
  imagePath?: string;
  noIndex?: boolean;
};

export type ArticleCard = {
  title: string;
  href: string;
  dateLabel: string;
  dateTime: string;
  summary: string;
  image: { src: string; alt: string } | null;
};

export type PaginationView = {
  current: number;
  total: number;
  label: string;
  previousHref: string | null;
  nextHref: string | null;
  pages: { number: number; href: string; current: boolean }[];
};

type UnitForChrome = Pick<
  Site['unit'],
  'name' | 'fullName' | 'address' | 'phone' | 'email' | 'editorName' | 'editorTitle' | 'logoPath' | 'isDemo'
>;

const KIND_WORDS = ['thành phố', 'thị trấn', 'thị xã', 'phường', 'huyện', 'quận', 'tỉnh', 'xã'];

/** "Xã Tân Hồng" → "xã Tân Hồng" inside a sentence; proper names keep their capitals. */
export function inSentence(name: string): string {
  const lower = name.toLocaleLowerCase('vi');
  const word = KIND_WORDS.find((w) => lower.startsWith(`${w} `));
  return word ? `${word}${name.slice(word.length)}` : name;
}

const upper = (s: string) => s.toLocaleUpperCase('vi');

/** Initials for the emblem shown when a unit has no logo: "Xã Tân Hồng" → "TH". */
export function emblemOf(name: string): string {
  const lower = name.toLocaleLowerCase('vi');
  const word = KIND_WORDS.find((w) => lower.startsWith(`${w} `));
  const proper = word ? name.slice(word.length).trim() : name;
  const initials = proper
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0] ?? '')
    .join('');
  return upper(initials.slice(0, 3)) || upper(name.slice(0, 1));
}

export function toChrome(input: {
  unit: UnitForChrome;
  parentName: string | null;
  base: string;
  categories: readonly { slug: string; name: string; showInMenu: number }[];
  pages: readonly { slug: string; title: string; showInMenu: number }[];
}): ChromeView {
  const { unit, parentName, base } = input;
  const brandName = upper(parentName ? `${unit.name} - ${parentName}` : unit.name);
  const brandLead = upper(lm.siteLead);
  const editorLine = unit.editorName
    ? `${lm.editorInChief}: ${unit.editorName}${unit.editorTitle ? ` - ${unit.editorTitle}` : ''}`
    : null;
  return {
    siteTitle: `${brandLead} ${brandName}`,
    brandLead,
    brandName,
    siteName: `${lm.siteLead} ${inSentence(unit.name)}`,
    publisher: unit.fullName,
    logo: unit.logoPath ? { src: assetPaths.media(unit.logoPath), alt: lm.logoAlt(unit.name) } : null,
    emblem: emblemOf(unit.name),
    homeHref: portalPaths.home(base),
    searchHref: portalPaths.search(base),
    sitemapHref: portalPaths.sitemapHtml(base),
    rssHref: portalPaths.rss(base),
    unitsHref: portalPaths.units(base),
    menu: [
      { label: lm.home, href: portalPaths.home(base) },
      ...input.pages
        .filter((p) => p.showInMenu === 1)
        .map((p) => ({ label: p.title, href: portalPaths.page(base, p.slug) })),
      ...input.categories
        .filter((c) => c.showInMenu === 1)
        .map((c) => ({ label: c.name, href: portalPaths.category(base, c.slug) })),
      { label: lm.search, href: portalPaths.search(base) },
    ],
    footer: {
      owner: unit.fullName,
      editorLine,
      address: unit.address,
      phone: unit.phone,
      email: unit.email,
    },
    isDemo: unit.isDemo === 1,
  };
}

/** The national services every commune portal links to, after its own quick links. */
export const NATIONAL_QUICK_LINKS: readonly Link[] = [
  { label: m.quickLinks.nationalServicePortal, href: 'https://dichvucong.gov.vn', external: true },
];

/**
 * Wraps each table of a sanitised body in a region that scrolls sideways on a phone and can take the keyboard focus
 * (so it can be scrolled without a mouse). The sanitiser keeps <table> without attributes; every opening tag gets
 * its wrapper and every closing tag closes it, so the markup stays balanced.
 */
export function scrollableTables(html: string): string {
  return html
    .replace(
      /<table\b/gi,
      `<div class="table-scroll" role="region" tabindex="0" aria-label="${m.article.table}"><table`,
    )
    .replace(/<\/table\s*>/gi, '</table></div>');
}

export function toCounters(s: { online: number; today: number; total: number }): CountersView {
  return { online: formatNumber(s.online), today: formatNumber(s.today), total: formatNumber(s.total) };
}

/** Plain text for meta descriptions: at most `max` characters, cut at a word. */
export function excerpt(text: string, max = 200): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) {
    return clean;
  }
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function toMeta(input: MetaInput, chrome: ChromeView, origin: string, now: Date): MetaView {
  const title = input.title ?? chrome.siteName;
  return {
    documentTitle: input.title ? `${input.title} - ${chrome.siteName}` : chrome.siteName,
    title,
    description: excerpt(input.description || chrome.siteName),
    canonicalUrl: `${origin}${input.path}`,
    type: input.type ?? 'website',
    siteName: chrome.siteName,
    imageUrl: input.imagePath ? `${origin}${input.imagePath}` : null,
    dcDate: localDate(input.date ?? now),
    dcCreator: input.creator || chrome.publisher,
    dcPublisher: chrome.publisher,
    rssUrl: `${origin}${chrome.rssHref}`,
    noIndex: input.noIndex ?? false,
  };
}

export function toArticleCard(
  row: {
    slug: string;
    title: string;
    summary: string;
    publishedAt: string | null;
    coverKey: string | null;
    coverAlt: string | null;
  },
  base: string,
): ArticleCard {
  const at = row.publishedAt ?? '';
  return {
    title: row.title,
    href: portalPaths.article(base, row.slug),
    dateLabel: at ? formatDate(at) : '',
    dateTime: at,
    summary: row.summary,
    image: row.coverKey ? { src: assetPaths.media(row.coverKey), alt: row.coverAlt ?? '' } : null,
  };
}

/** "dd/mm/yyyy hh:mm:ss" in Vietnam's time, as on the seed page. */
export const publishedLabel = (instant: string): string => formatDateTime(instant);

/**
 * A page number from the query string: absent → 1; anything but a positive integer → null (the route answers 404).
 */
export function parsePageNumber(raw: unknown): number | null {
  if (raw === undefined) {
    return 1;
  }
  if (typeof raw !== 'string' || !/^[1-9][0-9]{0,5}$/.test(raw)) {
    return null;
  }
  return Number(raw);
}

export const pageCount = (total: number, size: number): number => Math.max(1, Math.ceil(total / size));

export function toPagination(current: number, total: number, hrefOf: (n: number) => string): PaginationView {
  const from = Math.max(1, current - 2);
  const to = Math.min(total, current + 2);
  const pages: PaginationView['pages'] = [];
  for (let n = from; n <= to; n++) {
    pages.push({ number: n, href: hrefOf(n), current: n === current });
  }
  if (from > 1) {
    pages.unshift({ number: 1, href: hrefOf(1), current: false });
  }
  if (to < total) {
    pages.push({ number: total, href: hrefOf(total), current: false });
  }
  return {
    current,
    total,
    label: m.pagination.ofTotal(current, total),
    previousHref: current > 1 ? hrefOf(current - 1) : null,
    nextHref: current < total ? hrefOf(current + 1) : null,
    pages,
  };
}

export const MAX_QUERY_LENGTH = 200;
const MAX_TOKENS = 12;

/** The query as typed, trimmed and cut to MAX_QUERY_LENGTH characters. */
export function normaliseQuery(raw: unknown): string {
  const first = Array.isArray(raw) ? (raw as unknown[])[0] : raw;
  return typeof first === 'string' ? first.trim().slice(0, MAX_QUERY_LENGTH).trim() : '';
}

/** Folded, distinct words of a query: "Cải cách  HÀNH chính" → ["cai", "cach", "hanh", "chinh"]. */
export function searchTokens(query: string): string[] {
  const words = fold(query).split(' ').filter(Boolean);
  return [...new Set(words)].slice(0, MAX_TOKENS);
}

/** The folded query as one phrase: "Đăng  ký!" → "dang ky". */
export function searchPhrase(query: string): string {
  return fold(query)
    .split(' ')
    .filter(Boolean)
    .slice(0, MAX_TOKENS * 2)
    .join(' ');
}

/** True when every token starts a word of the folded title: such results are listed first. */
export function titleMatches(title: string, tokens: readonly string[]): boolean {
  const words = ` ${fold(title)}`;
  return tokens.every((t) => words.includes(` ${t}`));
}
