import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, cookieHeader, type TestApp } from '../../../../test/app.js';
import { Browser } from '../../../../test/staff.js';
import { DEMO_PASSWORD } from '../../../demo/demo-data.js';
import { citizenPaths, dossierPaths, paymentPaths } from '../../../http/paths.js';
import { actionInput } from '../../../../test/dossiers.js';
import type { Actor } from '../../accounts/actor.js';
import type { DossierRow } from '../dossiers.repository.js';
import type { ActionInput } from '../dossiers.schemas.js';
import { SANDBOX_SIGNATURE_HEADER, SandboxPaymentGateway, type SandboxOrder } from './sandbox-gateway.js';

/*
 * Paying a dossier's fee online through the sandbox gateway, over HTTP on the dialect under test: the look-up's
 * button, the sandbox's page, its "Thanh toán" and "Hủy", and the notification endpoint against forged, tampered,
 * replayed and simultaneous notifications. The demo commune (Tân Hồng); procedure 2.000884 (chứng thực chữ ký) has
 * a fixed fee of 10.000 đồng, 1.004873 has none on the dossier (set by the province).
 */

let t: TestApp;
let unitId: number;
const actors: Record<string, Actor> = {};
const FEE = 10_000;
const SANDBOX_EVENT_ACTOR = 'Cổng thanh toán: THANH TOÁN THỬ NGHIỆM';
const PAY_BUTTON = 'Nộp phí trực tuyến (thử nghiệm)';

const svc = () => t.deps.dossiers.service;
const sandbox = (): SandboxPaymentGateway => t.deps.payments.sandbox!;

const act = (actor: string, d: DossierRow, input: Partial<ActionInput> & Pick<ActionInput, 'action'>) =>
  svc().act(actors[actor]!, unitId, d.id, actionInput(input.action, d.version, input));

async function intake(procedureCode = '2.000884'): Promise<DossierRow> {
  const p = await t.deps.procedures.service.byCode(unitId, procedureCode);
  const { dossier } = await svc().intake(actors.motcua!, unitId, {
    procedureCode: p.code,
    channel: 'counter',
    applicant: { name: 'Trần Văn Bình', idNumber: null, phone: '0912345678', email: null, address: '' },
    requestSummary: '',
    provided: p.documents.filter((d) => d.required).map((d) => d.name),
    sets: 1,
    returnMethod: 'counter',
    idempotencyKey: null,
  });
  return dossier;
}

const reload = (d: DossierRow) => svc().get(unitId, d.id);
const lookupUrl = (d: DossierRow) => dossierPaths.lookup('', d.code!);
const feeEvents = async (d: DossierRow) =>
  (await svc().events(d.id)).filter((e) => e.action === 'record_fee');
const paymentsOf = (d: DossierRow) => t.deps.payments.service.forDossier(d.id);

/** A citizen's browser: the look-up, its button, the sandbox's page. Returns the page's URL and sealed order. */
async function startPayment(b: Browser, d: DossierRow): Promise<{ pageUrl: string; order: string }> {
  const res = await b.submit(lookupUrl(d), { ma: d.code! }, paymentPaths.start(''));
  expect(res.statusCode).toBe(303);
  const pageUrl = String(res.headers.location);
  expect(pageUrl).toMatch(/^\/thanh-toan-thu-nghiem\/TT[0-9A-F]{20}\?don=/);
  const page = await b.get(pageUrl);
  expect(page.statusCode).toBe(200);
  const order = /name="don" value="([^"]+)"/.exec(page.body)?.[1];
  expect(order).toBeDefined();
  return { pageUrl, order: order! };
}

const refOf = (pageUrl: string) => /\/thanh-toan-thu-nghiem\/(TT[0-9A-F]{20})/.exec(pageUrl)![1]!;

/** What the sandbox would send for `d`'s payment `ref`, built from a real order (then changed by the test). */
function orderFor(d: DossierRow, ref: string): SandboxOrder {
  return {
    paymentRef: ref,
    dossierCode: d.code!,
    amountVnd: FEE,
    description: `Nộp phí, lệ phí hồ sơ ${d.code!}`,
    returnUrl: lookupUrl(d),
    notifyUrl: paymentPaths.notify('sandbox'),
  };
}

