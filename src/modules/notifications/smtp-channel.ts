import type { Clock } from '../../platform/clock.js';
import { ChannelError, type Channel } from './channel.js';
import { buildMessage, type MailAddress } from './mime.js';
import type { Delivery } from './notifications.model.js';
import { sendMail, SmtpError, type SmtpOptions } from './smtp-client.js';

/** E-mail through the configured SMTP server (SMTP_URL, MAIL_FROM). */
export class SmtpChannel implements Channel {
  constructor(private readonly deps: { smtp: SmtpOptions; from: MailAddress; clock: Clock }) {}

  async send(msg: Delivery): Promise<void> {
    const { smtp, from, clock } = this.deps;
    const domain = from.address.split('@')[1] ?? 'localhost';
    const data = buildMessage({
      from,
      to: msg.recipient,
      subject: msg.subject,
      text: msg.text,
      html: msg.html,
      attachments: msg.attachments,
      date: clock.now(),
      // The same id on every attempt, so a duplicate after a lost reply can be recognised.
      messageId: `notification-${msg.id}-${Date.parse(msg.createdAt)}@${domain}`,
    });
    try {
      await sendMail(smtp, { from: from.address, to: [msg.recipient] }, data);
    } catch (err) {
      // 5xx replies are retried too: servers also use them for policy refusals that clear up (see docs).
      const message = err instanceof SmtpError ? err.message : `SMTP: ${String(err)}`;
      throw new ChannelError(`SMTP ${smtp.host}:${smtp.port}: ${message}`);
    }
  }
}
