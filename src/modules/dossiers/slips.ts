import type { Site } from '../units/unit-directory.js';
import { timeLimitText } from '../procedures/procedures.presenter.js';
import type { DossierRow, DossierEventRow } from './dossiers.repository.js';
import { dossierMessages as m } from './dossiers.messages.js';
import { apologyPdf, controlSlipPdf, receiptPdf, refusalPdf, supplementPdf } from './forms/form-pdfs.js';
import type { Applicant, ControlSlipRow, StepResult, UnitHeader } from './forms/form-views.js';
import { resultTiming } from './lookup.presenter.js';
import { documentsOf } from './staff/staff.presenter.js';

type UnitRow = Site['unit'];

/*
 * The slips of a dossier (Mẫu 01–05 of the form set in force), built from the dossier row and its event log: the
 * paper always says what the log says. Pure apart from the PDF rendering.
 */

export const SLIPS = ['receipt', 'supplement', 'refusal', 'apology', 'control'] as const;
export type Slip = (typeof SLIPS)[number];

export type SlipContext = {
  unit: UnitRow;
  parent: UnitRow | undefined;
  /** Absolute URL of the public look-up of this dossier (the QR code). */
  lookupUrl: string;
};

export const unitHeaderOf = (unit: UnitRow, parent: UnitRow | undefined): UnitHeader => ({
  name: unit.fullName || unit.name,
  parentName: parent ? parent.fullName || parent.name : null,
  agencyCode: unit.agencyCode,
  place: unit.name.replace(/^(Xã|Phường|Thị trấn|Huyện|Tỉnh|Thành phố)\s+/u, ''),
});

const applicantOf = (d: DossierRow): Applicant => ({
  name: d.applicantName,
  address: d.applicantAddress || null,
  phone: d.applicantPhone,
  email: d.applicantEmail,
});

const lastOf = (events: readonly DossierEventRow[], action: string) =>
  events.filter((e) => e.action === action).at(-1);
const dataOf = (e: DossierEventRow | undefined): Record<string, unknown> => {
  try {
    const v: unknown = JSON.parse(e?.data ?? '{}');
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

const STEP_RESULT: Record<ReturnType<typeof resultTiming>, StepResult> = {
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Quá hạn',
};

/** The hand-overs of the control slip (Mẫu 05): one row per step that moved the dossier between people. */
export function controlRows(
  d: DossierRow,
  events: readonly DossierEventRow[],
  unitName: string,
): ControlSlipRow[] {
  const desk = m.slip.desk;
  const rows: ControlSlipRow[] = [];
  let holder: { unit: string; person: string | null } = { unit: desk, person: null };
  for (const e of events) {
    const data = dataOf(e);
    let to: { unit: string; person: string | null } | null = null;
    switch (e.action) {
      case 'assign':
        to = { unit: unitName, person: typeof data.assigneeName === 'string' ? data.assigneeName : null };
        break;
      case 'submit_for_approval':
        to = { unit: m.slip.leadersOf(unitName), person: null };
        break;
      case 'send_back':
        to = { unit: unitName, person: holder.person };
        break;
      case 'approve':
        to = { unit: desk, person: null };
        break;
      case 'return_result':
        to = { unit: m.slip.applicant, person: d.applicantName };
        break;
      default:
        break;
    }
    if (to === null) {
      continue;
    }
    const at = new Date(e.at);
    rows.push({
      fromUnit: holder.unit,
      fromPerson: e.actorName,
      toUnit: to.unit,
      toPerson: to.person,
      handedOverAt: at,
      result: e.dueAt ? STEP_RESULT[resultTiming(at, new Date(e.dueAt))] : null,
      note: e.reason,
    });
    holder = to;
  }
  return rows;
}

/** Renders one slip, or undefined when the dossier has no such slip (e.g. no refusal for a returned dossier). */
export async function slipPdf(
  slip: Slip,
  d: DossierRow,
  events: readonly DossierEventRow[],
  ctx: SlipContext,
): Promise<Buffer | undefined> {
  const unit = unitHeaderOf(ctx.unit, ctx.parent);
  const applicant = applicantOf(d);
  const base = { unit, applicant, procedureName: d.procedureName, requestSummary: d.requestSummary };
  switch (slip) {
    case 'receipt': {
      const receipt = events.find((e) => e.action === 'intake' || e.action === 'receive');
      if (!receipt || d.code === null || !receipt.dueAt) {
        return undefined;
      }
      const at = new Date(receipt.at);
      return receiptPdf(
        {
          ...base,
          dossierCode: d.code,
          documents: documentsOf(d)
            .filter((doc) => doc.provided)
            .map((doc) => ({ name: doc.name, copies: 1, original: doc.original })),
          sets: d.sets,
          timeLimitText: timeLimitText(d.timeLimitKind, d.timeLimitAmount, d.after15 === 1),
          receivedAt: at,
          dueAt: new Date(receipt.dueAt),
          returnPlace: `${m.returnMethod[d.returnMethod]}${d.returnMethod === 'counter' && ctx.unit.address ? ` (${ctx.unit.address})` : ''}`,
          lookupUrl: ctx.lookupUrl,
          receiverName: receipt.actorName,
        },
        at,
      );
    }
    case 'supplement': {
      const e = lastOf(events, 'request_supplement');
      if (!e || d.code === null) {
        return undefined;
      }
      const docs = dataOf(e).documents;
      return supplementPdf(
        {
          ...base,
          dossierCode: d.code,
          documents: (Array.isArray(docs) ? (docs as string[]) : []).map((name) => ({
            name,
            copies: null,
            original: null,
          })),
          reason: e.reason ?? '',
          guidance: { officerName: e.actorName, phone: ctx.unit.phone || null },
        },
        new Date(e.at),
      );
    }
    case 'refusal': {
      const e = lastOf(events, 'refuse');
      return e
        ? refusalPdf(
            { ...base, dossierCode: d.code, reason: e.reason ?? '', receiverName: e.actorName },
            new Date(e.at),
          )
        : undefined;
    }
    case 'apology': {
      const e = lastOf(events, 'apologise');
      const data = dataOf(e);
      if (
        !e ||
        d.code === null ||
        typeof data.previousDueAt !== 'string' ||
        typeof data.newDueAt !== 'string' ||
        !d.receivedAt
      ) {
        return undefined;
      }
      return apologyPdf(
        {
          unit,
          applicant,
          dossierCode: d.code,
          procedureName: d.procedureName,
          receivedAt: new Date(d.receivedAt),
          dueAt: new Date(data.previousDueAt),
          reason: e.reason ?? '',
          newDueAt: new Date(data.newDueAt),
          signer: { position: m.slip.signerPosition, name: e.actorName },
        },
        new Date(e.at),
      );
    }
    case 'control':
      if (d.code === null) {
        return undefined;
      }
      return controlSlipPdf(
        { ...base, dossierCode: d.code, rows: controlRows(d, events, ctx.unit.fullName || ctx.unit.name) },
        new Date(events.at(-1)?.at ?? d.submittedAt),
      );
  }
}