const notify = (body: string, headers: Record<string, string>, gateway = 'sandbox') =>
  t.app.inject({ method: 'POST', url: paymentPaths.notify(gateway), headers, payload: body });

/** The dossier's page as the one-stop officer sees it. */
async function staffPage(d: DossierRow): Promise<string> {
  const b = new Browser(t);
  expect((await b.signIn('', 'motcua', DEMO_PASSWORD)).statusCode).toBe(303);
  const res = await b.get(dossierPaths.adminDetail('', d.id));
  expect(res.statusCode).toBe(200);
  return res.body;
}

/** A pending payment of `d` started through the look-up (nothing paid yet). */
async function pendingPayment(d: DossierRow): Promise<string> {
  const { pageUrl } = await startPayment(new Browser(t), d);
  return refOf(pageUrl);
}

beforeAll(async () => {
  // Tue 10/02/2026 09:00 in Vietnam.
  t = await buildTestApp({ demo: true, now: '2026-02-10T02:00:00.000Z' });
  unitId = t.deps.directory.all().find((u) => u.slug === 'tan-hong')!.id;
  for (const username of ['motcua', 'chuyenvien', 'lanhdao']) {
    const row = await t.deps.db
      .selectFrom('account')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    actors[username] = await t.deps.accounts.actorOf(row.id);
  }
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  t.clock.advance(60_000); // fresh rate-limit buckets
});

describe('the look-up offers online payment', () => {
  it('only for a received dossier with a fixed fee due, until processing ends', async () => {
    const due = await intake();
    expect(due.feeVnd).toBe(FEE);
    const page = await new Browser(t).get(lookupUrl(due));
    expect(page.body).toContain('<dt>Phí, lệ phí</dt><dd>Chưa nộp phí</dd>');
    expect(page.body).toMatch(/<form class="lookup-pay" method="post" action="\/tra-cuu-ho-so\/nop-phi">/);
    expect(page.body).toContain(`<button type="submit">${PAY_BUTTON}</button>`);
    expect(page.body).toContain('Thanh toán thử nghiệm: không có tiền thật được chuyển.');
    expect(page.body).not.toContain('10.000'); // the look-up never shows the amount

    const noFee = await intake('1.004873');
    expect(noFee.feeVnd).toBeNull();
    const none = await new Browser(t).get(lookupUrl(noFee));
    expect(none.body).not.toContain(PAY_BUTTON);
    expect(none.body).not.toContain('Phí, lệ phí');

    const refused = await act('lanhdao', await intake(), {
      action: 'refuse',
      reason: 'Không thuộc thẩm quyền',
    });
    const ended = await new Browser(t).get(lookupUrl(refused));
    expect(ended.body).not.toContain(PAY_BUTTON);
    // Started anyway (an old page): refused with a reason, nothing stored.
    const b = new Browser(t);
    const res = await b.submit(lookupUrl(due), { ma: refused.code! }, paymentPaths.start(''));
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('không có khoản phí, lệ phí nộp trực tuyến được');
    expect(await paymentsOf(refused)).toEqual([]);
  });

  it('refuses a start without the CSRF token, and answers a malformed or unknown code at 400/404', async () => {
    const d = await intake();
    const forged = await t.app.inject({
      method: 'POST',
      url: paymentPaths.start(''),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `ma=${encodeURIComponent(d.code!)}`,
    });
    expect(forged.statusCode).toBe(403);
    expect(await paymentsOf(d)).toEqual([]);
    const b = new Browser(t);
    expect((await b.submit(lookupUrl(d), { ma: 'xyz' }, paymentPaths.start(''))).statusCode).toBe(400);
    const unknown = await b.submit(lookupUrl(d), { ma: '000.00.13.H12-260210-9999' }, paymentPaths.start(''));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Không tìm thấy hồ sơ có mã này.');
  });
});

