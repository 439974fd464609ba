/*
 * `npm run bench -- dossiers [--pg]` (issue #3 budgets; `intake` or `lists` for one part), each part next to a
 * baseline measured in the same run:
 *
 * 1. Intake over HTTP for a bounded number of requests: the citizen's online submission (POST /nop-truc-tuyen/<code>)
 *    and the officer's counter intake (POST /quan-tri/ho-so/tiep-nhan), multipart with two 200 KB PDF scans, against
 *    a bare Fastify route that reads the same body and writes the two files (bench/bare-upload-server.ts).
 *    Budget: online intake ≥ 100 dossiers per second.
 * 2. Staff lists at 1 000 000 dossiers (bench/prepare-dossiers.ts, kept in bench/out/): DossierService.list for each
 *    work queue and a search, in-process, then the staff list page over HTTP; queueCounts (the tab counts) and the
 *    search's rows measured alone, and a primary-key read as the baseline. Budget: p95 < 50 ms.
 *
 * SQLite by default; `--pg` runs both on PostgreSQL (BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres).
 */
import autocannon from 'autocannon';
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import { DEMO_PASSWORD } from '../src/demo/demo-data.js';
import { createDeps } from '../src/deps.js';
import { dossierRulesAt } from '../src/modules/dossiers/dossier-rules.js';
import { DossierRepository } from '../src/modules/dossiers/dossiers.repository.js';
import type { ListQuery } from '../src/modules/dossiers/dossiers.service.js';
import { createDb } from '../src/platform/db.js';
import { fold } from '../src/platform/fold.js';
import { localDate } from '../src/platform/time.js';
import { SERVER_NODE_FLAGS, type Check } from './portal.js';

const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const pad = (s: string, n: number) => s.padEnd(n);
const ms = (n: number) => n.toFixed(1);

/** A server process with the flags of `npm start`, and BENCH_SERVER_FLAGS (e.g. `--cpu-prof`) to look inside. */
export function start(file: string, env: Record<string, string | undefined>): ChildProcess {
  const extra = process.env.BENCH_SERVER_FLAGS?.split(' ').filter(Boolean) ?? [];
  return fork(here(file), [], {
    execArgv: [...SERVER_NODE_FLAGS, ...extra],
    env: { ...process.env, ...env },
  });
}
export const next = <T>(p: ChildProcess) =>
  new Promise<T>((resolve) => p.once('message', (m) => resolve(m as T)));

export async function pgDatabase(name: string, fresh: boolean): Promise<string> {
  const admin = createDb({ dialect: 'postgres', url: PG_ADMIN_URL });
  try {
    const exists = await sql<{
      n: number;
    }>`select count(*)::int as n from pg_database where datname = ${name}`
      .execute(admin)
      .then((r) => r.rows[0]!.n > 0); // count(*) always returns a row
    if (exists && fresh) {
      await sql`drop database ${sql.id(name)} with (force)`.execute(admin);
    }
    if (!exists || fresh) {
      await sql`create database ${sql.id(name)}`.execute(admin);
    }
  } finally {
    await admin.destroy();
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropPgDatabase(name: string): Promise<void> {
  const admin = createDb({ dialect: 'postgres', url: PG_ADMIN_URL });
  await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin);
  await admin.destroy();
}

/** A cookie jar over fetch, enough to sign in and send forms like a browser. */
class Client {
  private readonly jar = new Map<string, string>();
  constructor(readonly origin: string) {}

  get cookie(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(
    path: string,
    init: RequestInit = {},
  ): Promise<{ status: number; body: string; location: string }> {
    const res = await fetch(`${this.origin}${path}`, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: this.cookie },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('='); // a set-cookie header has a name=value pair
      this.jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    return { status: res.status, body: await res.text(), location: res.headers.get('location') ?? '' };
  }

  async signIn(username: string): Promise<void> {
    const page = await this.request('/quan-tri/dang-nhap');
    const body = new URLSearchParams({ _csrf: csrfOf(page.body), username, password: DEMO_PASSWORD });
    const res = await this.request('/quan-tri/dang-nhap', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    if (res.status !== 303) {
      throw new Error(`sign-in as ${username} failed: ${res.status}`);
    }
  }
}

const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
/** The action of a page's multipart form (its URL carries the CSRF token). */
function formActionOf(html: string): string {
  const tag = [...html.matchAll(/<form\b[^>]*>/g)]
    .map((m) => m[0])
    .find((t) => t.includes('multipart/form-data'));
  const action = tag && /\baction="([^"]*)"/.exec(tag)?.[1];
  if (!action) {
    throw new Error('no multipart form in the page');
  }
  return unescapeHtml(action);
}

function csrfOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m?.[1]) {
    throw new Error('no CSRF token in the page');
  }
  return m[1];
}

