import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import { createDeps, type Deps } from '../src/deps.js';
import { fixedClock } from '../src/platform/clock.js';
import { prepare } from '../src/startup.js';
import { createTestDb, type TestDb } from './db.js';

export type TestApp = {
  app: FastifyInstance;
  deps: Deps;
  testDb: TestDb;
  clock: ReturnType<typeof fixedClock>;
  close(): Promise<void>;
};

/**
 * The whole application on a fresh database of the dialect under test, with a fixed clock.
 * `demo: true` loads the demo data as the quick start does; otherwise the database starts empty.
 * `routes` adds test-only routes to the app before it is ready (e.g. a guarded API route).
 */
export async function buildTestApp(
  opts: {
    demo?: boolean;
    /** With `demo`: also the generated one-stop dossiers (slow on PostgreSQL; only the tests that read them). */
    demoDossiers?: boolean;
    env?: Record<string, string>;
    now?: string;
    routes?: (app: FastifyInstance, deps: Deps) => void;
  } = {},
): Promise<TestApp> {
  const testDb = await createTestDb();
  const config: Config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: testDb.dataDir,
    DEMO_DATA: opts.demo ? 'on' : 'off',
    DEMO_DOSSIERS: opts.demoDossiers ? 'on' : 'off',
    LOG_LEVEL: 'silent',
    ...opts.env,
  });
  const clock = fixedClock(opts.now ?? '2026-11-20T03:00:00.000Z');
  const deps = createDeps({ ...config, db: testDb.config }, { clock, db: testDb.db });
  await prepare(deps);
  const app = await buildApp(deps);
  opts.routes?.(app, deps);
  await app.ready();
  return {
    app,
    deps,
    testDb,
    clock,
    async close() {
      await app.close();
      await testDb.destroy();
    },
  };
}

/** Cookies from a response's set-cookie headers, raw (not URL-decoded), ready for the next request. */
export function cookiesFrom(
  res: LightMyRequestResponse,
  jar: Record<string, string> = {},
): Record<string, string> {
  const header = res.headers['set-cookie'];
  const list = Array.isArray(header) ? header : header ? [header] : [];
  for (const c of list) {
    const [pair] = c.split(';');
    const eq = pair?.indexOf('=') ?? -1;
    if (pair && eq > 0) {
      jar[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
  }
  return jar;
}

export const cookieHeader = (jar: Record<string, string>): string =>
  Object.entries(jar)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');

/** The CSRF token embedded in a page's form. */
export function csrfFrom(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m?.[1]) {
    throw new Error('no CSRF token in the page');
  }
  return m[1];
}
