import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, TEST_DIALECT, type TestDb } from '../../../test/db.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { createDeps, type Deps } from '../../deps.js';
import { createDb } from '../../platform/db.js';
import { migrateToLatest } from '../../platform/migrator.js';

const run = promisify(execFile);
const ROOT = new URL('../../../', import.meta.url).pathname;

/*
 * `congxa token create|list|revoke` as a child process against a temp DATA_DIR (SQLite) or the test database
 * (PostgreSQL); the token it prints then opens the API of an app on the same database.
 */
describe(`congxa token (${TEST_DIALECT})`, () => {
  let t: TestDb;
  let deps: Deps;
  let app: FastifyInstance;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    t = await createTestDb();
    const dataDir = join(t.dataDir, 'proc');
    mkdirSync(dataDir);
    env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATA_DIR: dataDir,
      DEMO_DATA: 'off',
      ...(t.config.dialect === 'postgres' ? { DATABASE_URL: t.config.url } : {}),
    };
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
    // On SQLite the command opens DATA_DIR/congxa.sqlite: the app below uses that file too.
    const db = t.config.dialect === 'postgres' ? t.db : createDb(config.db);
    deps = createDeps(config, { db });
    await migrateToLatest(deps.db);
    const unit = await deps.units.createUnit(null, {
      slug: 'tan-hong',
      name: 'Xã Tân Hồng',
      fullName: 'Ủy ban nhân dân xã Tân Hồng',
      kind: 'commune',
      parentId: null,
      adminCode: null,
      agencyCode: null,
      host: null,
      isDefault: true,
      isDemo: false,
    });
    await deps.accounts.createStaff(null, {
      username: 'tich.hop',
      fullName: 'Tài khoản tích hợp',
      email: null,
      password: 'mat-khau-du-dai-123',
      unitId: unit,
      roles: ['one_stop_officer'],
    });
    await deps.units.refreshDirectory();
    app = await buildApp(deps);
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    if (deps && deps.db !== t.db) {
      await deps.db.destroy();
    }
    await t.destroy();
  });

  const congxa = (...args: string[]) => run('node', ['bin/congxa.js', ...args], { cwd: ROOT, env });
  const daysOff = (token: string) =>
    app.inject({
      method: 'GET',
      url: '/api/v1/calendar/days-off?year=2026',
      headers: { authorization: `Bearer ${token}` },
    });

  it('creates a token that works, lists it without showing it, and revokes it', async () => {
    const created = await congxa(
      'token',
      'create',
      '--user',
      'tich.hop',
      '--name',
      'Một cửa tỉnh',
      '--days',
      '90',
    );
    const token = created.stdout.trim();
    expect(token).toMatch(/^cx_[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).toMatch(/shown only this once/);
    expect((await deps.accounts.tokens.actorForToken(token))?.username).toBe('tich.hop');
    expect((await daysOff(token)).statusCode).toBe(200);

    const listed = await congxa('token', 'list', '--user', 'tich.hop');
    expect(listed.stdout).toContain(`${token.slice(0, 10)}…\tMột cửa tỉnh\tactive`);
    expect(listed.stdout).not.toContain(token);

    const id = listed.stdout.split('\t')[0] ?? '';
    await congxa('token', 'revoke', id);
    expect((await daysOff(token)).statusCode).toBe(401);
  });

  it('refuses an unknown account and bad input with a message and exit code 2', async () => {
    await expect(congxa('token', 'create', '--user', 'khong.co', '--name', 'x')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('No staff account "khong.co"'),
    });
    await expect(
      congxa('token', 'create', '--user', 'tich.hop', '--name', ' ', '--days', '0'),
    ).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/--name: .*\n {2}--days: /) });
    await expect(congxa('token', 'revoke', '999')).rejects.toMatchObject({ code: 2 });
  });
});
