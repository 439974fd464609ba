/**
 * The little XML that XLSX needs (pure): a scanner for the parts a reader meets (SpreadsheetML, relationships,
 * content types) and the escaping a writer needs. Not a general XML parser: no DTD (a DOCTYPE is refused, so no entity
 * expansion), no namespace resolution (prefixes are dropped: `x:row` and `row` are the same element), no checks that
 * tags balance beyond what the callers need.
 */

/** The XML of a part is not well-formed enough to read. */
export class XmlSyntaxError extends Error {}

export type XmlAttrs = Record<string, string>;
export type XmlHandlers = {
  /** An element starts; `empty` when it is self-closing (`<c r="A1"/>`: no close event follows). */
  open?: (name: string, attrs: XmlAttrs, empty: boolean) => void;
  close?: (name: string) => void;
  /** Character data between tags (entities decoded, CDATA as is, line ends normalised to \n). */
  text?: (text: string) => void;
};

const TAG = /<(\/?)([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const ATTR = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

const localName = (qname: string): string => qname.slice(qname.indexOf(':') + 1);

/** Entities decoded; an unknown entity or a bare & is kept as written (a lenient reader). */
function decode(raw: string): string {
  const s = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (!s.includes('&')) {
    return s;
  }
  return s.replace(ENTITY, (all, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return NAMED[ref] ?? all;
  });
}

function attrsOf(raw: string): XmlAttrs {
  const attrs: XmlAttrs = {};
  if (raw === '') {
    return attrs;
  }
  for (const m of raw.matchAll(ATTR)) {
    const name = m[1] as string;
    if (name === 'xmlns' || name.startsWith('xmlns:')) {
      continue;
    }
    attrs[localName(name)] = decode(m[2] ?? m[3] ?? '');
  }
  return attrs;
}

/** Walks the elements and text of `xml` in document order, calling the handlers. */
export function scanXml(xml: string, h: XmlHandlers): void {
  const n = xml.length;
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const end = lt === -1 ? n : lt;
    if (end > i && h.text) {
      h.text(decode(xml.slice(i, end)));
    }
    if (lt === -1) {
      return;
    }
    if (xml.startsWith('<?', lt)) {
      i = after(xml, '?>', lt + 2);
    } else if (xml.startsWith('<!--', lt)) {
      i = after(xml, '-->', lt + 4);
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const close = after(xml, ']]>', lt + 9);
      h.text?.(xml.slice(lt + 9, close - 3).replace(/\r\n?/g, '\n'));
      i = close;
    } else if (xml.startsWith('<!', lt)) {
      throw new XmlSyntaxError('DOCTYPE is not allowed');
    } else {
      TAG.lastIndex = lt;
      const m = TAG.exec(xml);
      if (!m) {
        throw new XmlSyntaxError(`bad tag at ${lt}`);
      }
      const name = localName(m[2] as string);
      if (m[1] === '/') {
        h.close?.(name);
      } else {
        h.open?.(name, attrsOf(m[3] ?? ''), m[4] === '/');
      }
      i = TAG.lastIndex;
    }
  }
}

function after(xml: string, token: string, from: number): number {
  const at = xml.indexOf(token, from);
  if (at === -1) {
    throw new XmlSyntaxError(`missing ${token}`);
  }
  return at + token.length;
}

/** Text or attribute value for XML. */
export function escapeXml(s: string): string {
  return s.replace(/[<>&"]/g, (c) =>
    c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '&quot;',
  );
}

/**
 * OOXML's ST_Xstring escape: characters XML 1.0 cannot hold (controls other than tab and line ends, lone
 * surrogates, U+FFFE/U+FFFF) are written `_xHHHH_`, and a literal `_xHHHH_` in the text gets its underscore escaped
 * (`_x005F_`), so that Excel shows the text as it was.
 */
export function encodeXstring(s: string): string {
  return s.replace(
    // eslint-disable-next-line no-control-regex
    /_(?=x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}

/** The reverse of encodeXstring, for text read from a workbook. */
export function decodeXstring(s: string): string {
  return s.includes('_x')
    ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : s;
}
