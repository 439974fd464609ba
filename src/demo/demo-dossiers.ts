import type { Deps } from '../deps.js';
import { dossierPaths, paymentPaths } from '../http/paths.js';
import type { Actor } from '../modules/accounts/actor.js';
import { apologyLatestAt } from '../modules/calendar/due-date.js';
import { addDays, instantAt, toLocal, type LocalDate } from '../modules/calendar/local-time.js';
import type { WorkingCalendar } from '../modules/calendar/working-calendar.js';
import type { DossierAction, ReturnMethod } from '../modules/dossiers/dossier-workflow.js';
import { DossierRepository, type DossierRow } from '../modules/dossiers/dossiers.repository.js';
import type { ActionInput, IntakeInput } from '../modules/dossiers/dossiers.schemas.js';
import { DossierService, type IncomingFile } from '../modules/dossiers/dossiers.service.js';
import { OnlineRepository } from '../modules/dossiers/online.repository.js';
import type { OnlineValues } from '../modules/dossiers/online.schemas.js';
import {
  OnlineIntakeService,
  type NewFile,
  type OnlineProcedure,
} from '../modules/dossiers/online.service.js';
import { PaymentRepository } from '../modules/dossiers/payments/payments.repository.js';
import { PaymentService } from '../modules/dossiers/payments/payments.service.js';
import type { SandboxPaymentGateway } from '../modules/dossiers/payments/sandbox-gateway.js';
import type { Procedure } from '../modules/procedures/procedures.service.js';
import { fold, slugify } from '../platform/fold.js';
import { localDate } from '../platform/time.js';
import { signUpDemoCitizens, type DemoCitizen } from './demo-citizens.js';
import { DemoRandom } from './demo-random.js';
import { DemoRepository } from './demo.repository.js';
import {
  DEMO_COMMUNES,
  demoEmail,
  demoHamlets,
  demoLeaders,
  demoPeople,
  seedFor,
  type DemoCommune,
} from './demo-units.js';

/*
 * The demo communes' one-stop dossiers (issue #3 item 10): from 1 January of the clock's year to now, made through
 * DossierService (intake and act) so that codes, due dates, events and audit rows come from the real rules. Each
 * commune and month of receipt runs on its own simulated clock over the working days, with its own seeded generator,
 * so the result is the same on every run for the same "now". New dossiers arrive up to the day before today (today's
 * daily counter starts at 0001 for whoever tries the counter), and their processing continues until now: the
 * recent ones are still open, in every work queue.
 *
 * About a fifth arrive online (Decision 766 indicators 3.2 and 3.3): a demo citizen (demo-citizens.ts) submits the
 * form with a small PDF for each document through OnlineIntakeService, at any hour and on days off too, and the
 * officer receives it (or, rarely, refuses it or records its withdrawal) in the next working hours; then its life
 * is a counter dossier's. A fixed fee is mostly paid online through the app's sandbox gateway (PaymentService, the
 * notification signed as the gateway signs it), unless PAYMENT_GATEWAY=off.
 *
 * No notification is made: the generator builds its own DossierService without the notifier hook.
 */

/**
 * How many dossiers a commune receives per working day, on average (a day draws 0 to twice as many). Tân Hồng, the
 * default unit that visitors look at, gets a realistic flow; the other communes a dossier every week or two, which
 * keeps the whole demo load within seconds (every dossier is five or six real transactions; about 850 dossiers in
 * late November, a fifth of them online: 16–17 s on SQLite and 30–35 s on PostgreSQL for the whole demo load on a
 * busy two-core machine, against 14 s and 23–32 s before the online ones).
 */
export type DemoDossierVolume = (commune: DemoCommune) => number;

export const DEFAULT_VOLUME: DemoDossierVolume = (c) => (c.isDefault ? 2 : 0.15);

/** The share of the dossiers of procedures offered online that citizens submit online (on working days). */
const ONLINE_SHARE = 0.2;
/** Online submissions on a day off, against a working day's. */
const DAY_OFF_ONLINE = 0.3;
/** Online submissions the officer refuses or records as withdrawn before receiving them. */
const ONLINE_NOT_RECEIVED = 0.01;
/** Fixed fees of online dossiers paid online (the others at the counter). */
const PAID_ONLINE = 0.85;

/** Parts generated at once: fewer than the PostgreSQL pool's 10 connections, each part holding at most one. */
const CONCURRENCY = 8;
const MINUTE = 60_000;
const DAY = 86_400_000;

/** The one-stop staff of the other demo communes (Tân Hồng's are the documented demo accounts). */
const STAFF = [
  { key: 'officer', prefix: 'motcua', title: 'Công chức Một cửa', role: 'one_stop_officer' },
  { key: 'specialist', prefix: 'chuyenvien', title: 'Chuyên viên', role: 'specialist' },
  { key: 'leader', prefix: 'lanhdao', title: 'Lãnh đạo xã', role: 'leader' },
] as const;
const TAN_HONG_STAFF = { officer: 'motcua', specialist: 'chuyenvien', leader: 'lanhdao' } as const;
type Staff = Record<(typeof STAFF)[number]['key'], Actor>;

