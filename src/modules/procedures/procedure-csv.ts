import { parseCsv, type CsvRecord } from './csv.js';
import { procedureMessages } from './procedures.messages.js';
import {
  CONFIDENCES,
  isProcedureCode,
  LIMITS,
  ONLINE_LEVELS,
  TIME_LIMIT_KINDS,
  type Confidence,
  type Fee,
  type OnlineLevel,
  type ProcedureDocument,
  type ProcedureInput,
  type TimeLimitKind,
} from './procedures.model.js';

const m = procedureMessages.import;

/** The columns of the catalogue CSV (the shared sample's format), in any order; extra columns are ignored. */
export const CSV_COLUMNS = [
  'code',
  'name',
  'field',
  'time_limit',
  'time_unit',
  'after_15h_next_day',
  'fee_vnd',
  'fee_note',
  'documents',
  'online_level',
  'legal_basis',
  'confidence',
] as const;
/**
 * Optional columns: the time limit for online dossiers when it differs (domain.md §1.5). A file without them (the
 * shared sample) leaves the stored online time limit of the procedures it updates as it is.
 */
export const OPTIONAL_CSV_COLUMNS = ['online_time_limit', 'online_time_unit'] as const;
type Column = (typeof CSV_COLUMNS)[number] | (typeof OPTIONAL_CSV_COLUMNS)[number];

export const MAX_CSV_ROWS = 2000;

/** A rejected row: its line in the file (the header is line 1), the column at fault and why, in Vietnamese. */
export type RejectedRow = { row: number; column: string; message: string };
export type CsvRow = { row: number; input: ProcedureInput };
/** `onlineColumns`: the file has an online time limit column (otherwise the rows' onlineTimeLimit is not read). */
export type CsvImport =
  | { ok: true; rows: CsvRow[]; rejected: RejectedRow[]; rowCount: number; onlineColumns: boolean }
  | { ok: false; message: string };

/**
 * Reads a catalogue CSV (pure). A file that cannot be read as a whole (broken quoting, missing columns, no rows) is
 * refused with one message; otherwise each data row becomes a procedure or a rejection naming its row and column.
 */
export function readProcedureCsv(text: string): CsvImport {
  const parsed = parseCsv(text);
  if (!parsed.ok) {
    return {
      ok: false,
      message: parsed.error === 'unclosed_quote' ? m.unclosedQuote(parsed.line) : m.quoteInField(parsed.line),
    };
  }
  return readProcedureRecords(parsed.records);
}

/**
 * Reads the records of a catalogue, from a CSV or a spreadsheet (pure): the first record is the header, blank records
 * are already left out, and each record carries the line or row number the user's file shows.
 */
export function readProcedureRecords(records: CsvRecord[]): CsvImport {
  const [header, ...data] = records;
  if (!header) {
    return { ok: false, message: m.noRows };
  }
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const missing = CSV_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    return { ok: false, message: m.missingColumns(missing.join(', ')) };
  }
  if (data.length === 0) {
    return { ok: false, message: m.noRows };
  }
  if (data.length > MAX_CSV_ROWS) {
    return { ok: false, message: m.tooManyRows(MAX_CSV_ROWS) };
  }
  const index = Object.fromEntries(
    [...CSV_COLUMNS, ...OPTIONAL_CSV_COLUMNS].map((c) => [c, names.indexOf(c)]),
  ) as Record<Column, number>;
  const onlineColumns = OPTIONAL_CSV_COLUMNS.some((c) => index[c] >= 0);
  const rows: CsvRow[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, number>();
  for (const rec of data) {
    if (rec.fields.length !== header.fields.length) {
      rejected.push({
        row: rec.line,
        column: '',
        message: m.columnCount(rec.fields.length, header.fields.length),
      });
      continue;
    }
    const get = (c: Column) => (index[c] < 0 ? '' : (rec.fields[index[c]] ?? '').trim());
    const r = readRow(get);
    if (!r.ok) {
      rejected.push({ row: rec.line, column: r.column, message: r.message });
      continue;
    }
    const first = seen.get(r.input.code);
    if (first !== undefined) {
      rejected.push({ row: rec.line, column: 'code', message: m.codeDuplicate(first) });
      continue;
    }
    seen.set(r.input.code, rec.line);
    rows.push({ row: rec.line, input: r.input });
  }
  return { ok: true, rows, rejected, rowCount: data.length, onlineColumns };
}

type RowResult = { ok: true; input: ProcedureInput } | { ok: false; column: Column; message: string };

