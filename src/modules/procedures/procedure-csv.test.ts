import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, documentsOf, feeOf, readProcedureCsv } from './procedure-csv.js';
import { procedureMessages } from './procedures.messages.js';
import { sampleCsv } from './sample-csv.js';

const m = procedureMessages.import;
const HEADER = CSV_COLUMNS.join(',');
const GOOD =
  '1.004873,Cấp Giấy xác nhận tình trạng hôn nhân,Hộ tịch,3,working_days,no,,Lệ phí do HĐND tỉnh quy định,Tờ khai,toan_trinh,Nghị định 123/2015/NĐ-CP,unverified';

describe('readProcedureCsv on the shared sample', () => {
  const r = readProcedureCsv(sampleCsv());
  if (!r.ok) {
    throw new Error(r.message);
  }

  it('takes 14 procedures and rejects the row without a code (line 13 of the file)', () => {
    expect(r.rowCount).toBe(15);
    expect(r.rows).toHaveLength(14);
    expect(r.rejected).toEqual([{ row: 13, column: 'code', message: m.codeMissing }]);
  });

  it('reads quoted names with commas, the 15:00 rule and same-day limits', () => {
    const nhanCha = r.rows.find((x) => x.input.code === '1.001022')?.input;
    expect(nhanCha?.name).toBe('Đăng ký nhận cha, mẹ, con');
    expect(nhanCha?.timeLimit).toEqual({ kind: 'working_days', amount: 3, after15: false });
    const khaiSinh = r.rows.find((x) => x.input.code === '1.001193')?.input;
    expect(khaiSinh).toMatchObject({
      name: 'Đăng ký khai sinh',
      field: 'Hộ tịch',
      onlineLevel: 'toan_trinh',
      timeLimit: { kind: 'same_day', amount: 0, after15: true },
      fee: { kind: 'exempt' },
      confidence: 'sourced',
    });
    expect(khaiSinh?.documents.at(-1)).toEqual({
      name: 'Giấy chứng nhận kết hôn của cha mẹ (nếu có)',
      original: null,
      required: false,
    });
  });

  it('reads the copy certification fee as per page with its cap', () => {
    const copy = r.rows.find((x) => x.input.code === '2.000815')?.input;
    expect(copy?.fee).toMatchObject({ kind: 'per_page', perPageVnd: 2000, capVnd: 200000 });
    expect(copy?.documents.map((d) => d.original)).toEqual([true, false]);
    expect(r.rows.find((x) => x.input.code === '2.000884')?.input.fee).toMatchObject({
      kind: 'fixed',
      vnd: 10000,
    });
    expect(r.rows.find((x) => x.input.code === '1.004873')?.input.fee).toMatchObject({
      kind: 'fixed',
      vnd: null,
    });
  });
});

describe('readProcedureCsv row checks', () => {
  const replace = (column: string, value: string) => {
    const cells = GOOD.split(',');
    cells[CSV_COLUMNS.indexOf(column as (typeof CSV_COLUMNS)[number])] = value;
    return cells.join(',');
  };
  it.each([
    ['code', '1001193', m.codeFormat],
    ['name', '', m.nameMissing],
    ['field', '', m.fieldMissing],
    ['time_limit', '-1', m.timeLimitInvalid],
    ['time_limit', '0', m.timeLimitZero],
    ['time_unit', 'days', m.timeUnitInvalid],
    ['after_15h_next_day', 'có', m.after15Invalid],
    ['fee_vnd', '2.000', m.feeInvalid],
    ['online_level', 'muc_4', m.levelInvalid],
    ['confidence', 'sure', m.confidenceInvalid],
  ])('rejects %s = %j', (column, value, message) => {
    const r = readProcedureCsv(`${HEADER}\n${GOOD}\n${replace(column, value)}\n`);
    expect(r).toMatchObject({ ok: true, rejected: [{ row: 3, column, message }] });
    expect(r.ok && r.rows.map((x) => x.row)).toEqual([2]);
  });

  it('rejects a repeated code and a row with the wrong number of cells', () => {
    const r = readProcedureCsv(`${HEADER}\n${GOOD}\n${GOOD}\na,b\n`);
    expect(r).toMatchObject({
      ok: true,
      rejected: [
        { row: 3, column: 'code', message: m.codeDuplicate(2) },
        { row: 4, column: '', message: m.columnCount(2, 12) },
      ],
    });
  });

  it.each([
    ['a missing column', `code,name\n1.000001,x\n`, m.missingColumns(CSV_COLUMNS.slice(2).join(', '))],
    ['no data rows', `${HEADER}\n`, m.noRows],
    ['an unclosed quote', `${HEADER}\n"${GOOD}\n`, m.unclosedQuote(2)],
  ])('refuses a file with %s as a whole', (_case, text, message) => {
    expect(readProcedureCsv(text)).toEqual({ ok: false, message });
  });
});