/** A multipart body: text fields then files, as a browser sends a form. */
function multipartBody(fields: [string, string][], files: { field: string; name: string; data: Buffer }[]) {
  const boundary = '----congxa-bench-7d9f2c';
  const parts: Buffer[] = [];
  for (const [k, v] of fields) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A PDF-looking scan of `bytes` bytes (the intake sniffs the first bytes; the content is filler). */
function scan(bytes: number, seed: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n');
  const tail = Buffer.from('\n%%EOF\n');
  const body = Buffer.alloc(bytes - head.length - tail.length);
  for (let i = 0; i < body.length; i++) {
    body[i] = 32 + ((i * 31 + seed) % 90);
  }
  return Buffer.concat([head, body, tail]);
}

type Load = { rps: number; p50: number; p99: number; ok: number; bad: number };

/**
 * `amount` POSTs of multipart bodies over `connections`; `bodyOf(i)` gives the i-th body (a new form key each time,
 * so that every request makes a dossier). Only 303 answers count as done.
 */
async function load(
  url: string,
  headers: Record<string, string>,
  bodyOf: (i: number) => Buffer,
  amount: number,
  connections: number,
): Promise<Load> {
  let i = 0;
  const r = await autocannon({
    url,
    method: 'POST',
    headers,
    amount,
    connections,
    timeout: 30,
    requests: [{ setupRequest: (req) => ({ ...req, body: bodyOf(i++) }) }],
  });
  const ok = r['3xx'];
  return {
    rps: ok / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    ok,
    bad: r.non2xx - ok + r['2xx'] + r.errors,
  };
}

const FILE_BYTES = 200 * 1024;
const SCANS = [scan(FILE_BYTES, 1), scan(FILE_BYTES, 2)];

/**
 * Part 1: intake over HTTP. The citizen's online submission (POST /nop-truc-tuyen/<code>, signed in as a citizen
 * account made for the run) and the officer's counter intake (POST /quan-tri/ho-so/tiep-nhan, the demo one-stop
 * officer), each with two 200 KB PDF scans and a new form key per request, against a bare multipart route.
 */
export async function benchIntake(pg: boolean): Promise<Check[]> {
  const AMOUNT = Number(process.env.BENCH_INTAKE_REQUESTS ?? 1500);
  const CONNECTIONS = 10;
  const dataDir = mkdtempSync(join(tmpdir(), 'congxa-bench-intake-'));
  const dbName = 'congxa_bench_intake';
  const env = { DATA_DIR: dataDir, DATABASE_URL: pg ? await pgDatabase(dbName, true) : undefined };
  execFileSync('node', ['--import', 'tsx', here('./prepare-data.ts')], {
    env: { ...process.env, ...env, BENCH_ARTICLES: '0' },
    encoding: 'utf8',
  });
  const server = start('./server.ts', env);
  const ready = await next<{ dialect: string; targets: { home: string } }>(server);
  const bareServer = start('./bare-upload-server.ts', {});
  const bare = await next<{ url: string }>(bareServer);
  try {
    const origin = new URL(ready.targets.home).origin;
    const key = (i: number, run: string) => `bench${run}${String(i).padStart(16, '0')}`;
    const files = [
      { field: 'doc-0', name: 'to-khai.pdf', data: SCANS[0]! },
      { field: 'doc-1', name: 'giay-to-hon-nhan.pdf', data: SCANS[1]! },
    ];

    // The citizen: a new account, signed in by its sign-up, then the online form of a procedure offered online.
    const citizen = new Client(origin);
    const signUpPage = await citizen.request('/tai-khoan/dang-ky');
    const signUp = await citizen.request('/tai-khoan/dang-ky', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        _csrf: csrfOf(signUpPage.body),
        fullName: 'Trần Văn Đức',
        idNumber: '000190012345',
        phone: '0900000123',
        email: '',
        password: 'mat-khau-thu-tai',
        passwordConfirm: 'mat-khau-thu-tai',
      }).toString(),
    });
    if (signUp.status !== 303) {
      throw new Error(`citizen sign-up failed: ${signUp.status}`);
    }
    const onlinePage = await citizen.request('/nop-truc-tuyen/1.004873');
    const onlineAction = formActionOf(onlinePage.body);
    const onlineBody = (k: string) =>
      multipartBody(
        [
          ['key', k],
          ['action', 'submit'],
          ['name', 'Trần Văn Đức'],
          ['idNumber', '000190012345'],
          ['phone', '0900000123'],
          ['email', ''],
          ['address', 'Thôn Đông, xã Tân Hồng'],
          ['requestSummary', ''],
          ['returnMethod', 'electronic'],
        ],
        files,
      );

    // The officer at the counter: the same procedure, the two scans for its two documents.
    const officer = new Client(origin);
    await officer.signIn('motcua');
    const counterPage = await officer.request('/quan-tri/ho-so/tiep-nhan?thu-tuc=1.004873');
    const counterAction = formActionOf(counterPage.body);
    const provided = [...counterPage.body.matchAll(/<input\b[^>]*name="provided"[^>]*>/g)].map(
      (m) => unescapeHtml(/value="([^"]*)"/.exec(m[0])![1]!), // a checkbox has a value
    );
    const counterBody = (k: string) =>
      multipartBody(
        [
          ['procedureCode', '1.004873'],
          ['idempotencyKey', k],
          ['applicantName', 'Trần Văn Đức'],
          ['idNumber', '000190012345'],
          ['phone', '0900 000 123'],
          ['email', ''],
          ['address', 'Thôn Đông, xã Tân Hồng'],
          ['requestSummary', ''],
          ...provided.map((p): [string, string] => ['provided', p]),
          ['sets', '1'],
          ['channel', 'counter'],
          ['returnMethod', 'counter'],
        ],
        files.map((f, i) => ({ ...f, field: `file${i}` })),
      );

    // One of each by hand first: each must answer with the new dossier's page, else the load would measure errors.
    const contentType = onlineBody('x').contentType;
    for (const [client, action, body, page] of [
      [citizen, onlineAction, onlineBody(key(0, 'check')).body, /\/nop-truc-tuyen\/da-nop\/\d+$/],
      [officer, counterAction, counterBody(key(0, 'check')).body, /\/quan-tri\/ho-so\/\d+\?moi=1$/],
    ] as const) {
      const first = await client.request(action, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body,
      });
      if (first.status !== 303 || !page.test(first.location)) {
        throw new Error(`${action}: no dossier made: ${first.status} ${first.body.slice(0, 300)}`);
      }
    }
    const targets = [
      ['bare multipart route, 2 files', bare.url, citizen.cookie, onlineBody],
      ['congxa online submission', `${origin}${onlineAction}`, citizen.cookie, onlineBody],
      ['congxa counter intake', `${origin}${counterAction}`, officer.cookie, counterBody],
    ] as const;
    for (const [, url, cookie, bodyOf] of targets) {
      await load(url, { 'content-type': contentType, cookie }, (i) => bodyOf(key(i, 'warm')).body, 30, 4);
    }
    const rows: [string, Load][] = [];
    for (const [label, url, cookie, bodyOf] of targets) {
      const run = String(rows.length);
      rows.push([
        label,
        await load(
          url,
          { 'content-type': contentType, cookie },
          (i) => bodyOf(key(i, run)).body,
          AMOUNT,
          CONNECTIONS,
        ),
      ]);
    }
    const base = rows[0]![1];
    console.log(
      `\ndossier intake over HTTP (${ready.dialect}): procedure 1.004873, multipart ` +
        `${(onlineBody('x').body.length / 1024).toFixed(0)} KB with two 200 KB PDF scans and a new form key each ` +
        `time, ${AMOUNT} requests per target, ${CONNECTIONS} connections`,
    );
    console.log(
      `${pad('target', 32)}${pad('per second', 12)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('errors', 8)}ratio`,
    );
    for (const [name, r] of rows) {
      console.log(
        `${pad(name, 32)}${pad(r.rps.toFixed(0), 12)}${pad(String(r.p50), 9)}${pad(String(r.p99), 9)}${pad(String(r.bad), 8)}${((r.rps / base.rps) * 100).toFixed(0)} %`,
      );
    }
    const [, onlineLoad] = rows[1]!;
    const [, counterLoad] = rows[2]!;
    return [
      [
        `online intake ≥ 100 dossiers per second on ${ready.dialect} (${onlineLoad.rps.toFixed(0)})`,
        onlineLoad.rps >= 100,
      ],
      [
        'intake: every request made a dossier (303 to its page)',
        [onlineLoad, counterLoad].every((r) => r.bad === 0 && r.ok === AMOUNT),
      ],
    ];
  } finally {
    server.send({ cmd: 'stop' });
    bareServer.send({ cmd: 'stop' });
    await Promise.all([server, bareServer].map((p) => new Promise((r) => p.once('exit', r))));
    rmSync(dataDir, { recursive: true, force: true });
    if (pg) {
      await dropPgDatabase(dbName);
    }
  }
}

