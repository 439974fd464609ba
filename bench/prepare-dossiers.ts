/*
 * Data of `npm run bench -- dossiers` (staff lists at 1 000 000 dossiers), in its own process: migrates the data folder
 * (DATA_DIR) or DATABASE_URL, loads the demo data, adds units up to 200 communes and bulk-inserts BENCH_DOSSIERS
 * dossiers (default 1 000 000) without events or attachments: chunked multi-row inserts, one transaction per chunk.
 * Xã Tân Hồng, the unit the benchmark lists, holds 5 % of them (a large unit); the others share the rest.
 *
 * Kept between runs: a database that already holds the dossiers is left as it is (delete bench/out/ to start over).
 * Benchmark data only: no audit rows, no events, due dates from the real working calendar.
 */
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import { createDeps } from '../src/deps.js';
import { computeDueAt } from '../src/modules/calendar/due-date.js';
import { createWorkingCalendar } from '../src/modules/calendar/working-calendar.js';
import { SEED_NOTICES } from '../src/modules/calendar/seed-notices.js';
import type { DossierStatus } from '../src/modules/dossiers/dossier-workflow.js';
import type { DossierInsert } from '../src/modules/dossiers/dossiers.repository.js';
import { fold } from '../src/platform/fold.js';
import { localDate } from '../src/platform/time.js';
import { prepare } from '../src/startup.js';

const TOTAL = Number(process.env.BENCH_DOSSIERS ?? 1_000_000);
const UNITS = 200;
/** The share of the listed unit (Tân Hồng): a large unit, so its queries are the slowest ones. */
const BIG_SHARE = 0.05;
const CHUNK = 500;
const YEARS = 3;
const DAY = 86_400_000;

const config = loadConfig({ ...process.env, DEMO_DATA: 'on', LOG_LEVEL: 'silent' });
const deps = createDeps(config);
const started = Date.now();
await prepare(deps);
const { db } = deps;

const countBench = async () =>
  Number(
    (
      await db
        .selectFrom('dossier')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('isDemo', '=', 0)
        .executeTakeFirstOrThrow()
    ).n,
  );

const existing = await countBench();
if (existing >= TOTAL) {
  console.log(`kept ${existing} benchmark dossiers (${config.db.dialect})`);
} else {
  if (existing > 0) {
    await db.deleteFrom('dossier').where('isDemo', '=', 0).execute(); // an interrupted fill
  }
  await fill();
  console.log(
    `generated ${TOTAL} dossiers over ${UNITS} units in ${((Date.now() - started) / 1000).toFixed(0)} s (${config.db.dialect})`,
  );
}
await deps.portal.close();
await db.destroy();

