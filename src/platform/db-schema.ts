import type { ColumnType, Generated } from 'kysely';

/*
 * The database as Kysely sees it, after CamelCasePlugin. Written by hand to match migrations/ (ADR 0004 says why
 * there is no codegen); src/platform/schema.db.test.ts checks every column here against the migrated database.
 * Instants are ISO 8601 UTC strings and calendar dates YYYY-MM-DD strings on both dialects; flags are 0/1.
 */
type Instant = string;
type InstantDefault = ColumnType<string, string | undefined, string>;
type Flag = ColumnType<number, number | undefined, number>;

export type UnitKind = 'province' | 'district' | 'commune';

export interface UnitTable {
  id: Generated<number>;
  slug: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  adminCode: string | null;
  agencyCode: string | null;
  host: string | null;
  isDefault: Flag;
  fullName: string;
  address: ColumnType<string, string | undefined, string>;
  phone: ColumnType<string, string | undefined, string>;
  email: ColumnType<string, string | undefined, string>;
  editorName: ColumnType<string, string | undefined, string>;
  editorTitle: ColumnType<string, string | undefined, string>;
  logoPath: string | null;
  isDemo: Flag;
  createdAt: InstantDefault;
  updatedAt: InstantDefault;
}

export interface AccountTable {
  id: Generated<number>;
  kind: 'staff' | 'citizen';
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  passwordHash: string;
  disabled: Flag;
  failedSignIns: ColumnType<number, number | undefined, number>;
  lockedUntil: Instant | null;
  lastSignInAt: Instant | null;
  createdAt: InstantDefault;
  updatedAt: InstantDefault;
}

export interface AccountRoleTable {
  accountId: number;
  unitId: number;
  role: string;
}

export interface SessionTable {
  id: string;
  accountId: number;
  createdAt: Instant;
  expiresAt: Instant;
}

/** A staff account's API token: only its SHA-256 is stored; `prefix` is its first characters, shown in lists. */
export interface ApiTokenTable {
  id: Generated<number>;
  accountId: number;
  name: string;
  prefix: string;
  tokenHash: string;
  createdAt: InstantDefault;
  createdBy: number | null;
  expiresAt: Instant | null;
  lastUsedAt: Instant | null;
  revokedAt: Instant | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Instant;
  actorId: number | null;
  actorName: string;
  unitId: number | null;
  action: string;
  entity: string;
  entityId: string | null;
  beforeJson: string | null;
  afterJson: string | null;
  ip: string | null;
}

export interface MediaTable {
  id: Generated<number>;
  unitId: number;
  storageKey: string;
  fileName: string;
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  alt: ColumnType<string, string | undefined, string>;
  caption: ColumnType<string, string | undefined, string>;
  uploadedBy: number | null;
  createdAt: InstantDefault;
}

export interface CategoryTable {
  id: Generated<number>;
  unitId: number;
  slug: string;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  position: ColumnType<number, number | undefined, number>;
  showOnHome: Flag;
  showInMenu: Flag;
  createdAt: InstantDefault;
  updatedAt: InstantDefault;
}

export type ArticleStatus = 'draft' | 'published';

export interface ArticleTable {
  id: Generated<number>;
  unitId: number;
  categoryId: number;
  slug: string;
  title: string;
  summary: ColumnType<string, string | undefined, string>;
  bodyHtml: ColumnType<string, string | undefined, string>;
  coverMediaId: number | null;
  status: ArticleStatus;
  featured: Flag;
  publishedAt: Instant | null;
  authorId: number | null;
  authorName: ColumnType<string, string | undefined, string>;
  searchText: ColumnType<string, string | undefined, string>;
  createdAt: InstantDefault;
  updatedAt: InstantDefault;
}

export interface PageTable {
  id: Generated<number>;
  unitId: number;
  slug: string;
  title: string;
  bodyHtml: ColumnType<string, string | undefined, string>;
  position: ColumnType<number, number | undefined, number>;
  showInMenu: Flag;
  searchText: ColumnType<string, string | undefined, string>;
  createdAt: InstantDefault;
  updatedAt: InstantDefault;
}

export interface VisitDayTable {
  unitId: number;
  day: string;
  count: number;
}

export type NoticeConfidenceColumn = 'sourced' | 'unverified' | 'unknown';