describe('paying through the sandbox gateway', () => {
  it('start → the sandbox page → "Thanh toán" → the notification → the fee recorded by the gateway', async () => {
    const d = await intake();
    const b = new Browser(t);
    const { pageUrl, order } = await startPayment(b, d);
    const ref = refOf(pageUrl);

    const page = await b.get(pageUrl);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<title>THANH TOÁN THỬ NGHIỆM</title>');
    expect(page.body).toContain(
      '<p class="sandbox-banner" role="note"><strong>THANH TOÁN THỬ NGHIỆM</strong></p>',
    );
    expect(page.body).toContain('không có tiền thật được chuyển');
    expect(page.body).toContain('<strong>10.000 đồng</strong>');
    expect(page.body).toContain(`<dd>${d.code!}</dd>`);
    expect(page.body).toContain(`action="${paymentPaths.sandboxPay(ref)}"`);
    expect(page.body).toContain(`action="${paymentPaths.sandboxCancel(ref)}"`);
    expect(page.body).toContain('>Thanh toán</button>');
    expect(page.body).toContain('>Hủy</button>');
    expect(page.body).not.toContain('<script');
    const [pending] = await paymentsOf(d);
    expect(pending).toMatchObject({ ref, status: 'pending', amountVnd: FEE, gateway: 'sandbox', unitId });

    const paidAt = t.clock.now().toISOString();
    const paid = await b.submit(pageUrl, { don: order }, paymentPaths.sandboxPay(ref));
    expect(paid.statusCode).toBe(303);
    expect(paid.headers.location).toBe(lookupUrl(d));

    const after = await reload(d);
    expect(after).toMatchObject({
      feePaidVnd: FEE,
      feeMethod: 'online',
      feePaidAt: paidAt,
      paymentRef: ref,
      status: d.status,
      version: d.version + 1,
    });
    const [payment] = await paymentsOf(d);
    expect(payment).toMatchObject({ status: 'paid', feeRecorded: 1, paidAt, notifiedAt: paidAt });
    expect(JSON.parse(payment!.notification!)).toMatchObject({ ref, status: 'paid', amountVnd: FEE });
    // The event and the audit row say it came from the gateway, not from a person.
    const [event] = await feeEvents(d);
    expect(event).toMatchObject({ actorId: null, actorName: SANDBOX_EVENT_ACTOR, action: 'record_fee' });
    expect(JSON.parse(event!.data)).toMatchObject({
      feeVnd: FEE,
      feeMethod: 'online',
      paymentRef: ref,
      gateway: 'sandbox',
      via: 'payment_gateway',
    });
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'dossier.record_fee')
      .where('entityId', '=', String(d.id))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: null, actorName: 'hệ thống' });
    expect(JSON.parse(audit[0]!.afterJson!)).toMatchObject({ paymentRef: ref, gateway: 'sandbox' });

    // Staff see the payment and who recorded the fee.
    const staff = await staffPage(d);
    expect(staff).toContain(`${ref}: 10.000 đồng, đã thanh toán`);
    expect(staff).toContain('THANH TOÁN THỬ NGHIỆM');
    expect(staff).not.toContain('cần hoàn tiền');
    // The look-up now says the fee is paid, without the amount, and offers no button.
    const lookup = await b.get(lookupUrl(d));
    expect(lookup.body).toContain('<dt>Phí, lệ phí</dt><dd>Đã nộp phí</dd>');
    expect(lookup.body).not.toContain(PAY_BUTTON);
    expect(lookup.body).toContain('Đã ghi nhận nộp phí, lệ phí.');
    // Starting again (from a page kept open) is refused: nothing is due. The CSRF token of any form will do.
    const again = await b.submit(citizenPaths.signIn(''), { ma: d.code! }, paymentPaths.start(''));
    expect(again.statusCode).toBe(409);
    // A staff member who had the dossier open before the payment is told someone acted first.
    await expect(act('motcua', d, { action: 'record_fee', feeVnd: FEE, feeMethod: 'cash' })).rejects.toThrow(
      /THANH TOÁN THỬ NGHIỆM/,
    );
  });

  it('"Hủy" records nothing: the payment is cancelled and the fee still due', async () => {
    const d = await intake();
    const b = new Browser(t);
    const { pageUrl, order } = await startPayment(b, d);
    const res = await b.submit(pageUrl, { don: order }, paymentPaths.sandboxCancel(refOf(pageUrl)));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(lookupUrl(d));
    const after = await reload(d);
    expect(after).toMatchObject({ feePaidVnd: null, feePaidAt: null, feeMethod: null, version: d.version });
    expect(await feeEvents(d)).toEqual([]);
    expect((await paymentsOf(d)).map((p) => [p.status, p.feeRecorded])).toEqual([['cancelled', 0]]);
    expect((await b.get(lookupUrl(d))).body).toContain(PAY_BUTTON);
  });

  it('refuses the sandbox buttons without the CSRF token, and a broken or changed order', async () => {
    const d = await intake();
    const b = new Browser(t);
    const { pageUrl, order } = await startPayment(b, d);
    const ref = refOf(pageUrl);
    const noToken = await t.app.inject({
      method: 'POST',
      url: paymentPaths.sandboxPay(ref),
      headers: { cookie: cookieHeader(b.jar), 'content-type': 'application/x-www-form-urlencoded' },
      payload: `don=${encodeURIComponent(order)}`,
    });
    expect(noToken.statusCode).toBe(403);
    const changed = await b.submit(pageUrl, { don: `${order}x` }, paymentPaths.sandboxPay(ref));
    expect(changed.statusCode).toBe(400);
    expect(changed.body).toContain('THANH TOÁN THỬ NGHIỆM');
    expect(changed.body).toContain('Đường dẫn thanh toán không hợp lệ hoặc đã bị sửa.');
    expect((await b.get(paymentPaths.sandboxPage(ref, 'abc.def'))).statusCode).toBe(400);
    expect((await reload(d)).feePaidAt).toBeNull();
    expect((await paymentsOf(d))[0]!.status).toBe('pending');
  });
});

