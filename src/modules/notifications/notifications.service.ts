import type { Clock } from '../../platform/clock.js';
import type { Db, Tx } from '../../platform/db.js';
import { isStorageKey } from '../../platform/storage.js';
import type { UnitDirectory } from '../units/unit-directory.js';
import {
  apologyNotice,
  receiptNotice,
  refusalNotice,
  resultReadyNotice,
  supplementNotice,
  type ApologyView,
  type DossierNoticeView,
  type RefusalView,
  type RenderedNotice,
  type SupplementView,
} from './notifications.messages.js';
import {
  MAX_INLINE_ATTACHMENT_BYTES,
  recipientProblem,
  type Attachment,
  type OutgoingMessage,
} from './notifications.model.js';
import type { NotificationRepository } from './notifications.repository.js';

/** Why a row of a demo unit is never sent. */
export const DEMO_UNIT_ERROR = 'demo unit: notifications are never sent';

/** The citizen's contacts; each one given gets the notice on its channel. */
export type Contacts = { email?: string | null; phone?: string | null; zalo?: string | null };

/**
 * A dossier notice: the kind picks the template, and the view must carry what that template needs. `attachments`
 * go with the e-mail only: the slip of the step as a PDF (Form 01 receipt, 02 supplement request, 04 apology) or the
 * electronic result.
 */
export type DossierNotification = {
  unitId: number;
  dossierId: number;
  to: Contacts;
  attachments?: readonly Attachment[];
} & (
  | { kind: 'receipt'; view: DossierNoticeView }
  | { kind: 'supplement'; view: SupplementView }
  | { kind: 'result_ready'; view: DossierNoticeView }
  | { kind: 'apology'; view: ApologyView }
  /** Form 03; stored with kind 'other'. */
  | { kind: 'refusal'; view: RefusalView }
);

type Deps = { db: Db; notifications: NotificationRepository; clock: Clock; directory: UnitDirectory };

function render(n: DossierNotification, attached: boolean): RenderedNotice {
  switch (n.kind) {
    case 'receipt':
      return receiptNotice(n.view, attached);
    case 'supplement':
      return supplementNotice(n.view, attached);
    case 'result_ready':
      return resultReadyNotice(n.view, attached);
    case 'apology':
      return apologyNotice(n.view, attached);
    case 'refusal':
      return refusalNotice(n.view, attached);
  }
}

function checkAttachments(channel: OutgoingMessage['channel'], attachments: readonly Attachment[]): void {
  if (attachments.length > 0 && channel !== 'email') {
    throw new Error(`notifications: attachments go by e-mail only, not ${channel}`);
  }
  for (const a of attachments) {
    if ('storageKey' in a) {
      if (!isStorageKey(a.storageKey)) {
        throw new Error(`notifications: ${JSON.stringify(a.storageKey)} is not a FileStorage key`);
      }
    } else if (Buffer.byteLength(a.base64, 'base64') > MAX_INLINE_ATTACHMENT_BYTES) {
      throw new Error(`notifications: inline attachment ${a.fileName} is too large; store it in FileStorage`);
    }
  }
}

/**
 * Puts messages in the outbox. Callers pass their own transaction, so the change a message reports and the message
 * land together or not at all; the dispatcher sends later, outside any transaction. A bad recipient (citizen data)
 * never fails the caller's transaction: the row is stored as failed with the reason. A demo unit's rows are stored
 * as skipped and never sent.
 */
export class NotificationService {
  constructor(private readonly deps: Deps) {}

  /** One message on one channel; returns the outbox row's id. */
  async enqueue(trx: Tx, message: OutgoingMessage): Promise<number> {
    const { notifications, clock, directory } = this.deps;
    const attachments = message.attachments ?? [];
    checkAttachments(message.channel, attachments);
    const recipient = message.recipient.trim();
    const problem = recipientProblem(message.channel, recipient);
    const demo = directory.get(message.unitId)?.isDemo === 1;
    const now = clock.now().toISOString();
    return notifications.insert(trx, {
      unitId: message.unitId,
      dossierId: message.dossierId ?? null,
      channel: message.channel,
      recipient,
      subject: (message.subject ?? '').normalize('NFC'),
      bodyText: message.text.normalize('NFC'),
      bodyHtml: message.html?.normalize('NFC') ?? null,
      attachments: JSON.stringify(attachments),
      params: message.params ? JSON.stringify(message.params) : null,
      kind: message.kind,
      status: demo ? 'skipped' : problem ? 'failed' : 'pending',
      lastError: demo ? DEMO_UNIT_ERROR : (problem ?? null),
      nextAttemptAt: now,
      createdAt: now,
    });
  }

  /**
   * A dossier notice (receipt, supplement request, result ready, apology, refusal) rendered from the Vietnamese templates and
   * queued on every channel the citizen gave: e-mail (with the attachments), SMS (short text) and Zalo (full text).
   * Returns the ids of the rows written (none when no contact is given).
   */
  async notifyDossier(trx: Tx, notice: DossierNotification): Promise<number[]> {
    const { unitId, dossierId, to } = notice;
    const kind = notice.kind === 'refusal' ? 'other' : notice.kind;
    const attachments = notice.attachments ?? [];
    const ids: number[] = [];
    if (to.email?.trim()) {
      const r = render(notice, attachments.length > 0);
      ids.push(
        await this.enqueue(trx, {
          unitId,
          dossierId,
          kind,
          channel: 'email',
          recipient: to.email,
          subject: r.subject,
          text: r.text,
          attachments,
        }),
      );
    }
    const plain = render(notice, false);
    if (to.phone?.trim()) {
      ids.push(
        await this.enqueue(trx, {
          unitId,
          dossierId,
          kind,
          channel: 'sms',
          recipient: to.phone,
          text: plain.sms,
          params: plain.params,
        }),
      );
    }
    if (to.zalo?.trim()) {
      ids.push(
        await this.enqueue(trx, {
          unitId,
          dossierId,
          kind,
          channel: 'zalo',
          recipient: to.zalo,
          text: plain.text,
          params: plain.params,
        }),
      );
    }
    return ids;
  }

  /** A dossier's notifications, newest first: channel, recipient, status, attempts and the last error. */
  listForDossier(unitId: number, dossierId: number) {
    return this.deps.notifications.listForDossier(this.deps.db, unitId, dossierId);
  }
}
