/** The notification outbox's vocabulary (docs/notifications.md). */

export type ChannelName = 'email' | 'sms' | 'zalo';
export const CHANNELS: readonly ChannelName[] = ['email', 'sms', 'zalo'];

export type NotificationKind = 'receipt' | 'supplement' | 'result_ready' | 'apology' | 'other';
export type NotificationStatus = 'pending' | 'sent' | 'failed' | 'skipped';

/**
 * A file sent with an e-mail. Either a key of the project's FileStorage (a file already stored, such as a scanned
 * result; read at send time) or the bytes inline as base64 (a small generated PDF such as the apology slip, at most
 * MAX_INLINE_ATTACHMENT_BYTES; it lives in the outbox row until sent).
 */
export type Attachment =
  { fileName: string; mime: string; storageKey: string } | { fileName: string; mime: string; base64: string };

/** Inline attachments above this size must go through FileStorage instead. */
export const MAX_INLINE_ATTACHMENT_BYTES = 2 * 1024 * 1024;

/** What a caller asks to send: one message on one channel to one recipient. */
export type OutgoingMessage = {
  unitId: number;
  dossierId?: number | null;
  channel: ChannelName;
  kind: NotificationKind;
  /** An e-mail address, a phone number (SMS) or a Zalo user id / phone number (Zalo). */
  recipient: string;
  /** E-mail subject; ignored by SMS and Zalo. */
  subject?: string;
  text: string;
  html?: string | null;
  attachments?: readonly Attachment[];
  /** Template parameters for gateways that render their own template (Zalo ZNS); strings only. */
  params?: Readonly<Record<string, string>> | null;
};

/** A message as a channel sends it: the stored row, attachments resolved to bytes. */
export type Delivery = {
  id: number;
  unitId: number;
  dossierId: number | null;
  channel: ChannelName;
  kind: NotificationKind;
  recipient: string;
  subject: string;
  text: string;
  html: string | null;
  attachments: readonly { fileName: string; mime: string; content: Buffer }[];
  params: Readonly<Record<string, string>> | null;
  createdAt: string;
};

const EMAIL = /^[^\s@<>()[\]",;:\\]+@[^\s@<>()[\]",;:\\]+\.[^\s@<>()[\]",;:\\]+$/;

/** A plain e-mail address (no display name), safe to put in SMTP commands and headers. */
export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/**
 * A Vietnamese mobile number in the form gateways expect: 84 followed by 9 digits. Accepts 0xxxxxxxxx, +84…, 84…
 * with spaces, dots or dashes; anything else is undefined.
 */
export function normalisePhone(value: string): string | undefined {
  const digits = value.replace(/[\s.()-]/g, '');
  const m = /^(?:\+?84|0)(\d{9})$/.exec(digits);
  return m ? `84${m[1]}` : undefined;
}

/** Is the recipient usable on its channel? (Zalo takes a phone number or the OA's numeric user id.) */
export function recipientProblem(channel: ChannelName, recipient: string): string | undefined {
  switch (channel) {
    case 'email':
      return isEmailAddress(recipient) ? undefined : 'invalid e-mail address';
    case 'sms':
      return normalisePhone(recipient) ? undefined : 'invalid phone number';
    case 'zalo':
      return normalisePhone(recipient) || /^\d{6,32}$/.test(recipient) ? undefined : 'invalid Zalo recipient';
  }
}
