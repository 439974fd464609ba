/*
 * Step 1 of `npm run bench`, in its own process so that generating data does not count in the server's memory:
 * migrates a fresh data folder (or DATABASE_URL), loads the demo data and bulk-generates BENCH_ARTICLES articles.
 */
import { loadConfig } from '../src/config.js';
import { createDeps } from '../src/deps.js';
import { prepare } from '../src/startup.js';
import { seedArticles } from './seed.js';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const config = loadConfig({ ...process.env, DEMO_DATA: 'on', LOG_LEVEL: 'silent' });
const deps = createDeps(config);
await prepare(deps);
const unit = deps.directory.resolve(undefined, undefined)!.unit; // the demo data has a default unit
const started = Date.now();
await seedArticles(deps, unit.id, ARTICLES);
await deps.portal.close();
await deps.db.destroy();
console.log(`seeded ${ARTICLES} articles in ${((Date.now() - started) / 1000).toFixed(1)} s`);
