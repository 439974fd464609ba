/*
 * Data of `npm run bench -- results` (issue #4), in its own process: 1 000 000 dossiers (BENCH_RESULTS_DOSSIERS) with
 * their event logs over 200 communes in four districts of the demo province, received on the working days of the last
 * two years up to now, then the results aggregates rebuilt from the event logs as `congxa stats rebuild` does.
 *
 * - Units: the demo's province, its district Bình Giang and 13 communes, plus three districts and 187 communes (50
 *   communes a district). Xã Tân Hồng, the benchmarked commune, holds 5 % of the dossiers (a large commune); the others
 *   share the rest unevenly (a size drawn from 0.4 to 1.8).
 * - Each commune has a one-stop officer, three specialists and a leader (Tân Hồng: the demo accounts motcua,
 *   chuyenvien, lanhdao and two more specialists), so that the officer breakdown has realistic rows.
 * - Each dossier lives the life the demo dossiers live (src/demo/demo-dossiers.ts), drawn here without the service:
 *   intake at the counter or by post, or an online submission received later (1 % of them refused or withdrawn before
 *   receipt); the fee recorded (online for most online dossiers); assignment; 9 % asked for a supplement (one in ten
 *   twice; one in five never completed: half withdrawn, most others stopped weeks later); then refused (3 %), withdrawn (2 %), stopped, or
 *   approved early, on time or late against the due date in force (an apology and new appointment for some), the
 *   result attached for electronic returns, and returned. Due dates come from the real working calendar; the due date
 *   restarts when a supplement is completed. Events after now are cut off, so recent dossiers are open in every status
 *   and some are overdue.
 * - Written by multi-row inserts straight into dossier and dossier_event, one transaction per 500 dossiers and their
 *   events, so without the per-event aggregate updates (as `new DossierRepository(null)` would write them); the daily
 *   sequences are set so that a new intake today gets the next number; then `StatsService.rebuild` builds the
 *   aggregates from the event logs (timed).
 *
 * Kept between runs (bench/out/results-1m[-pg]/): a stamp file records the generator's version and size; a data
 * folder or database without a matching stamp is emptied and generated again. Prints one JSON line on stdout with the
 * stamp (times of generation and rebuild).
 */
import { sql } from 'kysely';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { createDeps } from '../src/deps.js';
import { hashPassword } from '../src/modules/accounts/passwords.js';
import { computeDueAt } from '../src/modules/calendar/due-date.js';
import { addDays, toLocal, type LocalDate } from '../src/modules/calendar/local-time.js';
import { SEED_NOTICES } from '../src/modules/calendar/seed-notices.js';
import { createWorkingCalendar } from '../src/modules/calendar/working-calendar.js';
import { ENDING_STATUSES, type DossierStatus } from '../src/modules/dossiers/dossier-workflow.js';
import type { DossierEventInsert, DossierInsert } from '../src/modules/dossiers/dossiers.repository.js';
import { fold } from '../src/platform/fold.js';
import { prepare } from '../src/startup.js';

/** Bump when the data changes: a kept database with another version is generated again. */
const VERSION = 3;
const TOTAL = Number(process.env.BENCH_RESULTS_DOSSIERS ?? 1_000_000);
const COMMUNES = 200;
const DISTRICTS = 4;
const BIG_SHARE = 0.05;
const DAYS = 730;
const CHUNK = 500;
const EVENT_BATCH = 2500;
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đỗ', 'Bùi', 'Đặng', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quang', 'Ngọc', 'Hữu', 'Thanh', 'Xuân'];
const GIVEN = ['An', 'Bình', 'Dũng', 'Hà', 'Hạnh', 'Hoa', 'Lan', 'Long', 'Mai', 'Nam', 'Sơn', 'Tuấn', 'Yến'];
const REFUSALS = [
  'Hồ sơ không thuộc thẩm quyền giải quyết của UBND xã.',
  'Người yêu cầu không đủ điều kiện theo quy định.',
];
const WITHDRAWALS = ['Công dân có đơn xin rút hồ sơ.', 'Người yêu cầu đề nghị rút hồ sơ để nộp lại sau.'];
const STOP = 'Dừng giải quyết theo văn bản đề nghị của cơ quan có thẩm quyền.';
const APOLOGY = 'Cần xác minh thêm thông tin tại nơi cư trú trước đây của người yêu cầu.';

