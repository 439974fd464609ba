import { describe, expect, it } from 'vitest';
import { csvTextOf } from './csv-file.js';
import { procedureMessages } from './procedures.messages.js';

const m = procedureMessages.import;
const file = (data: Buffer, truncated = false) => ({ filename: 'x.csv', data, truncated });

describe('csvTextOf', () => {
  it('reads UTF-8 text', () => {
    expect(csvTextOf(file(Buffer.from('code,name\n1.001193,Đăng ký khai sinh\n')))).toEqual({
      ok: true,
      text: 'code,name\n1.001193,Đăng ký khai sinh\n',
    });
  });
  it.each([
    ['an Excel workbook', file(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])), m.xlsx],
    ['Windows-1258 text', file(Buffer.from([0x63, 0x6f, 0x64, 0x65, 0xd0, 0x0a])), m.notUtf8],
    ['a file over the limit', file(Buffer.from('a'), true), m.fileTooLarge],
  ])('refuses %s', (_case, f, message) => {
    expect(csvTextOf(f)).toEqual({ ok: false, message });
  });
});