/** The username of a demo commune's staff account for one role, e.g. `motcua-thai-hoc`. */
export const communeStaffUsername = (prefix: string, commune: DemoCommune) => `${prefix}-${commune.slug}`;

const REFUSALS = [
  'Hồ sơ không thuộc thẩm quyền giải quyết của UBND xã.',
  'Người yêu cầu không đủ điều kiện theo quy định.',
  'Giấy tờ trong hồ sơ có dấu hiệu bị tẩy xóa, sửa chữa nội dung.',
];
const WITHDRAWALS = ['Công dân có đơn xin rút hồ sơ.', 'Người yêu cầu đề nghị rút hồ sơ để nộp lại sau.'];
/** Why an online submission is not received (Decree 61/2018 Art. 17: the officer says what is wrong). */
const ONLINE_REFUSALS = [
  'Hồ sơ nộp trực tuyến không đúng thủ tục hành chính cần thực hiện, đề nghị nộp lại theo đúng thủ tục.',
  'Tệp đính kèm không đọc được hoặc không đúng thành phần hồ sơ theo quy định.',
];
const ONLINE_WITHDRAWALS = ['Công dân đề nghị rút hồ sơ nộp trực tuyến do nộp nhầm thủ tục.'];
const STOPS = ['Dừng giải quyết theo văn bản đề nghị của cơ quan có thẩm quyền.'];
const APOLOGIES = [
  'Cần xác minh thêm thông tin tại nơi cư trú trước đây của người yêu cầu.',
  'Chờ kết quả xác minh của cơ quan có liên quan.',
];

/** How a dossier ends, drawn at intake. */
type Fate = 'early' | 'on_time' | 'late' | 'late_apology' | 'refused' | 'withdrawn' | 'stopped';

function drawFate(rnd: DemoRandom): Fate {
  const r = rnd.next();
  return r < 0.03
    ? 'refused'
    : r < 0.05
      ? 'withdrawn'
      : r < 0.057
        ? 'stopped'
        : r < 0.095
          ? 'late'
          : r < 0.12
            ? 'late_apology'
            : r < 0.4
              ? 'on_time'
              : 'early';
}

/** Working-time arithmetic on the unit's calendar (minutes of office hours), for choosing when staff act. */
class WorkTime {
  constructor(private readonly cal: WorkingCalendar) {}

  private get sessions() {
    return this.cal.officeHours.working;
  }

  /** `minutes` of working time after `from` (from the next opening when `from` is outside office hours). */
  add(from: Date, minutes: number): Date {
    const local = toLocal(from);
    let date = local.date;
    let at = Math.ceil(local.minutes);
    let left = Math.max(0, minutes);
    for (;;) {
      if (this.cal.isWorkingDay(date)) {
        for (const s of this.sessions) {
          if (at < s.end) {
            const start = Math.max(at, s.start);
            if (left <= s.end - start) {
              return instantAt(date, start + left);
            }
            left -= s.end - start;
            at = s.end;
          }
        }
      }
      date = addDays(date, 1);
      at = 0;
    }
  }

  /** Working minutes between two instants (0 when `to` is not after `from`). */
  between(from: Date, to: Date): number {
    let total = 0;
    const a = toLocal(from);
    const b = toLocal(to);
    for (let date = a.date; date <= b.date; date = addDays(date, 1)) {
      if (!this.cal.isWorkingDay(date)) {
        continue;
      }
      const lo = date === a.date ? Math.ceil(a.minutes) : 0;
      const hi = date === b.date ? Math.floor(b.minutes) : 1440;
      for (const s of this.sessions) {
        total += Math.max(0, Math.min(hi, s.end) - Math.max(lo, s.start));
      }
    }
    return total;
  }

  /** A working instant drawn uniformly between `from` and `to`; `from` itself (moved to working time) if none. */
  pick(rnd: DemoRandom, from: Date, to: Date): Date {
    const span = this.between(from, to);
    return this.add(from, span > 0 ? rnd.int(0, span) : 0);
  }

  /** A random working instant on a working day (the whole day's sessions). */
  on(rnd: DemoRandom, date: LocalDate): Date {
    return this.pick(rnd, instantAt(date, 0), instantAt(date, 1439));
  }

  workingDays(date: LocalDate, n: number): LocalDate {
    return this.cal.addWorkingDays(date, n);
  }

  previousWorkingDay(date: LocalDate): LocalDate {
    return this.cal.previousWorkingDay(date);
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.cal.isWorkingDay(date);
  }

  closeOf(date: LocalDate): Date {
    return this.cal.closeOf(date);
  }

