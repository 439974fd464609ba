import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';

/* CSV exports (issue #4 item 7): RFC 4180 quoting, UTF-8 with BOM, OWASP CSV-injection guard. */

describe('toCsv', () => {
  it('writes a BOM, CRLF lines, numbers as numbers and empty cells for null', () => {
    expect(
      toCsv(
        ['Mã', 'Tỷ lệ (%)'],
        [
          ['2.1', 93.33],
          ['5.4', null],
        ],
      ),
    ).toBe('\uFEFFMã,Tỷ lệ (%)\r\n2.1,93.33\r\n5.4,\r\n');
  });

  it.each([
    ['a comma', 'Tiến độ, kết quả', '"Tiến độ, kết quả"'],
    ['a quote', 'Gọi là "một cửa"', '"Gọi là ""một cửa"""'],
    ['a line break', 'a\nb', '"a\nb"'],
    ['a formula', '=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['a leading minus', '-1+2', "'-1+2"],
  ])('quotes or guards %s', (_name, text, cell) => {
    expect(toCsv(['x'], [[text]])).toBe(`\uFEFFx\r\n${cell}\r\n`);
  });
});
