import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { DOTS } from './form-text.js';
import {
  type Align,
  type Block,
  type FormTemplate,
  type FormValues,
  type HeaderLine,
  PLACEHOLDER,
  type RowValues,
  type Signer,
  type TableColumn,
} from './form-template.js';

/*
 * Lays a form template out on paper with pdfkit (stack.md row 7). The font is Be Vietnam Pro from
 * @expo-google-fonts (TTF: the woff2 files of @fontsource crash fontkit's subsetter at doc.end()); pdfkit embeds a
 * subset with a ToUnicode map, so the text can be searched and extracted with its diacritics.
 *
 * Values are text: they are normalised to NFC, control characters (line breaks included) become spaces, and they
 * are inserted after the template's own markup and placeholders are read, so a value can never add bold, a line or a
 * placeholder. Missing values print as a dotted leader.
 */

type PDFDoc = InstanceType<typeof PDFDocument>;

/** A4 and A5 in points (pdfkit's sizes); landscape swaps them. */
const PAPER = { A4: [595.28, 841.89], A5: [419.53, 595.28] } as const;
const MARGIN = { A4: 36, A5: 24 } as const;
const BASE_SIZE = { A4: 9.5, A5: 8.5 } as const;
const LINE_GAP = 1;
const CELL_PAD = 3;

const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: '@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf',
  bold: '@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf',
  italic: '@expo-google-fonts/be-vietnam-pro/400Regular_Italic/BeVietnamPro_400Regular_Italic.ttf',
} as const;
type FontName = keyof typeof FONT_FILES;

let fonts: Promise<Record<FontName, Buffer>> | undefined;

/** The font files, read once per process. */
function loadFonts(): Promise<Record<FontName, Buffer>> {
  fonts ??= Promise.all(
    (Object.keys(FONT_FILES) as FontName[]).map(async (k) => [
      k,
      await readFile(require.resolve(FONT_FILES[k])),
    ]),
  ).then((entries) => Object.fromEntries(entries) as Record<FontName, Buffer>);
  return fonts;
}

export type RenderOptions = {
  /** The PDF's creation date (metadata); pdfkit's own "now" otherwise. */
  createdAt?: Date;
  /** The PDF's subject (metadata), e.g. the dossier code. */
  subject?: string;
};

/** Thrown when a template names a value the form does not have: a mistake in the template, not in the input. */
export class TemplateError extends Error {}

/* ---------------------------------------------------------------- values */

/** A value as printed text, or null when missing. */
export function cleanValue(value: string | null | undefined): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  const s = value
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed here
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .trim();
  return s === '' ? null : s;
}

/** Finds a value: a text, null for a missing one; throws for a key the values do not have. */
type Lookup = (key: string) => string | null;

function lookupIn(values: FormValues, row?: RowValues, blankRow = false): Lookup {
  return (key) => {
    if (row && Object.hasOwn(row, key)) {
      return cleanValue(row[key]);
    }
    if (Object.hasOwn(values, key)) {
      const v = values[key];
      if (Array.isArray(v)) {
        throw new TemplateError(`{{${key}}} names a table's rows, not a text`);
      }
      return cleanValue(v as string | null | undefined);
    }
    if (blankRow) {
      return null;
    }
    throw new TemplateError(`The template uses {{${key}}}, which this form does not have`);
  };
}

/** Template text with its placeholders filled (missing → dots); one pass, so values are never re-read. */
function fill(text: string, lookup: Lookup): string {
  return text.replace(PLACEHOLDER, (_, key: string) => lookup(key) ?? DOTS);
}

