import { toLocal } from '../../calendar/local-time.js';
import { dateInWords, instantInWords, shortDate, shortDateTime } from './form-text.js';
import type { FormValues, RowValues } from './form-template.js';
import type {
  Applicant,
  ApologyView,
  ControlSlipView,
  DossierDocument,
  ReceiptView,
  RefusalView,
  SupplementView,
  TrackingBookView,
  UnitHeader,
} from './form-views.js';

/*
 * Views → the values a template's placeholders read (pure). The keys are the same whatever the form set, so a new
 * set's templates can use them without code; every key is present (null when the view has nothing), which lets the
 * renderer tell a missing value (dots) from a template typo (error).
 */

function unitValues(unit: UnitHeader, at: Date): Record<string, string | null> {
  return {
    unitName: unit.name,
    unitParentName: unit.parentName,
    agencyCode: unit.agencyCode,
    place: unit.place ?? null,
    issuedOn: dateInWords(toLocal(at).date),
  };
}

function applicantValues(a: Applicant): Record<string, string | null> {
  return {
    applicantName: a.name,
    applicantAddress: a.address,
    applicantPhone: a.phone,
    applicantEmail: a.email,
  };
}

function count(n: number | null | undefined): string | null {
  return n === null || n === undefined ? null : String(n);
}

/** "Bản chính", "Bản sao", or null (not noted: dots). */
function documentForm(original: boolean | null): string | null {
  return original === null ? null : original ? 'Bản chính' : 'Bản sao';
}

function documentRows(documents: readonly DossierDocument[]): RowValues[] {
  return documents.map((d, i) => ({
    index: String(i + 1),
    name: d.name,
    form: documentForm(d.original),
    copies: count(d.copies),
  }));
}

export function receiptValues(v: ReceiptView, at: Date): FormValues {
  return {
    ...unitValues(v.unit, at),
    ...applicantValues(v.applicant),
    number: v.number ?? null,
    dossierCode: v.dossierCode,
    bookNumber: v.bookNumber ?? null,
    bookSequence: count(v.bookSequence),
    requestSummary: v.requestSummary,
    procedureName: v.procedureName,
    documents: documentRows(v.documents),
    sets: count(v.sets),
    timeLimitText: v.timeLimitText,
    receivedAt: instantInWords(v.receivedAt),
    dueAt: instantInWords(v.dueAt),
    returnPlace: v.returnPlace,
    lookupUrl: v.lookupUrl,
    receiverName: v.receiverName,
  };
}

export function supplementValues(v: SupplementView, at: Date): FormValues {
  return {
    ...unitValues(v.unit, at),
    ...applicantValues(v.applicant),
    number: v.number ?? null,
    dossierCode: v.dossierCode,
    requestSummary: v.requestSummary,
    procedureName: v.procedureName,
    documents: documentRows(v.documents),
    reason: v.reason,
    rulesUrl: v.rulesUrl ?? null,
    officerName: v.guidance.officerName,
    officerPhone: v.guidance.phone,
  };
}

export function refusalValues(v: RefusalView, at: Date): FormValues {
  return {
    ...unitValues(v.unit, at),
    ...applicantValues(v.applicant),
    number: v.number ?? null,
    dossierCode: v.dossierCode,
    requestSummary: v.requestSummary,
    procedureName: v.procedureName,
    reason: v.reason,
    receiverName: v.receiverName,
  };
}

export function apologyValues(v: ApologyView, at: Date): FormValues {
  return {
    ...unitValues(v.unit, at),
    ...applicantValues(v.applicant),
    number: v.number ?? null,
    dossierCode: v.dossierCode,
    procedureName: v.procedureName,
    receivedAt: instantInWords(v.receivedAt),
    dueAt: instantInWords(v.dueAt),
    reason: v.reason,
    newDueAt: instantInWords(v.newDueAt),
    signerPosition: v.signer.position,
    signerName: v.signer.name,
  };
}

export function controlSlipValues(v: ControlSlipView, at: Date): FormValues {
  return {
    ...unitValues(v.unit, at),
    ...applicantValues(v.applicant),
    dossierCode: v.dossierCode,
    requestSummary: v.requestSummary,
    procedureName: v.procedureName,
    rows: v.rows.map((r) => ({
      fromUnit: r.fromUnit,
      fromPerson: r.fromPerson,
      toUnit: r.toUnit,
      toPerson: r.toPerson,
      handedOverAt: instantInWords(r.handedOverAt),
      result: r.result,
      note: r.note,
    })),
  };
}

export function trackingBookValues(v: TrackingBookView, at: Date): FormValues {
  return {
    ...unitValues(v.unit, at),
    bookNumber: v.bookNumber ?? null,
    periodFrom: shortDate(v.period.from),
    periodTo: shortDate(v.period.to),
    year: v.period.from.slice(0, 4),
    rows: v.rows.map((r) => ({
      sequence: String(r.sequence),
      dossierCode: r.dossierCode,
      procedureName: r.procedureName,
      sets: String(r.sets),
      applicantName: r.applicantName,
      applicantContact:
        [r.applicantAddress, r.applicantPhone].filter((s) => s && s.trim()).join('; ') || null,
      leadAgency: r.leadAgency,
      receivedAt: shortDateTime(r.receivedAt),
      dueAt: shortDateTime(r.dueAt),
      transferredAt: shortDateTime(r.transferredAt),
      resultReceivedAt: shortDateTime(r.resultReceivedAt),
      returnedAt: shortDateTime(r.returnedAt),
      note: r.note,
    })),
  };
}
