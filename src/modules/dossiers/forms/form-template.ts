/*
 * The vocabulary of a one-stop form template: pure data that `renderFormPdf` lays out on paper.
 *
 * A template is a page size and a list of blocks. Text in a block may hold `{{key}}` placeholders, filled from the
 * form's values (see form-values.ts); a value is always printed as plain text, never read as markup or as another
 * placeholder. In template text only, `**…**` marks bold. A value that is missing (null, undefined or blank) prints
 * as a dotted leader for handwriting; a placeholder whose key the values do not have at all is a template error and
 * throws, so a typo in a template fails its test instead of printing dots.
 */

/** The purpose of a form, stable across form sets (the form numbers and titles are data of each set). */
export const FORM_PURPOSES = ['receipt', 'supplement', 'refusal', 'apology', 'control', 'book'] as const;
export type FormPurpose = (typeof FORM_PURPOSES)[number];

export type PaperSize = 'A5' | 'A4';
export type Orientation = 'portrait' | 'landscape';
export type Align = 'left' | 'center' | 'right' | 'justify';

/** One line of a header column: text with placeholders, centred in its column. */
export type HeaderLine = {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Vietnamese upper case of the filled line (agency names are printed in capitals). */
  upper?: boolean;
  /** A rule under the line: as long as the line (the national motto) or short (under the agency's name). */
  rule?: 'full' | 'short';
  /** Leave the line out when all its placeholders are missing (e.g. a unit without a governing body). */
  optional?: boolean;
  size?: number;
};

/** A table column: its header, its relative width and the text of its cells (placeholders read the row first). */
export type TableColumn = {
  header: string;
  /** Consecutive columns with the same group share a header cell above theirs. */
  group?: string;
  width: number;
  cell: string;
  align?: Align;
};

export type Signer = {
  /** e.g. "NGƯỜI NỘP HỒ SƠ" or "{{signerPosition}}". */
  title: string;
  /** e.g. "(Ký và ghi rõ họ tên)". */
  note?: string;
  /** The printed name under the space for the signature; omitted: only the space. */
  name?: string;
};

export type Block =
  /** Two centred columns: the agency on the left, the national motto on the right. */
  | { kind: 'header'; left: HeaderLine[]; right: HeaderLine[]; leftShare?: number }
  /** The legal note ("Mẫu số 01 ban hành kèm theo …"), small italic, at the right. */
  | { kind: 'legal-note'; text: string }
  | { kind: 'title'; text: string; size?: number }
  | {
      kind: 'paragraph';
      text: string;
      align?: Align;
      italic?: boolean;
      bold?: boolean;
      size?: number;
      /** First-line indent in points. */
      indent?: number;
      /** Render only when this value is present (not missing). */
      when?: string;
    }
  | {
      kind: 'table';
      /** The key of the rows in the values. */
      rows: string;
      columns: TableColumn[];
      /** Blank rows added up to this count, for handwriting. */
      minRows?: number;
      size?: number;
    }
  | { kind: 'signatures'; signers: Signer[] }
  /** A QR code of `value` with `caption` beside it. */
  | { kind: 'qr'; value: string; caption?: string; size?: number; when?: string }
  | { kind: 'space'; height: number };

export type FormTemplate = {
  purpose: FormPurpose;
  /** The form's number in its set, e.g. "01". */
  number: string;
  /** The document title stored in the PDF's metadata. */
  name: string;
  paper: PaperSize;
  orientation: Orientation;
  /** Base font size in points. */
  fontSize?: number;
  blocks: Block[];
};

/** A cell of a table row: text, or missing. */
export type RowValues = Readonly<Record<string, string | null | undefined>>;

/** The values of a form: texts by key, and rows by key for tables. */
export type FormValues = Readonly<Record<string, string | null | undefined | readonly RowValues[]>>;

/** The keys a template's text uses (placeholders in every block), for checking a template against its values. */
export function placeholdersOf(template: FormTemplate): {
  values: Set<string>;
  rows: Map<string, Set<string>>;
} {
  const values = new Set<string>();
  const rows = new Map<string, Set<string>>();
  const scan = (text: string | undefined, into: Set<string>) => {
    for (const m of (text ?? '').matchAll(PLACEHOLDER)) {
      into.add(m[1] ?? '');
    }
  };
  for (const b of template.blocks) {
    switch (b.kind) {
      case 'header':
        [...b.left, ...b.right].forEach((l) => scan(l.text, values));
        break;
      case 'legal-note':
      case 'title':
        scan(b.text, values);
        break;
      case 'paragraph':
        scan(b.text, values);
        if (b.when !== undefined) {
          values.add(b.when);
        }
        break;
      case 'table': {
        values.add(b.rows);
        const cells = rows.get(b.rows) ?? new Set<string>();
        b.columns.forEach((c) => scan(c.cell, cells));
        b.columns.forEach((c) => scan(c.header, values));
        rows.set(b.rows, cells);
        break;
      }
      case 'signatures':
        b.signers.forEach((s) => [s.title, s.note, s.name].forEach((t) => scan(t, values)));
        break;
      case 'qr':
        scan(b.value, values);
        scan(b.caption, values);
        if (b.when !== undefined) {
          values.add(b.when);
        }
        break;
      case 'space':
        break;
    }
  }
  return { values, rows };
}

/** `{{key}}`: letters, digits and dots. */
export const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9.]*)\s*\}\}/g;
