/*
 * The benchmark's server process: congxa on a fresh SQLite (or DATABASE_URL) with demo data and 10 000 extra
 * articles, plus a bare Fastify server that returns the same bytes from memory. Talks to bench/run.ts over IPC.
 */
import Fastify from 'fastify';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createDeps } from '../src/deps.js';
import { prepare } from '../src/startup.js';
import { seedArticles } from './seed.js';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);

const dataDir = mkdtempSync(join(tmpdir(), 'congxa-bench-'));
const config = loadConfig({
  ...process.env,
  DATA_DIR: dataDir,
  DEMO_DATA: 'on',
  LOG_LEVEL: 'silent',
  NODE_ENV: 'production',
});
const deps = createDeps(config);
await prepare(deps);
const unit = deps.directory.resolve(undefined, undefined)!.unit; // demo data has a default unit
const seeded = Date.now();
await seedArticles(deps, unit.id, ARTICLES);
const seedSeconds = (Date.now() - seeded) / 1000;
deps.portal.pageCache.invalidateUnit(unit.id);

const app = await buildApp(deps);
await app.listen({ port: 0, host: '127.0.0.1' });
const appPort = (app.server.address() as AddressInfo).port;

const latest = await deps.db
  .selectFrom('article')
  .select('slug')
  .where('unitId', '=', unit.id)
  .where('status', '=', 'published')
  .orderBy('publishedAt', 'desc')
  .limit(1)
  .executeTakeFirstOrThrow();
const homeBytes = Buffer.from(await (await fetch(`http://127.0.0.1:${appPort}/`)).arrayBuffer());
const articlePath = `/bai-viet/${latest.slug}`;
const articleBytes = Buffer.from(
  await (await fetch(`http://127.0.0.1:${appPort}${articlePath}`)).arrayBuffer(),
);

const bare = Fastify();
bare.get('/home', (_req, reply) => reply.type('text/html; charset=utf-8').send(homeBytes));
bare.get('/article', (_req, reply) => reply.type('text/html; charset=utf-8').send(articleBytes));
await bare.listen({ port: 0, host: '127.0.0.1' });
const barePort = (bare.server.address() as AddressInfo).port;

let peakRss = process.memoryUsage().rss;
setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100).unref();

process.send?.({
  ready: true,
  dialect: config.db.dialect,
  articles: await deps.db
    .selectFrom('article')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n)),
  seedSeconds,
  homeBytes: homeBytes.length,
  articleBytes: articleBytes.length,
  targets: {
    home: `http://127.0.0.1:${appPort}/`,
    article: `http://127.0.0.1:${appPort}${articlePath}`,
    bareHome: `http://127.0.0.1:${barePort}/home`,
    bareArticle: `http://127.0.0.1:${barePort}/article`,
  },
});
process.on('message', (msg: { cmd: string }) => {
  if (msg.cmd === 'memory') {
    process.send?.({ rss: process.memoryUsage().rss, peakRss });
  } else if (msg.cmd === 'stop') {
    void Promise.all([app.close(), bare.close()]).then(() => process.exit(0));
  }
});
