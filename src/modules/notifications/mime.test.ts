import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMail } from '../../../test/smtp-server.js';
import { buildMessage, encodeHeaderValue, parseMailbox, quotedPrintable } from './mime.js';
import { dotStuff } from './smtp-client.js';

const message = (subject: string, text: string, fileName = 'Giấy tiếp nhận hồ sơ.pdf') =>
  buildMessage({
    from: { name: 'UBND xã Tân Hồng', address: 'noreply@tanhong.example.gov.vn' },
    to: 'huong@example.vn',
    subject,
    text,
    attachments: [{ fileName, mime: 'application/pdf', content: Buffer.from('%PDF-1.4\n…') }],
    date: new Date('2026-11-26T02:30:00Z'),
    messageId: 'notification-1-0@tanhong.example.gov.vn',
  });

describe('MIME', () => {
  it('writes Vietnamese headers as RFC 2047 encoded words of at most 75 characters, whole characters each', () => {
    const value =
      'Phiếu xin lỗi và hẹn lại ngày trả kết quả hồ sơ 000.00.13.H12-261126-0001 — Ủy ban nhân dân';
    const encoded = encodeHeaderValue(value);
    const words = encoded.split('\r\n ');
    expect(words.length).toBeGreaterThan(2);
    for (const w of words) {
      expect(w).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
      expect(w.length).toBeLessThanOrEqual(75);
      expect(Buffer.from(w.slice(10, -2), 'base64').toString('utf8')).not.toContain('\uFFFD');
    }
    expect(words.map((w) => Buffer.from(w.slice(10, -2), 'base64').toString('utf8')).join('')).toBe(value);
    expect(encodeHeaderValue('Plain ASCII')).toBe('Plain ASCII');
    expect(encodeHeaderValue('a\r\nBcc: x@y.z')).toBe('a Bcc: x@y.z');
  });

  it('keeps quoted-printable lines within 76 characters and encodes trailing spaces', () => {
    const qp = quotedPrintable(`${'Đăng ký khai sinh '.repeat(20)}\nkết thúc `);
    for (const line of qp.split('\r\n')) {
      expect(line.length).toBeLessThanOrEqual(76);
    }
    expect(qp.endsWith('=20')).toBe(true);
  });

  it('parses MAIL_FROM with and without a display name', () => {
    expect(parseMailbox('Xã Tân Hồng <noreply@x.vn>')).toEqual({
      name: 'Xã Tân Hồng',
      address: 'noreply@x.vn',
    });
    expect(parseMailbox('"UBND, xã" <a@b.vn>')).toEqual({ name: 'UBND, xã', address: 'a@b.vn' });
    expect(parseMailbox('a@b.vn')).toEqual({ address: 'a@b.vn' });
  });

  it('doubles a dot that starts a line, and ends the data with CRLF', () => {
    expect(dotStuff('.a\r\nb\r\n..c\r\n.')).toBe('..a\r\nb\r\n...c\r\n..\r\n');
  });

  it('round-trips any text through an independent MIME parser (mailparser)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', maxLength: 120 }),
        fc.array(fc.string({ unit: 'grapheme', maxLength: 200 }), { maxLength: 6 }),
        async (subject, lines) => {
          const cleanSubject = subject.replace(/[\r\n]/g, ' ').trim();
          const text = lines.map((l) => l.replace(/[\r\n]/g, ' ')).join('\n');
          const raw = message(cleanSubject, text);
          expect(raw).toMatch(/^[\x20-\x7e\r\n\t]*$/); // 7-bit only
          const parsed = await parseMail(Buffer.from(raw));
          // Runs of ASCII blanks may fold into one; other white space (NBSP, U+3000…) is text and must survive.
          const blanks = (x: string) => x.replace(/[ \t]+/g, ' ').trim();
          expect(blanks(parsed.subject ?? '')).toBe(blanks(cleanSubject));
          // mailparser drops the white space at the very end of a body.
          expect((parsed.text ?? '').trimEnd()).toBe(text.trimEnd());
        },
      ),
      { numRuns: 60 },
    );
  });

  it('names a Vietnamese attachment so that mailparser reads the exact file name', async () => {
    const parsed = await parseMail(
      Buffer.from(message('x', 'y', 'Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04).pdf')),
    );
    expect(parsed.attachments.map((a) => a.filename)).toEqual([
      'Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04).pdf',
    ]);
    expect(parsed.from?.value).toEqual([
      { name: 'UBND xã Tân Hồng', address: 'noreply@tanhong.example.gov.vn' },
    ]);
  });
});