/** One entry of a year's civil-service holiday notice (deployment-wide; see ADR 0006). */
export interface CalendarNoticeTable {
  id: Generated<number>;
  year: number;
  position: ColumnType<number, number | undefined, number>;
  name: string;
  offFrom: string | null;
  offTo: string | null;
  /** JSON array of 'YYYY-MM-DD'. */
  makeUpWorkdays: ColumnType<string, string | undefined, string>;
  confidence: NoticeConfidenceColumn;
  /** JSON array of holiday ids, or null (read from the name). */
  covers: string | null;
  note: string | null;
  source: string | null;
  updatedAt: InstantDefault;
  updatedBy: number | null;
}

/** A unit's office hours as JSON (absent → the calendar rules' default). */
export interface UnitOfficeHoursTable {
  unitId: number;
  hoursJson: string;
  updatedAt: InstantDefault;
  updatedBy: number | null;
}

export type OnlineLevelColumn = 'toan_trinh' | 'mot_phan' | 'truc_tiep';
export type TimeLimitKindColumn = 'working_days' | 'same_day' | 'calendar_days' | 'working_hours';
export type FeeKindColumn = 'fixed' | 'per_page' | 'exempt';

/** One administrative procedure of a unit's catalogue, by national code (issue #3 item 2). */
export interface ProcedureTable {
  id: Generated<number>;
  unitId: number;
  code: string;
  name: string;
  searchText: string;
  field: string;
  onlineLevel: OnlineLevelColumn;
  timeLimitKind: TimeLimitKindColumn;
  timeLimitAmount: number;
  after15: Flag;
  feeKind: FeeKindColumn;
  feeVnd: number | null;
  feePerPageVnd: number | null;
  feeCapVnd: number | null;
  feeNote: string | null;
  /** JSON array of { name, original: boolean | null, required: boolean }. */
  documents: ColumnType<string, string | undefined, string>;
  legalBasis: string | null;
  resultType: string | null;
  /** JSON array of { name, share } (percent of the time limit). */
  steps: ColumnType<string, string | undefined, string>;
  confidence: NoticeConfidenceColumn;
  sourceNote: string | null;
  published: Flag;
  createdAt: InstantDefault;
  updatedAt: InstantDefault;
  updatedBy: number | null;
  /** The time limit for online dossiers when it differs (both null: the procedure's own). */
  onlineTimeLimitKind: ColumnType<TimeLimitKindColumn | null, TimeLimitKindColumn | null | undefined>;
  onlineTimeLimitAmount: ColumnType<number | null, number | null | undefined>;
}

export type TemplateMimeColumn =
  | 'application/pdf'
  | 'application/msword'
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  | 'application/vnd.oasis.opendocument.text';

/** The template file (official form) of one document of a procedure, by the document's name. */
export interface ProcedureTemplateTable {
  id: Generated<number>;
  procedureId: number;
  documentName: string;
  storageKey: string;
  fileName: string;
  mime: TemplateMimeColumn;
  size: number;
  uploadedAt: Instant;
  uploadedBy: number | null;
}

/** The report of one catalogue import. */
export interface ProcedureImportTable {
  id: Generated<number>;
  unitId: number;
  fileName: string | null;
  rowCount: number;
  createdCount: number;
  updatedCount: number;
  /** JSON array of { row, column, message }. */
  rejected: ColumnType<string, string | undefined, string>;
  createdAt: InstantDefault;
  createdBy: number | null;
}

export type DossierStatusColumn =
  | 'submitted'
  | 'received'
  | 'processing'
  | 'awaiting_approval'
  | 'supplement_requested'
  | 'done'
  | 'returned'
  | 'refused'
  | 'withdrawn'
  | 'stopped';
export type DossierChannelColumn = 'counter' | 'online' | 'post';
export type ReturnMethodColumn = 'counter' | 'electronic' | 'post';

/** The daily dossier-code sequence of a unit (day = YYMMDD in Vietnam time). */
export interface DossierSequenceTable {
  unitId: number;
  day: string;
  last: number;
}