export type Stats = { p50: number; p95: number; p99: number };
export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!; // samples is non-empty
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}
/**
 * Times each of `fns` `n` times, taking them in turn (one sample of each, then again), so that a burst of load on
 * this shared machine falls on every case alike; three rounds of warm-up first (statement caches, page cache).
 */
export async function interleaved(n: number, fns: (() => Promise<unknown>)[]): Promise<Stats[]> {
  const samples = fns.map((): number[] => []);
  for (let round = -3; round < n; round++) {
    for (const [i, f] of fns.entries()) {
      const t = performance.now();
      await f();
      if (round >= 0) {
        samples[i]!.push(performance.now() - t); // one list per function
      }
    }
  }
  return samples.map(stats);
}

type ListCase = { label: string; username: string; query: ListQuery; page: string };
const LIST_CASES: ListCase[] = [
  {
    label: 'incoming (officer)',
    username: 'motcua',
    query: { queue: 'incoming', page: 1 },
    page: 'hang=incoming',
  },
  {
    label: 'mine (specialist)',
    username: 'chuyenvien',
    query: { queue: 'mine', page: 1 },
    page: 'hang=mine',
  },
  { label: 'due_soon', username: 'motcua', query: { queue: 'due_soon', page: 1 }, page: 'hang=due_soon' },
  { label: 'overdue', username: 'motcua', query: { queue: 'overdue', page: 1 }, page: 'hang=overdue' },
  {
    label: 'supplement',
    username: 'motcua',
    query: { queue: 'supplement', page: 1 },
    page: 'hang=supplement',
  },
  { label: 'approval', username: 'motcua', query: { queue: 'approval', page: 1 }, page: 'hang=approval' },
  { label: 'to_return', username: 'motcua', query: { queue: 'to_return', page: 1 }, page: 'hang=to_return' },
  { label: 'all', username: 'motcua', query: { queue: 'all', page: 1 }, page: 'hang=all' },
  {
    label: 'all, page 100',
    username: 'motcua',
    query: { queue: 'all', page: 100 },
    page: 'hang=all&trang=100',
  },
  {
    label: 'search "nguyen van an"',
    username: 'motcua',
    query: { queue: 'all', q: 'nguyen van an', page: 1 },
    page: 'hang=all&q=nguyen+van+an',
  },
];