describe('fees and documents of a row', () => {
  it.each([
    [0, null, { kind: 'exempt', vnd: null }],
    [null, 'Theo quy định của tỉnh', { kind: 'fixed', vnd: null }],
    [50000, '50.000 đ/hợp đồng', { kind: 'fixed', vnd: 50000 }],
    [3000, '3.000 đ/trang', { kind: 'per_page', perPageVnd: 3000, capVnd: null }],
  ])('fee %j with note %j', (vnd, note, expected) => {
    expect(feeOf(vnd, note)).toMatchObject(expected);
  });

  it('splits documents on ";" and reads originals, copies and optional ones', () => {
    expect(documentsOf(' Bản chính ; bản sao hộ chiếu;;Văn bản ủy quyền (nếu có)')).toEqual([
      { name: 'Bản chính', original: true, required: true },
      { name: 'bản sao hộ chiếu', original: false, required: true },
      { name: 'Văn bản ủy quyền (nếu có)', original: null, required: false },
    ]);
  });
});

describe('the optional online time limit columns', () => {
  const header = `${HEADER},online_time_unit,online_time_limit`;

  it('reads a file without them (the shared sample): no online limit, and says the columns are absent', () => {
    const r = readProcedureCsv(sampleCsv());
    expect(r.ok && r.onlineColumns).toBe(false);
    expect(r.ok && r.rows.every((x) => x.input.onlineTimeLimit === null)).toBe(true);
  });

  it('reads them in any order; both empty is no online limit; same_day needs no amount', () => {
    const r = readProcedureCsv(
      [
        `online_time_limit,${header.replace(',online_time_unit,online_time_limit', '')},online_time_unit`,
        `2,${GOOD},working_days`,
        `,${GOOD.replace('1.004873', '1.004874')},`,
        `,${GOOD.replace('1.004873', '1.004875')},same_day`,
      ].join('\n'),
    );
    expect(r.ok && r.onlineColumns).toBe(true);
    expect(r.ok && r.rows.map((x) => x.input.onlineTimeLimit)).toEqual([
      { kind: 'working_days', amount: 2 },
      null,
      { kind: 'same_day', amount: 0 },
    ]);
  });

  it.each([
    ['working_days', '', 'online_time_limit', m.timeLimitInvalid],
    ['working_days', '0', 'online_time_limit', m.timeLimitZero],
    ['working_days', '1,5', 'online_time_limit', m.timeLimitInvalid],
    ['days', '2', 'online_time_unit', m.onlineUnitInvalid],
    ['', '2', 'online_time_unit', m.onlineUnitMissing],
  ])('rejects unit %j with limit %j at %s', (unit, limit, column, message) => {
    const r = readProcedureCsv(
      `${header}\n${GOOD},,\n${GOOD.replace('1.004873', '1.004874')},${unit},"${limit}"\n`,
    );
    expect(r).toMatchObject({ ok: true, rejected: [{ row: 3, column, message }] });
    expect(r.ok && r.rows.map((x) => x.input.code)).toEqual(['1.004873']);
  });
});