export type ResultsStamp = {
  version: number;
  dialect: string;
  dossiers: number;
  events: number;
  communes: number;
  generatedAt: string;
  insertSeconds: number;
  rebuildSeconds: number;
  dayRows: number;
  monthRows: number;
};

const config = loadConfig({
  ...process.env,
  DEMO_DATA: 'on',
  DEMO_DOSSIERS: 'off',
  LOG_LEVEL: 'silent',
});
const stampFile = join(config.dataDir, 'bench-results.json');
const readStamp = (): ResultsStamp | null => {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8')) as ResultsStamp;
  } catch {
    return null;
  }
};
const kept = readStamp();
const current =
  kept !== null && kept.version === VERSION && kept.dossiers === TOTAL && kept.dialect === config.db.dialect;
if (!current && config.db.dialect === 'sqlite') {
  for (const suffix of ['', '-wal', '-shm']) {
    rmSync(`${config.db.file}${suffix}`, { force: true });
  }
}
rmSync(stampFile, { force: true });
const deps = createDeps(config);
const { db } = deps;
if (!current && config.db.dialect === 'postgres') {
  await sql`drop schema public cascade`.execute(db);
  await sql`create schema public`.execute(db);
}
if (current) {
  await prepare(deps); // a newer migration may ask for the aggregates to be rebuilt (at start-up, as a server would)
  writeFileSync(stampFile, JSON.stringify(kept));
  process.stderr.write(`kept the results data of ${kept.generatedAt} (${config.db.dialect})\n`);
  process.stdout.write(`${JSON.stringify(kept)}\n`);
} else {
  const started = Date.now();
  await prepare(deps);
  const counts = await fill(started);
  const insertSeconds = (Date.now() - started) / 1000;
  process.stderr.write(`  rebuilding the aggregates (${insertSeconds.toFixed(0)} s)\n`);
  const rebuildStarted = Date.now();
  await deps.stats.service.rebuild(deps.stats.deps.histories);
  const rebuildSeconds = (Date.now() - rebuildStarted) / 1000;
  if (config.db.dialect === 'postgres') {
    // What autovacuum would soon do after such a load (see bench/prepare-dossiers.ts).
    for (const t of [
      'dossier',
      'dossier_event',
      'dossier_stat_day',
      'dossier_stat_month',
      'dossier_stat_month_dim',
      'dossier_stat_sub_day',
      'dossier_stat_sub_month',
    ]) {
      await sql`vacuum analyze ${sql.table(t)}`.execute(db);
    }
  }
  const rows = async (t: 'dossierStatDay' | 'dossierStatMonth') =>
    Number(
      (
        await db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const stamp: ResultsStamp = {
    version: VERSION,
    dialect: config.db.dialect,
    dossiers: TOTAL,
    events: counts.events,
    communes: COMMUNES,
    generatedAt: new Date().toISOString(),
    insertSeconds: Math.round(insertSeconds),
    rebuildSeconds: Math.round(rebuildSeconds),
    dayRows: await rows('dossierStatDay'),
    monthRows: await rows('dossierStatMonth'),
  };
  writeFileSync(stampFile, JSON.stringify(stamp));
  process.stderr.write(
    `generated ${TOTAL} dossiers and ${counts.events} events in ${stamp.insertSeconds} s, aggregates rebuilt in ` +
      `${stamp.rebuildSeconds} s (${config.db.dialect})\n`,
  );
  process.stdout.write(`${JSON.stringify(stamp)}\n`);
}
await deps.portal.close();
await db.destroy();

/** A small deterministic generator (no Math.random), so every fill is the same for the same day. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Person = { id: number; name: string };
type Staff = { officer: Person; specialists: Person[]; leader: Person };
type Procedure = {
  id: number;
  code: string;
  name: string;
  field: string;
  online: boolean;
  timeLimitKind: DossierInsert['timeLimitKind'];
  timeLimitAmount: number;
  after15: number;
  feeVnd: number | null;
  documents: string[];
};
type Ev = {
  at: number;
  actor: Person | null;
  action: string;
  to: DossierStatus;
  reason: string | null;
  due: number | null;
  data: Record<string, unknown>;
};

async function fill(started: number): Promise<{ events: number }> {
  const rand = lcg(20261127);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!; // index within bounds
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const log = (msg: string) =>
    process.stderr.write(`  ${msg} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);

  // Units: three more districts under the demo province, communes up to 200, 50 to a district.
  const directory = deps.directory;
  const demoDistrict = directory.all().find((u) => u.kind === 'district')!; // the demo has one
  const districts = [demoDistrict.id];
  for (let n = 2; n <= DISTRICTS; n++) {
    districts.push(
      await deps.units.createUnit(null, {
        slug: `bench-huyen-${n}`,
        name: `Huyện Thử Tải ${n}`,
        fullName: `Ủy ban nhân dân huyện Thử Tải ${n}`,
        kind: 'district',
        parentId: demoDistrict.parentId,
        adminCode: null,
        agencyCode: `000.00.${String(31 + n).padStart(2, '0')}.H90`,
        host: null,
        isDefault: false,
        isDemo: false,
      }),
    );
  }
  await deps.units.refreshDirectory();
  const perDistrict = COMMUNES / DISTRICTS;
  for (let n = directory.all().filter((u) => u.kind === 'commune').length + 1; n <= COMMUNES; n++) {
    await deps.units.createUnit(null, {
      slug: `bench-${String(n).padStart(3, '0')}`,
      name: `Xã Thử Tải ${n}`,
      fullName: `Ủy ban nhân dân xã Thử Tải ${n}`,
      kind: 'commune',
      parentId: districts[Math.floor((n - 1) / perDistrict)]!, // n ≤ COMMUNES
      adminCode: null,
      agencyCode: `000.${String(n % 100).padStart(2, '0')}.${String(40 + Math.floor(n / 100))}.H90`,
      host: null,
      isDefault: false,
      isDemo: false,
    });
  }
  await deps.units.refreshDirectory();
  const communes = directory.all().filter((u) => u.kind === 'commune');
  const big = communes.find((u) => u.isDefault)!; // the demo's default commune
  log(`${communes.length} communes in ${districts.length} districts`);

  // Staff: the demo accounts of Tân Hồng, bench accounts (no usable password) elsewhere.
  const passwordHash = await hashPassword(`bench-${Date.now()}-${rand()}`);
  const named = await db
    .selectFrom('account')
    .select(['id', 'username', 'fullName'])
    .where('username', 'in', ['motcua', 'chuyenvien', 'lanhdao'])
    .execute();
  const demo = (u: string): Person => {
    const a = named.find((x) => x.username === u)!; // demo accounts
    return { id: a.id, name: a.fullName };
  };
  const staffOf = new Map<number, Staff>();
  const personName = () => `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
  await db.transaction().execute(async (trx) => {
    const add = async (unitId: number, username: string, role: string): Promise<Person> => {
      const name = personName();
      const { id } = await trx
        .insertInto('account')
        .values({
          kind: 'staff',
          username,
          fullName: name,
          email: null,
          phone: null,
          passwordHash,
          disabled: 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('accountRole').values({ accountId: id, unitId, role }).execute();
      return { id, name };
    };
    for (const u of communes) {
      const prefix = `bench-${u.slug}`;
      staffOf.set(
        u.id,
        u.id === big.id
          ? {
              officer: demo('motcua'),
              specialists: [
                demo('chuyenvien'),
                await add(u.id, `${prefix}-cv2`, 'specialist'),
                await add(u.id, `${prefix}-cv3`, 'specialist'),
              ],
              leader: demo('lanhdao'),
            }
          : {
              officer: await add(u.id, `${prefix}-mc`, 'one_stop_officer'),
              specialists: [
                await add(u.id, `${prefix}-cv1`, 'specialist'),
                await add(u.id, `${prefix}-cv2`, 'specialist'),
                await add(u.id, `${prefix}-cv3`, 'specialist'),
              ],
              leader: await add(u.id, `${prefix}-ld`, 'leader'),
            },
      );
    }
  });

  // The demo catalogue of Tân Hồng, most dossiers on a few procedures (weights 1/rank in a drawn order).
  const procedures: Procedure[] = (
    await db
      .selectFrom('procedure')
      .select([
        'id',
        'code',
        'name',
        'field',
        'onlineLevel',
        'timeLimitKind',
        'timeLimitAmount',
        'after15',
        'feeVnd',
        'documents',
      ])
      .where('unitId', '=', big.id)
      .execute()
  ).map((p) => ({
    id: p.id,
    code: p.code,
    name: p.name,
    field: p.field,
    online: p.onlineLevel !== 'truc_tiep',
    timeLimitKind: p.timeLimitKind,
    timeLimitAmount: p.timeLimitAmount,
    after15: p.after15,
    feeVnd: p.feeVnd,
    documents: (JSON.parse(p.documents) as { name: string }[]).map((d) => d.name),
  }));
  const order = procedures.map((p) => ({ p, k: rand() })).sort((a, b) => a.k - b.k);
  const weights: number[] = [];
  let sum = 0;
  for (let i = 0; i < order.length; i++) {
    sum += 1 / (i + 1);
    weights.push(sum);
  }
  const drawProcedure = (): Procedure => {
    const x = rand() * sum;
    let i = 0;
    while (weights[i]! < x) {
      i++;
    }
    return order[i]!.p; // x ≤ sum
  };

  // The working days of the last two years, each with a weight that grows by a third over the period.
  const calendar = createWorkingCalendar({ notices: SEED_NOTICES });
  const now = Date.now();
  const today = toLocal(new Date(now)).date;
  const days: { date: LocalDate; open: number; close: number }[] = [];
  for (let d = addDays(today, -DAYS); d <= today; d = addDays(d, 1)) {
    if (calendar.isWorkingDay(d)) {
      const open = calendar.openingOf(d).getTime();
      const close = Math.min(calendar.closeOf(d).getTime(), now - MINUTE);
      if (close > open) {
        days.push({ date: d, open, close });
      }
    }
  }
  const dayWeights: number[] = [];
  let daySum = 0;
  days.forEach((_, i) => {
    daySum += 0.85 + (0.3 * i) / days.length;
    dayWeights.push(daySum);
  });
  const drawReceipt = (): number => {
    const x = rand() * daySum;
    let lo = 0;
    let hi = dayWeights.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dayWeights[mid]! < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    const d = days[lo]!; // lo within bounds
    return d.open + rand() * (d.close - d.open);
  };

  const dayOf = (t: number): LocalDate => toLocal(new Date(t)).date;
  const onDay = (day: LocalDate) => {
    const date = calendar.isWorkingDay(day) ? day : calendar.nextWorkingDay(day);
    const open = calendar.openingOf(date).getTime();
    return open + rand() * (calendar.closeOf(date).getTime() - open);
  };
  const between = (a: number, b: number) => (b > a ? a + rand() * (b - a) : a);
  const dueFrom = (t: number, p: Procedure) =>
    computeDueAt(
      {
        receivedAt: new Date(t),
        kind: p.timeLimitKind,
        amount: p.timeLimitAmount,
        after15: p.after15 === 1,
      },
      calendar,
    ).dueAt.getTime();

  /** The whole life of one dossier received at `tr`, in time order (cut at now by the caller). */
  const life = (
    p: Procedure,
    channel: 'counter' | 'online' | 'post',
    tr: number,
    staff: Staff,
    applicant: string,
  ) => {
    const evs: Ev[] = [];
    let last = -Infinity;
    let due: number | null = null;
    let status: DossierStatus = 'submitted';
    const push = (
      at: number,
      actor: Person | null,
      action: string,
      to: DossierStatus | 'same',
      data: Record<string, unknown> = {},
      reason: string | null = null,
    ) => {
      last = Math.max(at, last + MINUTE);
      status = to === 'same' ? status : to;
      evs.push({ at: last, actor, action, to: status, reason, due, data });
    };
    const { officer, leader } = staff;
    const specialist = pick(staff.specialists);
    const online = channel === 'online';
    const files = online ? int(1, 4) : channel === 'counter' && rand() < 0.7 ? int(1, 4) : 0;
    const r = rand();
    const returnMethod: DossierInsert['returnMethod'] = online
      ? r < 0.6
        ? 'electronic'
        : r < 0.9
          ? 'counter'
          : 'post'
      : channel === 'post' || r < 0.05
        ? 'post'
        : r < 0.15
          ? 'electronic'
          : 'counter';
    const result = { evs, returnMethod };
    if (online) {
      push(tr - 10 * MINUTE - rand() * 36 * HOUR, { id: 0, name: applicant }, 'submit', 'submitted', {
        channel,
        files,
      });
      if (rand() < 0.01) {
        const refuse = rand() < 0.6;
        push(
          tr,
          refuse ? officer : { id: 0, name: applicant },
          refuse ? 'refuse' : 'withdraw',
          refuse ? 'refused' : 'withdrawn',
          {},
          refuse ? pick(REFUSALS) : pick(WITHDRAWALS),
        );
        return result;
      }
      due = dueFrom(tr, p);
      push(tr, officer, 'receive', 'received');
    } else {
      due = dueFrom(tr, p);
      push(tr, officer, 'intake', 'received', { channel, files });
    }
    if ((p.feeVnd ?? 0) > 0) {
      const paidOnline = online && rand() < 0.7;
      push(tr + int(2, 8) * MINUTE, paidOnline ? null : officer, 'record_fee', 'same', {
        feeVnd: p.feeVnd,
        feeMethod: paidOnline ? 'online' : rand() < 0.8 ? 'cash' : 'transfer',
      });
    }
    const x = rand();
    const fate =
      x < 0.03
        ? 'refused'
        : x < 0.05
          ? 'withdrawn'
          : x < 0.057
            ? 'stopped'
            : x < 0.095
              ? 'late'
              : x < 0.12
                ? 'late_apology'
                : x < 0.4
                  ? 'on_time'
                  : 'early';
    const sameDay = p.timeLimitKind === 'same_day';
    const a = rand();
    push(
      sameDay || a < 0.4
        ? tr + int(10, 90) * MINUTE
        : onDay(calendar.addWorkingDays(dayOf(tr), a < 0.8 ? 1 : 2)),
      officer,
      'assign',
      'processing',
      { assigneeId: specialist.id, assigneeName: specialist.name },
    );
    if (fate === 'refused') {
      push(between(last, due), specialist, 'refuse', 'refused', {}, pick(REFUSALS));
      return result;
    }
    if (fate === 'withdrawn') {
      push(last + rand() * 3 * DAY, officer, 'withdraw', 'withdrawn', {}, pick(WITHDRAWALS));
      return result;
    }
    if (fate === 'stopped') {
      push(last + rand() * 4 * DAY, leader, 'stop', 'stopped', {}, STOP);
      return result;
    }
    if (rand() < 0.09) {
      const rounds = rand() < 0.1 ? 2 : 1;
      for (let round = 0; round < rounds; round++) {
        const document = pick(p.documents.length > 0 ? p.documents : ['Tờ khai']);
        const window = calendar.closeOf(calendar.addWorkingDays(dayOf(last), 2)).getTime();
        push(
          between(last + 20 * MINUTE, window),
          specialist,
          'request_supplement',
          'supplement_requested',
          {
            documents: [document],
          },
          `Bổ sung hoặc thay thế: ${document}.`,
        );
        if (rand() < 0.2) {
          // The citizen never comes back: half write to withdraw, most others are stopped after a few weeks, a
          // few stay in the supplement queue.
          const q = rand();
          if (q < 0.5) {
            push(
              onDay(calendar.addWorkingDays(dayOf(last), int(8, 20))),
              officer,
              'withdraw',
              'withdrawn',
              {},
              pick(WITHDRAWALS),
            );
          } else if (q < 0.9) {
            push(
              onDay(calendar.addWorkingDays(dayOf(last), int(30, 60))),
              leader,
              'stop',
              'stopped',
              {},
              STOP,
            );
          }
          return result;
        }
        const back = onDay(calendar.addWorkingDays(dayOf(last), int(1, 6)));
        due = dueFrom(Math.max(back, last + MINUTE), p); // Decree 61/2018 Art. 19: the time limit restarts
        push(back, officer, 'complete_supplement', 'processing', {
          restartedFrom: new Date(Math.max(back, last)).toISOString(),
        });
      }
    }
    const dueDay = dayOf(due);
    const earliest = last + (sameDay ? 20 : 60) * MINUTE;
    let end: number | null = null;
    if (fate === 'late_apology' && due - DAY > earliest + 30 * MINUTE) {
      const previous = due;
      due = calendar.closeOf(calendar.addWorkingDays(dueDay, int(2, 4))).getTime();
      push(
        between(earliest, previous - DAY),
        leader,
        'apologise',
        'same',
        {
          previousDueAt: new Date(previous).toISOString(),
          newDueAt: new Date(due).toISOString(),
        },
        APOLOGY,
      );
      end = between(previous + MINUTE, due);
    }
    if (end === null && fate === 'early') {
      const before = calendar.closeOf(calendar.previousWorkingDay(dueDay)).getTime();
      if (before > earliest) {
        end = between(earliest, before);
      }
    }
    if (end === null && (fate === 'early' || fate === 'on_time')) {
      const from = Math.max(earliest, calendar.openingOf(dueDay).getTime());
      if (due > from) {
        end = between(from, due);
      }
    }
    end ??= onDay(calendar.addWorkingDays(dueDay, int(1, 4)));
    push(between(Math.max(last, end - 2 * DAY), end), specialist, 'submit_for_approval', 'awaiting_approval');
    push(end, leader, 'approve', 'done');
    if (returnMethod === 'electronic') {
      push(last + int(5, 30) * MINUTE, officer, 'attach_result', 'same', { fileName: 'ket-qua.pdf' });
      push(last + int(1, 10) * MINUTE, officer, 'return_result', 'returned', { via: 'electronic' });
    } else {
      push(onDay(calendar.addWorkingDays(dayOf(last), int(0, 5))), officer, 'return_result', 'returned', {
        via: returnMethod,
      });
    }
    return result;
  };

  // Dossiers per commune: Tân Hồng 5 %, the others by a drawn size.
  const others = communes.filter((u) => u.id !== big.id);
  const sizes = others.map(() => 0.4 + 1.4 * rand());
  const sizeSum = sizes.reduce((a, b) => a + b, 0);
  const bigCount = Math.round(TOTAL * BIG_SHARE);
  const countOf = new Map<number, number>([[big.id, bigCount]]);
  let assigned = bigCount;
  others.forEach((u, i) => {
    const n =
      i === others.length - 1 ? TOTAL - assigned : Math.round(((TOTAL - bigCount) * sizes[i]!) / sizeSum);
    countOf.set(u.id, n);
    assigned += n;
  });

  let written = 0;
  let events = 0;
  const sequences: { unitId: number; day: string; last: number }[] = [];
  for (const unit of communes) {
    const staff = staffOf.get(unit.id)!; // set above for every commune
    const count = countOf.get(unit.id)!;
    const times = Array.from({ length: count }, drawReceipt).sort((a, b) => a - b);
    const sequence = new Map<string, number>();
    let batch: { row: DossierInsert; evs: Ev[] }[] = [];
    for (const tr of times) {
      const receiptDay = dayOf(tr);
      const yymmdd = receiptDay.slice(2).replaceAll('-', '');
      const seq = (sequence.get(yymmdd) ?? 0) + 1;
      sequence.set(yymmdd, seq);
      const code = `${unit.agencyCode}-${yymmdd}-${String(seq).padStart(4, '0')}`;
      const p = drawProcedure();
      // The online share grows from a fifth to nearly half over the two years.
      const onlineShare = 0.2 + (0.25 * (tr - (now - DAYS * DAY))) / (DAYS * DAY);
      const c = rand();
      const channel = p.online && c < onlineShare ? 'online' : c > 0.96 ? 'post' : 'counter';
      const applicant = personName();
      const { evs: all, returnMethod } = life(p, channel, tr, staff, applicant);
      const evs = all.filter((e) => e.at <= now); // in time order: a prefix
      const lastEv = evs.at(-1)!; // the submission or intake is before now
      const receipt = evs.find((e) => e.action === 'intake' || e.action === 'receive');
      const ended = evs.find((e) => ENDING_STATUSES.has(e.to));
      const assignee = [...evs].reverse().find((e) => e.action === 'assign');
      const fee = evs.find((e) => e.action === 'record_fee');
      const returned = evs.find((e) => e.action === 'return_result');
      const iso = (t: number | null | undefined) =>
        t === null || t === undefined ? null : new Date(t).toISOString();
      const supplements = evs.filter((e) => e.action === 'request_supplement');
      batch.push({
        evs,
        row: {
          unitId: unit.id,
          code,
          procedureId: unit.id === big.id ? p.id : null,
          procedureCode: p.code,
          procedureName: p.name,
          procedureField: p.field,
          timeLimitKind: p.timeLimitKind,
          timeLimitAmount: p.timeLimitAmount,
          after15: p.after15,
          channel,
          status: lastEv.to,
          applicantName: applicant,
          applicantIdNumber: `000${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`,
          applicantPhone: `0900${String(Math.floor(rand() * 1e6)).padStart(6, '0')}`,
          applicantAddress: `${unit.name}`,
          requestSummary: p.name,
          returnMethod,
          receivedBy: receipt?.actor?.id ?? null,
          assigneeId: (assignee?.data.assigneeId as number | undefined) ?? null,
          submittedAt: iso(evs[0]!.at)!, // non-empty
          receivedAt: iso(receipt?.at),
          dueAt: iso(lastEv.due),
          dueRuleVersion: receipt ? 'bench' : null,
          supplementCount: supplements.length,
          supplementRequestedAt: lastEv.to === 'supplement_requested' ? iso(supplements.at(-1)?.at) : null,
          apologyCount: evs.filter((e) => e.action === 'apologise').length,
          endedAt: iso(ended?.at),
          returnedAt: iso(returned?.at),
          returnedVia: returned ? (returned.data.via as DossierInsert['returnMethod']) : null,
          feeVnd: p.feeVnd,
          feePaidVnd: fee ? p.feeVnd : null,
          feePaidAt: iso(fee?.at),
          feeMethod: fee ? (fee.data.feeMethod as string) : null,
          searchText: ` ${fold(`${code} ${applicant} ${p.name}`)} `,
          isDemo: 0,
          version: evs.length,
          createdAt: iso(evs[0]!.at)!,
          updatedAt: iso(lastEv.at)!,
        },
      });
      if (batch.length === CHUNK) {
        events += await insert(batch);
        batch = [];
      }
    }
    events += await insert(batch);
    for (const [day, last] of sequence) {
      sequences.push({ unitId: unit.id, day, last });
    }
    const before = written;
    written += count;
    if (Math.floor(written / 100_000) !== Math.floor(before / 100_000)) {
      log(`${written} dossiers, ${events} events`);
    }
  }
  // A new intake of today continues the daily sequence (DossierRepository.nextSequence).
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < sequences.length; i += 1000) {
      await trx
        .insertInto('dossierSequence')
        .values(sequences.slice(i, i + 1000))
        .execute();
    }
  });
  return { events };
}

