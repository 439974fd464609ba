import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { dateKindOf, wallTimeOfSerial } from './xlsx-dates.js';
import { xlsxMessages } from './xlsx.messages.js';
import {
  attachmentHeader,
  columnName,
  readXlsxRows,
  sheetNameOf,
  writeXlsx,
  XLSX_CONTENT_TYPE,
  XlsxError,
  xlsxReply,
  type XlsxWorkbook,
} from './xlsx.js';

const part = (bytes: Buffer, name: string): string => {
  const data = unzipSync(bytes)[name];
  if (!data) {
    throw new Error(`no part ${name}`);
  }
  return Buffer.from(data).toString('utf8');
};

const refusal = (fn: () => unknown): XlsxError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof XlsxError) {
      return e;
    }
    throw e;
  }
  throw new Error('not refused');
};

const report: XlsxWorkbook = {
  sheets: [
    {
      name: 'Hồ sơ tháng 11/2026: xã [Thử]',
      columns: [
        { header: 'Họ và tên', kind: 'text' },
        { header: 'Số tiền', kind: 'integer' },
        { header: 'Ngày sinh', kind: 'date' },
        { header: 'Tiếp nhận lúc', kind: 'datetime' },
        { header: 'Tỷ lệ đúng hạn', kind: 'percent' },
        { header: 'Ghi chú', width: 30 },
      ],
      rows: [
        ['Nguyễn Thị Hằng', 200000, '1990-02-28', '2026-11-26T20:30:00.000Z', 0.125, 'ỹ ự ở ẵ đ'],
        ['Trần Văn Đức', 0, new Date(Date.UTC(2026, 0, 5)), new Date('2026-01-05T01:02:03Z'), 1, null],
        [null, null, null, null, null, null],
        ['=1+1', -5, new Date('2026-01-05T23:00:00Z'), null, 0.5, '=HYPERLINK("http://x","y")'],
        ['@SUM(A1)', 1.5, '', '', '', '+84 912 345 678'],
      ],
    },
  ],
};

