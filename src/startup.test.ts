import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test/db.js';
import { loadConfig } from './config.js';
import { createDeps } from './deps.js';
import { DEMO_DATA_PRODUCTION_NOTICE, prepare, wantsDemoData } from './startup.js';

describe('wantsDemoData (demo accounts share a published password)', () => {
  it.each([
    [{}, true],
    [{ NODE_ENV: 'development' }, true],
    [{ NODE_ENV: 'production' }, false],
    [{ NODE_ENV: 'production', DEMO_DATA: 'on' }, true],
    [{ NODE_ENV: 'development', DEMO_DATA: 'off' }, false],
  ])('%j → %s', (env, expected) => {
    expect(wantsDemoData(loadConfig(env))).toBe(expected);
  });
});

describe('prepare in production with DEMO_DATA unset', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.destroy();
  });

  it('loads no demo data and says why and how to enable it', async () => {
    const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: t.dataDir, LOG_LEVEL: 'silent' });
    const deps = createDeps({ ...config, db: t.config }, { db: t.db });
    const said: string[] = [];
    await prepare(deps, (msg) => said.push(msg));
    expect(await deps.units.countUnits()).toBe(0);
    expect(said).toContain(DEMO_DATA_PRODUCTION_NOTICE);
    expect(DEMO_DATA_PRODUCTION_NOTICE).toContain('DEMO_DATA=on');
    await deps.portal.close();
  });
});