/** A one-stop dossier with its due date in force (migration 20261126030000 says what each column holds). */
export interface DossierTable {
  id: Generated<number>;
  unitId: number;
  code: string | null;
  procedureId: number | null;
  procedureCode: string;
  procedureName: string;
  procedureField: string;
  timeLimitKind: TimeLimitKindColumn;
  timeLimitAmount: number;
  after15: Flag;
  channel: DossierChannelColumn;
  status: DossierStatusColumn;
  applicantName: string;
  applicantIdNumber: string | null;
  applicantPhone: string | null;
  applicantEmail: string | null;
  applicantAddress: ColumnType<string, string | undefined, string>;
  requestSummary: ColumnType<string, string | undefined, string>;
  /** JSON array of { name, original: boolean | null, copies, provided }. */
  documents: ColumnType<string, string | undefined, string>;
  sets: ColumnType<number, number | undefined, number>;
  returnMethod: ReturnMethodColumn;
  citizenAccountId: number | null;
  receivedBy: number | null;
  assigneeId: number | null;
  submittedAt: Instant;
  receivedAt: Instant | null;
  dueAt: Instant | null;
  dueRuleVersion: string | null;
  dueNoticeRevision: string | null;
  dueProvisional: Flag;
  stepDueAt: Instant | null;
  supplementCount: ColumnType<number, number | undefined, number>;
  supplementRequestedAt: Instant | null;
  apologyCount: ColumnType<number, number | undefined, number>;
  endedAt: Instant | null;
  returnedAt: Instant | null;
  returnedVia: ReturnMethodColumn | null;
  feeVnd: number | null;
  feePaidVnd: number | null;
  feePaidAt: Instant | null;
  feeMethod: string | null;
  paymentRef: string | null;
  searchText: ColumnType<string, string | undefined, string>;
  idempotencyKey: string | null;
  isDemo: Flag;
  version: ColumnType<number, number | undefined, number>;
  createdAt: InstantDefault;
  updatedAt: InstantDefault;
}

/** One step of a dossier's history (append-only). */
export interface DossierEventTable {
  id: Generated<number>;
  dossierId: number;
  at: Instant;
  actorId: number | null;
  actorName: string;
  action: string;
  fromStatus: DossierStatusColumn | null;
  toStatus: DossierStatusColumn;
  reason: string | null;
  dueAt: Instant | null;
  /** JSON object. */
  data: ColumnType<string, string | undefined, string>;
}

/** A scan of a dossier document or a result file, in FileStorage. */
export interface DossierFileTable {
  id: Generated<number>;
  dossierId: number;
  kind: 'document' | 'result';
  documentName: string | null;
  fileName: string;
  mime: string;
  size: number;
  storageKey: string;
  uploadedAt: Instant;
  uploadedBy: number | null;
}

/** A citizen's online submission in progress (migrations/20261126030300). JSON in formValues and files. */
export interface DossierDraftTable {
  id: Generated<number>;
  unitId: number;
  citizenAccountId: number;
  procedureCode: string;
  procedureName: string;
  formKey: string;
  formValues: string;
  files: string;
  createdAt: Instant;
  updatedAt: Instant;
}

export type PaymentStatusColumn = 'pending' | 'paid' | 'failed' | 'cancelled';

/** An online payment of a dossier's fee (migrations/20261126030400, docs/dossiers.md "Fees and payments"). */
export interface DossierPaymentTable {
  id: Generated<number>;
  ref: string;
  unitId: number;
  dossierId: number;
  gateway: string;
  amountVnd: number;
  description: string;
  status: ColumnType<PaymentStatusColumn, PaymentStatusColumn | undefined, PaymentStatusColumn>;
  feeRecorded: Flag;
  createdAt: Instant;
  paidAt: Instant | null;
  notifiedAt: Instant | null;
  /** The verified notification's raw body. */
  notification: string | null;
}

export type NotificationChannelColumn = 'email' | 'sms' | 'zalo';
export type NotificationKindColumn = 'receipt' | 'supplement' | 'result_ready' | 'apology' | 'other';
export type NotificationStatusColumn = 'pending' | 'sent' | 'failed' | 'skipped';

/** One message of the notification outbox (docs/notifications.md). */
export interface NotificationTable {
  id: Generated<number>;
  unitId: number;
  /** The dossier it is about; no foreign key (another module's table). */
  dossierId: number | null;
  channel: NotificationChannelColumn;
  recipient: string;
  subject: ColumnType<string, string | undefined, string>;
  bodyText: string;
  bodyHtml: string | null;
  /** JSON array of { fileName, mime, storageKey } or { fileName, mime, base64 }. */
  attachments: ColumnType<string, string | undefined, string>;
  /** JSON object of template parameters (Zalo ZNS and SMS gateways), or null. */
  params: string | null;
  kind: NotificationKindColumn;
  status: ColumnType<
    NotificationStatusColumn,
    NotificationStatusColumn | undefined,
    NotificationStatusColumn
  >;
  attempts: ColumnType<number, number | undefined, number>;
  lastError: string | null;
  nextAttemptAt: InstantDefault;
  createdAt: InstantDefault;
  sentAt: Instant | null;
}

