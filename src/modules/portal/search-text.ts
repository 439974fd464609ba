import { fold } from '../../platform/fold.js';

/** Plain text of an HTML fragment: tags dropped, common entities decoded, spaces collapsed. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The folded text stored in `search_text` so that search ignores diacritics and đ/d on both dialects
 * ("cai cach hanh chinh" finds "Cải cách hành chính"). Every write of a title, summary or body recomputes it.
 */
export function searchTextOf(...parts: string[]): string {
  return ` ${parts.map((p) => fold(htmlToText(p))).join(' ')} `;
}
