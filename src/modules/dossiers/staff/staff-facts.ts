import { formatDateTime } from '../../../platform/time.js';
import { NATIONAL_STATUS } from '../dossier-workflow.js';
import { dossierMessages as m } from '../dossiers.messages.js';
import type { DossierRow } from '../dossiers.repository.js';
import { paymentMessages } from '../payments/payments.messages.js';
import { staffMessages } from './staff.messages.js';

const s = staffMessages.detail;
const vnd = (n: number) => n.toLocaleString('vi-VN');

/** The facts of a dossier as label/value pairs for the staff page (staff see the applicant's full details). */
export function dossierFacts(
  d: DossierRow,
  assignees: { id: number; name: string }[],
  /** The dossier's online payments, one line each (payments.presenter.ts, staffPaymentLine). */
  payments: string[] = [],
): { label: string; value: string }[] {
  const facts: [string, string | null][] = [
    [s.status, `${m.status[d.status]} (${s.nationalStatus(NATIONAL_STATUS[d.status])})`],
    [s.procedure, `${d.procedureName} (${d.procedureCode})`],
    [s.channel, m.channel[d.channel]],
    [s.applicant, d.applicantName],
    [s.idNumber, d.applicantIdNumber],
    [s.phone, d.applicantPhone],
    [s.email, d.applicantEmail],
    [s.address, d.applicantAddress || null],
    [s.summaryText, d.requestSummary || null],
    [s.received, d.receivedAt ? formatDateTime(d.receivedAt) : null],
    [
      s.due,
      d.dueAt
        ? `${formatDateTime(d.dueAt)}${d.dueProvisional === 1 ? ` (${s.provisional})` : ''} — ${s.rule(d.dueRuleVersion ?? '')}`
        : null,
    ],
    [s.stepDue, d.stepDueAt && d.stepDueAt !== d.dueAt ? formatDateTime(d.stepDueAt) : null],
    [
      s.assignee,
      d.assigneeId === null
        ? s.none
        : (assignees.find((a) => a.id === d.assigneeId)?.name ?? `#${d.assigneeId}`),
    ],
    [s.ended, d.endedAt ? formatDateTime(d.endedAt) : null],
    [s.returnMethod, m.returnMethod[d.returnMethod]],
    [
      s.fee,
      d.feePaidVnd !== null && d.feePaidAt
        ? s.feePaid(vnd(d.feePaidVnd), formatDateTime(d.feePaidAt))
        : d.feeVnd
          ? s.feeDue(vnd(d.feeVnd))
          : null,
    ],
    [paymentMessages.staff.heading, payments.length > 0 ? payments.join('; ') : null],
  ];
  return facts
    .filter((f): f is [string, string] => f[1] !== null)
    .map(([label, value]) => ({ label, value }));
}
