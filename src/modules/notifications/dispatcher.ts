import type { Readable } from 'node:stream';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db.js';
import type { FileStorage } from '../../platform/storage.js';
import type { UnitDirectory } from '../units/unit-directory.js';
import { ChannelError, type Channel } from './channel.js';
import { CHANNELS, type Attachment, type ChannelName, type Delivery } from './notifications.model.js';
import type { NotificationRepository, NotificationRow } from './notifications.repository.js';
import { DEMO_UNIT_ERROR } from './notifications.service.js';
import { isLastAttempt, retryDelayMs, type RetryPolicy } from './retry-policy.js';

export type DispatcherOptions = RetryPolicy & {
  /** Rows taken per run. */
  batchSize: number;
  /** How long a claimed row stays hidden from other dispatchers; longer than any send can take. */
  leaseMs: number;
};

export type DispatchReport = { sent: number; retrying: number; failed: number; skipped: number };

type Deps = {
  db: Db;
  clock: Clock;
  notifications: NotificationRepository;
  storage: FileStorage;
  directory: UnitDirectory;
  /** The channels that are configured; rows of the others stay pending. */
  channels: Partial<Record<ChannelName, Channel>>;
  options: DispatcherOptions;
  onError: (err: unknown) => void;
};

const MAX_ERROR_CHARS = 1000;

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  }
  return Buffer.concat(chunks);
}

/**
 * Sends the outbox: takes due pending rows, claims each one (so two processes never send the same row), sends it
 * outside any transaction, then records the outcome: sent; or tried again later with a doubling delay; or failed
 * after the last attempt (or at once when the channel says retrying cannot help), with the error kept.
 * Delivery is at least once: a process that dies between the send and the update sends again after the lease.
 */
export class Dispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<DispatchReport> | undefined;

  constructor(private readonly deps: Deps) {}

  /** The channels rows are sent on (others wait, pending, for their configuration). */
  configuredChannels(): ChannelName[] {
    return CHANNELS.filter((c) => this.deps.channels[c] !== undefined);
  }

  /** One pass over the due rows (at most batchSize); concurrent calls in one process share the pass. */
  runOnce(): Promise<DispatchReport> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Runs a pass every intervalMs until stop(); a pass still running when the next is due is not doubled. */
  start(intervalMs: number): void {
    this.stopTimer();
    this.timer = setInterval(() => {
      this.runOnce().catch(this.deps.onError);
    }, intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for the pass in progress. */
  async stop(): Promise<void> {
    this.stopTimer();
    await this.running?.catch(() => undefined);
  }

  private stopTimer(): void {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private async pass(): Promise<DispatchReport> {
    const { db, clock, notifications, options } = this.deps;
    const report: DispatchReport = { sent: 0, retrying: 0, failed: 0, skipped: 0 };
    const channels = this.configuredChannels();
    if (channels.length === 0) {
      return report;
    }
    const now = clock.now();
    const due = await notifications.findDue(db, now.toISOString(), channels, options.batchSize);
    for (const row of due) {
      const leaseUntil = new Date(now.getTime() + options.leaseMs).toISOString();
      if (await notifications.claim(db, row.id, row.attempts, now.toISOString(), leaseUntil)) {
        report[await this.sendClaimed(row, row.attempts + 1)]++;
      }
    }
    return report;
  }

  private async sendClaimed(row: NotificationRow, attempt: number): Promise<keyof DispatchReport> {
    const { db, clock, notifications, directory, options } = this.deps;
    if (directory.get(row.unitId)?.isDemo === 1) {
      await notifications.markGivenUp(db, row.id, attempt, 'skipped', DEMO_UNIT_ERROR);
      return 'skipped';
    }
    try {
      const channel = this.deps.channels[row.channel];
      if (!channel) {
        throw new ChannelError(`${row.channel} is not configured`);
      }
      await channel.send(await this.deliveryOf(row));
    } catch (err) {
      const error = (err instanceof Error ? err.message : String(err)).slice(0, MAX_ERROR_CHARS);
      const permanent = err instanceof ChannelError && err.permanent;
      if (permanent || isLastAttempt(options, attempt)) {
        await notifications.markGivenUp(db, row.id, attempt, 'failed', error);
        return 'failed';
      }
      const next = new Date(clock.now().getTime() + retryDelayMs(options, attempt)).toISOString();
      await notifications.markRetry(db, row.id, attempt, next, error);
      return 'retrying';
    }
    await notifications.markSent(db, row.id, attempt, clock.now().toISOString());
    return 'sent';
  }

  private async deliveryOf(row: NotificationRow): Promise<Delivery> {
    const attachments = await Promise.all(
      (JSON.parse(row.attachments) as Attachment[]).map(async (a) => {
        if ('base64' in a) {
          return { fileName: a.fileName, mime: a.mime, content: Buffer.from(a.base64, 'base64') };
        }
        const stream = this.deps.storage.open(a.storageKey);
        if (!stream) {
          throw new ChannelError(
            `attachment ${a.fileName} (${a.storageKey}) is not in the file storage`,
            true,
          );
        }
        return { fileName: a.fileName, mime: a.mime, content: await bytesOf(stream) };
      }),
    );
    return {
      id: row.id,
      unitId: row.unitId,
      dossierId: row.dossierId,
      channel: row.channel,
      kind: row.kind,
      recipient: row.recipient,
      subject: row.subject,
      text: row.bodyText,
      html: row.bodyHtml,
      attachments,
      params: row.params ? (JSON.parse(row.params) as Record<string, string>) : null,
      createdAt: row.createdAt,
    };
  }
}