describe('POST /api/payments/sandbox/notify', () => {
  it('answers 400 to a forged or tampered notification, and records nothing', async () => {
    const d = await intake();
    const ref = await pendingPayment(d);
    const real = sandbox().notification(orderFor(d, ref), 'paid');
    const other = new SandboxPaymentGateway('another-session-secret-of-32-characters!', t.clock);
    const forged = other.notification(orderFor(d, ref), 'paid');
    const tampered = real.body.replace(`"amountVnd":${FEE}`, '"amountVnd":10');
    const attempts = [
      notify(forged.body, forged.headers), // signed with another key
      notify(tampered, real.headers), // the amount changed after signing
      notify(real.body, { 'content-type': 'application/json' }), // no signature
      notify(real.body, { ...real.headers, [SANDBOX_SIGNATURE_HEADER]: `sha256=${'0'.repeat(64)}` }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({
        error: 'invalid_notification',
        message: 'Thông báo thanh toán không hợp lệ: sai chữ ký hoặc sai định dạng.',
      });
    }
    // Properly signed, but for another amount than the one asked: refused too.
    const cheaper = sandbox().notification({ ...orderFor(d, ref), amountVnd: 1_000 }, 'paid');
    const res = await notify(cheaper.body, cheaper.headers);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'amount_mismatch' });
    // An unknown payment, or a gateway that is not configured.
    const unknown = sandbox().notification(orderFor(d, 'TT00000000000000000000'), 'paid');
    expect((await notify(unknown.body, unknown.headers)).statusCode).toBe(404);
    expect((await notify(real.body, real.headers, 'vnpay')).statusCode).toBe(404);

    expect(await reload(d)).toMatchObject({ feePaidAt: null, feePaidVnd: null, version: d.version });
    expect(await feeEvents(d)).toEqual([]);
    expect((await paymentsOf(d)).map((p) => [p.status, p.notification])).toEqual([['pending', null]]);
  });

  it('records a replayed notification once', async () => {
    const d = await intake();
    const ref = await pendingPayment(d);
    const n = sandbox().notification(orderFor(d, ref), 'paid');
    const first = await notify(n.body, n.headers);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ ok: true, outcome: 'recorded', paymentRef: ref });
    t.clock.advance(3_600_000);
    const replay = await notify(n.body, n.headers);
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual({ ok: true, outcome: 'duplicate', paymentRef: ref });
    // A late "cancelled" for a paid payment changes nothing either.
    const late = sandbox().notification(orderFor(d, ref), 'cancelled');
    expect((await notify(late.body, late.headers)).json()).toMatchObject({ outcome: 'duplicate' });
    expect(await feeEvents(d)).toHaveLength(1);
    expect((await reload(d)).version).toBe(d.version + 1);
    expect((await paymentsOf(d)).map((p) => p.status)).toEqual(['paid']);
  });

  it('records two notifications that arrive at once only once', async () => {
    const d = await intake();
    const ref = await pendingPayment(d);
    const a = sandbox().notification(orderFor(d, ref), 'paid');
    const b = sandbox().notification(orderFor(d, ref), 'paid'); // another transaction number, same payment
    const answers = await Promise.all([notify(a.body, a.headers), notify(b.body, b.headers)]);
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(answers.map((r) => r.json<{ outcome: string }>().outcome).sort()).toEqual([
      'duplicate',
      'recorded',
    ]);
    expect(await feeEvents(d)).toHaveLength(1);
    expect((await reload(d)).version).toBe(d.version + 1);
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select('id')
      .where('action', '=', 'dossier.record_fee')
      .where('entityId', '=', String(d.id))
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('marks a payment paid but records no fee when the fee was collected meanwhile (staff refund it)', async () => {
    const d = await intake();
    const ref = await pendingPayment(d);
    await act('motcua', d, { action: 'record_fee', feeVnd: FEE, feeMethod: 'cash' });
    const n = sandbox().notification(orderFor(d, ref), 'paid');
    expect((await notify(n.body, n.headers)).json()).toMatchObject({ outcome: 'paid_unapplied' });
    expect(await reload(d)).toMatchObject({ feeMethod: 'cash', paymentRef: null });
    expect((await paymentsOf(d)).map((p) => [p.status, p.feeRecorded])).toEqual([['paid', 0]]);
    expect((await feeEvents(d)).map((e) => e.actorName)).not.toContain(SANDBOX_EVENT_ACTOR);
    const page = await staffPage(d);
    expect(page).toContain('Thanh toán trực tuyến');
    expect(page).toContain(`${ref}: 10.000 đồng, đã thanh toán, không ghi được vào hồ sơ`);
    expect(page).toContain('cần hoàn tiền cho người nộp');
  });
});