/** A small deterministic generator (no Math.random), so every fill is the same. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function fill(): Promise<void> {
  const communes = deps.directory.all().filter((u) => u.kind === 'commune');
  for (let n = communes.length + 1; n <= UNITS; n++) {
    const slug = `bench-${String(n).padStart(3, '0')}`;
    if (!deps.directory.isUnitSlug(slug)) {
      await deps.units.createUnit(null, {
        slug,
        name: `Xã Thử Tải ${n}`,
        fullName: `Ủy ban nhân dân xã Thử Tải ${n}`,
        kind: 'commune',
        parentId: null,
        adminCode: null,
        agencyCode: `000.${String(n % 100).padStart(2, '0')}.${String(40 + Math.floor(n / 100))}.H90`,
        host: null,
        isDefault: false,
        isDemo: false,
      });
    }
  }
  await deps.units.refreshDirectory();
  process.stderr.write(
    `  demo data and ${UNITS} units ready (${((Date.now() - started) / 1000).toFixed(0)} s)\n`,
  );
  const units = deps.directory.all().filter((u) => u.kind === 'commune');
  const big = units.find((u) => u.isDefault)!; // the demo's default commune
  const procedures = await db
    .selectFrom('procedure')
    .select(['id', 'code', 'name', 'field', 'timeLimitKind', 'timeLimitAmount', 'after15', 'feeVnd'])
    .where('unitId', '=', big.id)
    .where('code', 'is not', null)
    .execute();
  const staff = await db
    .selectFrom('account')
    .select(['id', 'username'])
    .where('username', 'in', ['motcua', 'chuyenvien', 'lanhdao'])
    .execute();
  const idOf = (u: string) => staff.find((s) => s.username === u)!.id; // demo accounts
  const calendar = createWorkingCalendar({ notices: SEED_NOTICES });
  const rand = lcg(20261126);
  const now = Date.now();
  const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đỗ', 'Bùi', 'Đặng', 'Ngô'];
  const middle = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quang', 'Ngọc', 'Hữu'];
  const given = [
    'An',
    'Bình',
    'Dũng',
    'Hà',
    'Hạnh',
    'Hoa',
    'Lan',
    'Long',
    'Mai',
    'Nam',
    'Sơn',
    'Tuấn',
    'Yến',
  ];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!; // index within bounds

  const bigCount = Math.round(TOTAL * BIG_SHARE);
  const others = units.filter((u) => u.id !== big.id);
  const each = Math.floor((TOTAL - bigCount) / others.length);
  const countOf = (unitId: number) =>
    unitId === big.id
      ? bigCount
      : each + (unitId === others.at(-1)!.id ? TOTAL - bigCount - each * others.length : 0);
  let written = 0;
  for (const unit of units) {
    const count = countOf(unit.id);
    // Receipt instants over the last YEARS years, in order, at office hours (07:00–17:00 Vietnam time).
    const times = Array.from({ length: count }, () => {
      const day = Math.floor(rand() * YEARS * 365);
      const t = now - day * DAY;
      const local = Math.floor((t + 7 * 3_600_000) / DAY) * DAY - 7 * 3_600_000;
      return local + (7 + rand() * 10) * 3_600_000;
    })
      .map((t) => Math.min(t, now - 60_000))
      .sort((a, b) => a - b);
    const sequence = new Map<string, number>();
    const rows: DossierInsert[] = [];
    for (const t of times) {
      const receivedAt = new Date(t);
      const day = localDate(receivedAt);
      // From 1001 each day, after any demo dossier of the same unit and day (the code is unique).
      const seq = (sequence.get(day) ?? 1000) + 1;
      sequence.set(day, seq);
      const code = `${unit.agencyCode ?? `B${unit.id}`}-${day.slice(2).replaceAll('-', '')}-${String(seq).padStart(4, '0')}`;
      const p = pick(procedures);
      const due = computeDueAt(
        {
          receivedAt,
          kind: p.timeLimitKind,
          amount: p.timeLimitAmount,
          after15: p.after15 === 1,
        },
        calendar,
      ).dueAt.getTime();
      const age = (now - t) / DAY;
      const r = rand();
      const status: DossierStatus =
        age > 20
          ? r < 0.96
            ? 'returned'
            : r < 0.975
              ? 'refused'
              : r < 0.99
                ? 'withdrawn'
                : r < 0.995
                  ? 'stopped'
                  : 'supplement_requested'
          : r < 0.1
            ? 'received'
            : r < 0.45
              ? 'processing'
              : r < 0.55
                ? 'awaiting_approval'
                : r < 0.6
                  ? 'supplement_requested'
                  : r < 0.7
                    ? 'done'
                    : 'returned';
      const ended = ['done', 'returned', 'refused', 'withdrawn', 'stopped'].includes(status);
      // Most end before their due date, one in twenty after it.
      const endedAt = ended
        ? Math.min(now, rand() < 0.95 ? t + (due - t) * rand() : due + rand() * 5 * DAY)
        : null;
      const assigned =
        ['processing', 'awaiting_approval'].includes(status) || (ended && status !== 'withdrawn');
      const applicant = `${pick(family)} ${pick(middle)} ${pick(given)}`;
      const stamp = receivedAt.toISOString();
      rows.push({
        unitId: unit.id,
        code,
        procedureId: unit.id === big.id ? p.id : null,
        procedureCode: p.code,
        procedureName: p.name,
        procedureField: p.field,
        timeLimitKind: p.timeLimitKind,
        timeLimitAmount: p.timeLimitAmount,
        after15: p.after15,
        channel: rand() < 0.3 ? 'online' : rand() < 0.95 ? 'counter' : 'post',
        status,
        applicantName: applicant,
        applicantIdNumber: `000${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`,
        applicantPhone: `0900${String(Math.floor(rand() * 1e6)).padStart(6, '0')}`,
        applicantAddress: `Xã ${unit.name}`,
        requestSummary: p.name,
        returnMethod: 'counter',
        receivedBy: unit.id === big.id ? idOf('motcua') : null,
        assigneeId: assigned && unit.id === big.id ? idOf('chuyenvien') : null,
        submittedAt: stamp,
        receivedAt: stamp,
        dueAt: new Date(due).toISOString(),
        dueRuleVersion: 'bench',
        supplementCount: status === 'supplement_requested' ? 1 : 0,
        supplementRequestedAt: status === 'supplement_requested' ? stamp : null,
        endedAt: endedAt === null ? null : new Date(endedAt).toISOString(),
        returnedAt: status === 'returned' && endedAt !== null ? new Date(endedAt).toISOString() : null,
        feeVnd: p.feeVnd,
        searchText: ` ${fold(`${code} ${applicant} ${p.name}`)} `,
        isDemo: 0,
        createdAt: stamp,
        updatedAt: stamp,
      });
      if (rows.length === CHUNK) {
        await insert(rows.splice(0));
      }
    }
    await insert(rows.splice(0));
    written += times.length;
    if (Math.floor(written / 100_000) !== Math.floor((written - count) / 100_000)) {
      process.stderr.write(`  ${written} dossiers (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
    }
  }
  // PostgreSQL's autovacuum would soon vacuum (the visibility map, for index-only counts) and analyze (the planner's
  // statistics) after such a load; congxa never runs ANALYZE on SQLite, so SQLite is measured without statistics,
  // as a deployment runs.
  if (config.db.dialect === 'postgres') {
    await sql`vacuum analyze dossier`.execute(db);
  }
}

async function insert(rows: DossierInsert[]): Promise<void> {
  if (rows.length > 0) {
    await db.transaction().execute((trx) => trx.insertInto('dossier').values(rows).execute());
  }
}
