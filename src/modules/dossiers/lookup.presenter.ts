/**
 * The public view of a dossier (issue #3 item 5): what anyone holding its code may read on the look-up page and at
 * GET /api/v1/dossiers/<code>. Pure: the route loads the row, its events and its unit and passes them in.
 *
 * What is public (docs/dossiers.md, "Public look-up"): the code, the receiving unit, the procedure, the channel,
 * the status (label and national code), the times of submission, receipt, end and return, the due date in force
 * (and whether it is provisional), the result timing once ended, the applicant's name masked by `maskName`, and the
 * history as public wordings of the actions. Never public: the ID number, phone, e-mail and address, staff names,
 * fee amounts (the page says only whether the fee is paid: payments/payments.presenter.ts), files, and the reasons
 * of actions, except those the citizen must read (a supplement request with the documents to bring, a refusal),
 * scrubbed by `publicReason`.
 */
import { dayNumberOf, formatVnIso, toLocal } from '../calendar/local-time.js';
import { formatInstantLabel } from '../calendar/calendar.presenter.js';
import {
  ACTIONS,
  ENDING_STATUSES,
  NATIONAL_CHANNEL,
  NATIONAL_STATUS,
  type Channel,
  type DossierAction,
  type DossierStatus,
  type ReturnMethod,
} from './dossier-workflow.js';
import { normaliseDossierCode } from './dossier-code.js';
import { dossierMessages } from './dossiers.messages.js';
import type { DossierEventRow, DossierRow } from './dossiers.repository.js';
import { lookupMessages as m } from './lookup.messages.js';
import { timingOf } from '../stats/dossier-outcome.js';

/** Result timing of an ended dossier (issue #4): ended before the due day, on it in time, or after the due instant. */
export type ResultTiming = 'early' | 'on_time' | 'late';

export type PublicEvent = {
  /** ISO UTC instant. */
  at: string;
  action: string;
  status: DossierStatus;
  text: string;
  /** Only for a supplement request or a refusal, scrubbed; else null. */
  reason: string | null;
  /** The documents a supplement request asks for; else empty. */
  documents: string[];
  /** The new appointment of an apology (ISO UTC); else null. */
  newDueAt: string | null;
};

export type PublicDossier = {
  code: string;
  unit: { slug: string; name: string };
  procedure: { code: string; name: string };
  channel: Channel;
  status: DossierStatus;
  applicantName: string;
  submittedAt: string;
  receivedAt: string | null;
  /** The due date in force; null before receipt and while a supplement request stops the clock. */
  dueAt: string | null;
  dueProvisional: boolean;
  /** A supplement request stops the clock (Decree 61/2018 Art. 19): the due date is counted again on completion. */
  duePaused: boolean;
  endedAt: string | null;
  returnedAt: string | null;
  timing: ResultTiming | null;
  history: PublicEvent[];
};

const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });

function maskWord(word: string): string {
  const parts = Array.from(graphemes.segment(word), (s) => s.segment);
  return (parts[0] ?? '') + '*'.repeat(Math.max(0, parts.length - 1));
}

/**
 * The applicant's name as the public may see it: the surname (the first word) whole, each other word reduced to its
 * first letter followed by one `*` per further letter: "Nguyễn Thị Hằng" → "Nguyễn T** H***". A one-word name keeps
 * only its first letter ("Hằng" → "H***"). Letters are user-perceived characters (grapheme clusters) of the NFC
 * form, so a name typed with combining accents masks like the precomposed one; any run of white space separates
 * words.
 */
