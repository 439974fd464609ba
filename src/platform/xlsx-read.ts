import { unzipSync } from 'fflate';
import { AppError } from './errors.js';
import { dateKindOf, wallTimeOfSerial, type DateKind } from './xlsx-dates.js';
import { xlsxMessages as m } from './xlsx.messages.js';
import { decodeXstring, scanXml, type XmlAttrs } from './xlsx-xml.js';

export type XlsxErrorCode =
  | 'not_xlsx'
  | 'legacy_or_encrypted'
  | 'malformed'
  | 'no_sheet'
  | 'too_large'
  | 'too_many_rows'
  | 'too_many_columns'
  | 'too_many_cells';

/**
 * A file refused by readXlsxRows, with a stable `code` and a Vietnamese `message` for the user (status 422 if it
 * reaches the error handler uncaught).
 */
export class XlsxError extends AppError {
  declare readonly code: XlsxErrorCode;
  readonly status = 422;
  constructor(code: XlsxErrorCode, message: string) {
    super(code, message);
  }
}

/**
 * Limits against zip bombs and sheets that would exhaust memory. `maxBytes`: the uncompressed size of the whole
 * package as its ZIP directory declares it (no entry is inflated past its declared size). `maxRows`/`maxColumns`: the
 * last row and column that may hold a value (a formatted empty cell further out is fine). `maxCells`: the cells of the
 * returned grid, empty ones included.
 */
export type XlsxReadOptions = { maxBytes?: number; maxRows?: number; maxColumns?: number; maxCells?: number };
export const XLSX_READ_LIMITS: Required<XlsxReadOptions> = {
  maxBytes: 50 * 1024 * 1024,
  maxRows: 100_000,
  maxColumns: 1_000,
  maxCells: 2_000_000,
};
const MAX_ZIP_ENTRIES = 10_000;

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** OLE compound file: an Excel 97-2003 workbook, or any password-protected Office file. */
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Whether the bytes start like a ZIP archive (XLSX, but also DOCX, ODS, plain ZIP…). */
export const looksLikeZip = (bytes: Uint8Array): boolean => Buffer.from(bytes.subarray(0, 4)).equals(ZIP);
/** Whether the bytes start like an OLE file (.xls or an encrypted .xlsx). */
export const looksLikeOle = (bytes: Uint8Array): boolean => Buffer.from(bytes.subarray(0, 8)).equals(OLE);

type Entry = { name: string; originalSize: number };

/** The package's parts, looked up case-insensitively as OPC part names are. */
class Package {
  private readonly names = new Map<string, string>();
  constructor(
    private readonly bytes: Buffer,
    entries: Entry[],
  ) {
    for (const e of entries) {
      this.names.set(e.name.toLowerCase(), e.name);
    }
  }

  has(path: string): boolean {
    return this.names.has(path.toLowerCase());
  }

  /** A part's text, or undefined when the package has no such part. */
  text(path: string): string | undefined {
    const name = this.names.get(path.toLowerCase());
    if (name === undefined) {
      return undefined;
    }
    let data: Uint8Array | undefined;
    try {
      data = unzipSync(this.bytes, { filter: (f) => f.name === name })[name];
    } catch {
      throw new XlsxError('malformed', m.malformed);
    }
    if (!data) {
      return undefined;
    }
    const encoding =
      data[0] === 0xff && data[1] === 0xfe
        ? 'utf-16le'
        : data[0] === 0xfe && data[1] === 0xff
          ? 'utf-16be'
          : 'utf-8';
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(data);
    } catch {
      throw new XlsxError('malformed', m.malformed);
    }
  }
}

