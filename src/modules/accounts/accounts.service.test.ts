import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { TooManyRequestsError } from '../../platform/errors.js';

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

  it('locks the account for 15 minutes after 5 wrong passwords, even for the right one', async () => {
    for (let i = 0; i < 4; i++) {
      expect(await t.deps.accounts.signIn('bientap', 'sai', '10.0.0.2')).toEqual({
        ok: false,
        reason: 'invalid',
        minutes: 0,
      });
    }
    expect(await t.deps.accounts.signIn('bientap', 'sai', '10.0.0.2')).toEqual({
      ok: false,
      reason: 'locked',
      minutes: 15,
    });
    expect(await t.deps.accounts.signIn('bientap', 'mật-khẩu-đủ-dài', '10.0.0.2')).toMatchObject({
      reason: 'locked',
    });
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
});
