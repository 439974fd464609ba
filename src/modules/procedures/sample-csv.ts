import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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