/** True when every placeholder of the text is missing (and there is at least one). */
function allMissing(text: string, lookup: Lookup): boolean {
  const keys = [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
  return keys.length > 0 && keys.every((k) => lookup(k) === null);
}

type Run = { text: string; bold: boolean };

/** Splits the template's `**bold**` marks first, then fills each part. */
function runsOf(text: string, lookup: Lookup): Run[] {
  return text
    .split(/(\*\*[^*]+\*\*)/)
    .filter((part) => part !== '')
    .map((part) =>
      part.startsWith('**') && part.endsWith('**') && part.length > 4
        ? { text: fill(part.slice(2, -2), lookup), bold: true }
        : { text: fill(part, lookup), bold: false },
    );
}

/* ---------------------------------------------------------------- layout */

type Ctx = {
  doc: PDFDoc;
  base: number;
  left: number;
  width: number;
  /** The lowest y a line may reach on a page. */
  bottom: number;
  top: number;
  values: FormValues;
  lookup: Lookup;
  qr: Map<Block, Buffer>;
};

function fontOf(bold: boolean | undefined, italic: boolean | undefined): FontName {
  return bold ? 'bold' : italic ? 'italic' : 'regular';
}

function ensureRoom(ctx: Ctx, height: number): void {
  if (ctx.doc.y + height > ctx.bottom) {
    ctx.doc.addPage();
    ctx.doc.y = ctx.top;
  }
}

function drawLegalNote(ctx: Ctx, text: string): void {
  const { doc } = ctx;
  doc.font('italic').fontSize(ctx.base - 2);
  doc.text(fill(text, ctx.lookup), ctx.left, doc.y, { width: ctx.width, align: 'right', lineGap: LINE_GAP });
  doc.y += 3;
}

/** One centred column of the header; returns its bottom. */
function drawHeaderColumn(ctx: Ctx, lines: HeaderLine[], x: number, y: number, width: number): number {
  const { doc } = ctx;
  doc.y = y;
  for (const line of lines) {
    if (line.optional && allMissing(line.text, ctx.lookup)) {
      continue;
    }
    let text = fill(line.text, ctx.lookup);
    if (line.upper) {
      text = text.toLocaleUpperCase('vi-VN');
    }
    doc
      .font(fontOf(line.bold, line.italic))
      .fontSize(line.size ?? ctx.base - 0.5)
      .text(text, x, doc.y, { width, align: 'center', lineGap: LINE_GAP });
    if (line.rule) {
      const full = Math.min(doc.widthOfString(text), width);
      const length = line.rule === 'full' ? full : Math.min(full, width) * 0.35;
      const ruleY = doc.y + 1;
      doc
        .moveTo(x + (width - length) / 2, ruleY)
        .lineTo(x + (width + length) / 2, ruleY)
        .lineWidth(0.6)
        .stroke();
      doc.y = ruleY + 4;
    }
  }
  return doc.y;
}

function drawHeader(ctx: Ctx, b: Extract<Block, { kind: 'header' }>): void {
  const y = ctx.doc.y;
  const gap = 6;
  const leftWidth = (ctx.width - gap) * (b.leftShare ?? 0.47);
  const rightWidth = ctx.width - gap - leftWidth;
  const leftEnd = drawHeaderColumn(ctx, b.left, ctx.left, y, leftWidth);
  const rightEnd = drawHeaderColumn(ctx, b.right, ctx.left + leftWidth + gap, y, rightWidth);
  ctx.doc.y = Math.max(leftEnd, rightEnd) + 6;
}

function drawTitle(ctx: Ctx, b: Extract<Block, { kind: 'title' }>): void {
  const { doc } = ctx;
  doc.y += 4;
  doc
    .font('bold')
    .fontSize(b.size ?? ctx.base + 2.5)
    .text(fill(b.text, ctx.lookup), ctx.left, doc.y, {
      width: ctx.width,
      align: 'center',
      lineGap: LINE_GAP,
    });
  doc.y += 2;
}

function drawParagraph(ctx: Ctx, b: Extract<Block, { kind: 'paragraph' }>): void {
  if (b.when !== undefined && ctx.lookup(b.when) === null) {
    return;
  }
  const { doc } = ctx;
  const runs = runsOf(b.text, ctx.lookup);
  const size = b.size ?? ctx.base;
  const fontOfRun = (run: Run) => fontOf(run.bold || b.bold, b.italic);
  if (runs.length > 1 && (b.align === 'center' || b.align === 'right')) {
    drawAlignedRuns(
      ctx,
      runs.map((r) => ({ text: r.text, font: fontOfRun(r) })),
      size,
      b.align,
    );
    return;
  }
  // pdfkit spaces justified text badly across font changes: justify only one-font paragraphs.
  const align: Align = b.align === 'justify' && runs.length > 1 ? 'left' : (b.align ?? 'left');
  const options = { width: ctx.width, align, lineGap: LINE_GAP, indent: b.indent ?? 0 };
  runs.forEach((run, i) => {
    doc.font(fontOfRun(run)).fontSize(size);
    const continued = i < runs.length - 1;
    if (i === 0) {
      doc.text(run.text, ctx.left, doc.y, { ...options, continued });
    } else {
      doc.text(run.text, { ...options, continued });
    }
  });
  doc.y += 1.5;
}

/**
 * A centred or right-aligned line in several fonts: pdfkit's `continued` text places each part as if it were alone,
 * so the parts are measured and placed here. A text too long for one line is printed in one font, wrapped.
 */
function drawAlignedRuns(
  ctx: Ctx,
  runs: { text: string; font: FontName }[],
  size: number,
  align: 'center' | 'right',
): void {
  const { doc } = ctx;
  const widths = runs.map((r) => doc.font(r.font).fontSize(size).widthOfString(r.text));
  const total = widths.reduce((s, w) => s + w, 0);
  const y = doc.y;
  if (total > ctx.width) {
    doc
      .font('regular')
      .fontSize(size)
      .text(runs.map((r) => r.text).join(''), ctx.left, y, { width: ctx.width, align, lineGap: LINE_GAP });
    doc.y += 1.5;
    return;
  }
  let x = ctx.left + (align === 'center' ? (ctx.width - total) / 2 : ctx.width - total);
  let height = 0;
  runs.forEach((r, i) => {
    doc.font(r.font).fontSize(size);
    height = Math.max(height, doc.currentLineHeight(true) + LINE_GAP);
    doc.text(r.text, x, y, { lineBreak: false });
    x += widths[i] ?? 0;
  });
  doc.x = ctx.left;
  doc.y = y + height + 1.5;
}

type Cell = { text: string; x: number; width: number; align: Align };

/** Column x positions and widths across the content width. */
function columnsOf(ctx: Ctx, columns: TableColumn[]): { x: number; width: number }[] {
  const total = columns.reduce((s, c) => s + c.width, 0);
  let x = ctx.left;
  return columns.map((c) => {
    const width = (ctx.width * c.width) / total;
    const out = { x, width };
    x += width;
    return out;
  });
}

/**
 * Breaks words too wide for a cell after a hyphen, slash, dot or similar (a dossier code, an address), where pdfkit
 * would cut them at any letter (Unicode line breaking keeps "H12-250203" together). A piece still too wide is left
 * to pdfkit.
 */
function breakLongWords(doc: PDFDoc, text: string, width: number): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .split(' ')
        .map((word) => {
          if (doc.widthOfString(word) <= width) {
            return word;
          }
          const pieces = word.split(/(?<=[-/.?&_,;])/);
          const lines: string[] = [];
          let current = '';
          for (const piece of pieces) {
            if (current !== '' && doc.widthOfString(current + piece) > width) {
              lines.push(current);
              current = piece;
            } else {
              current += piece;
            }
          }
          lines.push(current);
          return lines.join('\n');
        })
        .join(' '),
    )
    .join('\n');
}

