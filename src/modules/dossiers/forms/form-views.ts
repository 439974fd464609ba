import type { LocalDate } from '../../calendar/local-time.js';

/*
 * What each one-stop form prints, as plain data independent of the database (domain.md §1.2). The dossier workflow
 * builds these from its rows and passes them to the entry functions of form-pdfs.ts. Instants are `Date`s and are
 * printed in Vietnam time; an optional field left out (or null, or blank) prints as a dotted leader for handwriting.
 */

/** The unit that issues the form: the one-stop unit of a commune, or the competent agency (form 04). */
export type UnitHeader = {
  /** e.g. "UBND xã Tân Hồng". */
  name: string;
  /** The governing body printed above the name, e.g. "UBND tỉnh Hải Phòng". */
  parentName: string | null;
  /** The unit's identifier code (Circular 10/2016/TT-BTTTT), e.g. "000.00.13.H12". */
  agencyCode: string | null;
  /** The place written before the date ("Tân Hồng, ngày …"). */
  place?: string | null;
};

export type Applicant = {
  name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
};

/** A document of the dossier; `original`: true for an original (bản chính), false for a copy, null if not noted. */
export type DossierDocument = { name: string; copies: number | null; original: boolean | null };

/** Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
export type ReceiptView = {
  unit: UnitHeader;
  /** The receipt's own number ("Số: …/TNHS"). */
  number?: string | null;
  dossierCode: string;
  /** The tracking book's volume (quyển số) and the dossier's line in it (số thứ tự). */
  bookNumber?: string | null;
  bookSequence?: number | null;
  applicant: Applicant;
  requestSummary: string;
  procedureName: string;
  documents: readonly DossierDocument[];
  /** Number of dossier sets (bộ). */
  sets: number;
  /** The legal processing time, e.g. "05 ngày làm việc". */
  timeLimitText: string;
  receivedAt: Date;
  dueAt: Date;
  /** Where or how the result is returned. */
  returnPlace: string;
  /** The public look-up page of this dossier, encoded in the QR code. */
  lookupUrl: string;
  receiverName: string;
};

/** Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
export type SupplementView = {
  unit: UnitHeader;
  /** "Số: …/HDHS". */
  number?: string | null;
  dossierCode: string;
  applicant: Applicant;
  requestSummary: string;
  procedureName: string;
  /** The documents to add or complete. */
  documents: readonly DossierDocument[];
  reason: string;
  /** Where the applicant can read the procedure's rules (a page of the portal). */
  rulesUrl?: string | null;
  guidance: { officerName: string; phone: string | null };
};

/** Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
export type RefusalView = {
  unit: UnitHeader;
  number?: string | null;
  /** Null when the dossier was refused before it got a code. */
  dossierCode: string | null;
  applicant: Applicant;
  requestSummary: string;
  procedureName: string;
  reason: string;
  receiverName: string;
};

/** Mẫu 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả, issued by the competent agency. */
export type ApologyView = {
  /** The agency that processes the dossier and apologises. */
  unit: UnitHeader;
  number?: string | null;
  dossierCode: string;
  applicant: Applicant;
  procedureName: string;
  receivedAt: Date;
  /** The appointment that was missed. */
  dueAt: Date;
  reason: string;
  newDueAt: Date;
  /** The head of the agency who signs, e.g. { position: 'Chủ tịch', name: 'Trần Văn Bình' }. */
  signer: { position: string; name: string };
};

export type StepResult = 'Trước hạn' | 'Đúng hạn' | 'Quá hạn';

/** One hand-over of the dossier between units or people. */
export type ControlSlipRow = {
  fromUnit: string;
  fromPerson: string | null;
  toUnit: string;
  toPerson: string | null;
  handedOverAt: Date | null;
  /** The result of the step that ends with this hand-over; null while it is not known. */
  result: StepResult | null;
  note: string | null;
};

/** Mẫu 05: Phiếu kiểm soát quá trình giải quyết hồ sơ. */
export type ControlSlipView = {
  unit: UnitHeader;
  dossierCode: string;
  applicant: Applicant;
  requestSummary: string;
  procedureName: string;
  rows: readonly ControlSlipRow[];
};

/** One dossier in the tracking book (the columns of Mẫu 06). */
export type TrackingBookRow = {
  /** The line number, continuous through the year (Circular 01/2018 Art. 10). */
  sequence: number;
  dossierCode: string;
  procedureName: string;
  sets: number;
  applicantName: string;
  applicantAddress: string | null;
  applicantPhone: string | null;
  /** The agency that leads the processing. */
  leadAgency: string | null;
  receivedAt: Date;
  dueAt: Date;
  transferredAt: Date | null;
  resultReceivedAt: Date | null;
  returnedAt: Date | null;
  note: string | null;
};

/** Mẫu 06: Sổ theo dõi hồ sơ, for a period (a year, or part of one). */
export type TrackingBookView = {
  unit: UnitHeader;
  bookNumber?: string | null;
  period: { from: LocalDate; to: LocalDate };
  rows: readonly TrackingBookRow[];
};
