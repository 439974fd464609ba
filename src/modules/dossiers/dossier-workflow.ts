import type { Role } from '../accounts/roles.js';

/*
 * The one-stop dossier workflow as data (issue #3 item 4; domain.md §1.1, §1.4): the statuses, the national sync
 * status code each maps to, and for each action the statuses it may start from, where it leads and who may take it.
 * Pure: the service loads the dossier, asks `checkAction`, and writes what it decided in one transaction.
 *
 * Decree 61/2018 steps: tiếp nhận (receive) → chuyển xử lý (assign) → thẩm định (the specialist's work) → trình
 * (submit for approval) → phê duyệt (approve) → trả kết quả (return), with the side branches bổ sung (supplement,
 * Art. 19: the clock restarts), từ chối (refuse, Arts. 17 and 19), xin lỗi/hẹn lại (apology, Art. 19, once), công dân
 * rút hồ sơ (withdraw) and dừng xử lý (stop).
 */

export const DOSSIER_STATUSES = [
  'submitted',
  'received',
  'processing',
  'awaiting_approval',
  'supplement_requested',
  'done',
  'returned',
  'refused',
  'withdrawn',
  'stopped',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/**
 * The national sync status codes 1–10 (domain.md §1.4, list TRANGTHAIHOSO). 6 (Yêu cầu thực hiện nghĩa vụ tài chính)
 * has no status of its own here: fees are recorded on a dossier in any open status.
 */
export const NATIONAL_STATUS: Readonly<Record<DossierStatus, number>> = {
  submitted: 1,
  received: 2,
  refused: 3,
  processing: 4,
  awaiting_approval: 4,
  supplement_requested: 5,
  withdrawn: 7,
  stopped: 8,
  done: 9,
  returned: 10,
};

/**
 * Statuses that end processing: the dossier's end time (Decision 766, domain.md §1.5) is the first instant it enters
 * one of them. 'done' still waits for the return of the result, but processing has ended.
 */
export const ENDING_STATUSES: ReadonlySet<DossierStatus> = new Set([
  'done',
  'returned',
  'refused',
  'withdrawn',
  'stopped',
]);
/** Statuses where staff still have work to do (the work queues). */
export const OPEN_STATUSES: readonly DossierStatus[] = [
  'submitted',
  'received',
  'processing',
  'awaiting_approval',
  'supplement_requested',
  'done',
];
/** Statuses whose due date still runs (a supplement request stops the clock). */
export const CLOCK_RUNNING: ReadonlySet<DossierStatus> = new Set([
  'received',
  'processing',
  'awaiting_approval',
]);

export const CHANNELS = ['counter', 'online', 'post'] as const;
export type Channel = (typeof CHANNELS)[number];
/** KenhThucHien: 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích (domain.md §1.4). */
export const NATIONAL_CHANNEL: Readonly<Record<Channel, number>> = { counter: 1, online: 2, post: 3 };

export const RETURN_METHODS = ['counter', 'electronic', 'post'] as const;
export type ReturnMethod = (typeof RETURN_METHODS)[number];

export const ACTIONS = [
  'receive',
  'assign',
  'request_supplement',
  'complete_supplement',
  'submit_for_approval',
  'send_back',
  'approve',
  'refuse',
  'apologise',
  'withdraw',
  'stop',
  'return_result',
  'record_fee',
] as const;
export type DossierAction = (typeof ACTIONS)[number];

export type ActionRule = {
  from: readonly DossierStatus[];
  /** 'same': the status does not change (apology, fee). 'resume': back to processing if assigned, else received. */
  to: DossierStatus | 'same' | 'resume';
  roles: readonly Role[];
  /** A reason the actor must write (it is printed on the slip and sent to the citizen). */
  reason: boolean;
  /** Only the assigned specialist (or a leader or admin of the unit) may take it. */
  assigneeOnly?: boolean;
};

const BEFORE_RESULT: readonly DossierStatus[] = [
  'submitted',
  'received',
  'processing',
  'awaiting_approval',
  'supplement_requested',
];

export const ACTION_RULES: Readonly<Record<DossierAction, ActionRule>> = {
  receive: { from: ['submitted'], to: 'received', roles: ['one_stop_officer'], reason: false },
  assign: {
    from: ['received', 'processing'],
    to: 'processing',
    roles: ['one_stop_officer', 'leader'],
    reason: false,
  },
  request_supplement: {
    from: ['submitted', 'received', 'processing'],
    to: 'supplement_requested',
    roles: ['one_stop_officer', 'specialist', 'leader'],
    reason: true,
  },
  complete_supplement: {
    from: ['supplement_requested'],
    to: 'resume',
    roles: ['one_stop_officer'],
    reason: false,
  },
  submit_for_approval: {
    from: ['processing'],
    to: 'awaiting_approval',
    roles: ['specialist', 'leader'],
    reason: false,
    assigneeOnly: true,
  },
  send_back: { from: ['awaiting_approval'], to: 'processing', roles: ['leader'], reason: true },
  approve: { from: ['awaiting_approval'], to: 'done', roles: ['leader'], reason: false },
  refuse: {
    from: ['submitted', 'received', 'processing', 'awaiting_approval'],
    to: 'refused',
    roles: ['one_stop_officer', 'specialist', 'leader'],
    reason: true,
  },
  apologise: {
    from: ['received', 'processing', 'awaiting_approval'],
    to: 'same',
    roles: ['one_stop_officer', 'leader'],
    reason: true,
  },
  withdraw: { from: BEFORE_RESULT, to: 'withdrawn', roles: ['one_stop_officer'], reason: true },
  stop: { from: BEFORE_RESULT, to: 'stopped', roles: ['leader'], reason: true },
  return_result: { from: ['done'], to: 'returned', roles: ['one_stop_officer'], reason: false },
  record_fee: {
    from: [...BEFORE_RESULT, 'done'],
    to: 'same',
    roles: ['one_stop_officer'],
    reason: false,
  },
};

/** What the workflow needs to know about a dossier. */
export type WorkflowState = {
  status: DossierStatus;
  assigneeId: number | null;
};

export type ActionRefusal = 'not_in_status' | 'role_required' | 'not_assignee' | 'reason_required';

/** The status an action leads to from `state`. */
export function nextStatus(state: WorkflowState, action: DossierAction): DossierStatus {
  const to = ACTION_RULES[action].to;
  if (to === 'same') {
    return state.status;
  }
  if (to === 'resume') {
    return state.assigneeId === null ? 'received' : 'processing';
  }
  return to;
}

/**
 * May `actor` (its roles in the dossier's unit) take `action` on the dossier now? The first reason it may not, in
 * the order a person would want to hear it: the status, then the role, then the assignment, then the missing reason.
 */
export function checkAction(
  state: WorkflowState,
  action: DossierAction,
  actor: { id: number; roles: readonly Role[] },
  reason: string | null,
): { ok: true; to: DossierStatus } | { ok: false; refusal: ActionRefusal } {
  const rule = ACTION_RULES[action];
  if (!rule.from.includes(state.status)) {
    return { ok: false, refusal: 'not_in_status' };
  }
  const isAdmin = actor.roles.includes('admin');
  if (!isAdmin && !actor.roles.some((r) => rule.roles.includes(r))) {
    return { ok: false, refusal: 'role_required' };
  }
  if (
    rule.assigneeOnly === true &&
    !isAdmin &&
    !actor.roles.includes('leader') &&
    state.assigneeId !== actor.id
  ) {
    return { ok: false, refusal: 'not_assignee' };
  }
  if (rule.reason && (reason === null || reason.trim() === '')) {
    return { ok: false, refusal: 'reason_required' };
  }
  return { ok: true, to: nextStatus(state, action) };
}

/** The actions `actor` may take on the dossier now (the buttons the staff page shows). */
export function availableActions(
  state: WorkflowState,
  actor: { id: number; roles: readonly Role[] },
): DossierAction[] {
  return ACTIONS.filter((a) => {
    const r = checkAction(state, a, actor, 'x');
    return r.ok;
  });
}

/** Does entering `to` from `from` end processing (sets the dossier's end time, Decision 766)? */
export const endsProcessing = (from: DossierStatus, to: DossierStatus): boolean =>
  !ENDING_STATUSES.has(from) && ENDING_STATUSES.has(to);
