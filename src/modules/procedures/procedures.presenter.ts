import { confidenceLabels, onlineLevelLabels, procedureMessages } from './procedures.messages.js';
import type { Fee, TimeLimitKind } from './procedures.model.js';
import type { Procedure } from './procedures.service.js';
import type { ProcedureDetailView } from './views/ProcedurePublicPages.js';

const t = procedureMessages.timeLimit;
const f = procedureMessages.fee;
const d = procedureMessages.detail;

/** 50000 → "50.000" (Vietnamese thousands separator). */
export function formatVnd(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** "03 ngày làm việc", "Trong ngày (nhận sau 15 giờ trả ngày làm việc tiếp theo)", "02 giờ làm việc". */
export function timeLimitText(kind: TimeLimitKind, amount: number, after15: boolean): string {
  const base = kind === 'same_day' ? t.sameDay : `${String(amount).padStart(2, '0')} ${t[kind]}`;
  return after15 ? `${base} (${t.after15})` : base;
}

/** "Miễn phí", "50.000 đồng", "2.000 đồng/trang, tối đa 200.000 đồng", "Theo quy định"; the note follows. */
export function feeText(fee: Fee): { main: string; note: string | null } {
  let main: string;
  if (fee.kind === 'exempt') {
    main = f.exempt;
  } else if (fee.kind === 'per_page') {
    const page = f.perPage(formatVnd(fee.perPageVnd ?? 0));
    main = fee.capVnd === null ? page : `${page}, ${f.cap(formatVnd(fee.capVnd))}`;
  } else {
    main = fee.vnd === null ? f.unknown : f.vnd(formatVnd(fee.vnd));
  }
  return { main, note: fee.note };
}

/** The detail page's view of a procedure (pure). */
export function toDetailView(p: Procedure, backHref: string): ProcedureDetailView {
  const fee = feeText(p.fee);
  return {
    code: p.code,
    name: p.name,
    field: p.field,
    level: onlineLevelLabels[p.onlineLevel],
    timeLimit: timeLimitText(p.timeLimit.kind, p.timeLimit.amount, p.timeLimit.after15),
    fee: fee.main,
    feeNote: fee.note,
    documents: p.documents.map((doc) => ({
      name: doc.required || /\(nếu có\)/i.test(doc.name) ? doc.name : `${doc.name} ${d.optional}`,
      kind: doc.original === true ? d.original : doc.original === false ? d.copy : null,
    })),
    legalBasis: p.legalBasis,
    resultType: p.resultType,
    steps: p.steps.map((s) => ({ name: s.name, share: d.stepShare(s.share) })),
    confidence: confidenceLabels[p.confidence],
    backHref,
  };
}
