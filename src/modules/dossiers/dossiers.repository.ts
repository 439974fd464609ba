import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Conn } from '../../platform/db.js';
import type { DossierEventTable, DossierFileTable, DossierTable } from '../../platform/db-schema.js';
import type { HistoryEvent } from '../stats/dossier-history.js';
import type { DossierHistory, StatsRecorder } from '../stats/stats-recorder.js';
import type { DossierStatus } from './dossier-workflow.js';

export type DossierRow = Selectable<DossierTable>;
export type DossierInsert = Insertable<DossierTable>;
export type DossierEventRow = Selectable<DossierEventTable>;
export type DossierEventInsert = Insertable<DossierEventTable>;
export type DossierFileRow = Selectable<DossierFileTable>;

/** The staff work queues (issue #3 item 6). */
export const QUEUES = [
  'all',
  'mine',
  'due_soon',
  'overdue',
  'supplement',
  'incoming',
  'approval',
  'to_return',
] as const;
export type Queue = (typeof QUEUES)[number];

export type DossierListFilter = {
  unitId: number;
  queue: Queue;
  actorId: number;
  now: string;
  /** The instant before which an open dossier is "due soon" (now + the warning window). */
  dueSoonBefore: string;
  status?: DossierStatus | undefined;
  procedureCode?: string | undefined;
  channel?: 'counter' | 'online' | 'post' | undefined;
  /** Folded words that must all start a word of search_text. */
  tokens: readonly string[];
};

const RUNNING: DossierStatus[] = ['received', 'processing', 'awaiting_approval'];

/**
 * Which received dossiers of `unitIds` a results list may need (issue #4 item 3, the drill-down lists): every bound
 * given applies (instants, ISO 8601); the list then classifies each candidate from its events
 * (stats/dossier-buckets.ts). `notEndedBefore`: not ended, or ended at or after the instant.
 */
export type ResultsCandidateQuery = {
  unitIds: readonly number[];
  receivedFrom?: string | undefined;
  receivedBefore?: string | undefined;
  endedFrom?: string | undefined;
  endedBefore?: string | undefined;
  notEndedBefore?: string | undefined;
  procedureField?: string | undefined;
  procedureCode?: string | undefined;
  channel?: 'counter' | 'online' | 'post' | undefined;
};

/** A dossier as a results list shows it (never the applicant's contact data). */
export type ResultsCandidateRow = {
  id: number;
  unitId: number;
  code: string | null;
  procedureCode: string;
  procedureName: string;
  procedureField: string;
  channel: 'counter' | 'online' | 'post';
  applicantName: string;
  receivedAt: string | null;
  dueAt: string | null;
  endedAt: string | null;
  feeVnd: number | null;
};

/**
 * SQL of the dossiers: the only place that reads or writes the dossier tables. Every event goes through
 * `appendEvent`, which hands the dossier's log to the results recorder in the same transaction (issue #4, ADR 0008);
 * null only where aggregates are rebuilt afterwards (benchmark data).
 */
export class DossierRepository {
  constructor(readonly stats: StatsRecorder | null) {}

  /**
   * The next number of the unit's daily sequence, incremented in the caller's transaction: the upsert takes the
   * row lock on PostgreSQL (a concurrent intake waits for this transaction) and SQLite has one writer at a time, so
   * two intakes never get the same number.
   */
  async nextSequence(trx: Conn, unitId: number, day: string): Promise<number> {
    const row = await trx
      .insertInto('dossierSequence')
      .values({ unitId, day, last: 1 })
      .onConflict((oc) =>
        oc
          .columns(['unitId', 'day'])
          .doUpdateSet({ last: sql<number>`${sql.ref('dossier_sequence.last')} + 1` }),
      )
      .returning('last')
      .executeTakeFirstOrThrow();
    return Number(row.last);
  }

