import type { Selectable } from 'kysely';
import type { Conn, Tx } from '../../platform/db.js';
import type { CalendarNoticeTable, NoticeConfidenceColumn } from '../../platform/db-schema.js';

const NOTICE_COLUMNS = [
  'id',
  'year',
  'position',
  'name',
  'offFrom',
  'offTo',
  'makeUpWorkdays',
  'confidence',
  'covers',
  'note',
  'source',
  'updatedAt',
  'updatedBy',
] as const;

export type NoticeRow = Pick<Selectable<CalendarNoticeTable>, (typeof NOTICE_COLUMNS)[number]>;

/** The columns a write sets (JSON columns already serialised). */
export type NoticeWrite = {
  year: number;
  position: number;
  name: string;
  offFrom: string | null;
  offTo: string | null;
  makeUpWorkdays: string;
  confidence: NoticeConfidenceColumn;
  covers: string | null;
  note: string | null;
  source: string | null;
  updatedAt: string;
  updatedBy: number | null;
};

/** Reads and writes of the holiday notices and the units' office hours: the calendar module's only SQL. */
export class CalendarRepository {
  /** Every notice entry of the deployment, by year and position (a few rows per year). */
  findAllNotices(db: Conn): Promise<NoticeRow[]> {
    return db
      .selectFrom('calendarNotice')
      .select(NOTICE_COLUMNS)
      .orderBy('year')
      .orderBy('position')
      .orderBy('id')
      .execute();
  }

  findNoticeById(db: Conn, id: number): Promise<NoticeRow | undefined> {
    return db.selectFrom('calendarNotice').select(NOTICE_COLUMNS).where('id', '=', id).executeTakeFirst();
  }

  async insertNotice(trx: Tx, row: NoticeWrite): Promise<number> {
    const { id } = await trx
      .insertInto('calendarNotice')
      .values(row)
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async updateNotice(trx: Tx, id: number, row: NoticeWrite): Promise<void> {
    await trx.updateTable('calendarNotice').set(row).where('id', '=', id).executeTakeFirstOrThrow();
  }

  async deleteNotice(trx: Tx, id: number): Promise<void> {
    await trx.deleteFrom('calendarNotice').where('id', '=', id).execute();
  }

  findAllOfficeHours(db: Conn): Promise<{ unitId: number; hoursJson: string; updatedAt: string }[]> {
    return db.selectFrom('unitOfficeHours').select(['unitId', 'hoursJson', 'updatedAt']).execute();
  }

  /** Inserts or replaces a unit's office hours (one row per unit). */
  async upsertOfficeHours(
    trx: Tx,
    row: { unitId: number; hoursJson: string; updatedAt: string; updatedBy: number | null },
  ): Promise<void> {
    await trx
      .insertInto('unitOfficeHours')
      .values(row)
      .onConflict((oc) =>
        oc.column('unitId').doUpdateSet({
          hoursJson: row.hoursJson,
          updatedAt: row.updatedAt,
          updatedBy: row.updatedBy,
        }),
      )
      .execute();
  }

  async deleteOfficeHours(trx: Tx, unitId: number): Promise<void> {
    await trx.deleteFrom('unitOfficeHours').where('unitId', '=', unitId).execute();
  }
}
