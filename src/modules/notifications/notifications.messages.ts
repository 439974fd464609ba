import { formatDate, formatDateTime } from '../../platform/time.js';

/*
 * The Vietnamese messages sent to citizens about their dossiers (Decree 61/2018 Arts. 17, 19, 20; Circular 01/2018
 * forms 01, 02 and 04). Each template gives an e-mail (subject + plain text), a short text for SMS and Zalo, and the
 * parameters a Zalo ZNS template needs. Dates are shown as dd/mm/yyyy HH:mm in Asia/Ho_Chi_Minh.
 */

/** What a dossier notice says; the dossiers module fills it in. Instants are Date or ISO strings. */
export type DossierNoticeView = {
  /** The sender as citizens know it, e.g. "UBND xã Tân Hồng". */
  unitName: string;
  dossierCode: string;
  procedureName: string;
  applicantName: string;
  receivedAt: Date | string;
  dueAt: Date | string;
  /** Where the citizen looks the dossier up (absolute URL). */
  lookupUrl: string;
  /** Supplement: what is missing and why; apology: why the dossier is late. */
  reason?: string | undefined;
  /** Supplement: every document or correction asked for, one line each. */
  documents?: readonly string[] | undefined;
  /** Apology: the new appointment. */
  newDueAt?: Date | string | undefined;
  /** How the result is returned, e.g. "Nhận trực tiếp tại Bộ phận Một cửa". */
  resultMethod?: string | undefined;
};

export type SupplementView = DossierNoticeView & { reason: string; documents: readonly string[] };
export type ApologyView = DossierNoticeView & { reason: string; newDueAt: Date | string };
export type RefusalView = DossierNoticeView & { reason: string };

export type RenderedNotice = {
  subject: string;
  /** The e-mail's plain-text body (also sent to Zalo). */
  text: string;
  /** SMS text: at most 160 characters where the content allows, never a personal ID number. */
  sms: string;
  /** Parameters for gateways that render their own template (Zalo ZNS). */
  params: Record<string, string>;
};

export const SMS_MAX = 160;

/** "26/11/2026 14:30" in Vietnam time. */
export function dateTimeVn(instant: Date | string): string {
  return formatDateTime(instant).slice(0, 16);
}

/** The sentence that announces the attached slip or result, when there is one. */
const ATTACHED = {
  receipt: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả được gửi kèm thư này.',
  supplement: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ được gửi kèm thư này.',
  result_ready: 'Kết quả giải quyết (bản điện tử) được gửi kèm thư này.',
  apology: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả được gửi kèm thư này.',
  refusal: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ được gửi kèm thư này.',
} as const;

const attachedLine = (kind: keyof typeof ATTACHED, attached: boolean) =>
  attached ? ['', ATTACHED[kind]] : [];

const FOOTER = (v: DossierNoticeView) => [
  '',
  `Ông/Bà có thể tra cứu tình trạng hồ sơ bằng mã hồ sơ tại: ${v.lookupUrl}`,
  '',
  'Đây là thư gửi tự động, xin vui lòng không trả lời thư này.',
  v.unitName,
];

const greeting = (v: DossierNoticeView) => [`Kính gửi Ông/Bà ${v.applicantName},`, ''];

/** The first SMS variant that fits in SMS_MAX characters, else the shortest. */
function shortest(...variants: string[]): string {
  return variants.find((s) => [...s].length <= SMS_MAX) ?? variants[variants.length - 1] ?? '';
}

function paramsOf(v: DossierNoticeView): Record<string, string> {
  const p: Record<string, string> = {
    unitName: v.unitName,
    dossierCode: v.dossierCode,
    procedureName: v.procedureName,
    applicantName: v.applicantName,
    receivedAt: dateTimeVn(v.receivedAt),
    dueAt: dateTimeVn(v.dueAt),
    lookupUrl: v.lookupUrl,
  };
  if (v.reason) {
    p.reason = v.reason;
  }
  if (v.documents?.length) {
    p.documents = v.documents.join('; ');
  }
  if (v.newDueAt) {
    p.newDueAt = dateTimeVn(v.newDueAt);
  }
  if (v.resultMethod) {
    p.resultMethod = v.resultMethod;
  }
  return p;
}

/** Form 01 by e-mail: the dossier is received, with its code and the appointment for the result (Art. 17). */
export function receiptNotice(v: DossierNoticeView, attached = false): RenderedNotice {
  const due = dateTimeVn(v.dueAt);
  const text = [
    ...greeting(v),
    `${v.unitName} đã tiếp nhận hồ sơ của Ông/Bà.`,
    '',
    `Mã hồ sơ: ${v.dossierCode}`,
    `Thủ tục: ${v.procedureName}`,
    `Thời gian tiếp nhận: ${dateTimeVn(v.receivedAt)}`,
    `Thời gian hẹn trả kết quả: ${due}`,
    ...(v.resultMethod ? [`Hình thức nhận kết quả: ${v.resultMethod}`] : []),
    ...attachedLine('receipt', attached),
    ...FOOTER(v),
  ].join('\n');
  return {
    subject: `Tiếp nhận hồ sơ ${v.dossierCode} và hẹn trả kết quả`,
    text,
    sms: shortest(
      `${v.unitName} đã tiếp nhận hồ sơ ${v.dossierCode}, hẹn trả kết quả ${due}. Tra cứu: ${v.lookupUrl}`,
      `${v.unitName} đã tiếp nhận hồ sơ ${v.dossierCode}, hẹn trả kết quả ${due}.`,
      `Đã tiếp nhận hồ sơ ${v.dossierCode}, hẹn trả ${due}.`,
    ),
    params: paramsOf(v),
  };
}