describe('writeXlsx and readXlsxRows', () => {
  it('round-trips Vietnamese text, numbers, dates, instants and empty cells', async () => {
    const bytes = await writeXlsx(report);
    expect(readXlsxRows(bytes)).toEqual([
      ['Họ và tên', 'Số tiền', 'Ngày sinh', 'Tiếp nhận lúc', 'Tỷ lệ đúng hạn', 'Ghi chú'],
      // 20:30Z is 03:30 the next morning in Asia/Ho_Chi_Minh.
      ['Nguyễn Thị Hằng', '200000', '1990-02-28', '2026-11-27 03:30:00', '0.125', 'ỹ ự ở ẵ đ'],
      ['Trần Văn Đức', '0', '2026-01-05', '2026-01-05 08:02:03', '1'],
      [],
      // An instant in a date column gives its date in Asia/Ho_Chi_Minh (06:00 on 6 January).
      ['=1+1', '-5', '2026-01-06', '', '0.5', '=HYPERLINK("http://x","y")'],
      ['@SUM(A1)', '1.5', '', '', '', '+84 912 345 678'],
    ]);
  });

  it('writes text that looks like a formula as text, never as a formula', async () => {
    const bytes = await writeXlsx(report);
    const sheet = part(bytes, 'xl/worksheets/sheet1.xml');
    expect(sheet).not.toContain('<f>');
    expect(sheet).not.toContain('<f ');
    // String cells with the quote-prefix style (index 8), so that editing the cell in Excel keeps it text.
    for (const ref of ['A5', 'F5', 'A6', 'F6']) {
      expect(sheet).toMatch(new RegExp(`<c r="${ref}" t="s" s="8"><v>\\d+</v></c>`));
    }
    expect(part(bytes, 'xl/styles.xml')).toContain(
      'numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" quotePrefix="1"',
    );
    expect(part(bytes, 'xl/sharedStrings.xml')).toContain(
      '<t>=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</t>',
    );
  });

  it('bolds and freezes the header, sets widths and the dd/mm/yyyy formats, and names the sheet for Excel', async () => {
    const bytes = await writeXlsx(report);
    const sheet = part(bytes, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toMatch(/<row r="1"><c r="A1" t="s" s="1">/);
    expect(sheet).toContain('<col min="6" max="6" width="30" customWidth="1"/>');
    expect(sheet).toContain('<col min="1" max="1" width="17" customWidth="1" style="7"/>');
    // 1990-02-28 is serial 32932; 2026-11-27 03:30 is 46353 + 3.5/24.
    expect(sheet).toContain('<c r="C2" s="3"><v>32932</v></c>');
    expect(sheet).toContain('<c r="D2" s="4"><v>46353.145833333336</v></c>');
    const styles = part(bytes, 'xl/styles.xml');
    expect(styles).toContain('<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>');
    expect(styles).toContain('<numFmt numFmtId="165" formatCode="dd/mm/yyyy hh:mm"/>');
    expect(styles).toMatch(/<font><b\/><sz val="11"\/>/);
    expect(part(bytes, 'xl/workbook.xml')).toContain(
      '<sheet name="Hồ sơ tháng 11-2026- xã (Thử)" sheetId="1" r:id="rId1"/>',
    );
  });

  it('puts an optional title above the header, merged across the columns, and freezes under the header', async () => {
    const bytes = await writeXlsx({
      sheets: [
        {
          name: 'Báo cáo',
          title: 'BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ',
          columns: [{ header: 'Mã' }, { header: 'Tên' }, { header: 'Số' }],
          rows: [['1.001193', 'Đăng ký khai sinh', 3]],
        },
        { name: 'Báo cáo', columns: [{ header: 'A' }], rows: [] },
      ],
    });
    expect(readXlsxRows(bytes)).toEqual([
      ['BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ'],
      ['Mã', 'Tên', 'Số'],
      ['1.001193', 'Đăng ký khai sinh', '3'],
    ]);
    const sheet = part(bytes, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain('<mergeCell ref="A1:C1"/>');
    expect(sheet).toContain('<pane ySplit="2" topLeftCell="A3"');
    expect(part(bytes, 'xl/workbook.xml')).toContain('<sheet name="Báo cáo (2)" sheetId="2" r:id="rId2"/>');
  });

  it('keeps characters XML cannot hold and text shaped like its escapes', async () => {
    const text = 'a\u0001b _x0041_ c\nd\te';
    const bytes = await writeXlsx({
      sheets: [{ name: 'x', columns: [{ header: 'h' }], rows: [[text], ['  lề  ']] }],
    });
    expect(part(bytes, 'xl/sharedStrings.xml')).toContain('a_x0001_b _x005F_x0041_ c');
    expect(readXlsxRows(bytes)).toEqual([['h'], [text], ['  lề  ']]);
  });

  it('gives the same bytes for the same workbook', async () => {
    expect((await writeXlsx(report)).equals(await writeXlsx(report))).toBe(true);
  });

  it('refuses what Excel cannot hold', async () => {
    const one = (value: number | Date | string, kind?: 'date') => ({
      sheets: [{ name: 's', columns: [{ header: 'h', ...(kind ? { kind } : {}) }], rows: [[value]] }],
    });
    await expect(writeXlsx({ sheets: [] })).rejects.toThrow(RangeError);
    await expect(writeXlsx(one(Number.NaN))).rejects.toThrow(RangeError);
    await expect(writeXlsx(one(new Date('nope')))).rejects.toThrow(RangeError);
    await expect(writeXlsx(one('1899-12-31', 'date'))).rejects.toThrow(RangeError);
    await expect(writeXlsx(one('2026-02-30', 'date'))).rejects.toThrow(RangeError);
  });

  const hasUnzip = (() => {
    try {
      execFileSync('unzip', ['-v'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  const dir = mkdtempSync(join(tmpdir(), 'xlsx-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!hasUnzip)('is a ZIP that unzip lists and reads, with the parts Excel needs', async () => {
    const file = join(dir, 'báo cáo.xlsx');
    writeFileSync(file, await writeXlsx(report));
    const list = execFileSync('unzip', ['-l', file], { encoding: 'utf8' });
    for (const name of [
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/sharedStrings.xml',
      'xl/worksheets/sheet1.xml',
    ]) {
      expect(list).toContain(name);
    }
    execFileSync('unzip', ['-tq', file]);
    const types = execFileSync('unzip', ['-p', file, '[[]Content_Types].xml'], { encoding: 'utf8' });
    expect(types).toContain('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml');
    const strings = execFileSync('unzip', ['-p', file, 'xl/sharedStrings.xml'], { encoding: 'utf8' });
    expect(strings).toContain('<t>Nguyễn Thị Hằng</t>');
  });
});

/** An XLSX as another tool might write it: prefixed names, its own paths, rich text, inline strings, booleans. */
function foreignWorkbook(overrides: Record<string, string> = {}): Buffer {
  const ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const parts: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels': `<?xml version="1.0"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="R1" Type="${rel}/officeDocument" Target="/book/main.xml"/></Relationships>`,
    'book/main.xml': `<?xml version="1.0"?><x:workbook ${ns} xmlns:r="${rel}"><x:workbookPr date1904="false"/><x:sheets><x:sheet name="Ẩn" sheetId="9" state="hidden" r:id="rS2"/><x:sheet name="Danh mục" sheetId="3" r:id="rS1"/></x:sheets></x:workbook>`,
    'book/_rels/main.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rS1" Type="${rel}/worksheet" Target="parts/first.xml"/><Relationship Id="rS2" Type="${rel}/worksheet" Target="/book/parts/hidden.xml"/><Relationship Id="rT" Type="${rel}/sharedStrings" Target="text.xml"/><Relationship Id="rY" Type="${rel}/styles" Target="../book/look.xml"/><Relationship Id="rL" Type="${rel}/hyperlink" Target="http://example.invalid" TargetMode="External"/></Relationships>`,
    'book/text.xml': `<x:sst ${ns} count="5" uniqueCount="5"><x:si><x:t>code</x:t></x:si><x:si><x:t xml:space="preserve">name</x:t></x:si><x:si><x:r><x:rPr><x:b/></x:rPr><x:t>Đăng ký </x:t></x:r><x:r><x:t>khai sinh</x:t></x:r><x:rPh sb="0" eb="1"><x:t>PHONETIC</x:t></x:rPh></x:si><x:si><x:t>Nguy&#x1EC5;n &amp; Hằng_x000D_</x:t></x:si><x:si/></x:sst>`,
    'book/look.xml': `<x:styleSheet ${ns}><x:numFmts count="2"><x:numFmt numFmtId="170" formatCode="[$-42A]dd/mm/yyyy;@"/><x:numFmt numFmtId="171" formatCode="yyyy-mm-dd\\ hh:mm"/></x:numFmts><x:cellStyleXfs count="1"><x:xf numFmtId="14"/></x:cellStyleXfs><x:cellXfs count="5"><x:xf numFmtId="0"/><x:xf numFmtId="14" applyNumberFormat="1"/><x:xf numFmtId="170"/><x:xf numFmtId="171"/><x:xf numFmtId="3"/></x:cellXfs></x:styleSheet>`,
    'book/parts/hidden.xml': `<x:worksheet ${ns}><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>hidden</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
    'book/parts/first.xml':
      `<?xml version="1.0" encoding="UTF-8"?>\n<!-- written by hand --><x:worksheet ${ns}><x:sheetData>` +
      '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c></x:row>' +
      '<x:row r="2"><x:c r="A2" t="s"><x:v>2</x:v></x:c><x:c r="C2" t="s"><x:v>3</x:v></x:c><x:c r="D2" t="s"><x:v>4</x:v></x:c></x:row>' +
      // No r attributes: row 3 follows row 2, cells follow each other.
      '<x:row><x:c t="inlineStr"><x:is><x:t><![CDATA[<b>in]]></x:t><x:t>line</x:t></x:is></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="b"><x:v>0</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c></x:row>' +
      '<x:row r="5" spans="1:9"><x:c r="A5" s="1"><x:v>46352</x:v></x:c><x:c r="B5" s="2"><x:v>32932.75</x:v></x:c><x:c r="C5" s="3"><x:v>46353.1458333333</x:v></x:c><x:c r="D5" s="4"><x:v>200000</x:v></x:c><x:c r="E5"><x:v>0.30000000000000004</x:v></x:c><x:c r="F5"><x:f>1/3</x:f><x:v>0.333333333333333</x:v></x:c><x:c r="G5" t="str"><x:f>A1&amp;"x"</x:f><x:v>codex</x:v></x:c><x:c r="H5" t="d"><x:v>2026-11-26T00:00:00</x:v></x:c><x:c r="I5" s="1"/></x:row>' +
      '<x:row r="7" s="1" customFormat="1"/><x:row r="1048576"><x:c r="XFD1048576" s="1"/></x:row>' +
      '</x:sheetData></x:worksheet>',
    ...overrides,
  };
  const files: Zippable = {};
  for (const [name, xml] of Object.entries(parts)) {
    files[name] = strToU8(xml);
  }
  return Buffer.from(zipSync(files));
}

describe('readXlsxRows on a workbook written by another tool', () => {
  it('reads shared, rich and inline strings, numbers, booleans, errors, formulas and dates', () => {
    expect(readXlsxRows(foreignWorkbook())).toEqual([
      ['code', 'name'],
      ['Đăng ký khai sinh', '', 'Nguyễn & Hằng\r'],
      ['<b>inline', 'TRUE', 'FALSE', '#N/A'],
      [],
      [
        '2026-11-26',
        '1990-02-28',
        '2026-11-27 03:30:00',
        '200000',
        '0.3',
        '0.333333333333333',
        'codex',
        '2026-11-26',
      ],
    ]);
  });

  it('reads the 1904 date system', () => {
    const bytes = foreignWorkbook({
      'book/main.xml': `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"/><sheets><sheet name="a" sheetId="1" r:id="rS1"/></sheets></workbook>`,
    });
    // Serial 46352 in the 1904 system is 1462 days later than in the 1900 system.
    expect(readXlsxRows(bytes)[4]?.[0]).toBe('2030-11-27');
  });

  it('refuses a sheet with a DOCTYPE (no entity expansion) and a missing shared string', () => {
    const doctype = foreignWorkbook({
      'book/parts/first.xml': '<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet><sheetData/></worksheet>',
    });
    expect(refusal(() => readXlsxRows(doctype)).code).toBe('malformed');
    const badIndex = foreignWorkbook({
      'book/parts/first.xml':
        '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>99</v></c></row></sheetData></worksheet>',
    });
    expect(refusal(() => readXlsxRows(badIndex)).code).toBe('malformed');
  });
});

describe('readXlsxRows refusals', () => {
  it('refuses garbage, a CSV renamed .xlsx, an old .xls or encrypted file, and other ZIPs with a clear error', async () => {
    const csv = refusal(() => readXlsxRows(Buffer.from('code,name\n1.001193,Đăng ký khai sinh\n')));
    expect(csv).toBeInstanceOf(XlsxError);
    expect(csv.code).toBe('not_xlsx');
    expect(csv.message).toBe(xlsxMessages.notXlsx);
    expect(csv.status).toBe(422);
    expect(refusal(() => readXlsxRows(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]))).code).toBe('not_xlsx');
    expect(refusal(() => readXlsxRows(Buffer.alloc(0))).code).toBe('not_xlsx');
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
    ]);
    expect(refusal(() => readXlsxRows(ole)).code).toBe('legacy_or_encrypted');
    const docx = Buffer.from(zipSync({ 'word/document.xml': strToU8('<w:document/>') }));
    expect(refusal(() => readXlsxRows(docx)).code).toBe('not_xlsx');
    const whole = await writeXlsx(report);
    expect(refusal(() => readXlsxRows(whole.subarray(0, 200))).code).toBe('malformed');
    expect(refusal(() => readXlsxRows(Buffer.from('PK\x03\x04 not really a zip'))).code).toBe('malformed');
  });

  it('refuses a zip bomb by its uncompressed size before inflating it', () => {
    const bomb = foreignWorkbook();
    const big = Buffer.from(
      zipSync({
        ...unzipSync(bomb),
        'book/parts/padding.xml': [new Uint8Array(51 * 1024 * 1024).fill(0x20), { level: 1 }],
      }),
    );
    expect(big.length).toBeLessThan(200_000);
    const e = refusal(() => readXlsxRows(big));
    expect(e.code).toBe('too_large');
    expect(e.message).toBe(xlsxMessages.tooLarge(50));
    expect(refusal(() => readXlsxRows(bomb, { maxBytes: 1000 })).code).toBe('too_large');
  });

  it('inflates an entry no further than the size its ZIP directory declares', () => {
    const rows = '<row><c t="inlineStr"><is><t>x</t></is></c></row>'.repeat(100_000);
    const lying = foreignWorkbook({
      'book/parts/first.xml': `<worksheet><sheetData>${rows}</sheetData></worksheet>`,
    });
    // Each central directory header (PK\x01\x02) holds the uncompressed size at +24 and the name from +46.
    for (let i = lying.indexOf('PK\x01\x02'); i !== -1; i = lying.indexOf('PK\x01\x02', i + 4)) {
      const name = lying.toString('utf8', i + 46, i + 46 + lying.readUInt16LE(i + 28));
      if (name === 'book/parts/first.xml') {
        lying.writeUInt32LE(2000, i + 24);
      }
    }
    expect(refusal(() => readXlsxRows(lying)).code).toBe('malformed');
  });

  it('refuses too many rows, columns or cells with a value, not far-out formatted empty cells', () => {
    const bytes = foreignWorkbook();
    expect(readXlsxRows(bytes, { maxRows: 5, maxColumns: 9 })).toHaveLength(5);
    expect(refusal(() => readXlsxRows(bytes, { maxRows: 4 })).code).toBe('too_many_rows');
    expect(refusal(() => readXlsxRows(bytes, { maxColumns: 7 })).code).toBe('too_many_columns');
    expect(refusal(() => readXlsxRows(bytes, { maxCells: 10 })).code).toBe('too_many_cells');
  });
});

