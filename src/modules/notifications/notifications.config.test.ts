import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { channelsFromConfig } from './notifications.module.js';
import { fixedClock } from '../../platform/clock.js';
import { smtpOptionsFromUrl } from './smtp-client.js';

const SECRET = 'x'.repeat(32);

describe('notification settings', () => {
  it('has no channel and sends nothing without configuration', () => {
    const c = loadConfig({});
    expect(c.notifications).toEqual({
      mailFrom: undefined,
      smsWebhookUrl: undefined,
      zaloWebhookUrl: undefined,
      webhookSecret: undefined,
      maxAttempts: 8,
      intervalSeconds: 15,
    });
    expect(channelsFromConfig(c, fixedClock('2026-11-26T00:00:00Z'))).toEqual({});
  });

  it('enables each channel that has its settings', () => {
    const c = loadConfig({
      SMTP_URL: 'smtp://u%40x:p%3Ass@mail.example.gov.vn',
      MAIL_FROM: 'Xã Tân Hồng <noreply@tanhong.example.gov.vn>',
      SMS_WEBHOOK_URL: 'https://sms-adapter.example.vn/send',
      NOTIFY_WEBHOOK_SECRET: SECRET,
      NOTIFY_MAX_ATTEMPTS: '5',
    });
    expect(Object.keys(channelsFromConfig(c, fixedClock('2026-11-26T00:00:00Z')))).toEqual(['email', 'sms']);
    expect(c.notifications.maxAttempts).toBe(5);
  });

  it('reports settings that need another one, with the other problems, at once', () => {
    expect(() =>
      loadConfig({ SMTP_URL: 'smtp://mail.x.vn', ZALO_WEBHOOK_URL: 'https://z.x.vn/hook', PORT: 'abc' }),
    ).toThrow(
      /PORT[\s\S]*MAIL_FROM: required when SMTP_URL is set[\s\S]*NOTIFY_WEBHOOK_SECRET: required when SMS_WEBHOOK_URL or ZALO_WEBHOOK_URL is set/,
    );
    expect(() => loadConfig({ SMS_WEBHOOK_URL: 'ftp://x.vn', NOTIFY_WEBHOOK_SECRET: SECRET })).toThrow(
      /SMS_WEBHOOK_URL: must be an http\(s\) URL/,
    );
    expect(() => loadConfig({ SMTP_URL: 'smtp://m.vn', MAIL_FROM: 'not an address' })).toThrow(/MAIL_FROM/);
    expect(() => loadConfig({ NOTIFY_WEBHOOK_SECRET: 'short' })).toThrow(/NOTIFY_WEBHOOK_SECRET/);
    expect(() => loadConfig({ SMTP_URL: 'smtp://m.vn?starttls=maybe', MAIL_FROM: 'a@b.vn' })).toThrow(
      /SMTP_URL: starttls must be auto, required or never/,
    );
  });

  it('reads SMTP_URL: ports by scheme, decoded credentials, STARTTLS policy', () => {
    expect(smtpOptionsFromUrl('smtp://u%40x:p%3Ass@mail.example.gov.vn')).toMatchObject({
      host: 'mail.example.gov.vn',
      port: 587,
      secure: false,
      starttls: 'auto',
      auth: { user: 'u@x', pass: 'p:ss' },
    });
    expect(smtpOptionsFromUrl('smtps://mail.x.vn')).toMatchObject({
      port: 465,
      secure: true,
      auth: undefined,
    });
    expect(smtpOptionsFromUrl('smtp://127.0.0.1:2525?starttls=never')).toMatchObject({
      port: 2525,
      starttls: 'never',
    });
    expect(() => smtpOptionsFromUrl('smtp://x.vn?starttls=maybe')).toThrow(/starttls/);
  });
});
