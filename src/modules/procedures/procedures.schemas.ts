/**
 * The admin's procedure form (zod; message codes → PROCEDURE_FORM_MESSAGES). Documents are one per line ("Bản chính
 * …", "Bản sao …", "… (nếu có)" as in the CSV); steps are one per line as "name | percent".
 */
import { z } from 'zod';
import type { FormValues } from '../../web/components/form-errors.js';
import { documentsOf } from './procedure-csv.js';
import { procedureMessages } from './procedures.messages.js';
import {
  CODE_PATTERN,
  CONFIDENCES,
  FEE_KINDS,
  LIMITS,
  ONLINE_LEVELS,
  TIME_LIMIT_KINDS,
  type ProcedureInput,
  type ProcedureStep,
} from './procedures.model.js';

const f = procedureMessages.form;

const text = (max: number) => z.string().trim().max(max, 'too_long').default('');
const money = z
  .string()
  .trim()
  .default('')
  .refine((s) => s === '' || (/^\d{1,10}$/.test(s) && Number(s) <= LIMITS.vnd), 'money_invalid')
  .transform((s) => (s === '' ? null : Number(s)));

/** A time limit's amount: empty → 0 (same-day limits have none), else a whole number up to LIMITS.amount. */
const amount = z
  .string()
  .trim()
  .default('')
  .refine((s) => s === '' || (/^\d{1,4}$/.test(s) && Number(s) <= LIMITS.amount), 'amount_invalid')
  .transform((s) => ({ given: s !== '', value: s === '' ? 0 : Number(s) }));

const steps = z
  .string()
  .default('')
  .transform((s, ctx): ProcedureStep[] => {
    const out: ProcedureStep[] = [];
    for (const line of s.split(/\r?\n/).map((l) => l.trim())) {
      if (line === '') {
        continue;
      }
      const m = /^(.+?)\s*\|\s*(\d{1,3})\s*%?$/.exec(line);
      if (!m?.[1] || m[1].length > LIMITS.name) {
        ctx.addIssue({ code: 'custom', message: 'step_format' });
        return z.NEVER;
      }
      out.push({ name: m[1], share: Number(m[2]) });
    }
    if (out.reduce((sum, x) => sum + x.share, 0) > 100) {
      ctx.addIssue({ code: 'custom', message: 'step_total' });
      return z.NEVER;
    }
    return out;
  });

export const ProcedureForm = z
  .object({
    code: z.string('code_required').trim().min(1, 'code_required').regex(CODE_PATTERN, 'code_format'),
    name: z.string('name_required').trim().min(1, 'name_required').max(LIMITS.name, 'too_long'),
    field: z.string('field_required').trim().min(1, 'field_required').max(LIMITS.field, 'too_long'),
    onlineLevel: z.enum(ONLINE_LEVELS, 'level_invalid'),
    timeLimitKind: z.enum(TIME_LIMIT_KINDS, 'kind_invalid'),
    timeLimitAmount: amount,
    after15: z.string().optional(),
    // '' : online dossiers have the same time limit.
    onlineTimeLimitKind: z.enum(['', ...TIME_LIMIT_KINDS], 'kind_invalid').default(''),
    onlineTimeLimitAmount: amount,
    feeKind: z.enum(FEE_KINDS, 'fee_kind_invalid'),
    feeVnd: money,
    feePerPageVnd: money,
    feeCapVnd: money,
    feeNote: text(LIMITS.text),
    documents: z
      .string()
      .max(LIMITS.text, 'too_long')
      .default('')
      .transform((s) => s.split(/\r?\n/).flatMap((line) => documentsOf(line.replace(/;/g, ','))))
      .refine((d) => d.length <= LIMITS.documents, 'too_many_documents'),
    legalBasis: text(LIMITS.text),
    resultType: text(LIMITS.name),
    steps,
    confidence: z.enum(CONFIDENCES, 'confidence_invalid'),
    sourceNote: text(LIMITS.text),
    published: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.timeLimitKind !== 'same_day' && v.timeLimitAmount.value === 0) {
      ctx.addIssue({ code: 'custom', path: ['timeLimitAmount'], message: 'amount_zero' });
    }
    if (v.onlineTimeLimitKind === '' && v.onlineTimeLimitAmount.given) {
      ctx.addIssue({ code: 'custom', path: ['onlineTimeLimitKind'], message: 'online_kind_missing' });
    }
    if (
      v.onlineTimeLimitKind !== '' &&
      v.onlineTimeLimitKind !== 'same_day' &&
      v.onlineTimeLimitAmount.value === 0
    ) {
      ctx.addIssue({ code: 'custom', path: ['onlineTimeLimitAmount'], message: 'amount_zero' });
    }
    if (v.feeKind === 'per_page' && v.feePerPageVnd === null) {
      ctx.addIssue({ code: 'custom', path: ['feePerPageVnd'], message: 'per_page_required' });
    }
  })
  .transform((v): ProcedureInput => ({
    code: v.code,
    name: v.name,
    field: v.field,
    onlineLevel: v.onlineLevel,
    timeLimit: {
      kind: v.timeLimitKind,
      amount: v.timeLimitKind === 'same_day' ? 0 : v.timeLimitAmount.value,
      after15: v.after15 !== undefined,
    },
    onlineTimeLimit:
      v.onlineTimeLimitKind === ''
        ? null
        : {
            kind: v.onlineTimeLimitKind,
            amount: v.onlineTimeLimitKind === 'same_day' ? 0 : v.onlineTimeLimitAmount.value,
          },
    fee: {
      kind: v.feeKind,
      vnd: v.feeKind === 'fixed' ? v.feeVnd : null,
      perPageVnd: v.feeKind === 'per_page' ? v.feePerPageVnd : null,
      capVnd: v.feeKind === 'per_page' ? v.feeCapVnd : null,
      note: v.feeNote || null,
    },
    documents: v.documents,
    legalBasis: v.legalBasis || null,
    resultType: v.resultType || null,
    steps: v.steps,
    confidence: v.confidence,
    sourceNote: v.sourceNote || null,
    published: v.published !== undefined,
  }));

