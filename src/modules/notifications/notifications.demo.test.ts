import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { TEST_DIALECT } from '../../../test/db.js';
import { startSmtpServer, type SmtpTestServer } from '../../../test/smtp-server.js';

/** The demo data sends nothing, even on a server whose SMTP is configured and reachable. */
describe(`demo data and notifications (${TEST_DIALECT})`, () => {
  let server: SmtpTestServer;
  let t: TestApp;

  beforeAll(async () => {
    server = await startSmtpServer();
    t = await buildTestApp({
      demo: true,
      demoDossiers: true,
      env: { SMTP_URL: `smtp://127.0.0.1:${server.port}`, MAIL_FROM: 'noreply@tanhong.example.gov.vn' },
    });
  }, 180_000); // the demo dossiers load in 10–25 s alone, and far more on a loaded two-core machine
  afterAll(async () => {
    await t.close();
    await server.stop();
  });

  it('has e-mail configured and nothing to send after loading the demo', async () => {
    expect(t.deps.notifications.dispatcher.configuredChannels()).toEqual(['email']);
    t.clock.advance(24 * 3_600_000);
    expect(await t.deps.notifications.dispatcher.runOnce()).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
      skipped: 0,
    });
    const rows = await t.deps.db.selectFrom('notification').select(['status']).execute();
    expect(rows.filter((r) => r.status !== 'skipped')).toEqual([]);
    expect(server.received).toHaveLength(0);
  });

  it('skips, never sends, a message queued for a demo unit', async () => {
    const unit = t.deps.directory.getBySlug('tan-hong');
    expect(unit?.isDemo).toBe(1);
    await t.deps.db.transaction().execute((trx) =>
      t.deps.notifications.service.enqueue(trx, {
        unitId: unit!.id, // the demo's default unit, checked above
        channel: 'email',
        kind: 'other',
        recipient: 'ai-do@example.vn',
        subject: 'Thử',
        text: 'Thử',
      }),
    );
    expect(await t.deps.notifications.dispatcher.runOnce()).toMatchObject({ sent: 0 });
    expect(server.received).toHaveLength(0);
  });
});
