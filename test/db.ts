import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createDb, type Db } from '../src/platform/db.js';
import { migrateToLatest } from '../src/platform/migrator.js';
import type { DbConfig } from '../src/config.js';

export const TEST_DIALECT: 'sqlite' | 'postgres' = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type TestDb = { db: Db; config: DbConfig; dataDir: string; destroy(): Promise<void> };

/**
 * A fresh, migrated database for one test file, on the dialect named by TEST_DB: a new SQLite file, or a new
 * PostgreSQL database created from TEST_DATABASE_URL and dropped afterwards.
 */
export async function createTestDb(): Promise<TestDb> {
  const dataDir = mkdtempSync(join(tmpdir(), 'congxa-test-'));
  let config: DbConfig;
  let dropDatabase = async () => {};
  if (TEST_DIALECT === 'postgres') {
    const name = `congxa_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = createDb({ dialect: 'postgres', url: ADMIN_URL });
    await sql`create database ${sql.id(name)}`.execute(admin);
    await admin.destroy();
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    config = { dialect: 'postgres', url: url.toString() };
    dropDatabase = async () => {
      const again = createDb({ dialect: 'postgres', url: ADMIN_URL });
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(again);
      await again.destroy();
    };
  } else {
    config = { dialect: 'sqlite', file: join(dataDir, 'test.sqlite') };
  }
  const db = createDb(config);
  await migrateToLatest(db);
  return {
    db,
    config,
    dataDir,
    async destroy() {
      await db.destroy();
      await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
