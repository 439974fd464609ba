/*
 * `npm run bench -- portal`: the public portal against a bare Fastify route sending the same bytes from memory, in the same run
 * (ratios, because these machines are noisy). Budgets from issue #2: home ≥ 50 % of the bare route's requests/s,
 * p99 < 50 ms at 50 connections, server memory < 200 MB.
 */
import autocannon from 'autocannon';
import { execFileSync, fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The Node flags of `npm start`, read from package.json, so the server is measured as it runs in production (there,
 * 8 MB young-generation semi-spaces instead of up to 16 MB keep ~20 MB less resident at the same throughput).
 */
export const SERVER_NODE_FLAGS: string[] = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    scripts: { start: string };
  }
).scripts.start
  .replace(/^node\s+/, '')
  .replace(/\s+src\/server\.ts$/, '')
  .split(/\s+/);

type Ready = { dialect: string; articles: number; targets: Record<'home' | 'article', string> };
type Bare = { homeBytes: number; articleBytes: number; home: string; article: string };

export type Check = readonly [label: string, ok: boolean];

/** Runs the portal benchmark, prints its table, and returns the budget checks of issue #2. */
export async function benchPortal(): Promise<Check[]> {
  const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
  const CONNECTIONS = 50;

  const dataDir = mkdtempSync(join(tmpdir(), 'congxa-bench-'));
  const env = { ...process.env, DATA_DIR: dataDir };
  const seedOutput = execFileSync(
    'node',
    ['--import', 'tsx', fileURLToPath(new URL('./prepare-data.ts', import.meta.url))],
    {
      env,
      encoding: 'utf8',
    },
  );
  const start = (file: string, extra: Record<string, string> = {}) =>
    fork(fileURLToPath(new URL(file, import.meta.url)), [], {
      execArgv: SERVER_NODE_FLAGS,
      env: { ...env, ...extra },
    });
  const next = <T>(p: ReturnType<typeof start>) =>
    new Promise<T>((resolve) => p.once('message', (m) => resolve(m as T)));
  const child = start('./server.ts');
  const ready = await next<Ready>(child);
  // The baseline runs in its own process, so the server's memory is congxa's alone.
  const bareChild = start('./bare-server.ts', {
    BENCH_HOME_URL: ready.targets.home,
    BENCH_ARTICLE_URL: ready.targets.article,
  });
  const bare = await next<Bare>(bareChild);

  async function load(url: string) {
    const r = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: DURATION,
      headers: { 'user-agent': 'Mozilla/5.0 (bench) Firefox/140.0' },
    });
    return {
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      non2xx: r.non2xx,
      errors: r.errors,
    };
  }

  console.log(
    `congxa bench: ${ready.dialect}, ${ready.articles} articles (${seedOutput.trim()}), ` +
      `${CONNECTIONS} connections, ${DURATION} s per target; home ${bare.homeBytes} B, article ${bare.articleBytes} B`,
  );
  // Warm up once so the page cache and JIT are in their steady state, then measure bare and congxa alternately.
  await autocannon({ url: ready.targets.home, connections: 10, duration: 2 });
  const rows = [
    ['bare route, home bytes', await load(bare.home)],
    ['congxa home page', await load(ready.targets.home)],
    ['bare route, article bytes', await load(bare.article)],
    ['congxa article page', await load(ready.targets.article)],
  ] as const;
  child.send({ cmd: 'memory' });
  const mem = await next<{ rss: number; peakRss: number }>(child);
  child.send({ cmd: 'stop' });
  bareChild.send({ cmd: 'stop' });

  const [bareHome, home, bareArticle, article] = rows.map(([, r]) => r);
  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(
    `\n${pad('target', 28)}${pad('req/s', 10)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('non-2xx', 9)}ratio`,
  );
  for (const [name, r] of rows) {
    const base = name.includes('home') ? bareHome! : bareArticle!; // rows above are fixed
    console.log(
      `${pad(name, 28)}${pad(r.rps.toFixed(0), 10)}${pad(String(r.p50), 9)}${pad(String(r.p99), 9)}${pad(String(r.non2xx + r.errors), 9)}${((r.rps / base.rps) * 100).toFixed(0)} %`,
    );
  }
  const mb = (b: number) => (b / 1024 / 1024).toFixed(0);
  console.log(`\nserver memory: ${mb(mem.rss)} MB now, ${mb(mem.peakRss)} MB peak`);
  const checks = [
    [
      `home ≥ 50 % of bare (${((home!.rps / bareHome!.rps) * 100).toFixed(0)} %)`,
      home!.rps >= 0.5 * bareHome!.rps,
    ],
    [`home p99 < 50 ms (${home!.p99} ms)`, home!.p99 < 50],
    [`article p99 < 50 ms (${article!.p99} ms)`, article!.p99 < 50],
    [`peak memory < 200 MB (${mb(mem.peakRss)} MB)`, mem.peakRss < 200 * 1024 * 1024],
    ['no errors or non-2xx', rows.every(([, r]) => r.non2xx + r.errors === 0)],
  ] as const;
  rmSync(dataDir, { recursive: true, force: true });
  return [...checks];
}
