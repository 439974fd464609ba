import { randomBytes } from 'node:crypto';
import { unaccent } from './unaccent.js';

/*
 * An Internet message (RFC 5322 + MIME, RFC 2045–2047, 2231) as 7-bit ASCII with CRLF line ends, so it travels
 * through any SMTP server without the 8BITMIME or SMTPUTF8 extensions: Vietnamese headers are RFC 2047 encoded
 * words, bodies quoted-printable, attachments base64.
 */

export type MailAddress = { name?: string | undefined; address: string };

export type MailInput = {
  from: MailAddress;
  to: string;
  subject: string;
  text: string;
  html?: string | null | undefined;
  attachments?: readonly { fileName: string; mime: string; content: Buffer }[];
  date: Date;
  /** Without angle brackets, e.g. 12.abc@tanhong.gov.vn */
  messageId: string;
};

const CRLF = '\r\n';
const MAX_ENCODED_WORD_BYTES = 45; // 45 bytes → 60 base64 chars + 12 for "=?UTF-8?B?" "?=" = 72 ≤ 75

/** "Xã Tân Hồng <noreply@x.vn>" or "noreply@x.vn" → parts (config.ts checked the shape). */
export function parseMailbox(value: string): MailAddress {
  const m = /^\s*(.*?)\s*<([^<>]+)>\s*$/.exec(value);
  if (!m) {
    return { address: value.trim() };
  }
  const name = (m[1] ?? '').replace(/^"(.*)"$/, '$1').trim();
  return name ? { name, address: m[2] ?? '' } : { address: m[2] ?? '' };
}

const isPlainAscii = (s: string) => /^[\x20-\x7e]*$/.test(s);

/**
 * RFC 2047 "B" encoded words for a header value, each at most 75 characters and holding whole characters, joined
 * by folding white space (which decoders drop between adjacent encoded words). Plain ASCII stays as it is.
 */
export function encodeHeaderValue(value: string): string {
  const clean = value.replace(/[\r\n]+/g, ' ');
  if (isPlainAscii(clean) && !clean.includes('=?')) {
    return clean;
  }
  const words: string[] = [];
  let chunk = '';
  for (const ch of clean) {
    if (Buffer.byteLength(chunk + ch) > MAX_ENCODED_WORD_BYTES) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join(`${CRLF} `);
}

/** A mailbox for From/To headers: the display name quoted or encoded, the address as it is. */
export function formatMailbox(a: MailAddress): string {
  if (!a.name) {
    return a.address;
  }
  const name = a.name.replace(/[\r\n]+/g, ' ');
  const shown =
    isPlainAscii(name) && !name.includes('=?')
      ? `"${name.replace(/["\\]/g, '\\$&')}"`
      : encodeHeaderValue(name);
  return `${shown} <${a.address}>`;
}

/**
 * Quoted-printable (RFC 2045 §6.7) of UTF-8 text: line ends become CRLF, lines are soft-broken at 76 characters
 * without splitting an =XX escape, and white space before a line end is encoded so no transport can strip it.
 */
export function quotedPrintable(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return lines.map(qpLine).join(CRLF);
}

function qpLine(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  const tokens: string[] = [];
  bytes.forEach((b, i) => {
    const last = i === bytes.length - 1;
    const literal = (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last);
    tokens.push(literal ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`);
  });
  const out: string[] = [];
  let current = '';
  for (const t of tokens) {
    if (current.length + t.length > 75) {
      out.push(`${current}=`);
      current = '';
    }
    current += t;
  }
  out.push(current);
  return out.join(CRLF);
}

/** Base64 in lines of 76 characters. */
export function base64Lines(content: Buffer): string {
  const b64 = content.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) {
    lines.push(b64.slice(i, i + 76));
  }
  return lines.join(CRLF);
}

/** RFC 2231 extended value: UTF-8''percent-encoded. */
function rfc2231(value: string): string {
  return `UTF-8''${encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

function attachmentHeaders(fileName: string, mime: string): string[] {
  const name = fileName.replace(/[\r\n"\\]/g, '_');
  if (isPlainAscii(name)) {
    return [
      `Content-Type: ${mime}; name="${name}"`,
      'Content-Transfer-Encoding: base64',
      `Content-Disposition: attachment; filename="${name}"`,
    ];
  }
  // Clients that ignore RFC 2231 read the RFC 2047 name in Content-Type; the rest read filename*.
  const ascii = unaccent(name).replace(/[^\x20-\x7e]/g, '_');
  return [
    `Content-Type: ${mime};${CRLF} name="${encodeHeaderValue(name).replace(/\r\n /g, ' ')}"`,
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment;${CRLF} filename="${ascii}";${CRLF} filename*=${rfc2231(name)}`,
  ];
}

function textPart(subtype: 'plain' | 'html', body: string): string {
  return [
    `Content-Type: text/${subtype}; charset=utf-8`,
    'Content-Transfer-Encoding: quoted-printable',
    '',
    quotedPrintable(body),
  ].join(CRLF);
}

/** "=_" never occurs in quoted-printable or base64 output, so the boundary cannot collide with a body. */
const newBoundary = () => `=_congxa_${randomBytes(12).toString('hex')}`;

function multipart(subtype: 'mixed' | 'alternative', parts: readonly string[]): string {
  const boundary = newBoundary();
  return [
    `Content-Type: multipart/${subtype}; boundary="${boundary}"`,
    '',
    ...parts.map((p) => `--${boundary}${CRLF}${p}`),
    `--${boundary}--`,
  ].join(CRLF);
}

/** RFC 5322 date in UTC, e.g. "Thu, 26 Nov 2026 07:15:00 +0000". */
export function rfc5322Date(d: Date): string {
  return d.toUTCString().replace(/GMT$/, '+0000');
}

/** The whole message, ready for DATA (before dot-stuffing): 7-bit ASCII, CRLF line ends. */
export function buildMessage(m: MailInput): string {
  const body = m.html
    ? multipart('alternative', [textPart('plain', m.text), textPart('html', m.html)])
    : textPart('plain', m.text);
  const attachments = m.attachments ?? [];
  const entity =
    attachments.length === 0
      ? body
      : multipart('mixed', [
          body,
          ...attachments.map((a) =>
            [...attachmentHeaders(a.fileName, a.mime), '', base64Lines(a.content)].join(CRLF),
          ),
        ]);
  const headers = [
    `From: ${formatMailbox(m.from)}`,
    `To: ${m.to}`,
    `Subject: ${encodeHeaderValue(m.subject)}`,
    `Date: ${rfc5322Date(m.date)}`,
    `Message-ID: <${m.messageId}>`,
    'MIME-Version: 1.0',
  ];
  return `${headers.join(CRLF)}${CRLF}${entity}${CRLF}`;
}
