import { strToU8, zipSync, type Zippable } from 'fflate';
import { VN_TIME_ZONE } from './time.js';
import { serialOfDate, serialOfWallTime } from './xlsx-dates.js';
import { encodeXstring, escapeXml } from './xlsx-xml.js';

/**
 * How a column's cells are written and shown:
 * - `text`: strings as text (the column is text-formatted, so what a user types there stays text);
 * - `integer`: numbers shown `#,##0`;
 * - `date`: calendar dates shown dd/mm/yyyy. A cell is a 'YYYY-MM-DD' string (the project's calendar dates, ADR
 *   0003) or a `Date`/ISO instant string, whose date in Asia/Ho_Chi_Minh is taken (so `Date.UTC(y, m, d)` is that day);
 * - `datetime`: instants (a `Date` or an ISO instant string) shown dd/mm/yyyy hh:mm in Asia/Ho_Chi_Minh;
 * - `percent`: ratios (0.125) shown 12.5%.
 * Without a kind, strings are text, numbers are plain numbers and a `Date` is a datetime. A string that a kind cannot
 * read (e.g. 'n/a' in a date column) is written as text.
 */
export type XlsxColumnKind = 'text' | 'integer' | 'date' | 'datetime' | 'percent';
/** `width` in Excel's character units; absent: fitted to the header and the first rows (8 to 60). */
export type XlsxColumn = { header: string; width?: number; kind?: XlsxColumnKind };
/** null and '' leave the cell empty. */
export type XlsxCell = string | number | Date | null;
/**
 * `name`: the sheet's tab (see sheetNameOf). `title`: an optional heading in row 1, bold and merged across the
 * columns, with the header row under it.
 */
export type XlsxSheet = { name: string; title?: string; columns: XlsxColumn[]; rows: XlsxCell[][] };
export type XlsxWorkbook = { sheets: XlsxSheet[] };

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_SHEET_NAME = 31;
const MAX_CELL_TEXT = 32_767;
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** A fixed time stamp for the ZIP entries, so that the same workbook gives the same bytes. */
const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** Indexes into cellXfs of styles.xml. */
const STYLE = {
  plain: 0,
  header: 1,
  title: 2,
  date: 3,
  datetime: 4,
  integer: 5,
  percent: 6,
  text: 7,
  quotedText: 8,
} as const;

