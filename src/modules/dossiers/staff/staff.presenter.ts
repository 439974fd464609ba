import { formatDateTime } from '../../../platform/time.js';
import type { Role } from '../../accounts/roles.js';
import { availableActions, CLOCK_RUNNING, type DossierAction } from '../dossier-workflow.js';
import { dossierMessages as m } from '../dossiers.messages.js';
import type { DossierEventRow, DossierFileRow, DossierRow } from '../dossiers.repository.js';

/* What the staff pages show of a dossier: pure, from rows to display strings. */

export type Urgency = 'overdue' | 'due_soon' | 'ok' | 'ended' | 'paused';

/** Where a dossier stands against its due date, said in words (never by colour alone). */
export function urgencyOf(
  d: Pick<DossierRow, 'status' | 'dueAt'>,
  now: Date,
  dueSoonHours: number,
): { urgency: Urgency; label: string } {
  if (d.status === 'supplement_requested') {
    return { urgency: 'paused', label: 'Tạm dừng, chờ bổ sung' };
  }
  if (!CLOCK_RUNNING.has(d.status) || d.dueAt === null) {
    return { urgency: 'ended', label: '' };
  }
  const left = new Date(d.dueAt).getTime() - now.getTime();
  if (left < 0) {
    return { urgency: 'overdue', label: 'Quá hạn' };
  }
  if (left < dueSoonHours * 3_600_000) {
    return { urgency: 'due_soon', label: 'Sắp đến hạn' };
  }
  return { urgency: 'ok', label: 'Trong hạn' };
}

export type DocumentEntry = { name: string; original: boolean | null; required: boolean; provided: boolean };

export function documentsOf(d: Pick<DossierRow, 'documents'>): DocumentEntry[] {
  try {
    const parsed = JSON.parse(d.documents) as unknown;
    return Array.isArray(parsed) ? (parsed as DocumentEntry[]) : [];
  } catch {
    return [];
  }
}

export type EventView = {
  at: string;
  who: string;
  action: string;
  status: string;
  reason: string | null;
  extra: string | null;
};

/** One line of the history: when, who, what, the status reached, and what else the event carried. */
export function eventView(e: DossierEventRow): EventView {
  const data = safeJson(e.data);
  const extras: string[] = [];
  if (typeof data.assigneeName === 'string') {
    extras.push(`Chuyên viên: ${data.assigneeName}`);
  }
  if (Array.isArray(data.documents) && data.documents.length > 0) {
    extras.push(`Giấy tờ cần bổ sung: ${(data.documents as string[]).join('; ')}`);
  }
  if (typeof data.newDueAt === 'string') {
    extras.push(`Hẹn mới: ${formatDateTime(data.newDueAt)}`);
  }
  if (typeof data.via === 'string') {
    extras.push(m.returnMethod[data.via as keyof typeof m.returnMethod] ?? data.via);
  }
  if (typeof data.feeVnd === 'number') {
    extras.push(`Phí, lệ phí: ${data.feeVnd.toLocaleString('vi-VN')} đồng`);
  }
  return {
    at: formatDateTime(e.at),
    who: e.actorName,
    action: m.action[e.action as keyof typeof m.action] ?? e.action,
    status: m.status[e.toStatus],
    reason: e.reason,
    extra: extras.length > 0 ? extras.join(' · ') : null,
  };
}

function safeJson(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export type FileView = { id: number; name: string; document: string | null; size: string; kind: string };

export const fileView = (f: DossierFileRow): FileView => ({
  id: f.id,
  name: f.fileName,
  document: f.documentName,
  size:
    f.size >= 1_000_000
      ? `${(f.size / 1_000_000).toFixed(1)} MB`
      : `${Math.max(1, Math.round(f.size / 1000))} KB`,
  kind: f.kind === 'result' ? 'Kết quả' : 'Thành phần hồ sơ',
});

/** The slips (forms of the set in force) that make sense for the dossier now. */
export function slipsOf(d: Pick<DossierRow, 'receivedAt' | 'supplementCount' | 'status' | 'apologyCount'>) {
  const slips: { form: string; label: string }[] = [];
  if (d.receivedAt !== null) {
    slips.push({ form: 'receipt', label: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)' });
  }
  if (d.supplementCount > 0) {
    slips.push({ form: 'supplement', label: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)' });
  }
  if (d.status === 'refused') {
    slips.push({ form: 'refusal', label: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03)' });
  }
  if (d.apologyCount > 0) {
    slips.push({ form: 'apology', label: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)' });
  }
  slips.push({ form: 'control', label: 'Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05)' });
  return slips;
}

/** The actions to offer as forms, in the order of the work. */
export function actionsFor(
  d: Pick<DossierRow, 'status' | 'assigneeId'>,
  actor: { id: number; roles: readonly Role[] },
) {
  return availableActions(d, actor).map((action: DossierAction) => ({ action, label: m.action[action] }));
}