function readRow(get: (c: Column) => string): RowResult {
  const fail = (column: Column, message: string): RowResult => ({ ok: false, column, message });
  const code = get('code');
  if (code === '') {
    return fail('code', m.codeMissing);
  }
  if (!isProcedureCode(code)) {
    return fail('code', m.codeFormat);
  }
  const name = get('name');
  if (name === '') {
    return fail('name', m.nameMissing);
  }
  if (name.length > LIMITS.name) {
    return fail('name', m.tooLong(LIMITS.name));
  }
  const field = get('field');
  if (field === '') {
    return fail('field', m.fieldMissing);
  }
  if (field.length > LIMITS.field) {
    return fail('field', m.tooLong(LIMITS.field));
  }
  const unit = get('time_unit');
  if (!isTimeLimitKind(unit)) {
    return fail('time_unit', m.timeUnitInvalid);
  }
  const kind = unit;
  const amount = amountOf(kind, get('time_limit'));
  if (typeof amount === 'string') {
    return fail('time_limit', amount);
  }
  const onlineUnit = get('online_time_unit');
  const onlineAmountText = get('online_time_limit');
  let onlineTimeLimit: ProcedureInput['onlineTimeLimit'] = null;
  if (onlineUnit !== '' || onlineAmountText !== '') {
    if (onlineUnit === '') {
      return fail('online_time_unit', m.onlineUnitMissing);
    }
    if (!isTimeLimitKind(onlineUnit)) {
      return fail('online_time_unit', m.onlineUnitInvalid);
    }
    const onlineAmount = amountOf(onlineUnit, onlineAmountText);
    if (typeof onlineAmount === 'string') {
      return fail('online_time_limit', onlineAmount);
    }
    onlineTimeLimit = { kind: onlineUnit, amount: onlineAmount };
  }
  const after15Text = get('after_15h_next_day').toLowerCase();
  const after15 = ({ yes: true, no: false, '': false } as Record<string, boolean>)[after15Text];
  if (after15 === undefined) {
    return fail('after_15h_next_day', m.after15Invalid);
  }
  const feeText = get('fee_vnd');
  const feeVnd = feeText === '' ? null : wholeNumber(feeText, LIMITS.vnd);
  if (feeVnd === undefined) {
    return fail('fee_vnd', m.feeInvalid);
  }
  const feeNote = get('fee_note');
  if (feeNote.length > LIMITS.text) {
    return fail('fee_note', m.tooLong(LIMITS.text));
  }
  const level = get('online_level');
  if (!(ONLINE_LEVELS as readonly string[]).includes(level)) {
    return fail('online_level', m.levelInvalid);
  }
  const confidence = get('confidence') || 'unknown';
  if (!(CONFIDENCES as readonly string[]).includes(confidence)) {
    return fail('confidence', m.confidenceInvalid);
  }
  const documentsText = get('documents');
  if (documentsText.length > LIMITS.text) {
    return fail('documents', m.tooLong(LIMITS.text));
  }
  const documents = documentsOf(documentsText);
  if (documents.length > LIMITS.documents) {
    return fail('documents', m.tooManyDocuments);
  }
  const legalBasis = get('legal_basis');
  if (legalBasis.length > LIMITS.text) {
    return fail('legal_basis', m.tooLong(LIMITS.text));
  }
  return {
    ok: true,
    input: {
      code,
      name,
      field,
      onlineLevel: level as OnlineLevel,
      timeLimit: { kind, amount, after15 },
      onlineTimeLimit,
      fee: feeOf(feeVnd, feeNote === '' ? null : feeNote),
      documents,
      legalBasis: legalBasis === '' ? null : legalBasis,
      resultType: null,
      steps: [],
      confidence: confidence as Confidence,
      sourceNote: null,
      published: true,
    },
  };
}

const isTimeLimitKind = (s: string): s is TimeLimitKind =>
  (TIME_LIMIT_KINDS as readonly string[]).includes(s);

/** The amount of a time limit in `kind`: empty means 0 for same-day ones; else the message for the cell. */
function amountOf(kind: TimeLimitKind, text: string): number | string {
  const amount = text === '' && kind === 'same_day' ? 0 : wholeNumber(text, LIMITS.amount);
  if (amount === undefined) {
    return m.timeLimitInvalid;
  }
  if (amount === 0 && kind !== 'same_day') {
    return m.timeLimitZero;
  }
  return amount;
}

/** Digits only ('1.5', '-1', '1e3', '2.000' are refused), at most `max`. */
function wholeNumber(s: string, max: number): number | undefined {
  return /^\d{1,10}$/.test(s) && Number(s) <= max ? Number(s) : undefined;
}

/**
 * The fee of a CSV row: 0 → exempt; empty → set elsewhere (the note says where); an amount whose note counts pages
 * ("đ/trang") → per page, with the cap read from "tối đa 200.000 đ"; any other amount → fixed.
 */
export function feeOf(vnd: number | null, note: string | null): Fee {
  if (vnd === 0) {
    return { kind: 'exempt', vnd: null, perPageVnd: null, capVnd: null, note };
  }
  if (vnd !== null && note !== null && /\/\s*trang/i.test(note)) {
    const cap = /tối đa\s+([\d.]+)\s*(?:đ|đồng)/i.exec(note)?.[1];
    const capVnd = cap ? Number(cap.replace(/\./g, '')) : null;
    return {
      kind: 'per_page',
      vnd: null,
      perPageVnd: vnd,
      capVnd: capVnd && capVnd > 0 ? capVnd : null,
      note,
    };
  }
  return { kind: 'fixed', vnd, perPageVnd: null, capVnd: null, note };
}

/**
 * The documents of a CSV row, separated by ';'. "Bản chính …" is an original, "Bản sao …" a copy; "(nếu có)" marks an
 * optional document.
 */
export function documentsOf(text: string): ProcedureDocument[] {
  return text
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '')
    .map((name) => {
      const lower = name.toLowerCase();
      return {
        name,
        original: lower.startsWith('bản chính') ? true : lower.startsWith('bản sao') ? false : null,
        required: !/\(nếu có\)/i.test(name),
      };
    });
}
