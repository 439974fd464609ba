import type { Config } from '../../config.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db.js';
import type { FileStorage } from '../../platform/storage.js';
import type { UnitDirectory } from '../units/unit-directory.js';
import type { Channel } from './channel.js';
import { Dispatcher, type DispatcherOptions } from './dispatcher.js';
import { parseMailbox } from './mime.js';
import type { ChannelName } from './notifications.model.js';
import { NotificationRepository } from './notifications.repository.js';
import { NotificationService } from './notifications.service.js';
import { DEFAULT_RETRY } from './retry-policy.js';
import { SmtpChannel } from './smtp-channel.js';
import { smtpOptionsFromUrl } from './smtp-client.js';
import { WebhookChannel } from './webhook-channel.js';

export type NotificationsDeps = {
  db: Db;
  clock: Clock;
  storage: FileStorage;
  directory: UnitDirectory;
  config: Config;
};

/** The channels the configuration enables: SMTP e-mail, SMS and Zalo webhooks. */
export function channelsFromConfig(config: Config, clock: Clock): Partial<Record<ChannelName, Channel>> {
  const n = config.notifications;
  const channels: Partial<Record<ChannelName, Channel>> = {};
  if (config.smtpUrl && n.mailFrom) {
    channels.email = new SmtpChannel({
      smtp: smtpOptionsFromUrl(config.smtpUrl),
      from: parseMailbox(n.mailFrom),
      clock,
    });
  }
  if (n.smsWebhookUrl && n.webhookSecret) {
    channels.sms = new WebhookChannel({
      channel: 'sms',
      url: n.smsWebhookUrl,
      secret: n.webhookSecret,
      clock,
    });
  }
  if (n.zaloWebhookUrl && n.webhookSecret) {
    channels.zalo = new WebhookChannel({
      channel: 'zalo',
      url: n.zaloWebhookUrl,
      secret: n.webhookSecret,
      clock,
    });
  }
  return channels;
}

/**
 * Notifications to citizens (issue #3 item 7): `service` queues messages inside the caller's transaction,
 * `dispatcher` sends them. The server calls start()/stop(); tests run `dispatcher.runOnce()` themselves.
 */
export class NotificationsModule {
  readonly service: NotificationService;
  readonly dispatcher: Dispatcher;

  constructor(
    readonly deps: NotificationsDeps,
    overrides: {
      channels?: Partial<Record<ChannelName, Channel>>;
      options?: Partial<DispatcherOptions>;
    } = {},
  ) {
    const notifications = new NotificationRepository();
    this.service = new NotificationService({
      db: deps.db,
      notifications,
      clock: deps.clock,
      directory: deps.directory,
    });
    this.dispatcher = new Dispatcher({
      db: deps.db,
      clock: deps.clock,
      notifications,
      storage: deps.storage,
      directory: deps.directory,
      channels: overrides.channels ?? channelsFromConfig(deps.config, deps.clock),
      options: {
        ...DEFAULT_RETRY,
        maxAttempts: deps.config.notifications.maxAttempts,
        batchSize: 50,
        leaseMs: 10 * 60_000,
        ...overrides.options,
      },
      onError: (err) => console.error('congxa: notification dispatch failed (will try again)', err),
    });
  }

  /** Starts sending every NOTIFY_INTERVAL_SECONDS; says which channels are off. */
  start(log: (msg: string) => void = () => undefined): void {
    const on = this.dispatcher.configuredChannels();
    const off = (['email', 'sms', 'zalo'] as const).filter((c) => !on.includes(c));
    if (off.length > 0) {
      log(
        `Notifications not configured for ${off.join(', ')}: those messages stay pending (docs/notifications.md)`,
      );
    }
    this.dispatcher.start(this.deps.config.notifications.intervalSeconds * 1000);
  }

  async stop(): Promise<void> {
    await this.dispatcher.stop();
  }
}