function textHeight(doc: PDFDoc, text: string, width: number): number {
  return text === '' ? 0 : doc.heightOfString(text, { width: width - 2 * CELL_PAD, lineGap: LINE_GAP });
}

function drawCell(doc: PDFDoc, cell: Cell, y: number, height: number, font: FontName): void {
  doc.lineWidth(0.5).rect(cell.x, y, cell.width, height).stroke();
  if (cell.text !== '') {
    doc.font(font).text(cell.text, cell.x + CELL_PAD, y + CELL_PAD, {
      width: cell.width - 2 * CELL_PAD,
      align: cell.align,
      lineGap: LINE_GAP,
    });
  }
}

/** The header row(s) of a table, with the group cells above grouped columns; returns its height. */
function drawTableHeader(ctx: Ctx, columns: TableColumn[], size: number): number {
  const { doc } = ctx;
  const geo = columnsOf(ctx, columns);
  doc.font('bold').fontSize(size);
  const groups: { name: string; from: number; to: number }[] = [];
  columns.forEach((c, i) => {
    const last = groups[groups.length - 1];
    if (c.group !== undefined && last?.name === c.group && last.to === i - 1) {
      last.to = i;
    } else if (c.group !== undefined) {
      groups.push({ name: c.group, from: i, to: i });
    }
  });
  const headerText = columns.map((c) => fill(c.header, ctx.lookup));
  const cellH = (i: number) => textHeight(doc, headerText[i] ?? '', geo[i]?.width ?? 0) + 2 * CELL_PAD;
  const groupWidth = (g: (typeof groups)[number]) =>
    geo.slice(g.from, g.to + 1).reduce((s, c) => s + c.width, 0);
  const groupRow = Math.max(0, ...groups.map((g) => textHeight(doc, g.name, groupWidth(g)) + 2 * CELL_PAD));
  const grouped = columns.map((c) => c.group !== undefined);
  const height = Math.max(...columns.map((_, i) => (grouped[i] ? groupRow + cellH(i) : cellH(i))));
  const y = doc.y;
  for (const g of groups) {
    const x = geo[g.from]?.x ?? ctx.left;
    drawCell(doc, { text: g.name, x, width: groupWidth(g), align: 'center' }, y, groupRow, 'bold');
  }
  columns.forEach((_, i) => {
    const { x, width } = geo[i] ?? { x: ctx.left, width: 0 };
    const top = grouped[i] ? y + groupRow : y;
    drawCell(doc, { text: headerText[i] ?? '', x, width, align: 'center' }, top, y + height - top, 'bold');
  });
  doc.y = y + height;
  return height;
}