  async insert(trx: Conn, row: DossierInsert): Promise<number> {
    const r = await trx.insertInto('dossier').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  /**
   * Applies `changes` when the dossier is still at `version` (optimistic concurrency) and bumps the version.
   * Returns false when someone else changed it first.
   */
  async update(trx: Conn, id: number, version: number, changes: Updateable<DossierTable>): Promise<boolean> {
    const r = await trx
      .updateTable('dossier')
      .set({ ...changes, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /**
   * Records a fee paid online (payments/payments.service.ts) in one statement: only while no fee is recorded yet and
   * the dossier is in one of `statuses`, bumping the version so that a form opened before it is refused. Returns the
   * dossier after the change, or undefined when it did not apply.
   */
  recordFeeIfDue(
    trx: Conn,
    id: number,
    fee: { vnd: number; paidAt: string; paymentRef: string; at: string },
    statuses: readonly DossierStatus[],
  ): Promise<DossierRow | undefined> {
    return trx
      .updateTable('dossier')
      .set({
        feePaidVnd: fee.vnd,
        feeMethod: 'online',
        feePaidAt: fee.paidAt,
        paymentRef: fee.paymentRef,
        updatedAt: fee.at,
        version: sql<number>`${sql.ref('version')} + 1`,
      })
      .where('id', '=', id)
      .where('feePaidAt', 'is', null)
      .where('status', 'in', [...statuses])
      .returningAll()
      .executeTakeFirst();
  }

  byId(db: Conn, unitId: number, id: number): Promise<DossierRow | undefined> {
    return db
      .selectFrom('dossier')
      .selectAll()
      .where('unitId', '=', unitId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  byCode(db: Conn, code: string): Promise<DossierRow | undefined> {
    return db.selectFrom('dossier').selectAll().where('code', '=', code).executeTakeFirst();
  }

  byIdempotencyKey(db: Conn, unitId: number, key: string): Promise<DossierRow | undefined> {
    return db
      .selectFrom('dossier')
      .selectAll()
      .where('unitId', '=', unitId)
      .where('idempotencyKey', '=', key)
      .executeTakeFirst();
  }

  async appendEvent(trx: Conn, e: DossierEventInsert): Promise<void> {
    await trx.insertInto('dossierEvent').values(e).execute();
    if (this.stats) {
      const dossier = await trx
        .selectFrom('dossier')
        .select(['unitId', 'procedureCode', 'procedureField', 'channel', 'feeVnd'])
        .where('id', '=', e.dossierId)
        .executeTakeFirstOrThrow();
      await this.stats.onEvent(trx, { dossier, events: await this.events(trx, e.dossierId) });
    }
  }

  /** Every dossier of the unit with its event log, a page at a time (a rebuild of the aggregates, `stats verify`). */
  async *histories(
    db: Conn,
    unitId: number,
  ): AsyncGenerator<DossierHistory & { id: number; code: string | null }> {
    const PAGE = 500;
    let after = 0;
    for (;;) {
      const dossiers = await db
        .selectFrom('dossier')
        .select(['id', 'code', 'unitId', 'procedureCode', 'procedureField', 'channel', 'feeVnd'])
        .where('unitId', '=', unitId)
        .where('id', '>', after)
        .orderBy('id')
        .limit(PAGE)
        .execute();
      if (dossiers.length === 0) {
        return;
      }
      const events = await db
        .selectFrom('dossierEvent')
        .select(['dossierId', 'at', 'action', 'toStatus', 'dueAt', 'actorId', 'data'])
        .where(
          'dossierId',
          'in',
          dossiers.map((d) => d.id),
        )
        .orderBy('dossierId')
        .orderBy('id')
        .execute();
      const byDossier = new Map<number, typeof events>();
      for (const ev of events) {
        const list = byDossier.get(ev.dossierId) ?? [];
        list.push(ev);
        byDossier.set(ev.dossierId, list);
      }
      for (const d of dossiers) {
        yield { id: d.id, code: d.code, dossier: d, events: byDossier.get(d.id) ?? [] };
      }
      after = dossiers.at(-1)!.id;
    }
  }

  /** The candidates of a results list (ResultsCandidateQuery), in order of receipt. */
  resultsCandidates(db: Conn, f: ResultsCandidateQuery): Promise<ResultsCandidateRow[]> {
    if (f.unitIds.length === 0) {
      return Promise.resolve([]);
    }
    let q = db
      .selectFrom('dossier')
      .select([
        'id',
        'unitId',
        'code',
        'procedureCode',
        'procedureName',
        'procedureField',
        'channel',
        'applicantName',
        'receivedAt',
        'dueAt',
        'endedAt',
        'feeVnd',
      ])
      .where('unitId', 'in', [...f.unitIds])
      .where('receivedAt', 'is not', null);
    if (f.receivedFrom !== undefined) {
      q = q.where('receivedAt', '>=', f.receivedFrom);
    }
    if (f.receivedBefore !== undefined) {
      q = q.where('receivedAt', '<', f.receivedBefore);
    }
    if (f.endedFrom !== undefined) {
      q = q.where('endedAt', '>=', f.endedFrom);
    }
    if (f.endedBefore !== undefined) {
      q = q.where('endedAt', '<', f.endedBefore);
    }
    const notEndedBefore = f.notEndedBefore;
    if (notEndedBefore !== undefined) {
      q = q.where((eb) => eb.or([eb('endedAt', 'is', null), eb('endedAt', '>=', notEndedBefore)]));
    }
    if (f.procedureField !== undefined) {
      q = q.where('procedureField', '=', f.procedureField);
    }
    if (f.procedureCode !== undefined) {
      q = q.where('procedureCode', '=', f.procedureCode);
    }
    if (f.channel !== undefined) {
      q = q.where('channel', '=', f.channel);
    }
    return q.orderBy('receivedAt').orderBy('id').execute();
  }

  /** The event logs of several dossiers, in order (the stats' HistoryEvent columns). */
  async eventLogs(db: Conn, dossierIds: readonly number[]): Promise<Map<number, HistoryEvent[]>> {
    const out = new Map<number, HistoryEvent[]>();
    if (dossierIds.length === 0) {
      return out;
    }
    const rows = await db
      .selectFrom('dossierEvent')
      .select(['dossierId', 'at', 'action', 'toStatus', 'dueAt', 'actorId', 'data'])
      .where('dossierId', 'in', [...dossierIds])
      .orderBy('dossierId')
      .orderBy('id')
      .execute();
    for (const { dossierId, ...e } of rows) {
      const list = out.get(dossierId) ?? [];
      list.push(e);
      out.set(dossierId, list);
    }
    return out;
  }

  events(db: Conn, dossierId: number): Promise<DossierEventRow[]> {
    return db
      .selectFrom('dossierEvent')
      .selectAll()
      .where('dossierId', '=', dossierId)
      .orderBy('id')
      .execute();
  }

  lastEvent(db: Conn, dossierId: number): Promise<DossierEventRow | undefined> {
    return db
      .selectFrom('dossierEvent')
      .selectAll()
      .where('dossierId', '=', dossierId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  async insertFile(trx: Conn, f: Insertable<DossierFileTable>): Promise<void> {
    await trx.insertInto('dossierFile').values(f).execute();
  }

  files(db: Conn, dossierId: number): Promise<DossierFileRow[]> {
    return db
      .selectFrom('dossierFile')
      .selectAll()
      .where('dossierId', '=', dossierId)
      .orderBy('id')
      .execute();
  }

  file(db: Conn, dossierId: number, fileId: number): Promise<DossierFileRow | undefined> {
    return db
      .selectFrom('dossierFile')
      .selectAll()
      .where('dossierId', '=', dossierId)
      .where('id', '=', fileId)
      .executeTakeFirst();
  }

  private filtered(db: Conn, f: DossierListFilter) {
    let q = db.selectFrom('dossier').where('dossier.unitId', '=', f.unitId);
    switch (f.queue) {
      case 'mine':
        q = q.where('assigneeId', '=', f.actorId).where('status', 'in', ['processing', 'awaiting_approval']);
        break;
      case 'due_soon':
        q = q.where('status', 'in', RUNNING).where('dueAt', '>=', f.now).where('dueAt', '<', f.dueSoonBefore);
        break;
      case 'overdue':
        q = q.where('status', 'in', RUNNING).where('dueAt', '<', f.now);
        break;
      case 'supplement':
        q = q.where('status', '=', 'supplement_requested');
        break;
      case 'incoming':
        q = q.where('status', 'in', ['submitted', 'received']);
        break;
      case 'approval':
        q = q.where('status', '=', 'awaiting_approval');
        break;
      case 'to_return':
        q = q.where('status', '=', 'done');
        break;
      case 'all':
        break;
    }
    if (f.status !== undefined) {
      q = q.where('status', '=', f.status);
    }
    if (f.procedureCode !== undefined) {
      q = q.where('procedureCode', '=', f.procedureCode);
    }
    if (f.channel !== undefined) {
      q = q.where('channel', '=', f.channel);
    }
    for (const t of f.tokens) {
      const escaped = t.replace(/[\\%_]/g, (c) => `\\${c}`);
      q = q.where(sql<boolean>`${sql.ref('dossier.searchText')} like ${`% ${escaped}%`} escape '\\'`);
    }
    return q;
  }

  async count(db: Conn, f: DossierListFilter): Promise<number> {
    const row = await this.filtered(db, f)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** A page of the list, the most urgent first: open dossiers by due date, then the newest. */
  list(db: Conn, f: DossierListFilter, limit: number, offset: number) {
    const byDue = f.queue === 'due_soon' || f.queue === 'overdue' || f.queue === 'mine';
    let q = this.filtered(db, f).select([
      'id',
      'code',
      'status',
      'channel',
      'procedureCode',
      'procedureName',
      'applicantName',
      'submittedAt',
      'receivedAt',
      'dueAt',
      'endedAt',
      'assigneeId',
      'supplementCount',
      'apologyCount',
    ]);
    q = byDue ? q.orderBy('dueAt', 'asc').orderBy('id', 'asc') : q.orderBy('id', 'desc');
    return q.limit(limit).offset(offset).execute();
  }

  /** The counts of every queue at once (the tabs of the work page). */
  async queueCounts(db: Conn, f: Omit<DossierListFilter, 'queue'>): Promise<Record<Queue, number>> {
    const entries = await Promise.all(
      QUEUES.map(async (queue) => [queue, await this.count(db, { ...f, queue })] as const),
    );
    return Object.fromEntries(entries) as Record<Queue, number>;
  }

  /** How many dossiers the unit received in [from, to) (instants): the tracking book's numbering before a period. */
  async countReceived(db: Conn, unitId: number, from: string, to: string): Promise<number> {
    const row = await db
      .selectFrom('dossier')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('unitId', '=', unitId)
      .where('receivedAt', '>=', from)
      .where('receivedAt', '<', to)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * The lines of the tracking book (Mẫu 06) for dossiers received in [from, to), in order of receipt, with the
   * instants of their first hand-over to a specialist and of the leader's approval (the result came back).
   */
  bookRows(db: Conn, unitId: number, from: string, to: string, limit: number) {
    return db
      .selectFrom('dossier')
      .select((eb) => [
        'dossier.id',
        'dossier.code',
        'dossier.procedureName',
        'dossier.sets',
        'dossier.applicantName',
        'dossier.applicantAddress',
        'dossier.applicantPhone',
        'dossier.receivedAt',
        'dossier.dueAt',
        'dossier.returnedAt',
        'dossier.status',
        eb
          .selectFrom('dossierEvent')
          .select((e) => e.fn.min('dossierEvent.at').as('at'))
          .whereRef('dossierEvent.dossierId', '=', 'dossier.id')
          .where('dossierEvent.action', '=', 'assign')
          .as('transferredAt'),
        eb
          .selectFrom('dossierEvent')
          .select((e) => e.fn.min('dossierEvent.at').as('at'))
          .whereRef('dossierEvent.dossierId', '=', 'dossier.id')
          .where('dossierEvent.action', '=', 'approve')
          .as('resultReceivedAt'),
      ])
      .where('dossier.unitId', '=', unitId)
      .where('dossier.receivedAt', '>=', from)
      .where('dossier.receivedAt', '<', to)
      .orderBy('dossier.receivedAt')
      .orderBy('dossier.id')
      .limit(limit)
      .execute();
  }
}
