import { readXlsxRows, XlsxError } from '../../platform/xlsx.js';
import type { CsvRecord } from './csv.js';
import { MAX_CSV_ROWS, readProcedureRecords, type CsvImport } from './procedure-csv.js';
import { procedureMessages } from './procedures.messages.js';

const m = procedureMessages.import;

/** The last sheet row that may hold a value (blank rows between data rows are allowed), and the last column. */
const MAX_SHEET_ROWS = 10 * MAX_CSV_ROWS;
const MAX_SHEET_COLUMNS = 100;

/**
 * Reads a catalogue workbook (.xlsx, pure): its first visible sheet, with the same header row and columns as the CSV,
 * through the same checks and the same report of rejected rows, each row numbered as the spreadsheet shows it. Blank
 * rows are left out; every other row is as wide as the widest, as Excel's own "save as CSV" writes them, so an empty
 * cell at the end of a row is not a missing one. A file that is not a readable workbook is refused with the reader's
 * message (platform/xlsx.messages.ts).
 */
export function readProcedureXlsx(bytes: Buffer): CsvImport {
  let rows: string[][];
  try {
    rows = readXlsxRows(bytes, { maxRows: MAX_SHEET_ROWS, maxColumns: MAX_SHEET_COLUMNS });
  } catch (e) {
    if (e instanceof XlsxError) {
      return { ok: false, message: e.code === 'too_many_rows' ? m.tooManyRows(MAX_CSV_ROWS) : e.message };
    }
    throw e;
  }
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const records: CsvRecord[] = [];
  rows.forEach((row, i) => {
    if (row.some((cell) => cell !== '')) {
      records.push({ line: i + 1, fields: [...row, ...new Array<string>(width - row.length).fill('')] });
    }
  });
  return readProcedureRecords(records);
}