function drawTable(ctx: Ctx, b: Extract<Block, { kind: 'table' }>): void {
  const { doc } = ctx;
  const rowsValue = ctx.values[b.rows];
  if (!Array.isArray(rowsValue)) {
    throw new TemplateError(`The table's rows {{${b.rows}}} are not a list of rows in this form`);
  }
  const rows = rowsValue as readonly RowValues[];
  const size = b.size ?? ctx.base - 0.5;
  const geo = columnsOf(ctx, b.columns);
  const blank = Math.max(0, (b.minRows ?? 0) - rows.length);
  const all: { row: RowValues; blank: boolean }[] = [
    ...rows.map((row) => ({ row, blank: false })),
    ...Array.from({ length: blank }, () => ({ row: {}, blank: true })),
  ];
  doc.fontSize(size);
  doc.y += 2;
  ensureRoom(ctx, 40);
  drawTableHeader(ctx, b.columns, size);
  for (const { row, blank: isBlank } of all) {
    const lookup = lookupIn(ctx.values, row, isBlank);
    doc.font('regular').fontSize(size);
    const cells: Cell[] = b.columns.map((c, i) => {
      const width = geo[i]?.width ?? 0;
      const text = breakLongWords(doc, fill(c.cell, lookup), width - 2 * CELL_PAD);
      return { text, x: geo[i]?.x ?? ctx.left, width, align: c.align ?? 'left' };
    });
    const height = Math.max(...cells.map((c) => textHeight(doc, c.text, c.width))) + 2 * CELL_PAD;
    if (doc.y + height > ctx.bottom - 1) {
      doc.addPage();
      doc.y = ctx.top;
      drawTableHeader(ctx, b.columns, size);
      doc.font('regular').fontSize(size);
    }
    const y = doc.y;
    cells.forEach((cell) => drawCell(doc, cell, y, height, 'regular'));
    doc.y = y + height;
  }
  doc.x = ctx.left;
  doc.y += 4;
}

function drawSignatures(ctx: Ctx, signers: Signer[]): void {
  const { doc } = ctx;
  doc.y += 6;
  ensureRoom(ctx, 80);
  const columns = signers.length === 1 ? 2 : signers.length;
  const width = ctx.width / columns;
  const y = doc.y;
  let end = y;
  signers.forEach((s, i) => {
    const x = ctx.left + width * (signers.length === 1 ? 1 : i);
    const opts = { width, align: 'center' as const, lineGap: LINE_GAP };
    doc.y = y;
    doc
      .font('bold')
      .fontSize(ctx.base)
      .text(fill(s.title, ctx.lookup).toLocaleUpperCase('vi-VN'), x, doc.y, opts);
    if (s.note !== undefined) {
      doc
        .font('italic')
        .fontSize(ctx.base - 1)
        .text(fill(s.note, ctx.lookup), x, doc.y, opts);
    }
    doc.y += 38;
    if (s.name !== undefined) {
      doc.font('bold').fontSize(ctx.base).text(fill(s.name, ctx.lookup), x, doc.y, opts);
    }
    end = Math.max(end, doc.y);
  });
  doc.x = ctx.left;
  doc.y = end + 4;
}

