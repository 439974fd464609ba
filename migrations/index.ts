import type { Migration } from 'kysely';
import * as m20261126000000 from './20261126000000_create_foundation.js';
import * as m20261126010000 from './20261126010000_create_calendar_tables.js';
import * as m20261126010100 from './20261126010100_seed_calendar_notices.js';
import * as m20261126020000 from './20261126020000_create_procedure_tables.js';
import * as m20261126030000 from './20261126030000_create_dossier_tables.js';
import * as m20261126030100 from './20261126030100_create_notification_tables.js';
import * as m20261126030200 from './20261126030200_create_api_token_table.js';
import * as m20261126030300 from './20261126030300_create_dossier_draft_table.js';
import * as m20261126030400 from './20261126030400_create_dossier_payment_table.js';
import * as m20261126030500 from './20261126030500_create_procedure_template_table.js';
import * as m20261126030600 from './20261126030600_add_procedure_online_time_limit.js';
import * as m20261126040000 from './20261126040000_index_dossier_lists.js';
import * as m20261127010000 from './20261127010000_create_dossier_stat_tables.js';
import * as m20261127020000 from './20261127020000_create_dossier_stat_rollups.js';

/**
 * Every migration, in order. Append-only: a landed migration is never edited (STYLE.md §2.11); add a new file and
 * list it here.
 */
export const migrations: Record<string, Migration> = {
  '20261126000000_create_foundation': m20261126000000,
  '20261126010000_create_calendar_tables': m20261126010000,
  '20261126010100_seed_calendar_notices': m20261126010100,
  '20261126020000_create_procedure_tables': m20261126020000,
  '20261126030000_create_dossier_tables': m20261126030000,
  '20261126030100_create_notification_tables': m20261126030100,
  '20261126030200_create_api_token_table': m20261126030200,
  '20261126030300_create_dossier_draft_table': m20261126030300,
  '20261126030400_create_dossier_payment_table': m20261126030400,
  '20261126030500_create_procedure_template_table': m20261126030500,
  '20261126030600_add_procedure_online_time_limit': m20261126030600,
  '20261126040000_index_dossier_lists': m20261126040000,
  '20261127010000_create_dossier_stat_tables': m20261127010000,
  '20261127020000_create_dossier_stat_rollups': m20261127020000,
};
