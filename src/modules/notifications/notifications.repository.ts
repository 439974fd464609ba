import type { Conn } from '../../platform/db.js';
import type { ChannelName, NotificationKind, NotificationStatus } from './notifications.model.js';

export type NotificationInsert = {
  unitId: number;
  dossierId: number | null;
  channel: ChannelName;
  recipient: string;
  subject: string;
  bodyText: string;
  bodyHtml: string | null;
  attachments: string;
  params: string | null;
  kind: NotificationKind;
  status: NotificationStatus;
  lastError: string | null;
  nextAttemptAt: string;
  createdAt: string;
};

const COLUMNS = [
  'id',
  'unitId',
  'dossierId',
  'channel',
  'recipient',
  'subject',
  'bodyText',
  'bodyHtml',
  'attachments',
  'params',
  'kind',
  'status',
  'attempts',
  'lastError',
  'nextAttemptAt',
  'createdAt',
  'sentAt',
] as const;

/** Without the bodies' heavy parts (inline attachments, HTML, parameters). */
const LIST_COLUMNS = COLUMNS.filter(
  (c): c is Exclude<(typeof COLUMNS)[number], 'attachments' | 'bodyHtml' | 'params'> =>
    c !== 'attachments' && c !== 'bodyHtml' && c !== 'params',
);

export type NotificationRow = Awaited<ReturnType<NotificationRepository['findDue']>>[number];

const updated = (r: { numUpdatedRows: bigint }) => r.numUpdatedRows === 1n;

/** SQL of the notification outbox. Every update after the claim is guarded by the attempt number it claimed. */
export class NotificationRepository {
  async insert(trx: Conn, row: NotificationInsert): Promise<number> {
    const { id } = await trx.insertInto('notification').values(row).returning('id').executeTakeFirstOrThrow();
    return id;
  }

  /** Pending rows due at `now` on the given channels (at least one), oldest first. */
  findDue(db: Conn, now: string, channels: readonly ChannelName[], limit: number) {
    return db
      .selectFrom('notification')
      .select(COLUMNS)
      .where('status', '=', 'pending')
      .where('nextAttemptAt', '<=', now)
      .where('channel', 'in', channels)
      .orderBy('nextAttemptAt')
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /**
   * Takes a due row for one send: counts the attempt and hides the row until `leaseUntil` (a dispatcher that dies
   * mid-send leaves it to be tried again then). Only one of several concurrent dispatchers gets true: the update
   * matches only while the row still has the attempt count it read.
   */
  async claim(db: Conn, id: number, seenAttempts: number, now: string, leaseUntil: string): Promise<boolean> {
    const r = await db
      .updateTable('notification')
      .set({ attempts: seenAttempts + 1, nextAttemptAt: leaseUntil })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('attempts', '=', seenAttempts)
      .where('nextAttemptAt', '<=', now)
      .executeTakeFirst();
    return updated(r);
  }

  async markSent(db: Conn, id: number, attempts: number, at: string): Promise<boolean> {
    const r = await db
      .updateTable('notification')
      .set({ status: 'sent', sentAt: at, lastError: null })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('attempts', '=', attempts)
      .executeTakeFirst();
    return updated(r);
  }

  async markRetry(
    db: Conn,
    id: number,
    attempts: number,
    nextAttemptAt: string,
    error: string,
  ): Promise<boolean> {
    const r = await db
      .updateTable('notification')
      .set({ nextAttemptAt, lastError: error })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('attempts', '=', attempts)
      .executeTakeFirst();
    return updated(r);
  }

  async markGivenUp(
    db: Conn,
    id: number,
    attempts: number,
    status: 'failed' | 'skipped',
    error: string,
  ): Promise<boolean> {
    const r = await db
      .updateTable('notification')
      .set({ status, lastError: error })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('attempts', '=', attempts)
      .executeTakeFirst();
    return updated(r);
  }

  /** A dossier's notifications, newest first (for its page and for tests). */
  listForDossier(db: Conn, unitId: number, dossierId: number) {
    return db
      .selectFrom('notification')
      .select(LIST_COLUMNS)
      .where('unitId', '=', unitId)
      .where('dossierId', '=', dossierId)
      .orderBy('id', 'desc')
      .execute();
  }

  findById(db: Conn, id: number) {
    return db.selectFrom('notification').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  }
}