const STYLES_XML =
  `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
  '<numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>' +
  '<numFmt numFmtId="165" formatCode="dd/mm/yyyy hh:mm"/><numFmt numFmtId="166" formatCode="0.0%"/></numFmts>' +
  '<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="9">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">' +
  '<alignment vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" quotePrefix="1"/>' +
  '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * A sheet name Excel accepts, unique in the workbook (`taken` holds the lower-cased names already used): NFC, [ ]
 * as ( ), the characters \ / ? * : and controls replaced by '-', runs of spaces as one, no apostrophe at either end, at most 31 characters, never
 * empty ("Trang N") nor "History"; a repeated name gets " (2)", " (3)"…
 */
export function sheetNameOf(name: string, position: number, taken: Set<string>): string {
  let base = name
    .normalize('NFC')
    .replace(/\[/g, '(')
    .replace(/]/g, ')')
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/?*:\x00-\x1F\x7F]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
  if (base === '' || base.toLowerCase() === 'history') {
    base = base === '' ? `Trang ${position + 1}` : `${base}-`;
  }
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const candidate = cut(base, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    if (!taken.has(candidate.toLowerCase())) {
      taken.add(candidate.toLowerCase());
      return candidate;
    }
  }
}

/** At most `max` UTF-16 units, never splitting a surrogate pair. */
function cut(s: string, max: number): string {
  if (s.length <= max) {
    return s;
  }
  const end = /[\uD800-\uDBFF]/.test(s[max - 1] ?? '') ? max - 1 : max;
  return s.slice(0, end);
}

const vnParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: VN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The wall clock in Asia/Ho_Chi_Minh at an instant. */
function vnWallTime(instant: Date): [number, number, number, number, number, number] {
  const p: Record<string, number> = {};
  for (const part of vnParts.formatToParts(instant)) {
    p[part.type] = Number(part.value);
  }
  return [p.year ?? 0, p.month ?? 0, p.day ?? 0, p.hour ?? 0, p.minute ?? 0, p.second ?? 0];
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function instantOf(value: Date | string): Date | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      throw new RangeError('invalid Date in a workbook cell');
    }
    return value;
  }
  return ISO_INSTANT.test(value) ? new Date(value) : undefined;
}

type CellOut =
  { kind: 'string'; text: string; style: number } | { kind: 'number'; value: number; style: number };

function cellOf(value: Exclude<XlsxCell, null>, kind: XlsxColumnKind | undefined): CellOut | undefined {
  if (value === '') {
    return undefined;
  }
  if (kind === 'date' && typeof value === 'string') {
    const d = CALENDAR_DATE.exec(value);
    if (d) {
      return {
        kind: 'number',
        value: serialOfDate(Number(d[1]), Number(d[2]), Number(d[3])),
        style: STYLE.date,
      };
    }
  }
  if ((kind === 'date' || kind === 'datetime' || kind === undefined) && value instanceof Date) {
    return dateCell(value, kind === 'date' ? 'date' : 'datetime');
  }
  if ((kind === 'date' || kind === 'datetime') && typeof value === 'string') {
    const instant = instantOf(value);
    if (instant) {
      return dateCell(instant, kind);
    }
  }
  if (value instanceof Date) {
    return dateCell(value, 'datetime');
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new RangeError(`a workbook cell cannot hold ${value}`);
    }
    const style = kind === 'integer' ? STYLE.integer : kind === 'percent' ? STYLE.percent : STYLE.plain;
    return { kind: 'number', value, style };
  }
  const text = value.length > MAX_CELL_TEXT ? value.slice(0, MAX_CELL_TEXT) : value;
  // Never a formula: strings are always string cells. quotePrefix keeps "=…" text when a user edits the cell.
  const style = /^[=+\-@\t\r]/.test(text) ? STYLE.quotedText : kind === 'text' ? STYLE.text : STYLE.plain;
  return { kind: 'string', text, style };
}

function dateCell(value: Date | string, kind: 'date' | 'datetime'): CellOut {
  const instant = instantOf(value) as Date;
  const [y, mo, d, h, mi, s] = vnWallTime(instant);
  return kind === 'date'
    ? { kind: 'number', value: serialOfDate(y, mo, d), style: STYLE.date }
    : { kind: 'number', value: serialOfWallTime(y, mo, d, h, mi, s), style: STYLE.datetime };
}

class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  count = 0;

  add(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(s, i);
      this.list.push(s);
    }
    return i;
  }

  xml(): string {
    const items = this.list.map((s) => {
      const space = /^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : '';
      return `<si><t${space}>${escapeXml(encodeXstring(s))}</t></si>`;
    });
    return `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.list.length}">${items.join('')}</sst>`;
  }
}

function cellXml(ref: string, cell: CellOut, strings: SharedStrings): string {
  const s = cell.style === STYLE.plain ? '' : ` s="${cell.style}"`;
  return cell.kind === 'string'
    ? `<c r="${ref}" t="s"${s}><v>${strings.add(cell.text)}</v></c>`
    : `<c r="${ref}"${s}><v>${cell.value}</v></c>`;
}

function displayLength(cell: CellOut | undefined): number {
  if (!cell) {
    return 0;
  }
  if (cell.kind === 'string') {
    return Math.max(...cell.text.split('\n').map((l) => l.length));
  }
  switch (cell.style) {
    case STYLE.date:
      return 10;
    case STYLE.datetime:
      return 16;
    case STYLE.integer:
      return Math.round(cell.value).toLocaleString('en-US').length;
    default:
      return String(cell.value).length;
  }
}