export function maskName(name: string): string {
  const words = name.normalize('NFC').split(/\s+/u).filter(Boolean);
  const [first, ...rest] = words;
  if (first === undefined) {
    return '';
  }
  if (rest.length === 0) {
    return maskWord(first);
  }
  return [first, ...rest.map(maskWord)].join(' ');
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An e-mail address; a run of 9 or more digits, alone or grouped by spaces or dots (ID, phone, tax numbers). */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const LONG_NUMBER = /\+?\d(?:[ .]?\d){8,}/g;

/**
 * A reason written by staff, as the public look-up shows it: the applicant's full name (any case, any spacing)
 * becomes the masked name, e-mail addresses and numbers of 9 digits or more (ID, phone, tax numbers — and, alas,
 * amounts of 100 000 000 and more written with dots) become "[đã ẩn]". Other personal data a person might write
 * (a relative's name, an address) cannot be recognised: staff are told the reason is public (docs/dossiers.md).
 */
export function publicReason(reason: string, applicantName: string): string {
  let text = reason.normalize('NFC');
  const words = applicantName.normalize('NFC').split(/\s+/u).filter(Boolean);
  if (words.length > 0) {
    const name = new RegExp(words.map(escapeRegExp).join('\\s+'), 'giu');
    text = text.replace(name, maskName(applicantName));
  }
  return text.replace(EMAIL, m.hidden).replace(LONG_NUMBER, m.hidden);
}

/**
 * Issue #4's timing of an ended dossier: "trước hạn" when it ended on a (Vietnam) day before the due day, "đúng hạn"
 * when it ended on the due day no later than the due instant, "quá hạn" when it ended after the due instant.
 */
export function resultTiming(endedAt: Date, dueAt: Date): ResultTiming {
  if (endedAt.getTime() > dueAt.getTime()) {
    return 'late';
  }
  return dayNumberOf(toLocal(endedAt).date) < dayNumberOf(toLocal(dueAt).date) ? 'early' : 'on_time';
}

const isAction = (a: string): a is DossierAction => (ACTIONS as readonly string[]).includes(a);
/** The actions whose reason the citizen must read (Decree 61/2018 Art. 19 supplement request; refusal). */
const PUBLIC_REASONS: ReadonlySet<string> = new Set(['request_supplement', 'refuse']);

function dataOf(e: DossierEventRow): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(e.data);
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function eventText(action: string, data: Record<string, unknown>): string {
  const base =
    isAction(action) || action === 'intake' || action === 'submit' ? m.event[action] : m.eventOther;
  if (
    action === 'return_result' &&
    typeof data.via === 'string' &&
    data.via in dossierMessages.returnMethod
  ) {
    return `${base} ${m.returnedVia(dossierMessages.returnMethod[data.via as ReturnMethod])}`;
  }
  return base;
}

function toPublicEvent(e: DossierEventRow, applicantName: string): PublicEvent {
  const data = dataOf(e);
  const documents =
    e.action === 'request_supplement' && Array.isArray(data.documents)
      ? data.documents.filter((d): d is string => typeof d === 'string')
      : [];
  const reason =
    PUBLIC_REASONS.has(e.action) && e.reason !== null && e.reason.trim() !== ''
      ? publicReason(e.reason.trim(), applicantName)
      : null;
  return {
    at: e.at,
    action: e.action,
    status: e.toStatus,
    text: eventText(e.action, data),
    reason,
    documents,
    newDueAt: e.action === 'apologise' && typeof data.newDueAt === 'string' ? data.newDueAt : null,
  };
}

/** The public view of a coded dossier, its events (in order) and its receiving unit. */
export function toPublicDossier(
  d: DossierRow & { code: string },
  events: readonly DossierEventRow[],
  unit: { slug: string; name: string },
): PublicDossier {
  const ended = ENDING_STATUSES.has(d.status) && d.endedAt !== null;
  const paused = d.status === 'supplement_requested';
  return {
    code: d.code,
    unit: { slug: unit.slug, name: unit.name },
    procedure: { code: d.procedureCode, name: d.procedureName },
    channel: d.channel,
    status: d.status,
    applicantName: maskName(d.applicantName),
    submittedAt: d.submittedAt,
    receivedAt: d.receivedAt,
    dueAt: paused ? null : d.dueAt,
    dueProvisional: !paused && d.dueAt !== null && d.dueProvisional === 1,
    duePaused: paused,
    endedAt: d.endedAt,
    returnedAt: d.returnedAt,
    // The results statistics' rule (issue #4; Decision 766 indicator 2.1): more than one supplement request is late,
    // and a dossier that ended while waiting for a supplement is timed at that request.
    timing:
      ended && d.endedAt !== null && d.dueAt !== null
        ? timingOf({
            dueAt: d.dueAt,
            endedAt: d.endedAt,
            supplementCount: d.supplementCount,
            // Still set when it ended while a supplement request was pending: the timing stops there.
            pausedAt: d.supplementRequestedAt,
          })
        : null,
    history: events.map((e) => toPublicEvent(e, d.applicantName)),
  };
}

const vnIso = (at: string | null) => (at === null ? null : formatVnIso(at));
const statusJson = (s: DossierStatus) => ({
  code: s,
  nationalCode: NATIONAL_STATUS[s],
  label: dossierMessages.status[s],
});

/** The API's answer: the same view, instants in ISO 8601 at +07:00 (as the calendar API). */
export function publicDossierJson(v: PublicDossier) {
  return {
    code: v.code,
    unit: v.unit,
    procedure: v.procedure,
    channel: {
      code: v.channel,
      nationalCode: NATIONAL_CHANNEL[v.channel],
      label: dossierMessages.channel[v.channel],
    },
    status: statusJson(v.status),
    applicantName: v.applicantName,
    submittedAt: formatVnIso(v.submittedAt),
    receivedAt: vnIso(v.receivedAt),
    dueAt: vnIso(v.dueAt),
    dueProvisional: v.dueProvisional,
    duePaused: v.duePaused,
    endedAt: vnIso(v.endedAt),
    returnedAt: vnIso(v.returnedAt),
    timing: v.timing === null ? null : { code: v.timing, label: m.timing[v.timing] },
    history: v.history.map((e) => ({
      at: formatVnIso(e.at),
      action: e.action,
      status: statusJson(e.status),
      text: e.text,
      reason: e.reason,
      documents: e.documents,
      newDueAt: vnIso(e.newDueAt),
    })),
  };
}
export type PublicDossierJson = ReturnType<typeof publicDossierJson>;

/** An instant as the page shows it: machine-readable and 'thứ Sáu, 13/02/2026 lúc 17:00'. */
export type TimeView = { iso: string; label: string };
const timeView = (at: string): TimeView => ({
  iso: formatVnIso(at),
  label: formatInstantLabel(new Date(at)),
});
const timeOrNull = (at: string | null) => (at === null ? null : timeView(at));

export type LookupResultView = {
  code: string;
  procedure: string;
  applicant: string;
  unit: string;
  channel: string;
  status: string;
  submittedAt: TimeView;
  receivedAt: TimeView | null;
  dueAt: TimeView | null;
  dueProvisional: boolean;
  /** Why there is no due date to show, when there is none. */
  dueNote: string | null;
  endedAt: TimeView | null;
  returnedAt: TimeView | null;
  timing: string | null;
  history: {
    at: TimeView;
    status: string;
    text: string;
    reason: string | null;
    documents: string[];
    newDueAt: TimeView | null;
  }[];
};

/** The look-up page's result, labelled in Vietnamese. */
export function toLookupResultView(v: PublicDossier): LookupResultView {
  return {
    code: v.code,
    procedure: v.procedure.name,
    applicant: v.applicantName,
    unit: v.unit.name,
    channel: dossierMessages.channel[v.channel],
    status: dossierMessages.status[v.status],
    submittedAt: timeView(v.submittedAt),
    receivedAt: timeOrNull(v.receivedAt),
    dueAt: timeOrNull(v.dueAt),
    dueProvisional: v.dueProvisional,
    dueNote: v.duePaused ? m.page.paused : v.dueAt === null ? m.page.notReceived : null,
    endedAt: timeOrNull(v.endedAt),
    returnedAt: timeOrNull(v.returnedAt),
    timing: v.timing === null ? null : m.timing[v.timing],
    history: v.history.map((e) => ({
      at: timeView(e.at),
      status: dossierMessages.status[e.status],
      text: e.text,
      reason: e.reason,
      documents: e.documents,
      newDueAt: timeOrNull(e.newDueAt),
    })),
  };
}

/** Fastify's route of dossierPaths.apiDossier: the look-up API. */
export const API_DOSSIER_ROUTE = '/api/v1/dossiers/:code';

/** What the citizen typed, as a code: 'empty', 'malformed', or the normalised code (spaces dropped, upper case). */
export function parseLookupCode(
  input: unknown,
): { ok: true; code: string } | { ok: false; reason: 'empty' | 'malformed' } {
  if (typeof input !== 'string') {
    return { ok: false, reason: input === undefined ? 'empty' : 'malformed' };
  }
  const compact = input.replace(/\s+/gu, '');
  if (compact === '') {
    return { ok: false, reason: 'empty' };
  }
  const code = normaliseDossierCode(compact);
  return code === null ? { ok: false, reason: 'malformed' } : { ok: true, code };
}
