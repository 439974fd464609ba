import { confidenceLabels, onlineLevelLabels, procedureMessages } from './procedures.messages.js';
import { TEMPLATE_TYPES, type Fee, type TimeLimitKind } from './procedures.model.js';
import type { Procedure, ProcedureTemplate } from './procedures.service.js';
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

/** 24 576 → "24 kB", 1 572 864 → "1,5 MB" (Vietnamese decimal comma). */
export function fileSizeText(bytes: number): string {
  if (bytes < 1024 * 1024) {
    return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  }
  return `${(Math.round((bytes / (1024 * 1024)) * 10) / 10).toString().replace('.', ',')} MB`;
}

/**
 * The detail page's view of a procedure (pure). Each document shows the download link of its template, if it has
 * one (`templateHref` builds the link from the template's id).
 */
export function toDetailView(
  p: Procedure,
  backHref: string,
  templates: readonly ProcedureTemplate[] = [],
  templateHref: (id: number) => string = () => '',
): ProcedureDetailView {
  const fee = feeText(p.fee);
  const byDocument = new Map(templates.map((t) => [t.documentName, t]));
  const online = p.onlineTimeLimit;
  return {
    code: p.code,
    name: p.name,
    field: p.field,
    level: onlineLevelLabels[p.onlineLevel],
    timeLimit: timeLimitText(p.timeLimit.kind, p.timeLimit.amount, p.timeLimit.after15),
    onlineTimeLimit: online ? timeLimitText(online.kind, online.amount, online.after15) : null,
    fee: fee.main,
    feeNote: fee.note,
    documents: p.documents.map((doc) => {
      const t = byDocument.get(doc.name);
      return {
        name: doc.required || /\(nếu có\)/i.test(doc.name) ? doc.name : `${doc.name} ${d.optional}`,
        kind: doc.original === true ? d.original : doc.original === false ? d.copy : null,
        template: t
          ? {
              href: templateHref(t.id),
              document: doc.name,
              info: d.fileInfo(TEMPLATE_TYPES[t.mime].label, fileSizeText(t.size)),
            }
          : null,
      };
    }),
    legalBasis: p.legalBasis,
    resultType: p.resultType,
    steps: p.steps.map((s) => ({ name: s.name, share: d.stepShare(s.share) })),
    confidence: confidenceLabels[p.confidence],
    backHref,
  };
}
