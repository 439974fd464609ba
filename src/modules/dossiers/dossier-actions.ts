/*
 * What each workflow action changes on a dossier (issue #3 item 4), checked against the working calendar and the
 * unit's staff: the due date at receipt and after a complete supplement (Decree 61/2018 Art. 19), the supplement
 * window, the one-time apology, the specialist's step deadline, the electronic return. DossierService applies the
 * result in one transaction.
 */
import type { Db } from '../../platform/db.js';
import { ConflictError, FieldError } from '../../platform/errors.js';
import { formatDateTime, localDate } from '../../platform/time.js';
import type { AccountService } from '../accounts/accounts.service.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import { apologyLatestAt, issueApology } from '../calendar/due-date.js';
import { parseInstant } from '../calendar/local-time.js';
import { dossierRulesAt } from './dossier-rules.js';
import { dossierMessages as m } from './dossiers.messages.js';
import type { DossierRepository, DossierRow } from './dossiers.repository.js';
import type { ActionInput } from './dossiers.schemas.js';
import type { DossierNotice } from './dossiers.service.js';

type PlannerDeps = {
  db: Db;
  repo: DossierRepository;
  calendar: CalendarService;
  accounts: AccountService;
};

export class ActionPlanner {
  constructor(private readonly deps: PlannerDeps) {}

  /** The column changes and event data of an action (validated against the calendar and the unit's staff). */
  async changesOf(
    d: DossierRow,
    input: ActionInput,
    at: Date,
    actorId: number,
  ): Promise<{
    dossier: Partial<DossierRow>;
    data: Record<string, unknown>;
    notice?: DossierNotice['kind'];
  }> {
    const stamp = at.toISOString();
    const limit = { kind: d.timeLimitKind, amount: d.timeLimitAmount, after15: d.after15 === 1 };
    switch (input.action) {
      case 'receive': {
        const due = await this.deps.calendar.dueDate({ unitId: d.unitId, receivedAt: at, ...limit });
        return {
          dossier: {
            receivedAt: stamp,
            receivedBy: actorId,
            dueAt: due.dueAt.toISOString(),
            dueRuleVersion: due.ruleVersion,
            dueNoticeRevision: due.noticeRevision,
            dueProvisional: due.provisional ? 1 : 0,
          },
          data: {},
          notice: 'receipt',
        };
      }
      case 'assign': {
        const assignee = await this.assigneeOf(d.unitId, input.assigneeId);
        return {
          dossier: { assigneeId: assignee.id, stepDueAt: await this.stepDue(d, at) },
          data: { assigneeId: assignee.id, assigneeName: assignee.name },
        };
      }
      case 'request_supplement':
        return this.supplementChanges(d, input, at);
      case 'complete_supplement': {
        // Decree 61/2018 Art. 19: the time limit restarts from zero when the complete dossier arrives.
        const due = await this.deps.calendar.dueDate({ unitId: d.unitId, receivedAt: at, ...limit });
        return {
          dossier: {
            supplementRequestedAt: null,
            ...(d.receivedAt === null ? { receivedAt: stamp } : {}),
            dueAt: due.dueAt.toISOString(),
            dueRuleVersion: due.ruleVersion,
            dueNoticeRevision: due.noticeRevision,
            dueProvisional: due.provisional ? 1 : 0,
          },
          data: { restartedFrom: stamp },
        };
      }
      case 'apologise':
        return this.apologyChanges(d, input, at);
      case 'approve':
        return { dossier: { stepDueAt: null }, data: {}, notice: 'result_ready' };
      case 'refuse':
        return { dossier: { stepDueAt: null }, data: {}, notice: 'refusal' };
      case 'return_result': {
        const via = input.returnedVia ?? d.returnMethod;
        if (
          via === 'electronic' &&
          !(await this.deps.repo.files(this.deps.db, d.id)).some((f) => f.kind === 'result')
        ) {
          throw new FieldError('returnedVia', 'no_result_file', m.field.noResultFile);
        }
        return { dossier: { returnedAt: stamp, returnedVia: via }, data: { via } };
      }
      case 'record_fee': {
        if (input.feeVnd === null) {
          throw new FieldError('feeVnd', 'fee_required', m.field.fee);
        }
        if (input.feeMethod === null) {
          throw new FieldError('feeMethod', 'fee_method_required', m.field.feeMethod);
        }
        return {
          dossier: { feePaidVnd: input.feeVnd, feeMethod: input.feeMethod, feePaidAt: stamp },
          data: { feeVnd: input.feeVnd, feeMethod: input.feeMethod },
        };
      }
      case 'submit_for_approval':
      case 'send_back':
      case 'withdraw':
      case 'stop':
        return { dossier: {}, data: {} };
    }
  }