describe('helpers', () => {
  it('names columns', () => {
    expect([0, 25, 26, 701, 702, 16383].map(columnName)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA', 'XFD']);
  });

  it('makes sheet names Excel accepts', () => {
    const taken = new Set<string>();
    const long = 'Danh mục thủ tục hành chính cấp xã năm 2026';
    expect(sheetNameOf(long, 0, taken)).toBe('Danh mục thủ tục hành chính cấp');
    expect(sheetNameOf(long, 1, taken)).toBe('Danh mục thủ tục hành chính (2)');
    expect(sheetNameOf("'a/b\\c?d*e:f'", 2, taken)).toBe('a-b-c-d-e-f');
    expect(sheetNameOf('  ', 3, taken)).toBe('Trang 4');
    expect(sheetNameOf('history', 4, taken)).toBe('history-');
    expect(sheetNameOf('A-B-C-D-E-F', 5, taken)).toBe('A-B-C-D-E-F (2)');
    // NFD input (as some keyboards send it) counts as NFC: 31 characters, not 40 code units.
    expect(sheetNameOf('Hồ sơ đã tiếp nhận trong tháng mười'.normalize('NFD'), 6, taken)).toBe(
      'Hồ sơ đã tiếp nhận trong tháng',
    );
    expect(sheetNameOf('😀'.repeat(20), 7, taken)).toBe('😀'.repeat(15));
  });

  it('tells date formats from number formats', () => {
    expect(dateKindOf(14, undefined)).toBe('date');
    expect(dateKindOf(22, undefined)).toBe('datetime');
    expect(dateKindOf(20, undefined)).toBe('time');
    expect(dateKindOf(3, undefined)).toBeUndefined();
    expect(dateKindOf(164, 'dd/mm/yyyy')).toBe('date');
    expect(dateKindOf(164, 'dd/mm/yyyy hh:mm')).toBe('datetime');
    expect(dateKindOf(164, 'mmm-yy')).toBe('date');
    expect(dateKindOf(164, 'h:mm AM/PM')).toBe('time');
    expect(dateKindOf(164, '[h]:mm:ss')).toBeUndefined();
    expect(dateKindOf(164, '#,##0 "ngày"')).toBeUndefined();
    expect(dateKindOf(164, '[Red][$₫-42A]#,##0')).toBeUndefined();
    expect(dateKindOf(164, 'General')).toBeUndefined();
  });

  it('reads serials across 1900-02-29 and in the 1904 system', () => {
    expect(wallTimeOfSerial(1, false)?.date).toBe('1900-01-01');
    expect(wallTimeOfSerial(59, false)?.date).toBe('1900-02-28');
    expect(wallTimeOfSerial(61, false)?.date).toBe('1900-03-01');
    expect(wallTimeOfSerial(0, true)?.date).toBe('1904-01-01');
    expect(wallTimeOfSerial(45657.99999999, false)).toEqual({ date: '2025-01-01', time: '00:00:00' });
    expect(wallTimeOfSerial(-1, false)).toBeUndefined();
  });

  it('sends a workbook as a download with a Vietnamese file name', async () => {
    expect(attachmentHeader('Báo cáo hồ sơ "Đợt 1".xlsx')).toBe(
      `attachment; filename="Bao cao ho so _Dot 1_.xlsx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20h%E1%BB%93%20s%C6%A1%20_%C4%90%E1%BB%A3t%201_.xlsx`,
    );
    const app = Fastify();
    const bytes = await writeXlsx(report);
    app.get('/tai-ve', async (_req, reply) => xlsxReply(reply, bytes, 'Báo cáo hồ sơ.xlsx'));
    try {
      const res = await app.inject({ method: 'GET', url: '/tai-ve' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX_CONTENT_TYPE);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="Bao cao ho so.xlsx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20h%E1%BB%93%20s%C6%A1.xlsx`,
      );
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(readXlsxRows(res.rawPayload)[1]?.[0]).toBe('Nguyễn Thị Hằng');
    } finally {
      await app.close();
    }
  });
});
