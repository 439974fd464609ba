import { TIME_LIMIT_KINDS, type TimeLimitKind } from '../calendar/due-date.js';

/* The procedure catalogue's vocabulary (issue #3 item 2; domain.md §1.5, §2, §7). */

/** Online service level under Decree 42/2022: fully online, partly online, or in person only. */
export const ONLINE_LEVELS = ['toan_trinh', 'mot_phan', 'truc_tiep'] as const;
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];

export const FEE_KINDS = ['fixed', 'per_page', 'exempt'] as const;
export type FeeKind = (typeof FEE_KINDS)[number];

export const CONFIDENCES = ['sourced', 'unverified', 'unknown'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export { TIME_LIMIT_KINDS, type TimeLimitKind };

/** A document of the dossier: an original (bản chính), a copy (bản sao) or either (null); optional ones say so. */
export type ProcedureDocument = { name: string; original: boolean | null; required: boolean };
/** A processing step and its share of the time limit, in percent. */
export type ProcedureStep = { name: string; share: number };

export type Fee = {
  kind: FeeKind;
  /** 'fixed': the amount, or null when set elsewhere (the note says where). */
  vnd: number | null;
  perPageVnd: number | null;
  capVnd: number | null;
  note: string | null;
};

/** A legal time limit: its unit, its amount (0 with 'same_day') and the 15:00 rule. */
export type TimeLimit = { kind: TimeLimitKind; amount: number; after15: boolean };

/** What a create, an update or an import row writes. */
export type ProcedureInput = {
  code: string;
  name: string;
  field: string;
  onlineLevel: OnlineLevel;
  timeLimit: TimeLimit;
  /**
   * The time limit for dossiers submitted online when it differs from `timeLimit` (ThoiGianThucHienTrucTuyen,
   * domain.md §1.5), or null. The 15:00 rule is the procedure's (`timeLimit.after15`) on both channels.
   */
  onlineTimeLimit: { kind: TimeLimitKind; amount: number } | null;
  fee: Fee;
  documents: ProcedureDocument[];
  legalBasis: string | null;
  resultType: string | null;
  steps: ProcedureStep[];
  confidence: Confidence;
  sourceNote: string | null;
  published: boolean;
};

/** A national TTHC code: a digit, a dot and six digits (1.001193, 2.000815). */
export const CODE_PATTERN = /^\d{1,2}\.\d{6}$/;
export const isProcedureCode = (s: string): boolean => CODE_PATTERN.test(s);

export const LIMITS = {
  name: 500,
  field: 200,
  text: 4000,
  documents: 50,
  amount: 1000,
  vnd: 1_000_000_000,
} as const;

/** The template files a document may have (the official form of a tờ khai, đơn…), recognised by their bytes. */
export const TEMPLATE_TYPES = {
  'application/pdf': { extension: 'pdf', label: 'PDF' },
  'application/msword': { extension: 'doc', label: 'DOC' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    extension: 'docx',
    label: 'DOCX',
  },
  'application/vnd.oasis.opendocument.text': { extension: 'odt', label: 'ODT' },
} as const;
export type TemplateMime = keyof typeof TEMPLATE_TYPES;