  openingOf(date: LocalDate): Date {
    return this.cal.openingOf(date);
  }

  apologyLatestAt(dueAt: Date): Date {
    return apologyLatestAt(dueAt, this.cal);
  }
}

/** A min-heap of timed steps: the simulated clock always moves forward to the earliest step. */
class Agenda {
  private readonly heap: { at: number; seq: number; run: () => Promise<void> }[] = [];
  private seq = 0;

  push(at: Date, run: () => Promise<void>): void {
    const item = { at: at.getTime(), seq: this.seq++, run };
    const h = this.heap;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) {
        break;
      }
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  pop(): { at: number; run: () => Promise<void> } | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (top === undefined || last === undefined || h.length === 0) {
      return top;
    }
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l]!, h[m]!)) {
        m = l;
      }
      if (r < h.length && this.less(h[r]!, h[m]!)) {
        m = r;
      }
      if (m === i) {
        return top;
      }
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }

  private less(a: { at: number; seq: number }, b: { at: number; seq: number }): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }
}

/** A valid one-page PDF of a line of ASCII text in a standard font (no embedded font): a few hundred bytes. */
function demoPdf(text: string): Buffer {
  const content = `BT /F1 11 Tf 40 800 Td (${text.replace(/[()\\]/g, (c) => `\\${c}`)}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** The electronic result of a demo dossier: a PDF that says it is demo data. */
export function demoResultFile(code: string): IncomingFile {
  return {
    documentName: null,
    fileName: `ket-qua-${code}.pdf`,
    mime: 'application/pdf',
    extension: 'pdf',
    bytes: demoPdf(`Ket qua giai quyet ho so ${code} - ban mau do he thong congxa tao (du lieu minh hoa)`),
  };
}

/** The scan of a procedure's document `index` a demo citizen attaches online: a PDF that says it is demo data. */
function demoDocumentFile(procedure: OnlineProcedure, index: number): NewFile {
  const name = procedure.documents[index]?.name ?? '';
  return {
    document: index,
    fileName: `${slugify(name, 40) || 'tai-lieu'}.pdf`,
    mime: 'application/pdf',
    extension: 'pdf',
    bytes: demoPdf(`${fold(name)} - ban mau do he thong congxa tao (du lieu minh hoa)`),
  };
}

const actionInput = (
  action: DossierAction,
  d: DossierRow,
  extra: Partial<ActionInput> = {},
): ActionInput => ({
  action,
  version: d.version,
  reason: null,
  assigneeId: null,
  documents: [],
  newDueAt: null,
  returnedVia: null,
  feeVnd: null,
  feeMethod: null,
  ...extra,
});

/** 'YYYY-MM-DDTHH:mm' in Vietnam time, as the apology form's datetime-local input sends it. */
function localInput(instant: Date): string {
  const { date, minutes } = toLocal(instant);
  const m = Math.round(minutes);
  return `${date}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** The fee to record for a procedure, or null when it has none (a fixed amount, or per page up to its cap). */
function feeOf(p: Procedure, rnd: DemoRandom): number | null {
  if (p.fee.kind === 'fixed' && p.fee.vnd !== null && p.fee.vnd > 0) {
    return p.fee.vnd;
  }
  if (p.fee.kind === 'per_page' && p.fee.perPageVnd !== null) {
    const fee = p.fee.perPageVnd * rnd.int(1, 6);
    return p.fee.capVnd === null ? fee : Math.min(fee, p.fee.capVnd);
  }
  return null;
}

/** What a part needs for the online channel: the services on its clock and the commune's citizens. */
type OnlineRun = {
  service: OnlineIntakeService;
  /** Online payment through the app's sandbox gateway; null when PAYMENT_GATEWAY=off (fees paid at the counter). */
  payments: { service: PaymentService; gateway: SandboxPaymentGateway } | null;
  /** Signed up while the first parts run; a part waits for them at its first online submission. */
  citizens: Promise<DemoCitizen[]>;
  /** The commune's procedures as the online form has them, by code (read once per part). */
  procedures: Map<string, OnlineProcedure>;
  /** The commune's site prefix, for the payment's return address. */
  basePath: string;
};

type CommuneRun = {
  unitId: number;
  commune: DemoCommune;
  staff: Staff;
  service: DossierService;
  online: OnlineRun;
  clock: { at: number };
  rnd: DemoRandom;
  work: WorkTime;
  agenda: Agenda;
  procedures: Procedure[];
  now: Date;
  counts: { dossiers: number; actions: number };
};

/** One fictitious applicant: a name from the demo lists, an ID number starting 000 (no province has that code). */
function applicantOf(run: CommuneRun, people: ReturnType<typeof demoPeople>, hamlets: string[]) {
  const { rnd } = run;
  const person = rnd.pick(people);
  const born = rnd.int(1950, 2005);
  const century = (born >= 2000 ? 2 : 0) + (person.female ? 1 : 0);
  const idNumber = `000${century}${String(born % 100).padStart(2, '0')}${String(rnd.int(0, 999_999)).padStart(6, '0')}`;
  const phone = `0900${String(rnd.int(0, 999_999)).padStart(6, '0')}`;
  return {
    name: person.name,
    idNumber,
    phone,
    email: rnd.next() < 0.25 ? demoEmail(`nguoidan${rnd.int(1, 9999)}`) : null,
    address: `Thôn ${rnd.pick(hamlets)}, xã ${run.commune.short}`,
  };
}

/** Runs one step at its time: the simulated clock stands there while the service acts. */
async function act(
  run: CommuneRun,
  actor: Actor,
  d: DossierRow,
  action: DossierAction,
  extra: Partial<ActionInput> = {},
): Promise<DossierRow> {
  run.counts.actions++;
  return run.service.act(actor, run.unitId, d.id, actionInput(action, d, extra));
}

/** Schedules `step` at `at`, never before the simulated clock (time only moves forward). */
function later(run: CommuneRun, at: Date, step: () => Promise<void>): void {
  run.agenda.push(new Date(Math.max(at.getTime(), run.clock.at + MINUTE)), step);
}

/**
 * Open statuses the default commune always shows (its last working day's first dossiers are left there, the work of
 * today not done yet, and one dossier of the week before sits with the specialist past its due date), so that every
 * work queue of the demo has something in it whatever the day.
 */
const SHOWCASE = ['received', 'processing', 'supplement_requested', 'awaiting_approval', 'done'] as const;
type Showcase = (typeof SHOWCASE)[number];

/** A dossier taken through the first steps the same morning and left in `status`. */
function planShowcase(run: CommuneRun, procedure: Procedure, intake: DossierRow, status: Showcase): void {
  const { rnd, work, staff } = run;
  let d = intake;
  const step = (minutes: number, next: () => Promise<void>) =>
    later(run, work.add(new Date(run.clock.at), minutes), next);
  if (status === 'received') {
    return;
  }
  step(rnd.int(10, 30), async () => {
    d = await act(run, staff.officer, d, 'assign', { assigneeId: staff.specialist.id });
    if (status === 'supplement_requested') {
      const document = rnd.pick(procedure.documents).name;
      step(rnd.int(20, 60), async () => {
        d = await act(run, staff.specialist, d, 'request_supplement', {
          reason: `Bổ sung hoặc thay thế: ${document}.`,
          documents: [document],
        });
      });
    } else if (status !== 'processing') {
      step(rnd.int(20, 60), async () => {
        d = await act(run, staff.specialist, d, 'submit_for_approval');
        if (status === 'done') {
          step(rnd.int(10, 60), async () => {
            d = await act(run, staff.leader, d, 'approve');
          });
        }
      });
    }
  });
}

/**
 * The life of one dossier after its receipt (at the counter, or the officer's receipt of an online submission):
 * each step schedules the next, as the staff would take it up.
 */
function plan(run: CommuneRun, procedure: Procedure, received: DossierRow): void {
  const { rnd, work, staff } = run;
  const fate = drawFate(rnd);
  const supplement = fate !== 'refused' && rnd.next() < 0.09;
  const abandonsSupplement = supplement && rnd.next() < 0.2;
  const fee = feeOf(procedure, rnd);
  const sameDay = received.timeLimitKind === 'same_day'; // an online dossier's may be the online time limit
  const receivedAt = new Date(received.receivedAt!); // a received dossier has its receipt time
  const receiptDay = localDate(receivedAt);
  const now = () => new Date(run.clock.at);
  let d = received;

  const assign = async () => {
    d = await act(run, staff.officer, d, 'assign', { assigneeId: staff.specialist.id });
    if (fate === 'refused') {
      later(run, work.add(now(), rnd.int(60, 900)), async () => {
        d = await act(run, staff.specialist, d, 'refuse', { reason: rnd.pick(REFUSALS) });
      });
    } else if (fate === 'withdrawn') {
      later(run, work.add(now(), rnd.int(120, 1500)), async () => {
        d = await act(run, staff.officer, d, 'withdraw', { reason: rnd.pick(WITHDRAWALS) });
      });
    } else if (fate === 'stopped') {
      later(run, work.add(now(), rnd.int(240, 1800)), async () => {
        d = await act(run, staff.leader, d, 'stop', { reason: rnd.pick(STOPS) });
      });
    } else if (supplement) {
      // Decree 61/2018 Art. 19: the request comes within 3 working days of receipt (the service checks it too).
      const window = work.closeOf(work.workingDays(receiptDay, 2));
      later(run, work.pick(rnd, work.add(now(), 20), window), requestSupplement);
    } else {
      finish();
    }
  };

  const requestSupplement = async () => {
    const document = rnd.pick(procedure.documents).name;
    d = await act(run, staff.specialist, d, 'request_supplement', {
      reason: `Bổ sung hoặc thay thế: ${document}.`,
      documents: [document],
    });
    const back = work.on(rnd, work.workingDays(localDate(now()), rnd.int(1, 6)));
    if (!abandonsSupplement) {
      later(run, back, async () => {
        d = await act(run, staff.officer, d, 'complete_supplement');
        finish();
      });
    } else if (rnd.next() < 0.5) {
      // The citizen never comes back; some write to withdraw, the others stay in the supplement queue.
      later(run, work.on(rnd, work.workingDays(localDate(now()), rnd.int(8, 20))), async () => {
        d = await act(run, staff.officer, d, 'withdraw', { reason: rnd.pick(WITHDRAWALS) });
      });
    }
  };

  /** Chooses when the leader approves, by the dossier's fate against the due date in force, and goes there. */
  const finish = () => {
    const dueAt = new Date(d.dueAt!); // received dossiers have a due date
    const dueDay = localDate(dueAt);
    const earliest = work.add(now(), sameDay ? 20 : 60);
    if (fate === 'late_apology') {
      const latest = work.apologyLatestAt(dueAt);
      if (latest.getTime() > work.add(now(), 30).getTime()) {
        later(run, work.pick(rnd, work.add(now(), 30), latest), async () => {
          const newDue = work.closeOf(work.workingDays(dueDay, rnd.int(2, 4)));
          d = await act(run, staff.leader, d, 'apologise', {
            reason: rnd.pick(APOLOGIES),
            newDueAt: localInput(newDue),
          });
          // Finished after the first due date, by the new appointment.
          approveAt(work.pick(rnd, new Date(dueAt.getTime() + MINUTE), new Date(d.dueAt!)));
        });
        return;
      }
    }
    if (fate === 'early') {
      const lastDayBefore = work.closeOf(work.previousWorkingDay(dueDay));
      if (lastDayBefore.getTime() > earliest.getTime()) {
        approveAt(work.pick(rnd, earliest, lastDayBefore));
        return;
      }
    }
    if (fate === 'early' || fate === 'on_time') {
      const from = new Date(Math.max(earliest.getTime(), work.openingOf(dueDay).getTime()));
      if (dueAt.getTime() > from.getTime()) {
        approveAt(work.pick(rnd, from, dueAt));
        return;
      }
    }
    approveAt(work.on(rnd, work.workingDays(dueDay, rnd.int(1, 4))));
  };

  const approveAt = (at: Date) => {
    // The leader signs within a day or two of the submission.
    const submitAt = work.pick(rnd, new Date(Math.max(run.clock.at, at.getTime() - 2 * DAY)), at);
    later(run, submitAt, async () => {
      d = await act(run, staff.specialist, d, 'submit_for_approval');
      later(run, at, async () => {
        d = await act(run, staff.leader, d, 'approve');
        const method: ReturnMethod = d.returnMethod;
        const returnAt =
          method === 'electronic'
            ? work.add(now(), rnd.int(5, 30))
            : work.on(rnd, work.workingDays(localDate(now()), rnd.int(0, 5)));
        later(run, returnAt, async () => {
          if (method === 'electronic') {
            // An electronic return sends the result file, attached first (Decree 61/2018 Art. 20).
            run.counts.actions++;
            await run.service.attachResult(staff.officer, run.unitId, d.id, demoResultFile(d.code ?? ''));
          }
          d = await act(run, staff.officer, d, 'return_result', { returnedVia: method });
        });
      });
    });
  };

  /**
   * The citizen pays the fee online from the receipt notice, within minutes (before any step that could end
   * processing): PaymentService starts the payment and takes the gateway's signed notification, as the sandbox's page
   * would POST it.
   */
  const payOnline = async () => {
    const { service, gateway } = run.online.payments!; // only scheduled with a gateway
    const code = d.code!; // a submitted dossier has its code
    const started = await service.start(code, {
      returnUrl: dossierPaths.lookup(run.online.basePath, code),
      notifyUrl: paymentPaths.notify(gateway.name),
    });
    const body = JSON.stringify({
      ref: started.paymentRef,
      status: 'paid',
      amountVnd: d.feeVnd,
      paidAt: now().toISOString(),
      transactionNo: `SBX${rnd.int(0, 0xffffff).toString(16).toUpperCase().padStart(6, '0')}`,
    });
    const result = await service.receive(gateway.name, body, gateway.sign(body));
    if (!result.ok || result.outcome !== 'recorded') {
      throw new Error(`demo payment of ${code} not recorded: ${JSON.stringify(result)}`);
    }
    run.counts.actions++;
    d = await run.service.get(run.unitId, d.id); // the payment changed its version
  };

  const paidOnline =
    d.channel === 'online' && run.online.payments !== null && (d.feeVnd ?? 0) > 0 && rnd.next() < PAID_ONLINE;
  if (paidOnline) {
    later(run, new Date(receivedAt.getTime() + rnd.int(3, 20) * MINUTE), payOnline);
  } else if (fee !== null) {
    later(run, work.add(receivedAt, rnd.int(2, 8)), async () => {
      d = await act(run, staff.officer, d, 'record_fee', {
        feeVnd: fee,
        feeMethod: rnd.next() < 0.8 ? 'cash' : 'transfer',
      });
    });
  }
  // Most dossiers go to the specialist within the hour (same-day ones always), the others over the next working days.
  const r = rnd.next();
  const assignAt =
    sameDay || r < 0.4
      ? work.add(receivedAt, rnd.int(10, 90))
      : work.on(rnd, work.workingDays(receiptDay, r < 0.8 ? 1 : 2));
  later(run, assignAt, assign);
}

/**
 * An online submission: the officer receives it in the next working hours, or (rarely) refuses it or records its
 * withdrawal instead; a received one then lives as any dossier.
 */
function planOnline(run: CommuneRun, procedure: Procedure, submitted: DossierRow): void {
  const { rnd, work, staff } = run;
  const at = work.add(new Date(submitted.submittedAt), rnd.int(10, 150));
  const r = rnd.next();
  later(run, at, async () => {
    if (r < ONLINE_NOT_RECEIVED / 2) {
      await act(run, staff.officer, submitted, 'refuse', { reason: rnd.pick(ONLINE_REFUSALS) });
    } else if (r < ONLINE_NOT_RECEIVED) {
      await act(run, staff.officer, submitted, 'withdraw', { reason: rnd.pick(ONLINE_WITHDRAWALS) });
    } else {
      plan(run, procedure, await act(run, staff.officer, submitted, 'receive'));
    }
  });
}

/** How a citizen asks for the result: mostly electronically for a fully online procedure, at the counter otherwise. */
function onlineReturnMethod(p: OnlineProcedure, rnd: DemoRandom): ReturnMethod {
  const r = rnd.next();
  if (p.onlineLevel === 'toan_trinh') {
    return r < 0.65 ? 'electronic' : r < 0.95 ? 'counter' : 'post';
  }
  return r < 0.25 ? 'electronic' : r < 0.9 ? 'counter' : 'post';
}

const nameAndId = ({ name, idNumber }: { name: string; idNumber: string }) => ({ name, idNumber });

/**
 * A demo citizen fills in the online form of `procedure` (prefilled from their account; now and then for a relative)
 * and submits it with a PDF for each required document and some optional ones, through OnlineIntakeService.
 */
async function submitOnline(
  run: CommuneRun,
  procedure: Procedure,
  relative: () => { name: string; idNumber: string },
): Promise<DossierRow> {
  const { rnd, online } = run;
  const citizen = rnd.pick(await online.citizens);
  let form = online.procedures.get(procedure.code);
  if (form === undefined) {
    form = await online.service.procedure(run.unitId, procedure.code);
    online.procedures.set(procedure.code, form);
  }
  const { key, values } = await online.service.newForm(citizen.actor, form);
  const filled: OnlineValues = {
    ...values,
    ...(rnd.next() < 0.25 ? nameAndId(relative()) : {}),
    address: `Thôn ${citizen.hamlet}, xã ${run.commune.short}`,
    returnMethod: onlineReturnMethod(form, rnd),
  };
  const files = form.documents.flatMap((doc, i) =>
    doc.required || rnd.next() < 0.4 ? [demoDocumentFile(form, i)] : [],
  );
  const result = await online.service.submit(citizen.actor, run.unitId, form, key, filled, files, []);
  if (!result.ok) {
    throw new Error(`demo online submission refused: ${JSON.stringify(result.errors)}`);
  }
  return result.dossier;
}

/**
 * Schedules the arrivals of every day of [from, to) (local days), to the day before today at most: counter and post
 * intakes on working days, online submissions at any hour of any day (fewer on days off).
 */
function scheduleIntakes(run: CommuneRun, perDay: number, from: LocalDate, to: LocalDate): void {
  const { rnd, work } = run;
  const seed = seedFor(run.commune);
  demoLeaders(seed); // the same draws as the demo loader, so the hamlets are the commune's demo hamlets
  const hamlets = demoHamlets(seed);
  const people = demoPeople(new DemoRandom(`congxa-demo:applicants:${run.commune.slug}`), 300);
  const today = localDate(run.now);
  const lastDay = work.previousWorkingDay(today);
  const weekBefore = [1, 2, 3, 4].reduce((day) => work.previousWorkingDay(day), lastDay);
  // Procedures with a time limit of a few days: the showcase's steps fit in a morning, and a week is too long.
  const slow = run.procedures.filter((p) => p.timeLimit.kind === 'working_days' && p.timeLimit.amount <= 3);
  const intake = (at: Date, procedure: Procedure, showcase?: Showcase) => {
    const applicant = applicantOf(run, people, hamlets);
    const post = rnd.next() < 0.07;
    const r = rnd.next();
    const returnMethod: ReturnMethod = post || r < 0.05 ? 'post' : r < 0.15 ? 'electronic' : 'counter';
    const input: IntakeInput = {
      procedureCode: procedure.code,
      channel: post ? 'post' : 'counter',
      applicant,
      requestSummary: '',
      provided: procedure.documents.filter((doc) => doc.required).map((doc) => doc.name),
      sets: 1,
      returnMethod,
      idempotencyKey: null,
    };
    run.agenda.push(at, async () => {
      run.counts.dossiers++;
      run.counts.actions++;
      const { dossier } = await run.service.intake(run.staff.officer, run.unitId, input);
      if (showcase) {
        planShowcase(run, procedure, dossier, showcase);
      } else {
        plan(run, procedure, dossier);
      }
    });
  };
  /** An online submission at `at`; `waiting`: left for the officer to receive (the showcase). */
  const online = (at: Date, procedure: Procedure, waiting = false) => {
    run.agenda.push(at, async () => {
      run.counts.dossiers++;
      run.counts.actions++;
      const dossier = await submitOnline(run, procedure, () => applicantOf(run, people, hamlets));
      if (!waiting) {
        planOnline(run, procedure, dossier);
      }
    });
  };
  const offeredOnline = run.procedures.filter((p) => p.onlineLevel !== 'truc_tiep');
  /** A day's count with mean `mean`: 0 to twice as many. */
  const countOf = (mean: number) => Math.floor(2 * mean * rnd.next() + rnd.next());
  for (let day = from; day < to && day < today; day = addDays(day, 1)) {
    if (!work.isWorkingDay(day)) {
      const n = offeredOnline.length > 0 ? countOf(perDay * ONLINE_SHARE * DAY_OFF_ONLINE) : 0;
      for (let i = 0; i < n; i++) {
        online(instantAt(day, rnd.int(7 * 60, 22 * 60)), rnd.pick(offeredOnline));
      }
      continue;
    }
    if (run.commune.isDefault && slow.length > 0) {
      if (day === lastDay) {
        SHOWCASE.forEach((status, i) => intake(work.add(work.openingOf(day), 2 * i), rnd.pick(slow), status));
        const slowOnline = slow.filter((p) => p.onlineLevel !== 'truc_tiep');
        if (slowOnline.length > 0) {
          // Sent in the evening, not received yet: the incoming queue's online dossier.
          online(instantAt(day, rnd.int(19 * 60, 22 * 60)), rnd.pick(slowOnline), true);
        }
      } else if (day === weekBefore) {
        intake(work.openingOf(day), rnd.pick(slow), 'processing'); // overdue by now
      }
    }
    const n = countOf(perDay);
    for (let i = 0; i < n; i++) {
      const procedure = rnd.pick(run.procedures);
      if (procedure.onlineLevel !== 'truc_tiep' && rnd.next() < ONLINE_SHARE) {
        online(instantAt(day, rnd.int(6 * 60, 23 * 60 - 1)), procedure);
      } else {
        intake(work.on(rnd, day), procedure);
      }
    }
  }
}

async function runPart(run: CommuneRun, perDay: number, from: LocalDate, to: LocalDate): Promise<void> {
  scheduleIntakes(run, perDay, from, to);
  const end = run.now.getTime();
  for (let step = run.agenda.pop(); step !== undefined && step.at <= end; step = run.agenda.pop()) {
    run.clock.at = step.at;
    await step.run();
  }
}

/** The one-stop officer, specialist and leader of each commune: the demo accounts in Tân Hồng, new ones elsewhere. */
async function staffOf(deps: Deps, commune: DemoCommune, unitId: number, password: string): Promise<Staff> {
  const usernames: Record<keyof Staff, string> = commune.isDefault
    ? TAN_HONG_STAFF
    : (Object.fromEntries(STAFF.map((s) => [s.key, communeStaffUsername(s.prefix, commune)])) as Record<
        keyof Staff,
        string
      >); // one entry per key of STAFF
  if (!commune.isDefault) {
    await Promise.all(
      STAFF.map((s) =>
        deps.accounts.createStaff(null, {
          username: usernames[s.key],
          fullName: `${s.title} xã ${commune.short} (tài khoản mẫu)`,
          email: demoEmail(usernames[s.key]),
          password,
          unitId,
          roles: [s.role],
        }),
      ),
    );
  }
  const ids = await new DemoRepository().accountIds(deps.db, Object.values(usernames));
  const actor = async (key: keyof Staff) => deps.accounts.actorOf(ids.get(usernames[key])!); // created above
  return {
    officer: await actor('officer'),
    specialist: await actor('specialist'),
    leader: await actor('leader'),
  };
}

/**
 * Generates the demo dossiers of every demo commune (after the units, staff accounts and procedures are loaded);
 * the other communes' staff accounts get `password` (the demo password). Returns how many dossiers and actions it
 * made.
 */
export async function loadDemoDossiers(
  deps: Deps,
  opts: { password: string; volume?: DemoDossierVolume },
): Promise<{ dossiers: number; actions: number }> {
  const volume = opts.volume ?? DEFAULT_VOLUME;
  const now = deps.clock.now();
  const year = localDate(now).slice(0, 4);
  const yearStart = instantAt(`${year}-01-01`, 0);
  const counts = { dossiers: 0, actions: 0 };
  // The app's dossier dependencies without the notifier: demo data never sends a message.
  const { notifier: _none, ...moduleDeps } = deps.dossiers.deps;
  const sandbox = deps.payments.sandbox;
  const communes = await Promise.all(
    DEMO_COMMUNES.map(async (commune, index) => {
      const unit = deps.directory.getBySlug(commune.slug);
      if (!unit) {
        throw new Error(`demo commune ${commune.slug} is not loaded`);
      }
      const offered = await deps.procedures.service.options(unit.id);
      const procedures = await Promise.all(
        offered.map((p) => deps.procedures.service.byCode(unit.id, p.code)),
      );
      const seed = seedFor(commune);
      demoLeaders(seed); // the same draws as the demo loader, so the hamlets are the commune's demo hamlets
      // Not awaited here: the sign-ups (a password hash each) run while the first parts are generated.
      const citizens = signUpDemoCitizens(deps, {
        commune,
        index,
        unitId: unit.id,
        hamlets: demoHamlets(seed),
        password: opts.password,
        yearStart,
        now,
      });
      citizens.catch(() => undefined); // a failure is reported where the citizens are awaited
      return {
        commune,
        unitId: unit.id,
        basePath: deps.directory.basePathOf(unit),
        procedures: procedures.sort((a, b) => a.code.localeCompare(b.code)),
        staff: await staffOf(deps, commune, unit.id, opts.password),
        work: new WorkTime(await deps.calendar.service.workingCalendar(unit.id, now)),
        citizens,
      };
    }),
  );
  // One part per commune and month of receipt, each with its own simulated clock and seeded generator: a day's
  // intakes are all in one part (the daily codes follow the clock), and the parts run side by side (PostgreSQL
  // overlaps their round trips; SQLite has one writer anyway). The default commune's parts first: the longest.
  const months = Array.from({ length: Number(localDate(now).slice(5, 7)) }, (_, i) =>
    String(i + 1).padStart(2, '0'),
  );
  const parts = communes
    .filter((c) => c.procedures.length > 0)
    .sort((a, b) => Number(b.commune.isDefault) - Number(a.commune.isDefault))
    .flatMap((c) => months.map((month) => ({ ...c, month })));
  const runPartAt = async (i: number): Promise<void> => {
    const part = parts[i];
    if (part === undefined) {
      return;
    }
    const clock = { at: now.getTime() };
    const partClock = { now: () => new Date(clock.at) };
    const repo = new DossierRepository(moduleDeps.stats);
    const run: CommuneRun = {
      unitId: part.unitId,
      commune: part.commune,
      staff: part.staff,
      service: new DossierService({ ...moduleDeps, clock: partClock, repo }),
      online: {
        service: new OnlineIntakeService({
          ...moduleDeps,
          clock: partClock,
          repo,
          online: new OnlineRepository(),
        }),
        payments: sandbox
          ? {
              service: new PaymentService({
                db: deps.db,
                clock: partClock,
                audit: deps.audit,
                gateway: sandbox,
                dossiers: repo,
                repo: new PaymentRepository(),
              }),
              gateway: sandbox,
            }
          : null,
        citizens: part.citizens,
        procedures: new Map(),
        basePath: part.basePath,
      },
      clock,
      rnd: new DemoRandom(`congxa-demo:dossiers:${part.commune.slug}:${part.month}`),
      work: part.work,
      agenda: new Agenda(),
      procedures: part.procedures,
      now,
      counts,
    };
    const from = `${year}-${part.month}-01`;
    const to =
      part.month === '12'
        ? `${Number(year) + 1}-01-01`
        : `${year}-${String(Number(part.month) + 1).padStart(2, '0')}-01`;
    await runPart(run, volume(part.commune), from, to);
  };
  let nextPart = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (nextPart < parts.length) {
        await runPartAt(nextPart++);
      }
    }),
  );
  await Promise.all(communes.map((c) => c.citizens)); // every commune's, used or not
  await new DemoRepository().markDossiersDemo(
    deps.db,
    communes.map((c) => c.unitId),
  );
  return counts;
}