function openPackage(bytes: Buffer, maxBytes: number): Package {
  if (looksLikeOle(bytes)) {
    throw new XlsxError('legacy_or_encrypted', m.legacyOrEncrypted);
  }
  if (!looksLikeZip(bytes)) {
    throw new XlsxError('not_xlsx', m.notXlsx);
  }
  const entries: Entry[] = [];
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        entries.push({ name: f.name, originalSize: f.originalSize });
        if (entries.length > MAX_ZIP_ENTRIES) {
          throw new XlsxError('malformed', m.malformed);
        }
        return false;
      },
    });
  } catch (e) {
    throw e instanceof XlsxError ? e : new XlsxError('malformed', m.malformed);
  }
  if (total > maxBytes) {
    throw new XlsxError('too_large', m.tooLarge(Math.round(maxBytes / 1024 / 1024)));
  }
  return new Package(bytes, entries);
}

/** Scans a part, turning XML errors into `malformed`. */
function scan(xml: string, handlers: Parameters<typeof scanXml>[1]): void {
  try {
    scanXml(xml, handlers);
  } catch (e) {
    if (e instanceof XlsxError) {
      throw e;
    }
    throw new XlsxError('malformed', m.malformed);
  }
}

/** The folder of a part ('xl/workbook.xml' → 'xl/'), and a relationship target resolved against it. */
const folderOf = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);
function resolve(folder: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : folder + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') {
      out.pop();
    } else if (p !== '.' && p !== '') {
      out.push(p);
    }
  }
  return out.join('/');
}

type Relationship = { type: string; target: string };

/** The relationships of a part, by id (external targets left out). */
function relationshipsOf(pkg: Package, part: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  const xml = pkg.text(`${folderOf(part)}_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`);
  if (xml !== undefined) {
    scan(xml, {
      open: (name, a) => {
        if (name === 'Relationship' && a.Id && a.Target && a.TargetMode !== 'External') {
          rels.set(a.Id, { type: a.Type ?? '', target: resolve(folderOf(part), a.Target) });
        }
      },
    });
  }
  return rels;
}

const ofType = (rels: Map<string, Relationship>, suffix: string) =>
  [...rels.values()].find((r) => r.type.endsWith(suffix))?.target;

function sharedStringsOf(xml: string | undefined): string[] {
  const strings: string[] = [];
  if (xml === undefined) {
    return strings;
  }
  let current: string | null = null;
  let buf: string | null = null;
  let phonetic = 0;
  scan(xml, {
    open: (name, _a, empty) => {
      if (name === 'si') {
        current = '';
        if (empty) {
          strings.push('');
          current = null;
        }
      } else if (name === 'rPh' && !empty) {
        phonetic++;
      } else if (name === 't' && current !== null && phonetic === 0 && !empty) {
        buf = '';
      }
    },
    text: (t) => {
      if (buf !== null) {
        buf += t;
      }
    },
    close: (name) => {
      if (name === 't' && buf !== null) {
        current = (current ?? '') + buf;
        buf = null;
      } else if (name === 'rPh') {
        phonetic--;
      } else if (name === 'si' && current !== null) {
        strings.push(decodeXstring(current));
        current = null;
      }
    },
  });
  return strings;
}

/** For each cell style index (cellXfs), whether it shows a date. */
function dateStylesOf(xml: string | undefined): (DateKind | undefined)[] {
  if (xml === undefined) {
    return [];
  }
  const formats = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  scan(xml, {
    open: (name, a, empty) => {
      if (name === 'numFmt' && a.numFmtId !== undefined && a.formatCode !== undefined) {
        formats.set(Number(a.numFmtId), a.formatCode);
      } else if (name === 'cellXfs' && !empty) {
        inCellXfs = true;
      } else if (name === 'xf' && inCellXfs) {
        xfs.push(Number(a.numFmtId ?? 0));
      }
    },
    close: (name) => {
      if (name === 'cellXfs') {
        inCellXfs = false;
      }
    },
  });
  return xfs.map((id) => dateKindOf(id, formats.get(id)));
}

/** '1.0' → '1', 0.30000000000000004 → '0.3': the 15 significant digits Excel shows. */
const numberText = (n: number): string => String(Number(n.toPrecision(15)));

