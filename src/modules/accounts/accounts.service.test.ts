import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { addStaff, addUnit, PASSWORD } from '../../../test/staff.js';
import { TooManyRequestsError } from '../../platform/errors.js';
import type { Actor } from './actor.js';

describe('AccountService (argon2id, lockout, sessions)', () => {
  let t: TestApp;
  let unitId: number;
  beforeAll(async () => {
    t = await buildTestApp();
    unitId = await t.deps.units.createUnit(null, {
      slug: 'xa-thu',
      name: 'Xã Thử',
      fullName: 'UBND xã Thử',
      kind: 'commune',
      parentId: null,
      adminCode: null,
      agencyCode: null,
      host: null,
      isDefault: true,
      isDemo: false,
    });
    await t.deps.accounts.createStaff(null, {
      username: 'BienTap',
      fullName: 'Nguyễn Văn Biên',
      email: null,
      password: 'mật-khẩu-đủ-dài',
      unitId,
      roles: ['editor'],
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('stores an argon2id hash, never the password, and writes an audit row', async () => {
    const row = await t.deps.db
      .selectFrom('account')
      .select(['username', 'passwordHash'])
      .executeTakeFirstOrThrow();
    expect(row.username).toBe('bientap');
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select(['action', 'afterJson'])
      .where('entity', '=', 'account')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.afterJson).not.toContain('mật-khẩu');
  });

  it('signs in with the password in any Unicode normal form and returns the roles', async () => {
    const r = await t.deps.accounts.signIn('bientap', 'mật-khẩu-đủ-dài'.normalize('NFD'), '10.0.0.1');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.actor.roles.get(unitId)).toEqual(['editor']);
      expect(await t.deps.accounts.actorForSession(r.token)).toMatchObject({ username: 'bientap' });
      await t.deps.accounts.signOut(r.token);
      expect(await t.deps.accounts.actorForSession(r.token)).toBeNull();
    }
  });

  it('locks the account for 15 minutes after 5 wrong passwords, refusing even the right one, without saying so', async () => {
    for (let i = 0; i < 5; i++) {
      expect(await t.deps.accounts.signIn('bientap', 'sai', '10.0.0.2')).toEqual({ ok: false });
    }
    const row = await t.deps.db
      .selectFrom('account')
      .select('lockedUntil')
      .where('username', '=', 'bientap')
      .executeTakeFirstOrThrow();
    expect(row.lockedUntil).toBe('2026-11-20T03:15:00.000Z');
    // Locked, right password, unknown user: the same answer (no username enumeration, no password oracle).
    expect(await t.deps.accounts.signIn('bientap', 'mật-khẩu-đủ-dài', '10.0.0.2')).toEqual({ ok: false });
    expect(await t.deps.accounts.signIn('khong-ai', 'mật-khẩu-đủ-dài', '10.0.0.2')).toEqual({ ok: false });
    t.clock.advance(15 * 60_000 + 1000);
    expect((await t.deps.accounts.signIn('bientap', 'mật-khẩu-đủ-dài', '10.0.0.2')).ok).toBe(true);
  });

  it('expires sessions after 7 days', async () => {
    const r = await t.deps.accounts.signIn('bientap', 'mật-khẩu-đủ-dài', '10.0.0.3');
    expect(r.ok).toBe(true);
    if (r.ok) {
      t.clock.advance(7 * 86_400_000 + 1000);
      expect(await t.deps.accounts.actorForSession(r.token)).toBeNull();
    }
  });

  it('refuses more than 30 attempts per address per 15 minutes with 429', async () => {
    const attempts = Array.from({ length: 30 }, () => t.deps.accounts.signIn('khong-co', 'x', '10.0.0.9'));
    await Promise.all(attempts);
    await expect(t.deps.accounts.signIn('khong-co', 'x', '10.0.0.9')).rejects.toBeInstanceOf(
      TooManyRequestsError,
    );
  });

  it('refuses a username that is taken', async () => {
    await expect(
      t.deps.accounts.createStaff(null, {
        username: 'bientap',
        fullName: 'X',
        email: null,
        password: 'p'.repeat(12),
        unitId,
        roles: [],
      }),
    ).rejects.toMatchObject({ code: 'username_taken' });
  });

  it('answers a username stored by a concurrent request after its check with a conflict, not a database error', async () => {
    // Another request inserts the username and commits only after this one has checked (and, on PostgreSQL, is
    // waiting on the unique index): the unique violation must become the same conflict as the check's.
    let commit = () => {};
    const committed = new Promise<void>((resolve) => (commit = resolve));
    let inserted = () => {};
    const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
    const other = t.deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('account')
        .values({ kind: 'staff', username: 'dong.thoi', fullName: 'Khác', email: null, passwordHash: 'x' })
        .execute();
      inserted();
      await committed;
    });
    await insertedYet;
    const creating = t.deps.accounts.createStaff(null, {
      username: 'dong.thoi',
      fullName: 'Đồng Thời',
      email: null,
      password: 'p'.repeat(12),
      unitId,
      roles: ['editor'],
    });
    await new Promise((resolve) => setTimeout(resolve, 500)); // hashing done, check passed, insert waiting
    commit();
    await other;
    await expect(creating).rejects.toMatchObject({ code: 'username_taken', status: 409 });
  });
});

