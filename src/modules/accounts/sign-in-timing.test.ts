import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { addStaff, addUnit, PASSWORD } from '../../../test/staff.js';
import type * as passwords from './passwords.js';
import { verifyPassword } from './passwords.js';

// Count argon2 verifications: every sign-in attempt must run one, whatever the account's state, so the time taken
// does not tell an unknown, disabled or locked username from a wrong password.
vi.mock('./passwords.js', async (importOriginal) => {
  const real = await importOriginal<typeof passwords>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

describe('AccountService.signIn always verifies a password (timing)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    const unit = await addUnit(t, 'xa-thu', 'Xã Thử', true);
    await addStaff(t, unit, 'dang.khoa', ['editor']);
    const off = await addStaff(t, unit, 'da.nghi', ['editor']);
    await t.deps.db.updateTable('account').set({ disabled: 1 }).where('id', '=', off).execute();
    await t.deps.db
      .updateTable('account')
      .set({ lockedUntil: '2026-11-20T04:00:00.000Z' })
      .where('username', '=', 'dang.khoa')
      .execute();
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['a locked account, right password', 'dang.khoa', PASSWORD],
    ['a locked account, wrong password', 'dang.khoa', 'sai-mat-khau'],
    ['a disabled account', 'da.nghi', PASSWORD],
    ['an unknown username', 'khong-ai', PASSWORD],
  ])('%s: one verification, and the same answer', async (_, username, password) => {
    vi.mocked(verifyPassword).mockClear();
    expect(await t.deps.accounts.signIn(username, password, '10.2.0.1')).toEqual({ ok: false });
    expect(verifyPassword).toHaveBeenCalledTimes(1);
  });
});