export const PROCEDURE_FORM_MESSAGES: Readonly<Record<string, string>> = {
  code_required: f.codeRequired,
  code_format: procedureMessages.import.codeFormat,
  name_required: procedureMessages.import.nameMissing,
  field_required: procedureMessages.import.fieldMissing,
  level_invalid: f.choose,
  kind_invalid: f.choose,
  fee_kind_invalid: f.choose,
  confidence_invalid: f.choose,
  amount_invalid: procedureMessages.import.timeLimitInvalid,
  amount_zero: procedureMessages.import.timeLimitZero,
  online_kind_missing: f.onlineAmountWithoutKind,
  money_invalid: procedureMessages.import.feeInvalid,
  per_page_required: f.perPageRequired,
  step_format: f.stepFormat,
  step_total: f.stepTotal,
  too_many_documents: procedureMessages.import.tooManyDocuments,
};

/** The form's values for a stored procedure (the inverse of ProcedureForm). */
export function formValuesOf(p: ProcedureInput): FormValues {
  const money = (n: number | null) => (n === null ? '' : String(n));
  return {
    code: p.code,
    name: p.name,
    field: p.field,
    onlineLevel: p.onlineLevel,
    timeLimitKind: p.timeLimit.kind,
    timeLimitAmount: p.timeLimit.kind === 'same_day' ? '' : String(p.timeLimit.amount),
    ...(p.timeLimit.after15 ? { after15: '1' } : {}),
    onlineTimeLimitKind: p.onlineTimeLimit?.kind ?? '',
    onlineTimeLimitAmount:
      p.onlineTimeLimit === null || p.onlineTimeLimit.kind === 'same_day'
        ? ''
        : String(p.onlineTimeLimit.amount),
    feeKind: p.fee.kind,
    feeVnd: money(p.fee.vnd),
    feePerPageVnd: money(p.fee.perPageVnd),
    feeCapVnd: money(p.fee.capVnd),
    feeNote: p.fee.note ?? '',
    documents: p.documents.map((d) => d.name).join('\n'),
    legalBasis: p.legalBasis ?? '',
    resultType: p.resultType ?? '',
    steps: p.steps.map((s) => `${s.name} | ${s.share}`).join('\n'),
    confidence: p.confidence,
    sourceNote: p.sourceNote ?? '',
    ...(p.published ? { published: '1' } : {}),
  };
}