describe('AccountService.setDisabled (an account with roles in several units)', () => {
  let t: TestApp;
  let a: number;
  let b: number;
  let adminA: Actor;
  beforeAll(async () => {
    t = await buildTestApp();
    a = await addUnit(t, 'xa-a', 'Xã A', true);
    b = await addUnit(t, 'xa-b', 'Xã B', false);
    adminA = await t.deps.accounts.actorOf(await addStaff(t, a, 'quantri.a', ['admin']));
  });
  afterAll(async () => {
    await t.close();
  });

  const state = async (id: number) => ({
    disabled: (
      await t.deps.db.selectFrom('account').select('disabled').where('id', '=', id).executeTakeFirstOrThrow()
    ).disabled,
    roles: (
      await t.deps.db
        .selectFrom('accountRole')
        .select(['unitId', 'role'])
        .where('accountId', '=', id)
        .execute()
    )
      .map((r) => `${r.unitId}:${r.role}`)
      .sort(),
    sessions: (await t.deps.db.selectFrom('session').select('id').where('accountId', '=', id).execute())
      .length,
  });

  it("removes only this unit's roles from an account that also works in another unit", async () => {
    const shared = await addStaff(t, a, 'chung', ['editor']);
    await t.deps.db
      .insertInto('accountRole')
      .values({ accountId: shared, unitId: b, role: 'editor' })
      .execute();
    expect((await t.deps.accounts.signIn('chung', PASSWORD, '10.1.0.1')).ok).toBe(true);
    expect(await t.deps.accounts.setDisabled(adminA, shared, a, true, null)).toBe('removed_from_unit');
    expect(await state(shared)).toEqual({ disabled: 0, roles: [`${b}:editor`], sessions: 1 });
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select(['unitId', 'beforeJson', 'afterJson'])
      .where('action', '=', 'account.remove_from_unit')
      .execute();
    expect(audit).toEqual([{ unitId: a, beforeJson: '{"roles":["editor"]}', afterJson: '{"roles":[]}' }]);
    expect((await t.deps.accounts.signIn('chung', PASSWORD, '10.1.0.1')).ok).toBe(true);
    // No longer in unit A at all: A's admin cannot act on it again.
    await expect(t.deps.accounts.setDisabled(adminA, shared, a, true, null)).rejects.toMatchObject({
      code: 'account_not_found',
    });
  });

  it('disables globally, ending every session, when this unit holds all the roles', async () => {
    const own = await addStaff(t, a, 'rieng', ['editor']);
    expect((await t.deps.accounts.signIn('rieng', PASSWORD, '10.1.0.2')).ok).toBe(true);
    expect(await t.deps.accounts.setDisabled(adminA, own, a, true, null)).toBe('disabled');
    expect(await state(own)).toEqual({ disabled: 1, roles: [`${a}:editor`], sessions: 0 });
    expect(await t.deps.accounts.setDisabled(adminA, own, a, false, null)).toBe('enabled');
    expect((await state(own)).disabled).toBe(0);
  });

  it("refuses to re-enable an account that has roles in another unit (not this unit's alone)", async () => {
    const other = await addStaff(t, a, 'da.khoa', ['editor']);
    await t.deps.db.updateTable('account').set({ disabled: 1 }).where('id', '=', other).execute();
    await t.deps.db
      .insertInto('accountRole')
      .values({ accountId: other, unitId: b, role: 'editor' })
      .execute();
    await expect(t.deps.accounts.setDisabled(adminA, other, a, false, null)).rejects.toMatchObject({
      code: 'account_shared',
    });
    expect((await state(other)).disabled).toBe(1);
  });
});