function sheetXml(sheet: XlsxSheet, first: boolean, strings: SharedStrings): string {
  const width = Math.max(sheet.columns.length, ...sheet.rows.map((r) => r.length));
  const headerRow = sheet.title === undefined ? 1 : 2;
  if (width > MAX_COLUMNS || sheet.rows.length + headerRow > MAX_ROWS) {
    throw new RangeError(`sheet "${sheet.name}" is larger than Excel allows`);
  }
  const fitted = sheet.columns.map((c) => c.header.length);
  const rows: string[] = [];
  if (sheet.title !== undefined) {
    rows.push(`<row r="1"><c r="A1" t="s" s="${STYLE.title}"><v>${strings.add(sheet.title)}</v></c></row>`);
  }
  const headers = sheet.columns.map((c, i) =>
    c.header === ''
      ? ''
      : cellXml(
          `${columnName(i)}${headerRow}`,
          { kind: 'string', text: c.header, style: STYLE.header },
          strings,
        ),
  );
  rows.push(`<row r="${headerRow}">${headers.join('')}</row>`);
  sheet.rows.forEach((values, r) => {
    const rowNumber = headerRow + 1 + r;
    const cells: string[] = [];
    values.forEach((value, c) => {
      const cell = value === null ? undefined : cellOf(value, sheet.columns[c]?.kind);
      if (r < 200 && c < fitted.length) {
        fitted[c] = Math.max(fitted[c] ?? 0, displayLength(cell));
      }
      if (cell) {
        cells.push(cellXml(`${columnName(c)}${rowNumber}`, cell, strings));
      }
    });
    if (cells.length > 0) {
      rows.push(`<row r="${rowNumber}">${cells.join('')}</row>`);
    }
  });
  const cols = sheet.columns.map((c, i) => {
    const w = c.width ?? Math.min(60, Math.max(8, (fitted[i] ?? 0) + 2));
    const style = c.kind === 'text' ? ` style="${STYLE.text}"` : '';
    return `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"${style}/>`;
  });
  const top = `A${headerRow + 1}`;
  const view =
    `<sheetViews><sheetView workbookViewId="0"${first ? ' tabSelected="1"' : ''}>` +
    `<pane ySplit="${headerRow}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`;
  const merge =
    sheet.title !== undefined && sheet.columns.length > 1
      ? `<mergeCells count="1"><mergeCell ref="A1:${columnName(sheet.columns.length - 1)}1"/></mergeCells>`
      : '';
  return (
    `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">${view}<sheetFormatPr defaultRowHeight="15"/>` +
    (cols.length > 0 ? `<cols>${cols.join('')}</cols>` : '') +
    `<sheetData>${rows.join('')}</sheetData>${merge}</worksheet>`
  );
}

/**
 * An XLSX workbook (Office Open XML, opened by Excel and LibreOffice): per sheet a bold, frozen header row (under the
 * optional title), column widths and number formats by column kind (see XlsxColumnKind). Strings are always string
 * cells, never formulas (no spreadsheet injection); text longer than Excel's 32,767 characters is cut there.
 * Throws RangeError for what Excel cannot hold: no sheet, a non-finite number, an invalid Date, a date before
 * 1900-03-01, more than 1,048,576 rows or 16,384 columns.
 */
export async function writeXlsx(workbook: XlsxWorkbook): Promise<Buffer> {
  if (workbook.sheets.length === 0) {
    throw new RangeError('a workbook needs at least one sheet');
  }
  const strings = new SharedStrings();
  const taken = new Set<string>();
  const names = workbook.sheets.map((s, i) => sheetNameOf(s.name, i, taken));
  const files: Zippable = {};
  const n = workbook.sheets.length;
  const overrides = workbook.sheets
    .map(
      (_s, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  files['[Content_Types].xml'] = strToU8(
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      overrides +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '</Types>',
  );
  files['_rels/.rels'] = strToU8(
    `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
      `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const sheets = names.map(
    (name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
  );
  files['xl/workbook.xml'] = strToU8(
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView activeTab="0"/></bookViews>` +
      `<sheets>${sheets.join('')}</sheets></workbook>`,
  );
  const rels = names.map(
    (_name, i) =>
      `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${rels.join('')}` +
      `<Relationship Id="rId${n + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId${n + 2}" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  files['xl/styles.xml'] = strToU8(STYLES_XML);
  workbook.sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      sheetXml({ ...sheet, name: names[i] ?? sheet.name }, i === 0, strings),
    );
  });
  files['xl/sharedStrings.xml'] = strToU8(strings.xml());
  const zipped = zipSync(files, { level: 6, mtime: ZIP_TIME });
  return Buffer.from(zipped.buffer, zipped.byteOffset, zipped.byteLength);
}
