import { toLocal } from '../../calendar/local-time.js';
import { NotFoundError } from '../../../platform/errors.js';
import { FORM_SETS, type FormSet, formSetAt } from './form-sets.js';
import type { FormPurpose, FormValues } from './form-template.js';
import {
  apologyValues,
  controlSlipValues,
  receiptValues,
  refusalValues,
  supplementValues,
  trackingBookValues,
} from './form-values.js';
import type {
  ApologyView,
  ControlSlipView,
  ReceiptView,
  RefusalView,
  SupplementView,
  TrackingBookView,
} from './form-views.js';
import { renderFormPdf } from './render-pdf.js';

/*
 * One entry function per form: the dossier workflow calls these with a view and the instant the form is issued.
 * `at` picks the form set in force that day (Vietnam date), fills the "…, ngày … tháng … năm …" line and is the
 * PDF's creation date. For a reprint, pass the original issue instant (for the receipt: `view.receivedAt`) so the
 * paper matches the one handed over.
 */

export type FormPdfOptions = { sets?: readonly FormSet[] };

/** No form set was in force on the day (before 2019-01-06 with the built-in sets). */
export class NoFormSetError extends NotFoundError {
  constructor(date: string) {
    super('form_set_not_found', `Không có bộ biểu mẫu một cửa áp dụng cho ngày ${date}.`);
  }
}

async function render(
  purpose: FormPurpose,
  values: FormValues,
  at: Date,
  subject: string | null,
  options: FormPdfOptions,
): Promise<Buffer> {
  const date = toLocal(at).date;
  const set = formSetAt(date, options.sets ?? FORM_SETS);
  if (!set) {
    throw new NoFormSetError(date);
  }
  return renderFormPdf(set.templates[purpose], values, {
    createdAt: at,
    ...(subject !== null ? { subject } : {}),
  });
}

/** Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả (A5). */
export function receiptPdf(view: ReceiptView, at: Date, options: FormPdfOptions = {}): Promise<Buffer> {
  return render('receipt', receiptValues(view, at), at, view.dossierCode, options);
}

/** Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (A5). */
export function supplementPdf(view: SupplementView, at: Date, options: FormPdfOptions = {}): Promise<Buffer> {
  return render('supplement', supplementValues(view, at), at, view.dossierCode, options);
}

/** Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ (A5). */
export function refusalPdf(view: RefusalView, at: Date, options: FormPdfOptions = {}): Promise<Buffer> {
  return render('refusal', refusalValues(view, at), at, view.dossierCode, options);
}

/** Mẫu 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả (A5). */
export function apologyPdf(view: ApologyView, at: Date, options: FormPdfOptions = {}): Promise<Buffer> {
  return render('apology', apologyValues(view, at), at, view.dossierCode, options);
}

/** Mẫu 05: Phiếu kiểm soát quá trình giải quyết hồ sơ (A5). */
export function controlSlipPdf(
  view: ControlSlipView,
  at: Date,
  options: FormPdfOptions = {},
): Promise<Buffer> {
  return render('control', controlSlipValues(view, at), at, view.dossierCode, options);
}

/** Mẫu 06: Sổ theo dõi hồ sơ (A4 landscape; the table runs over as many pages as needed). */
export function trackingBookPdf(
  view: TrackingBookView,
  at: Date,
  options: FormPdfOptions = {},
): Promise<Buffer> {
  return render('book', trackingBookValues(view, at), at, null, options);
}
