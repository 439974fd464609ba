import type { Migration } from 'kysely';
import * as m20261126000000 from './20261126000000_create_foundation.js';

/**
 * Every migration, in order. Append-only: a landed migration is never edited (STYLE.md §2.11); add a new file and
 * list it here.
 */
export const migrations: Record<string, Migration> = {
  '20261126000000_create_foundation': m20261126000000,
};
