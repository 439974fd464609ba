import sanitizeHtml from 'sanitize-html';
import { assetPaths } from '../../../http/paths.js';
import { isStorageKey } from '../../../platform/storage.js';

/**
 * The one gate for rich text (article and page bodies): whatever the editor, a paste or a hand-written form sends,
 * what is stored is a small, known subset of HTML. Steps:
 *  1. NFC, so text typed on any Vietnamese keyboard compares and searches the same;
 *  2. plain text (no tags at all) becomes paragraphs: blank lines split <p>, single newlines become <br>;
 *  3. Trix's attachment markup (<figure data-trix-attachment=…>…) becomes <figure><img …><figcaption>…</figcaption>
 *     </figure>, with the caption typed in the editor and the alt text chosen at upload (or the caption);
 *  4. sanitize-html with an allow-list; everything else (scripts, event handlers, style, iframes, data: URLs) goes;
 *  5. Trix's line breaks inside a paragraph (<br><br>) split it into paragraphs, and empty paragraphs go.
 * This is a pure function; the page that shows the result can trust it.
 */
export function sanitizeBodyHtml(input: string): string {
  const text = input.normalize('NFC').replace(/\r\n?/g, '\n');
  const html = hasBlockMarkup(text) ? normaliseTrixAttachments(text) : plainTextToHtml(text);
  const clean = sanitizeHtml(html, OPTIONS);
  return tidyParagraphs(clean);
}

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'strong',
    'em',
    'u',
    's',
    'a',
    'ul',
    'ol',
    'li',
    'blockquote',
    'figure',
    'figcaption',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'hr',
  ],
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'width', 'height'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  // Images only from this site: no scheme at all, then only /media/<storage key> (isSameOriginImage, below).
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'title',
    'head',
    'template',
    'iframe',
    'object',
  ],
  transformTags: {
    div: 'p',
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    b: 'strong',
    i: 'em',
    del: 's',
    strike: 's',
    img: (tagName, attribs) => {
      const out: Record<string, string> = {};
      if (attribs.src && isSameOriginImage(attribs.src)) {
        out.src = attribs.src;
      }
      out.alt = attribs.alt ?? '';
      for (const dim of ['width', 'height'] as const) {
        const v = attribs[dim];
        if (v && /^\d{1,5}$/.test(v)) {
          out[dim] = v;
        }
      }
      return { tagName, attribs: out };
    },
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

/**
 * An image address on this site: exactly `/media/` and a key of the file storage (YYYY/MM/<random>.<ext>), as the
 * upload answers; nothing relative, encoded (`%2e%2e`), from another origin, data: or javascript:.
 */
export function isSameOriginImage(src: string): boolean {
  const s = src.trim();
  return s.startsWith(MEDIA_PREFIX) && isStorageKey(s.slice(MEDIA_PREFIX.length));
}

const MEDIA_PREFIX = assetPaths.media('');

/** Does the text carry its own blocks (paragraphs, lists, line breaks…)? If not, blank lines make paragraphs. */
function hasBlockMarkup(s: string): boolean {
  return /<\/?(p|div|br|h[1-6]|ul|ol|li|figure|table|blockquote|hr|pre)\b/i.test(s);
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/**
 * Paragraphs from text without block markup: blank lines separate paragraphs, single newlines become <br>. Inline
 * markup someone typed (<strong>…) is left for the sanitiser, which also escapes a stray "<".
 */
export function plainTextToHtml(s: string): string {
  return s
    .split(/\n[ \t]*\n/)
    .map((para) => para.trim())
    .filter(Boolean)
    .map((para) => `<p>${para.replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

const decodeEntities = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function attributeOf(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag);
  return m ? decodeEntities(m[1] ?? m[2] ?? '') : undefined;
}

function parseJsonObject(s: string | undefined): Record<string, unknown> {
  if (!s) {
    return {};
  }
  try {
    const v: unknown = JSON.parse(s);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/**
 * Trix serialises an image as
 *   <figure data-trix-attachment="{…url, width, height, alt…}" data-trix-attributes="{…caption…}" class="attachment…">
 *     [<a href>]<img src="…"><figcaption class="attachment__caption">…</figcaption>[</a]></figure>
 * The caption in data-trix-attributes is what the editor typed (the figcaption otherwise shows file name and size).
 * Non-image attachments are dropped. The output still goes through the sanitiser.
 */
export function normaliseTrixAttachments(html: string): string {
  // The opening tag's attribute values may contain ">" (browsers need not escape it), so match quoted values whole.
  const figure = /<figure\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/figure>/gi;
  return html.replace(figure, (all, open: string) => {
    if (!/\sdata-trix-attachment\s*=/i.test(` ${open}`)) {
      return all;
    }
    const attachment = parseJsonObject(attributeOf(` ${open}`, 'data-trix-attachment'));
    const attributes = parseJsonObject(attributeOf(` ${open}`, 'data-trix-attributes'));
    const url = str(attachment.url) || str(attachment.href);
    const contentType = str(attachment.contentType);
    // Trix gives an image it read back from stored HTML the bare type "image".
    if (!url || (contentType && contentType !== 'image' && !contentType.startsWith('image/'))) {
      return '';
    }
    const caption = str(attributes.caption).trim();
    const alt = str(attachment.alt).trim() || caption;
    const dims = (['width', 'height'] as const)
      .map((d) => str(attachment[d]))
      .map((v, i) => (/^\d{1,5}$/.test(v) ? ` ${i === 0 ? 'width' : 'height'}="${v}"` : ''))
      .join('');
    const img = `<img src="${escapeAttr(url)}" alt="${escapeAttr(alt)}"${dims}>`;
    return `<figure>${img}${caption ? `<figcaption>${escapeText(caption)}</figcaption>` : ''}</figure>`;
  });
}

/** A paragraph per run of text between double line breaks, without line breaks at either end. */
const splitParagraphs = (inner: string) =>
  `<p>${inner
    .replace(/^(\s*<br \/>)+|(<br \/>\s*)+$/g, '')
    .split(/(?:\s*<br \/>\s*){2,}/)
    .join('</p><p>')}</p>`;

/**
 * Splits paragraphs at double line breaks (Trix's blank line), lifts figures out of paragraphs (Trix keeps an image
 * inside its text block), puts text left outside any block back into paragraphs, and removes empty paragraphs.
 */
function tidyParagraphs(html: string): string {
  const tidied = html.replace(/<p>([\s\S]*?)<\/p>/g, (all, inner: string) => {
    if (/<(p|ul|ol|table|blockquote|h[2-4])\b/.test(inner)) {
      return all;
    }
    return inner
      .split(/(<figure>[\s\S]*?<\/figure>)/)
      .map((part) => (part.startsWith('<figure>') ? part : splitParagraphs(part)))
      .join('');
  });
  return wrapLooseText(tidied)
    .replace(/<p>(\s|<br \/>|&nbsp;)*<\/p>/g, '')
    .trim();
}

const BLOCK_TAGS = new Set([
  'p',
  'h2',
  'h3',
  'h4',
  'ul',
  'ol',
  'li',
  'blockquote',
  'figure',
  'figcaption',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'hr',
]);

/**
 * Wraps text and inline markup standing at the top level (outside any block) in paragraphs. The HTML parser closes
 * a <p> when a <figure> opens inside it, so in `<p>a<figure>…</figure>c</p>` the "c" ends up outside any
 * paragraph. Works on the sanitiser's output: balanced tags, void tags self-closed, "<" and ">" escaped in text
 * and attribute values.
 */
function wrapLooseText(html: string): string {
  let out = '';
  let loose = '';
  let depth = 0;
  const flush = () => {
    out += loose.trim() === '' ? loose : splitParagraphs(loose.trim());
    loose = '';
  };
  for (const [token, closing, name = '', selfClosing] of html.matchAll(
    /<(\/?)([a-z0-9]+)\b[^>]*?(\/?)>|[^<]+/g,
  )) {
    if (!BLOCK_TAGS.has(name)) {
      if (depth === 0) {
        loose += token;
      } else {
        out += token;
      }
      continue;
    }
    if (depth === 0) {
      flush();
    }
    out += token;
    if (!selfClosing) {
      depth += closing ? -1 : 1;
    }
  }
  flush();
  return out;
}