function drawQr(ctx: Ctx, b: Extract<Block, { kind: 'qr' }>): void {
  const png = ctx.qr.get(b);
  if (!png) {
    return; // not rendered: its `when` value or its own value is missing
  }
  const { doc } = ctx;
  const size = b.size ?? 56;
  doc.y += 4;
  ensureRoom(ctx, size + 4);
  const y = doc.y;
  doc.image(png, ctx.left, y, { width: size, height: size });
  let end = y + size;
  if (b.caption !== undefined) {
    doc
      .font('italic')
      .fontSize(ctx.base - 1)
      .text(fill(b.caption, ctx.lookup), ctx.left + size + 8, y + 4, {
        width: ctx.width - size - 8,
        lineGap: LINE_GAP,
      });
    end = Math.max(end, doc.y);
  }
  doc.x = ctx.left;
  doc.y = end + 2;
}

function drawBlock(ctx: Ctx, b: Block): void {
  switch (b.kind) {
    case 'legal-note':
      return drawLegalNote(ctx, b.text);
    case 'header':
      return drawHeader(ctx, b);
    case 'title':
      return drawTitle(ctx, b);
    case 'paragraph':
      return drawParagraph(ctx, b);
    case 'table':
      return drawTable(ctx, b);
    case 'signatures':
      return drawSignatures(ctx, b.signers);
    case 'qr':
      return drawQr(ctx, b);
    case 'space':
      ctx.doc.y += b.height;
      return;
  }
}

/** The QR images of the template, made before layout (qrcode is asynchronous). */
async function qrImages(template: FormTemplate, lookup: Lookup): Promise<Map<Block, Buffer>> {
  const out = new Map<Block, Buffer>();
  for (const b of template.blocks) {
    if (b.kind !== 'qr' || (b.when !== undefined && lookup(b.when) === null) || allMissing(b.value, lookup)) {
      continue;
    }
    const text = fill(b.value, lookup);
    out.set(
      b,
      await QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 360 }),
    );
  }
  return out;
}

/** "Trang 2/5" at the foot of every page, when there is more than one. */
function numberPages(doc: PDFDoc, ctx: Ctx): void {
  const range = doc.bufferedPageRange();
  if (range.count < 2) {
    return;
  }
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not open a new page
    doc
      .font('italic')
      .fontSize(ctx.base - 2)
      .text(`Trang ${i + 1}/${range.count}`, ctx.left, doc.page.height - bottomMargin + 8, {
        width: ctx.width,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottomMargin;
  }
}

/** Renders a form template with its values to the bytes of a PDF. */
export async function renderFormPdf(
  template: FormTemplate,
  values: FormValues,
  options: RenderOptions = {},
): Promise<Buffer> {
  const lookup = lookupIn(values);
  const [font, qr] = await Promise.all([loadFonts(), qrImages(template, lookup)]);
  const [short, long] = PAPER[template.paper];
  const landscape = template.orientation === 'landscape';
  const margin = MARGIN[template.paper];
  const doc = new PDFDocument({
    size: landscape ? [long, short] : [short, long],
    margins: { top: margin, bottom: margin, left: margin, right: margin },
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: template.name,
      ...(options.subject !== undefined ? { Subject: options.subject } : {}), // pdfkit fails on an undefined entry
      Creator: 'congxa',
      Producer: 'congxa (pdfkit)',
      ...(options.createdAt ? { CreationDate: options.createdAt, ModDate: options.createdAt } : {}),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    (Object.keys(font) as FontName[]).forEach((name) => doc.registerFont(name, font[name]));
    const ctx: Ctx = {
      doc,
      base: template.fontSize ?? BASE_SIZE[template.paper],
      left: margin,
      width: doc.page.width - 2 * margin,
      bottom: doc.page.height - margin,
      top: margin,
      values,
      lookup,
      qr,
    };
    doc.y = ctx.top;
    for (const block of template.blocks) {
      drawBlock(ctx, block);
    }
    numberPages(doc, ctx);
  } finally {
    doc.end();
  }
  return done;
}