/**
 * Form 02 by e-mail: what to add or correct, with the reason, all of it in one message. Decree 61 Art. 17 asks the
 * officer to guide the citizen once and completely, so the SMS carries the whole list too, even past 160 characters.
 */
export function supplementNotice(v: SupplementView, attached = false): RenderedNotice {
  if (!v.reason.trim() || v.documents.length === 0) {
    throw new Error('supplementNotice: a supplement request needs the reason and the full list of documents');
  }
  const list = v.documents.map((d, i) => `${i + 1}. ${d}`);
  const text = [
    ...greeting(v),
    `Hồ sơ ${v.dossierCode} (thủ tục: ${v.procedureName}), tiếp nhận lúc ${dateTimeVn(v.receivedAt)}, cần được bổ sung, hoàn thiện.`,
    '',
    `Lý do: ${v.reason}`,
    '',
    'Đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:',
    ...list,
    '',
    'Đây là hướng dẫn một lần, đầy đủ các nội dung cần bổ sung, hoàn thiện đối với hồ sơ này.',
    ...attachedLine('supplement', attached),
    ...FOOTER(v),
  ].join('\n');
  return {
    subject: `Yêu cầu bổ sung, hoàn thiện hồ sơ ${v.dossierCode}`,
    text,
    sms: `${v.unitName}: hồ sơ ${v.dossierCode} cần bổ sung. Lý do: ${v.reason}. Cần bổ sung: ${v.documents.join('; ')}.`,
    params: paramsOf(v),
  };
}

/** The result is ready (Art. 20: early return is announced by SMS, e-mail or phone). */
export function resultReadyNotice(v: DossierNoticeView, attached = false): RenderedNotice {
  const text = [
    ...greeting(v),
    `Hồ sơ ${v.dossierCode} (thủ tục: ${v.procedureName}) của Ông/Bà đã có kết quả giải quyết.`,
    '',
    `Mã hồ sơ: ${v.dossierCode}`,
    `Thời gian hẹn trả kết quả: ${dateTimeVn(v.dueAt)}`,
    ...(v.resultMethod ? [`Hình thức nhận kết quả: ${v.resultMethod}`] : []),
    '',
    'Khi đến nhận kết quả trực tiếp, Ông/Bà vui lòng mang theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả.',
    ...attachedLine('result_ready', attached),
    ...FOOTER(v),
  ].join('\n');
  return {
    subject: `Hồ sơ ${v.dossierCode} đã có kết quả`,
    text,
    sms: shortest(
      `${v.unitName}: hồ sơ ${v.dossierCode} đã có kết quả. Tra cứu: ${v.lookupUrl}`,
      `${v.unitName}: hồ sơ ${v.dossierCode} đã có kết quả.`,
      `Hồ sơ ${v.dossierCode} đã có kết quả.`,
    ),
    params: paramsOf(v),
  };
}

/**
 * Form 04 by e-mail: the apology for a late dossier with its reason and the new appointment (Art. 19: sent no later
 * than one day before the due time; the new appointment may be made only once; the dossiers module enforces both).
 */
export function apologyNotice(v: ApologyView, attached = false): RenderedNotice {
  if (!v.reason.trim()) {
    throw new Error('apologyNotice: an apology needs the reason for the delay');
  }
  const newDue = dateTimeVn(v.newDueAt);
  const text = [
    ...greeting(v),
    `Ngày ${formatDate(v.receivedAt)}, ${v.unitName} tiếp nhận hồ sơ của Ông/Bà:`,
    `Mã hồ sơ: ${v.dossierCode}`,
    `Thủ tục: ${v.procedureName}`,
    `Thời gian hẹn trả kết quả: ${dateTimeVn(v.dueAt)}`,
    '',
    'Hồ sơ của Ông/Bà không thể trả kết quả đúng thời gian đã hẹn.',
    `Lý do: ${v.reason}`,
    '',
    `${v.unitName} xin lỗi Ông/Bà vì sự chậm trễ này và hẹn lại thời gian trả kết quả: ${newDue}.`,
    ...attachedLine('apology', attached),
    ...FOOTER(v),
  ].join('\n');
  return {
    subject: `Phiếu xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${v.dossierCode}`,
    text,
    sms: shortest(
      `${v.unitName} xin lỗi: hồ sơ ${v.dossierCode} chậm trả kết quả, hẹn lại ${newDue}. Lý do: ${v.reason}`,
      `${v.unitName} xin lỗi: hồ sơ ${v.dossierCode} chậm trả kết quả, hẹn lại ${newDue}.`,
      `Xin lỗi: hồ sơ ${v.dossierCode} chậm trả kết quả, hẹn lại ${newDue}.`,
    ),
    params: paramsOf(v),
  };
}

/** Form 03 by e-mail: the dossier is refused, with the precise reason (Decree 61 Arts. 17 and 19). */
export function refusalNotice(v: RefusalView, attached = false): RenderedNotice {
  if (!v.reason.trim()) {
    throw new Error('refusalNotice: a refusal needs its reason');
  }
  const text = [
    ...greeting(v),
    `${v.unitName} không tiếp nhận, giải quyết hồ sơ ${v.dossierCode} (thủ tục: ${v.procedureName}) của Ông/Bà với lý do cụ thể như sau:`,
    v.reason,
    ...attachedLine('refusal', attached),
    ...FOOTER(v),
  ].join('\n');
  return {
    subject: `Từ chối tiếp nhận, giải quyết hồ sơ ${v.dossierCode}`,
    text,
    // The reason is the message: it goes whole, even past 160 characters.
    sms: `${v.unitName}: hồ sơ ${v.dossierCode} không được tiếp nhận, giải quyết. Lý do: ${v.reason}`,
    params: paramsOf(v),
  };
}
