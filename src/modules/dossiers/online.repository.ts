import type { Insertable, Selectable } from 'kysely';
import type { Conn } from '../../platform/db.js';
import type { DossierDraftTable } from '../../platform/db-schema.js';

export type DraftRow = Selectable<DossierDraftTable>;

/** SQL of online submission: the citizens' drafts, and a citizen's own dossiers ("my dossiers"). */
export class OnlineRepository {
  async insertDraft(trx: Conn, row: Insertable<DossierDraftTable>): Promise<number> {
    const r = await trx.insertInto('dossierDraft').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  /**
   * Updates the draft when it still holds what `read` held (compare-and-swap on its content: two saves of one form
   * at once must not lose a file). False when it changed in between.
   */
  async updateDraftIf(
    trx: Conn,
    read: DraftRow,
    changes: { formValues: string; files: string; updatedAt: string },
  ): Promise<boolean> {
    const r = await trx
      .updateTable('dossierDraft')
      .set(changes)
      .where('id', '=', read.id)
      .where('formValues', '=', read.formValues)
      .where('files', '=', read.files)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Deletes the draft when it still holds what `read` held (the submission took exactly those files). */
  async deleteDraftIf(trx: Conn, read: DraftRow): Promise<boolean> {
    const r = await trx
      .deleteFrom('dossierDraft')
      .where('id', '=', read.id)
      .where('formValues', '=', read.formValues)
      .where('files', '=', read.files)
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  draftById(db: Conn, id: number): Promise<DraftRow | undefined> {
    return db.selectFrom('dossierDraft').selectAll().where('id', '=', id).executeTakeFirst();
  }

  draftByKey(db: Conn, formKey: string): Promise<DraftRow | undefined> {
    return db.selectFrom('dossierDraft').selectAll().where('formKey', '=', formKey).executeTakeFirst();
  }

  /** A citizen's drafts in a unit, the last saved first. */
  draftsOf(db: Conn, citizenId: number, unitId: number): Promise<DraftRow[]> {
    return db
      .selectFrom('dossierDraft')
      .selectAll()
      .where('citizenAccountId', '=', citizenId)
      .where('unitId', '=', unitId)
      .orderBy('updatedAt', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  /** A citizen's dossiers in a unit, the newest first. */
  dossiersOf(db: Conn, citizenId: number, unitId: number, limit: number) {
    return db
      .selectFrom('dossier')
      .select([
        'id',
        'code',
        'status',
        'procedureCode',
        'procedureName',
        'submittedAt',
        'dueAt',
        'returnedVia',
      ])
      .where('citizenAccountId', '=', citizenId)
      .where('unitId', '=', unitId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }
}
