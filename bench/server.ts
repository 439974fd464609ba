/*
 * Step 2 of `npm run bench`: congxa on the data folder that bench/prepare-data.ts filled (DATA_DIR / DATABASE_URL
 * from the environment). Reports its URLs and its memory to bench/run.ts over IPC.
 */
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createDeps } from '../src/deps.js';
import { prepare } from '../src/startup.js';
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', NODE_ENV: 'production' });
const deps = createDeps(config);
await prepare(deps);
const unit = deps.directory.resolve(undefined, undefined)!.unit; // the demo data has a default unit

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
const articlePath = `/bai-viet/${latest.slug}`;

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
  targets: {
    home: `http://127.0.0.1:${appPort}/`,
    article: `http://127.0.0.1:${appPort}${articlePath}`,
  },
});
process.on('message', (msg: { cmd: string }) => {
  if (msg.cmd === 'memory') {
    process.send?.({ rss: process.memoryUsage().rss, peakRss });
  } else if (msg.cmd === 'stop') {
    void app.close().then(() => process.exit(0));
  }
});