describe('PAYMENT_GATEWAY=off', () => {
  let off: TestApp;
  beforeAll(async () => {
    off = await buildTestApp({
      demo: true,
      now: '2026-02-10T02:00:00.000Z',
      env: { PAYMENT_GATEWAY: 'off' },
    });
  });
  afterAll(async () => {
    await off.close();
  });

  it('shows no button and serves neither the start, the sandbox nor the notification endpoint', async () => {
    expect(off.deps.payments.service.gateway).toBeNull();
    const motcua = await off.deps.db
      .selectFrom('account')
      .select('id')
      .where('username', '=', 'motcua')
      .executeTakeFirstOrThrow();
    const actor = await off.deps.accounts.actorOf(motcua.id);
    const tanHong = off.deps.directory.all().find((u) => u.slug === 'tan-hong')!.id;
    const p = await off.deps.procedures.service.byCode(tanHong, '2.000884');
    const { dossier } = await off.deps.dossiers.service.intake(actor, tanHong, {
      procedureCode: p.code,
      channel: 'counter',
      applicant: { name: 'Trần Văn Bình', idNumber: null, phone: '0912345678', email: null, address: '' },
      requestSummary: '',
      provided: p.documents.filter((x) => x.required).map((x) => x.name),
      sets: 1,
      returnMethod: 'counter',
      idempotencyKey: null,
    });
    expect(dossier.feeVnd).toBe(FEE);
    const page = await off.app.inject({ method: 'GET', url: dossierPaths.lookup('', dossier.code!) });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Nộp phí trực tuyến');
    expect(page.body).not.toContain('Phí, lệ phí');
    const b = new Browser(off);
    expect(
      (await b.submit(citizenPaths.signIn(''), { ma: dossier.code! }, paymentPaths.start(''))).statusCode,
    ).toBe(404);
    expect(
      (await off.app.inject({ method: 'GET', url: paymentPaths.sandboxPage('TT00000000000000000000') }))
        .statusCode,
    ).toBe(404);
    const n = await off.app.inject({ method: 'POST', url: paymentPaths.notify('sandbox'), payload: '{}' });
    expect(n.statusCode).toBe(404);
    expect(n.json()).toMatchObject({ error: 'unknown_gateway' });
  });
});
