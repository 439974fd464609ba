import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../src/modules/accounts/passwords.js';
import { createDb } from '../src/platform/db.js';
import { createTestDb, TEST_DIALECT, type TestDb } from './db.js';

const run = promisify(execFile);
const ROOT = new URL('..', import.meta.url).pathname;

/** Environment for a child process on the dialect under test: its own DATA_DIR, and the test database on PostgreSQL. */
function childEnv(t: TestDb, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATA_DIR: join(t.dataDir, 'proc'),
    ...(t.config.dialect === 'postgres' ? { DATABASE_URL: t.config.url } : {}),
    ...extra,
  };
}

describe(`the congxa command (${TEST_DIALECT})`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.destroy();
  });

  it('lists its commands', async () => {
    const { stdout } = await run('node', ['bin/congxa.js', '--help'], { cwd: ROOT, env: childEnv(t, {}) });
    for (const cmd of ['serve', 'migrate', 'unit add', 'unit set-host', 'user add']) {
      expect(stdout).toContain(cmd);
    }
  });

  it('adds the first unit (made the default) and its admin with the given password', async () => {
    const env = childEnv(t, { DEMO_DATA: 'off', CONGXA_PASSWORD: 'mật khẩu quản trị 2026' });
    await run('node', ['bin/congxa.js', 'migrate'], { cwd: ROOT, env });
    const unit = await run(
      'node',
      [
        'bin/congxa.js',
        'unit',
        'add',
        '--slug',
        'xa-moi',
        '--name',
        'Xã Mới',
        '--kind',
        'commune',
        '--agency-code',
        '000.00.13.H12',
      ],
      { cwd: ROOT, env },
    );
    expect(unit.stdout).toContain('Unit xa-moi created');
    const user = await run(
      'node',
      [
        'bin/congxa.js',
        'user',
        'add',
        '--username',
        'quantri',
        '--name',
        'Nguyễn Thị Quản',
        '--unit',
        'xa-moi',
      ],
      { cwd: ROOT, env },
    );
    expect(user.stdout).toContain('Account quantri created in xa-moi with roles admin');
    expect(user.stdout).not.toContain('Password:');
    // Read what the command wrote, in the database it used.
    const db =
      t.config.dialect === 'postgres'
        ? t.db
        : createDb({ dialect: 'sqlite', file: join(t.dataDir, 'proc', 'congxa.sqlite') });
    try {
      const rows = await db
        .selectFrom('account')
        .innerJoin('accountRole', 'accountRole.accountId', 'account.id')
        .innerJoin('unit', 'unit.id', 'accountRole.unitId')
        .select([
          'account.username',
          'account.passwordHash',
          'accountRole.role',
          'unit.slug',
          'unit.agencyCode',
          'unit.isDefault',
        ])
        .execute();
      expect(rows.map(({ passwordHash: _, ...r }) => r)).toEqual([
        { username: 'quantri', role: 'admin', slug: 'xa-moi', agencyCode: '000.00.13.H12', isDefault: 1 },
      ]);
      expect(await verifyPassword(rows[0]!.passwordHash, 'mật khẩu quản trị 2026')).toBe(true); // one row, checked above
    } finally {
      if (db !== t.db) {
        await db.destroy();
      }
    }
  });

  it('sets and clears a unit host name, refusing localhost, IP addresses and the host of PUBLIC_URL', async () => {
    const env = childEnv(t, { DEMO_DATA: 'off', PUBLIC_URL: 'https://congxa.example.gov.vn' });
    const cli = (...args: string[]) => run('node', ['bin/congxa.js', 'unit', ...args], { cwd: ROOT, env });
    for (const [host, message] of [
      ['localhost', 'localhost'],
      ['127.0.0.1', 'địa chỉ IP'],
      ['congxa.example.gov.vn', 'PUBLIC_URL'],
      ['khong hop le', 'Tên miền gồm'],
    ] as const) {
      await expect(cli('set-host', 'xa-moi', host)).rejects.toMatchObject({
        code: 2,
        stderr: expect.stringContaining(message),
      });
    }
    expect((await cli('set-host', 'xa-moi', 'XaMoi.example.gov.vn')).stdout).toContain(
      'Unit xa-moi is now served at xamoi.example.gov.vn.',
    );
    expect((await cli('list')).stdout).toContain('xamoi.example.gov.vn');
    expect((await cli('set-host', 'xa-moi', '--clear')).stdout).toContain('no longer has its own host');
    expect((await cli('list')).stdout).not.toContain('xamoi.example.gov.vn');
    await expect(cli('set-host', 'xa-moi')).rejects.toMatchObject({ code: 2 });
  }, 90_000); // nine CLI processes, each starting Node and tsx

  it('refuses a reserved or malformed slug with a clear message', async () => {
    const env = childEnv(t, { DEMO_DATA: 'off' });
    await expect(
      run(
        'node',
        ['bin/congxa.js', 'unit', 'add', '--slug', 'quan-tri', '--name', 'X', '--kind', 'commune'],
        { cwd: ROOT, env },
      ),
    ).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('slug_reserved') });
  });
});

describe('npm start', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'congxa-start-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports every configuration problem at once and exits 1', async () => {
    await expect(
      run('node', ['--import', 'tsx', 'src/server.ts'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, PORT: 'x', DEMO_DATA: 'perhaps', DATA_DIR: dir },
      }),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/PORT[\s\S]*DEMO_DATA|DEMO_DATA[\s\S]*PORT/),
    });
  });

  it('starts on a fresh data folder in production mode without demo data, says why, and answers /healthz', async () => {
    const child = spawn('node', ['--import', 'tsx', 'src/server.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: join(dir, 'fresh'),
      },
    });
    let out = '';
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no listen line within 60 s:\n${out}`)), 60_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /listening at (http:\/\/127\.0\.0\.1:\d+)/i.exec(out);
          if (m?.[1]) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
      });
      expect(out).toContain('Demo data not loaded: NODE_ENV=production and DEMO_DATA is not set.');
      const res = await fetch(`${url}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ok', db: 'sqlite' });
      // No unit until the operator adds one (`congxa unit add`): nothing to serve at / yet.
      const home = await fetch(`${url}/`);
      expect(home.status).toBe(404);
    } finally {
      child.kill('SIGTERM');
    }
  }, 90_000);
});