/** Part 2: the staff lists at 1 000 000 dossiers, in-process and over HTTP. */
export async function benchLists(pg: boolean): Promise<Check[]> {
  const N = Number(process.env.BENCH_LIST_SAMPLES ?? 100);
  const dataDir = fileURLToPath(new URL('./out/dossiers-1m/', import.meta.url));
  mkdirSync(dataDir, { recursive: true });
  const env = {
    DATA_DIR: dataDir,
    DATABASE_URL: pg ? await pgDatabase('congxa_bench_dossiers_1m', false) : undefined,
  };
  execFileSync('node', ['--import', 'tsx', here('./prepare-dossiers.ts')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });

  // In-process: the service as the page calls it, and its parts alone.
  const deps = createDeps(
    loadConfig({ ...process.env, ...env, LOG_LEVEL: 'silent', NODE_ENV: 'production' }),
  );
  await deps.units.refreshDirectory();
  const unit = deps.directory.resolve(undefined, undefined)!.unit; // the demo's default unit
  const total = Number(
    (
      await deps.db
        .selectFrom('dossier')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const unitTotal = Number(
    (
      await deps.db
        .selectFrom('dossier')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('unitId', '=', unit.id)
        .executeTakeFirstOrThrow()
    ).n,
  );
  const actorOf = async (username: string) =>
    deps.accounts.actorOf(
      (
        await deps.db
          .selectFrom('account')
          .select('id')
          .where('username', '=', username)
          .executeTakeFirstOrThrow()
      ).id,
    );
  const actors = { motcua: await actorOf('motcua'), chuyenvien: await actorOf('chuyenvien') };
  const repo = new DossierRepository(null);
  const now = new Date();
  const base = {
    unitId: unit.id,
    actorId: actors.motcua.id,
    now: now.toISOString(),
    dueSoonBefore: new Date(
      now.getTime() + dossierRulesAt(localDate(now)).dueSoonHours * 3_600_000,
    ).toISOString(),
    tokens: [] as string[],
  };
  const someId = (
    await deps.db.selectFrom('dossier').select('id').where('unitId', '=', unit.id).executeTakeFirstOrThrow()
  ).id;
  const found = new Map<ListCase, number>();
  const [baseline, counts, searchRows, ...inProcess] = await interleaved(N, [
    () => repo.byId(deps.db, unit.id, someId),
    () => repo.queueCounts(deps.db, base),
    () => repo.list(deps.db, { ...base, queue: 'all', tokens: fold('nguyen van an').split(' ') }, 20, 0),
    ...LIST_CASES.map((c) => async () => {
      const actor = actors[c.username as 'motcua' | 'chuyenvien'];
      found.set(c, (await deps.dossiers.service.list(actor, unit.id, c.query)).total);
    }),
  ]);
  const dialect = deps.config.db.dialect;
  await deps.portal.close();
  await deps.db.destroy();

  // Over HTTP: the staff list page (GET /quan-tri/ho-so?hang=…), one request at a time, next to /healthz (one query).
  const server = start('./server.ts', env);
  const ready = await next<{ targets: { home: string } }>(server);
  const H = Math.min(N, 50);
  let http: Stats[];
  try {
    const origin = new URL(ready.targets.home).origin;
    const clients = { motcua: new Client(origin), chuyenvien: new Client(origin) };
    await clients.motcua.signIn('motcua');
    await clients.chuyenvien.signIn('chuyenvien');
    const get = (client: Client, path: string) => async () => {
      const res = await client.request(path);
      if (res.status !== 200) {
        throw new Error(`${path}: ${res.status}`);
      }
    };
    http = await interleaved(H, [
      get(clients.motcua, '/healthz'),
      ...LIST_CASES.map((c) =>
        get(clients[c.username as 'motcua' | 'chuyenvien'], `/quan-tri/ho-so?${c.page}`),
      ),
    ]);
  } finally {
    server.send({ cmd: 'stop' });
    await new Promise((r) => server.once('exit', r));
  }
  const [httpBaseline, ...httpLists] = http;

  console.log(
    `\nstaff dossier lists (${dialect}): ${total} dossiers over 200 units, the listed unit holds ${unitTotal}; ` +
      `a list is a page of 20 + its count + the counts of the 8 queues; ${N} samples in-process, ${H} over HTTP, ` +
      `cases taken in turn`,
  );
  const row = (label: string, n: string, s: Stats | undefined, h: Stats | undefined) =>
    console.log(
      `${pad(label, 26)}${pad(n, 9)}${pad(s ? ms(s.p50) : '', 9)}${pad(s ? ms(s.p95) : '', 9)}${pad(s ? ms(s.p99) : '', 9)}` +
        `${pad(h ? ms(h.p50) : '', 10)}${pad(h ? ms(h.p95) : '', 10)}${h ? ms(h.p99) : ''}`,
    );
  console.log(
    `${pad('queue', 26)}${pad('found', 9)}${pad('p50 ms', 9)}${pad('p95 ms', 9)}${pad('p99 ms', 9)}${pad('HTTP p50', 10)}${pad('HTTP p95', 10)}HTTP p99`,
  );
  row('baseline: by id, /healthz', '1', baseline, httpBaseline);
  row('queueCounts alone', '', counts, undefined);
  row('search rows alone', '', searchRows, undefined);
  LIST_CASES.forEach((c, i) => row(c.label, String(found.get(c)), inProcess[i], httpLists[i]));
  return LIST_CASES.map((c, i): Check => {
    const s = inProcess[i]!; // one measure per case
    const h = httpLists[i]!;
    return [
      `list ${c.label} p95 < 50 ms at ${total} dossiers (${ms(s.p95)} ms, HTTP ${ms(h.p95)} ms)`,
      Math.max(s.p95, h.p95) < 50,
    ];
  });
}