const CELL_REF = /^([A-Za-z]{1,3})(\d{1,7})$/;
function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    n = n * 26 + (ch.charCodeAt(0) - 64);
  }
  return n - 1;
}

type Book = { sheet: string; strings: string[]; dateStyles: (DateKind | undefined)[]; date1904: boolean };

function bookOf(pkg: Package): Book {
  const root = relationshipsOf(pkg, '');
  const workbookPath = ofType(root, '/officeDocument') ?? 'xl/workbook.xml';
  const workbookXml = pkg.text(workbookPath);
  if (workbookXml === undefined) {
    throw new XlsxError('not_xlsx', m.notXlsx);
  }
  const sheets: XmlAttrs[] = [];
  let date1904 = false;
  scan(workbookXml, {
    open: (name, a) => {
      if (name === 'sheet') {
        sheets.push(a);
      } else if (name === 'workbookPr') {
        date1904 = a.date1904 === '1' || a.date1904 === 'true';
      }
    },
  });
  const rels = relationshipsOf(pkg, workbookPath);
  const worksheets = sheets.flatMap((s) => {
    const rel = rels.get(s.id ?? '');
    return rel && rel.type.endsWith('/worksheet') && pkg.has(rel.target)
      ? [{ path: rel.target, hidden: s.state === 'hidden' || s.state === 'veryHidden' }]
      : [];
  });
  const sheet = (worksheets.find((w) => !w.hidden) ?? worksheets[0])?.path;
  if (sheet === undefined) {
    throw new XlsxError('no_sheet', m.noSheet);
  }
  return {
    sheet,
    strings: sharedStringsOf(
      pkg.text(ofType(rels, '/sharedStrings') ?? `${folderOf(workbookPath)}sharedStrings.xml`),
    ),
    dateStyles: dateStylesOf(pkg.text(ofType(rels, '/styles') ?? `${folderOf(workbookPath)}styles.xml`)),
    date1904,
  };
}

function dateText(serial: number, kind: DateKind, date1904: boolean): string | undefined {
  const w = wallTimeOfSerial(serial, date1904);
  if (!w) {
    return undefined;
  }
  if (kind === 'date') {
    return w.date;
  }
  return kind === 'time' && serial < 1 ? w.time : `${w.date} ${w.time}`;
}

/**
 * The values of the workbook's first visible worksheet as text, read without any other tool's help (pure).
 * `rows[i]` is the sheet's row i + 1 and `rows[i][j]` its column j + 1; a row ends at its last cell with a value
 * (shorter rows are not padded), an empty row is [], and the grid ends at the last row with a value.
 * Cells: shared and inline strings as written (rich text joined, phonetic guides left out); numbers in up to 15
 * significant digits ('200000', '0.125'); booleans 'TRUE'/'FALSE'; errors as shown ('#N/A'); formulas by their last
 * computed value; numbers in a date format as 'YYYY-MM-DD' (with ' HH:MM:SS' when the format shows a time; 'HH:MM:SS'
 * for a time of day alone), the wall-clock date the sheet shows, whatever the server's time zone.
 * Throws XlsxError: not_xlsx (not a ZIP, or a ZIP without a workbook), legacy_or_encrypted (.xls or a password),
 * malformed, no_sheet, too_large, too_many_rows, too_many_columns, too_many_cells (see XlsxReadOptions).
 */
