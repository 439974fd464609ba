import type { Delivery } from './notifications.model.js';

/** One way of reaching a citizen: SMTP e-mail, or a webhook to an SMS gateway or a Zalo OA. */
export interface Channel {
  /** Resolves once the other side has accepted the message; throws otherwise (a ChannelError says whether to retry). */
  send(msg: Delivery): Promise<void>;
}

/**
 * A failed send. `permanent` means trying again cannot help (the message itself is wrong: a missing attachment, a
 * recipient the gateway refuses as malformed); the dispatcher then gives up at once instead of after max attempts.
 */
export class ChannelError extends Error {
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}
