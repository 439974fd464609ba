import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { procedureMessages } from './procedures.messages.js';
import { checkTemplate, sniffTemplate, templateFileName } from './template-file.js';
import { sampleDocx, sampleOdf, sampleOle, samplePdf } from './template-samples.js';

const m = procedureMessages.templates;

describe('sniffTemplate', () => {
  it('recognises PDF, DOC, DOCX and ODT by their bytes', () => {
    expect(sniffTemplate(samplePdf())).toBe('application/pdf');
    expect(sniffTemplate(sampleOle('WordDocument'))).toBe('application/msword');
    expect(sniffTemplate(sampleDocx())).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(sniffTemplate(sampleOdf())).toBe('application/vnd.oasis.opendocument.text');
  });

  it('refuses other OLE files, other ZIP packages and anything else', () => {
    const refused: [string, Buffer][] = [
      ['an Excel 97-2003 workbook', sampleOle('Workbook')],
      ['a password-protected Office file', sampleOle('EncryptedPackage')],
      ['a macro-enabled .docm', sampleDocx('x', 'application/vnd.ms-word.document.macroEnabled.main+xml')],
      [
        'a Word template .dotx',
        sampleDocx('x', 'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml'),
      ],
      ['an OpenDocument spreadsheet', sampleOdf('application/vnd.oasis.opendocument.spreadsheet')],
      ['a ZIP without a main part', Buffer.from(zipSync({ 'word/document.xml': strToU8('<w:document/>') }))],
      ['a broken ZIP', Buffer.from('PK\x03\x04 not really a zip')],
      ['an HTML page named .doc', Buffer.from('<html><script>alert(1)</script></html>')],
      ['a PNG', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')],
      ['nothing', Buffer.alloc(0)],
    ];
    for (const [what, bytes] of refused) {
      expect(sniffTemplate(bytes), what).toBeUndefined();
    }
  });
});

describe('templateFileName', () => {
  it('keeps the name, drops folders, quotes and control characters, and takes the sniffed extension', () => {
    expect(templateFileName('Tờ khai đăng ký khai sinh.docx', 'application/pdf')).toBe(
      'Tờ khai đăng ký khai sinh.pdf',
    );
    expect(templateFileName('C:\\Users\\mot cua\\"mau"\u0007.DOC', 'application/msword')).toBe('mau.doc');
    expect(templateFileName('', 'application/vnd.oasis.opendocument.text')).toBe('mau.odt');
    expect(templateFileName(`${'a'.repeat(300)}.pdf`, 'application/pdf')).toBe(`${'a'.repeat(150)}.pdf`);
  });
});

describe('checkTemplate', () => {
  const file = (data: Buffer, truncated = false) => ({ filename: 'to-khai.docx', data, truncated });

  it('says what is wrong at the field: no file, too large, wrong type', () => {
    expect(checkTemplate(file(Buffer.alloc(0)), 1024 * 1024)).toEqual({ ok: false, message: m.fileMissing });
    expect(checkTemplate(file(samplePdf(), true), 1024 * 1024)).toEqual({
      ok: false,
      message: m.tooLarge('1 MB'),
    });
    expect(checkTemplate(file(Buffer.alloc(2 * 1024 * 1024, 0x25)), 1024 * 1024)).toEqual({
      ok: false,
      message: m.tooLarge('1 MB'),
    });
    expect(checkTemplate(file(Buffer.from('hello')), 1024 * 1024)).toEqual({
      ok: false,
      message: m.wrongType,
    });
  });

  it('gives the type and the name to store', () => {
    expect(checkTemplate(file(sampleDocx()), 1024 * 1024)).toEqual({
      ok: true,
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      fileName: 'to-khai.docx',
    });
  });
});