/** The measures of the results aggregates (migration 20261127010000; src/modules/stats/stat-measures.ts). */
export interface StatMeasureColumns {
  received: ColumnType<number, number | undefined, number>;
  receivedOnline: ColumnType<number, number | undefined, number>;
  receivedPost: ColumnType<number, number | undefined, number>;
  processed: ColumnType<number, number | undefined, number>;
  early: ColumnType<number, number | undefined, number>;
  onTime: ColumnType<number, number | undefined, number>;
  late: ColumnType<number, number | undefined, number>;
  resolved: ColumnType<number, number | undefined, number>;
  refused: ColumnType<number, number | undefined, number>;
  withdrawn: ColumnType<number, number | undefined, number>;
  stopped: ColumnType<number, number | undefined, number>;
  suppZero: ColumnType<number, number | undefined, number>;
  suppOne: ColumnType<number, number | undefined, number>;
  processedRemote: ColumnType<number, number | undefined, number>;
  elapsedMinutes: ColumnType<number, number | undefined, number>;
  allowedMinutes: ColumnType<number, number | undefined, number>;
  feeDue: ColumnType<number, number | undefined, number>;
  paidOnline: ColumnType<number, number | undefined, number>;
  eResult: ColumnType<number, number | undefined, number>;
  digitised: ColumnType<number, number | undefined, number>;
  openDelta: ColumnType<number, number | undefined, number>;
  overdueDelta: ColumnType<number, number | undefined, number>;
  supplementDelta: ColumnType<number, number | undefined, number>;
}

/** Results flows and stock deltas per unit, local day and dimension (issue #4). */
export interface DossierStatDayTable extends StatMeasureColumns {
  unitId: number;
  day: string;
  procedureCode: string;
  procedureField: string;
  channel: DossierChannelColumn;
  /** The officer responsible for the dossier; 0 when none. */
  officerId: number;
}

/** The same measures per unit and month (YYYY-MM); updatedAt is the last change of the widget's figures. */
export interface DossierStatMonthTable extends StatMeasureColumns {
  unitId: number;
  month: string;
  updatedAt: Instant | null;
}

/** Roll-ups by dimension per unit and month: 'own' dossiers, or 'sub' (those of the units under it). */
export interface DossierStatMonthDimTable extends StatMeasureColumns {
  unitId: number;
  scope: 'own' | 'sub';
  dimension: 'procedureCode' | 'procedureField' | 'channel' | 'officerId';
  month: string;
  dimKey: string;
}

/** The measures of the dossiers of the units under a unit, per month. */
export interface DossierStatSubMonthTable extends StatMeasureColumns {
  unitId: number;
  month: string;
  updatedAt: Instant | null;
}

/** The measures of the dossiers of the units under a unit, per local day. */
export interface DossierStatSubDayTable extends StatMeasureColumns {
  unitId: number;
  day: string;
}

export interface DossierStatStateTable {
  key: string;
  at: Instant;
}

export interface DB {
  unit: UnitTable;
  account: AccountTable;
  accountRole: AccountRoleTable;
  session: SessionTable;
  apiToken: ApiTokenTable;
  auditLog: AuditLogTable;
  media: MediaTable;
  category: CategoryTable;
  article: ArticleTable;
  page: PageTable;
  visitDay: VisitDayTable;
  calendarNotice: CalendarNoticeTable;
  unitOfficeHours: UnitOfficeHoursTable;
  procedure: ProcedureTable;
  procedureImport: ProcedureImportTable;
  procedureTemplate: ProcedureTemplateTable;
  dossierSequence: DossierSequenceTable;
  dossier: DossierTable;
  dossierEvent: DossierEventTable;
  dossierFile: DossierFileTable;
  dossierDraft: DossierDraftTable;
  dossierPayment: DossierPaymentTable;
  notification: NotificationTable;
  dossierStatDay: DossierStatDayTable;
  dossierStatMonth: DossierStatMonthTable;
  dossierStatMonthDim: DossierStatMonthDimTable;
  dossierStatSubMonth: DossierStatSubMonthTable;
  dossierStatSubDay: DossierStatSubDayTable;
  dossierStatState: DossierStatStateTable;
}
