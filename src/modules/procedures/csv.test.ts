import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';

const fieldsOf = (text: string) => {
  const r = parseCsv(text);
  if (!r.ok) {
    throw new Error(`${r.error} at ${r.line}`);
  }
  return r.records.map((rec) => rec.fields);
};

describe('parseCsv (RFC 4180)', () => {
  it.each([
    [
      'plain fields',
      'a,b,c\n1,2,3\n',
      [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ],
    ],
    [
      'CRLF line ends and no final line end',
      'a,b\r\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['empty fields', ',a,,\n', [['', 'a', '', '']]],
    ['a quoted field with commas', '"Đăng ký nhận cha, mẹ, con",x', [['Đăng ký nhận cha, mẹ, con', 'x']]],
    ['doubled quotes inside quotes', '"Tờ khai ""CT01""",y', [['Tờ khai "CT01"', 'y']]],
    ['a line break inside quotes', '"dòng 1\ndòng 2",z\n', [['dòng 1\ndòng 2', 'z']]],
    ['an empty quoted field', '"",a', [['', 'a']]],
    ['blank lines skipped', 'a\n\n\nb\n', [['a'], ['b']]],
    ['a byte-order mark dropped', '\uFEFFcode,name\n', [['code', 'name']]],
  ])('%s', (_case, text, expected) => {
    expect(fieldsOf(text)).toEqual(expected);
  });

  it('numbers each record by the line it starts on', () => {
    const r = parseCsv('h\n"a\nb"\n\nc\n');
    expect(r.ok && r.records.map((x) => x.line)).toEqual([1, 2, 5]);
  });

  it.each([
    ['an unclosed quote', 'a\n"b,c\n', { ok: false, line: 2, error: 'unclosed_quote' }],
    ['a quote in the middle of a field', 'a\nb"c",d\n', { ok: false, line: 2, error: 'quote_in_field' }],
    ['text after a closing quote', '"a"b,c\n', { ok: false, line: 1, error: 'quote_in_field' }],
  ])('refuses %s', (_case, text, expected) => {
    expect(parseCsv(text)).toEqual(expected);
  });
});