  private async supplementChanges(d: DossierRow, input: ActionInput, at: Date) {
    if (input.documents.length === 0 && (input.reason ?? '').length === 0) {
      throw new FieldError('reason', 'reason_required', m.field.reason);
    }
    if (d.receivedAt !== null) {
      // Decree 61/2018 Art. 19: within 3 working days of receipt (the rules in force at receipt).
      const rules = dossierRulesAt(localDate(d.receivedAt));
      const window = await this.deps.calendar.dueDate({
        unitId: d.unitId,
        receivedAt: new Date(d.receivedAt),
        kind: 'working_days',
        amount: rules.supplementWindowWorkingDays,
        after15: false,
      });
      if (at.getTime() > window.dueAt.getTime()) {
        throw new ConflictError(
          'supplement_window_closed',
          m.supplementWindowClosed(formatDateTime(window.dueAt)),
        );
      }
    }
    return {
      dossier: { supplementCount: d.supplementCount + 1, supplementRequestedAt: at.toISOString() },
      data: { documents: input.documents },
      notice: 'supplement' as const,
    };
  }

  private async apologyChanges(d: DossierRow, input: ActionInput, at: Date) {
    const newDueAt = input.newDueAt === null ? undefined : parseAppointment(input.newDueAt);
    if (newDueAt === undefined) {
      throw new FieldError('newDueAt', 'new_due_at', m.field.newDueAt);
    }
    const cal = await this.deps.calendar.workingCalendar(d.unitId, at);
    const dueAt = new Date(d.dueAt!); // a received dossier has a due date
    const r = issueApology({ dueAt, now: at, apologiesIssued: d.apologyCount, newDueAt }, cal);
    if (!r.ok) {
      if (r.reason === 'qua_thoi_han_xin_loi') {
        throw new ConflictError(
          r.reason,
          m.apology.qua_thoi_han_xin_loi(formatDateTime(apologyLatestAt(dueAt, cal))),
        );
      }
      if (r.reason === 'chi_duoc_hen_lai_mot_lan') {
        throw new ConflictError(r.reason, m.apology.chi_duoc_hen_lai_mot_lan);
      }
      throw new FieldError('newDueAt', r.reason, m.apology[r.reason]);
    }
    return {
      dossier: { dueAt: r.dueAt.toISOString(), apologyCount: r.apologiesIssued },
      data: { previousDueAt: d.dueAt, newDueAt: r.dueAt.toISOString() },
      notice: 'apology' as const,
    };
  }

  /** The specialist's step deadline: their share of the time limit from now, never after the dossier's due date. */
  private async stepDue(d: DossierRow, at: Date): Promise<string | null> {
    if (d.dueAt === null || d.timeLimitKind !== 'working_days') {
      return d.dueAt;
    }
    const rules = dossierRulesAt(localDate(at));
    const hours = Math.max(1, Math.round((d.timeLimitAmount * 8 * rules.specialistSharePercent) / 100));
    const step = await this.deps.calendar.dueDate({
      unitId: d.unitId,
      receivedAt: at,
      kind: 'working_hours',
      amount: hours,
      after15: false,
    });
    return step.dueAt.getTime() < new Date(d.dueAt).getTime() ? step.dueAt.toISOString() : d.dueAt;
  }

  private async assigneeOf(unitId: number, id: number | null): Promise<{ id: number; name: string }> {
    const found = (await this.assignees(unitId)).find((a) => a.id === id);
    if (!found) {
      throw new FieldError('assigneeId', 'assignee', m.field.assignee);
    }
    return found;
  }

  /** The unit's enabled specialists (and leaders), who can be given a dossier. */
  async assignees(unitId: number): Promise<{ id: number; name: string }[]> {
    const staff = await this.deps.accounts.listStaff(unitId);
    const byId = new Map<number, string>();
    for (const s of staff) {
      if (s.disabled === 0 && (s.role === 'specialist' || s.role === 'leader')) {
        byId.set(s.id, s.fullName);
      }
    }
    return [...byId].map(([id, name]) => ({ id, name }));
  }
}

/**
 * The new appointment as a person types it: a datetime-local value ('2026-02-20T16:00', Vietnam time) or an ISO
 * 8601 instant with its offset.
 */
export function parseAppointment(text: string): Date | undefined {
  const local = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})$/.exec(text);
  if (local) {
    return parseInstant(`${local[1]}T${local[2]}:${local[3]}:00+07:00`);
  }
  return parseInstant(text);
}