/** One transaction: the dossiers, then their events (ids from the insert, matched by code). */
async function insert(batch: { row: DossierInsert; evs: Ev[] }[]): Promise<number> {
  if (batch.length === 0) {
    return 0;
  }
  return db.transaction().execute(async (trx) => {
    const ids = await trx
      .insertInto('dossier')
      .values(batch.map((b) => b.row))
      .returning(['id', 'code'])
      .execute();
    const idOf = new Map(ids.map((r) => [r.code, r.id]));
    const rows: DossierEventInsert[] = [];
    for (const { row, evs } of batch) {
      const dossierId = idOf.get(row.code!)!; // inserted above with its code
      let from: DossierStatus | null = null;
      for (const e of evs) {
        rows.push({
          dossierId,
          at: new Date(e.at).toISOString(),
          actorId: e.actor === null || e.actor.id === 0 ? null : e.actor.id,
          actorName: e.actor?.name ?? 'Cổng thanh toán: thử nghiệm',
          action: e.action,
          fromStatus: from,
          toStatus: e.to,
          reason: e.reason,
          dueAt: e.due === null ? null : new Date(e.due).toISOString(),
          data: JSON.stringify(e.data),
        });
        from = e.to;
      }
    }
    for (let i = 0; i < rows.length; i += EVENT_BATCH) {
      await trx
        .insertInto('dossierEvent')
        .values(rows.slice(i, i + EVENT_BATCH))
        .execute();
    }
    return rows.length;
  });
}
