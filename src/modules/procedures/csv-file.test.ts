import { describe, expect, it } from 'vitest';
import { xlsxMessages } from '../../platform/xlsx.messages.js';
import { catalogueFileOf } from './csv-file.js';
import { procedureMessages } from './procedures.messages.js';

const m = procedureMessages.import;
const file = (data: Buffer, truncated = false) => ({ filename: 'x.csv', data, truncated });

describe('catalogueFileOf', () => {
  it('reads UTF-8 text as CSV', () => {
    expect(catalogueFileOf(file(Buffer.from('code,name\n1.001193,Đăng ký khai sinh\n')))).toEqual({
      ok: true,
      kind: 'csv',
      text: 'code,name\n1.001193,Đăng ký khai sinh\n',
    });
  });
  it('takes a ZIP as an Excel workbook, whatever its name', () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
    expect(catalogueFileOf(file(zip))).toEqual({ ok: true, kind: 'xlsx', data: zip });
  });
  it.each([
    [
      'an old .xls or a workbook with a password',
      Buffer.from('d0cf11e0a1b11ae1000000', 'hex'),
      xlsxMessages.legacyOrEncrypted,
    ],
    ['Windows-1258 text', Buffer.from([0x63, 0x6f, 0x64, 0x65, 0xd0, 0x0a]), m.notUtf8],
    ['UTF-16 text', Buffer.from('code,name\n', 'utf16le'), m.notUtf8],
    ['a PNG image', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), m.notUtf8],
    ['a PDF', Buffer.from('%PDF-1.7\n\u0000\u0001', 'latin1'), m.notUtf8],
  ])('refuses %s', (_case, data, message) => {
    expect(catalogueFileOf(file(data))).toEqual({ ok: false, message });
  });
  it('refuses a file over the upload limit', () => {
    expect(catalogueFileOf(file(Buffer.from('a'), true))).toEqual({ ok: false, message: m.fileTooLarge });
  });
});