export function readXlsxRows(bytes: Buffer, opts: XlsxReadOptions = {}): string[][] {
  const limits = { ...XLSX_READ_LIMITS, ...opts };
  const pkg = openPackage(bytes, limits.maxBytes);
  const book = bookOf(pkg);
  const xml = pkg.text(book.sheet);
  if (xml === undefined) {
    throw new XlsxError('no_sheet', m.noSheet);
  }
  const rows: string[][] = [];
  let cells = 0;
  let rowIndex = -1;
  let col = -1;
  let type = 'n';
  let style = 0;
  let value: string | null = null;
  let inline: string | null = null;
  let buf: string | null = null;
  let phonetic = 0;

  const endCell = () => {
    const text = cellText();
    if (text === '') {
      return;
    }
    if (rowIndex < 0) {
      throw new XlsxError('malformed', m.malformed);
    }
    if (rowIndex >= limits.maxRows) {
      throw new XlsxError('too_many_rows', m.tooManyRows(limits.maxRows));
    }
    if (col >= limits.maxColumns) {
      throw new XlsxError('too_many_columns', m.tooManyColumns(limits.maxColumns));
    }
    const row = (rows[rowIndex] ??= []);
    if (col >= row.length) {
      cells += col + 1 - row.length;
      if (cells > limits.maxCells) {
        throw new XlsxError('too_many_cells', m.tooManyCells(limits.maxCells));
      }
      while (row.length < col) {
        row.push('');
      }
      row.push(text);
    } else {
      row[col] = text;
    }
  };

  const cellText = (): string => {
    switch (type) {
      case 's': {
        if (value === null || value.trim() === '') {
          return '';
        }
        const s = book.strings[Number(value)];
        if (s === undefined) {
          throw new XlsxError('malformed', m.malformed);
        }
        return s;
      }
      case 'inlineStr':
        return decodeXstring(inline ?? '');
      case 'str':
      case 'e':
        return value ?? '';
      case 'b':
        return value === null || value === '' ? '' : value.trim() === '1' ? 'TRUE' : 'FALSE';
      case 'd':
        return value === null ? '' : isoDateText(value.trim());
      default: {
        if (value === null || value.trim() === '') {
          return '';
        }
        const n = Number(value);
        if (!Number.isFinite(n)) {
          throw new XlsxError('malformed', m.malformed);
        }
        const kind = book.dateStyles[style];
        return (kind && dateText(n, kind, book.date1904)) ?? numberText(n);
      }
    }
  };

  scan(xml, {
    open: (name, a, empty) => {
      switch (name) {
        case 'row': {
          const r = a.r === undefined ? rowIndex + 2 : Number(a.r);
          if (!Number.isInteger(r) || r < 1) {
            throw new XlsxError('malformed', m.malformed);
          }
          rowIndex = r - 1;
          col = -1;
          return;
        }
        case 'c': {
          const ref = a.r === undefined ? undefined : CELL_REF.exec(a.r);
          col = ref ? columnIndex(ref[1] as string) : col + 1;
          type = a.t ?? 'n';
          style = Number(a.s ?? 0);
          value = null;
          inline = null;
          phonetic = 0;
          if (empty) {
            endCell();
          }
          return;
        }
        case 'v':
          if (!empty) {
            buf = '';
          }
          return;
        case 'is':
          inline = '';
          return;
        case 'rPh':
          if (!empty) {
            phonetic++;
          }
          return;
        case 't':
          if (inline !== null && phonetic === 0 && !empty) {
            buf = '';
          }
          return;
        default:
          return;
      }
    },
    text: (t) => {
      if (buf !== null) {
        buf += t;
      }
    },
    close: (name) => {
      if (name === 'v' && buf !== null) {
        value = buf;
        buf = null;
      } else if (name === 't' && buf !== null) {
        inline = (inline ?? '') + buf;
        buf = null;
      } else if (name === 'rPh') {
        phonetic--;
      } else if (name === 'c') {
        endCell();
      }
    },
  });
  return Array.from(rows, (r) => r ?? []);
}

/** A cell of type d (an ISO 8601 date, written by some tools): 'YYYY-MM-DD', with ' HH:MM:SS' when not midnight. */
function isoDateText(v: string): string {
  const d = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2})?))?/.exec(v);
  if (!d) {
    return v;
  }
  const time = d[2] === undefined ? '00:00:00' : d[2].length === 5 ? `${d[2]}:00` : d[2];
  return time === '00:00:00' ? (d[1] as string) : `${d[1]} ${time}`;
}
