import type { AnyDb } from './helpers.js';

/**
 * Indexes for the staff work lists at scale (`npm run bench -- dossiers`, 1 000 000 dossiers, a unit of 50 000):
 * - (unit_id, id): the "all" list is ordered by id, newest first; without it the unit's rows were read and sorted for
 *   every page (page 1 ≈ 30 ms, page 100 ≈ 300 ms on SQLite), and it is the narrowest index to count them.
 * - (unit_id, search_text): the staff search (LIKE on search_text) scans this index instead of fetching every row of
 *   the unit from the table (a count ≈ 170 → 30 ms on SQLite).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.createIndex('dossier_unit_id').on('dossier').columns(['unit_id', 'id']).execute();
  await db.schema
    .createIndex('dossier_unit_search')
    .on('dossier')
    .columns(['unit_id', 'search_text'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('dossier_unit_search').execute();
  await db.schema.dropIndex('dossier_unit_id').execute();
}
