import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { writeXlsx } from '../../platform/xlsx.js';
import { parseCsv } from './csv.js';

/** The bundled copy of the shared sample catalogue (domain.md §7), loaded into the demo communes. */
export const SEED_CSV_PATH = fileURLToPath(new URL('./seed/commune-procedures-sample.csv', import.meta.url));
const SHARED_CSV_PATH = '/work/shared/data/commune-procedures-sample.csv';

export function seedCsv(): string {
  return readFileSync(SEED_CSV_PATH, 'utf8');
}

/** For tests: the shared sample when present, else the bundled copy. */
export function sampleCsv(): string {
  return existsSync(SHARED_CSV_PATH) ? readFileSync(SHARED_CSV_PATH, 'utf8') : seedCsv();
}

/**
 * For tests: the shared sample as an Excel workbook, as a user's spreadsheet holds it: time limits and fees as
 * numbers, everything else (codes included) as text, blank cells empty.
 */
export async function sampleXlsx(): Promise<Buffer> {
  const parsed = parseCsv(sampleCsv());
  if (!parsed.ok) {
    throw new Error('the sample catalogue is not valid CSV');
  }
  const [header, ...data] = parsed.records.map((r) => r.fields);
  const numeric = new Set(['time_limit', 'fee_vnd']);
  const columns = (header ?? []).map((h) => ({
    header: h,
    kind: numeric.has(h) ? ('integer' as const) : ('text' as const),
  }));
  const rows = data.map((fields) =>
    fields.map((f, i) =>
      f === '' ? null : columns[i]?.kind === 'integer' && /^\d+$/.test(f) ? Number(f) : f,
    ),
  );
  return writeXlsx({ sheets: [{ name: 'Danh mục thủ tục', columns, rows }] });
}
