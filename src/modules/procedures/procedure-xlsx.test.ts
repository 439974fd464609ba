import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../../platform/xlsx.js';
import { xlsxMessages } from '../../platform/xlsx.messages.js';
import { CSV_COLUMNS, readProcedureCsv } from './procedure-csv.js';
import { readProcedureXlsx } from './procedure-xlsx.js';
import { procedureMessages } from './procedures.messages.js';
import { sampleCsv, sampleXlsx } from './sample-csv.js';

const m = procedureMessages.import;
const GOOD = [
  '1.004873',
  'Cấp Giấy xác nhận tình trạng hôn nhân',
  'Hộ tịch',
  3,
  'working_days',
  'no',
  null,
  'Lệ phí do HĐND tỉnh quy định',
  'Tờ khai',
  'toan_trinh',
  'Nghị định 123/2015/NĐ-CP',
  null,
];
const book = (rows: (string | number | null)[][], columns: readonly string[] = CSV_COLUMNS) =>
  writeXlsx({ sheets: [{ name: 'Thủ tục', columns: columns.map((header) => ({ header })), rows }] });

describe('readProcedureXlsx', () => {
  it('reads the shared sample as a workbook exactly as the CSV: 14 taken, row 13 rejected', async () => {
    const fromXlsx = readProcedureXlsx(await sampleXlsx());
    expect(fromXlsx).toEqual(readProcedureCsv(sampleCsv()));
    expect(fromXlsx.ok && [fromXlsx.rows.length, fromXlsx.rejected]).toEqual([
      14,
      [{ row: 13, column: 'code', message: m.codeMissing }],
    ]);
  });

  it('numbers rows as the sheet shows them, skips blank rows and reads short rows as ending in empty cells', async () => {
    const other = [
      '1.000656',
      'Đăng ký khai tử',
      'Hộ tịch',
      0,
      'same_day',
      'yes',
      0,
      null,
      'Tờ khai',
      'toan_trinh',
    ];
    const r = readProcedureXlsx(await book([GOOD, [], other, ['', 'Thiếu mã'], [null, null, null]]));
    expect(r.ok && r.rows.map((x) => [x.row, x.input.code, x.input.confidence])).toEqual([
      [2, '1.004873', 'unknown'],
      [4, '1.000656', 'unknown'],
    ]);
    expect(r.ok && r.rejected).toEqual([{ row: 5, column: 'code', message: m.codeMissing }]);
  });

  it('takes the columns in any order, with extra columns ignored, as the CSV does', async () => {
    const columns = ['ghi chú', ...[...CSV_COLUMNS].reverse()];
    const r = readProcedureXlsx(await book([['bỏ qua', ...[...GOOD].reverse()]], columns));
    expect(r.ok && r.rows[0]?.input.name).toBe('Cấp Giấy xác nhận tình trạng hôn nhân');
  });

  it('refuses a workbook without the columns, without rows, or that is not a workbook, with one message', async () => {
    expect(readProcedureXlsx(await book([GOOD], CSV_COLUMNS.slice(1)))).toEqual({
      ok: false,
      message: m.missingColumns('code'),
    });
    expect(readProcedureXlsx(await book([]))).toEqual({ ok: false, message: m.noRows });
    const docx = Buffer.from(zipSync({ 'word/document.xml': strToU8('<w:document/>') }));
    expect(readProcedureXlsx(docx)).toEqual({ ok: false, message: xlsxMessages.notXlsx });
    expect(readProcedureXlsx(Buffer.from('code,name\n'))).toEqual({
      ok: false,
      message: xlsxMessages.notXlsx,
    });
  });

  it('refuses a sheet with values far below the catalogue limit with the CSV message', async () => {
    const rows: (string | number | null)[][] = Array.from({ length: 20_001 }, () => []);
    rows.push(GOOD);
    expect(readProcedureXlsx(await book(rows))).toEqual({ ok: false, message: m.tooManyRows(2000) });
  });
});
