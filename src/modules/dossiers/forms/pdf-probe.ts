import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

/*
 * For tests only: reads a PDF back with poppler-utils (pdftotext, pdfinfo, pdftoppm; installed by .ci/run) and
 * decodes QR codes on a rendered page with jsqr. Each call works in its own temporary folder.
 */

const run = promisify(execFile);
/** jsqr is CommonJS with its function also on `.default`, which is where its types put it. */
const jsQR = jsQRModule.default;

async function withPdf<T>(pdf: Buffer, use: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'congxa-form-'));
  try {
    const file = join(dir, 'form.pdf');
    await writeFile(file, pdf);
    return await use(file, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `pdftotext -layout`: the text of every page, pages split on form feeds. */
export function pdfPages(pdf: Buffer): Promise<string[]> {
  return withPdf(pdf, async (file) => {
    const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
      maxBuffer: 1 << 26,
    });
    return stdout.replace(/\f$/, '').split('\f');
  });
}

export type WordBox = { page: number; text: string; xMin: number; yMin: number; xMax: number; yMax: number };

/** `pdftotext -bbox`: every word with its box in points, for checking that text stays inside the margins. */
export function pdfWords(pdf: Buffer): Promise<WordBox[]> {
  return withPdf(pdf, async (file) => {
    const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { maxBuffer: 1 << 26 });
    const words: WordBox[] = [];
    stdout.split('<page ').forEach((page, i) => {
      for (const m of page.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
      )) {
        const [xMin, yMin, xMax, yMax] = [m[1], m[2], m[3], m[4]].map(Number) as [
          number,
          number,
          number,
          number,
        ];
        words.push({ page: i, text: m[5] ?? '', xMin, yMin, xMax, yMax });
      }
    });
    return words;
  });
}

/** The whole text with runs of white space made one space, for phrases that may wrap. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** `pdfinfo`: page count, page size in points, and the metadata fields. */
export function pdfInfo(
  pdf: Buffer,
): Promise<{ pages: number; width: number; height: number; fields: string }> {
  return withPdf(pdf, async (file) => {
    const { stdout } = await run('pdfinfo', [file]);
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(stdout);
    return {
      pages: Number(/Pages:\s+(\d+)/.exec(stdout)?.[1] ?? NaN),
      width: Number(size?.[1] ?? NaN),
      height: Number(size?.[2] ?? NaN),
      fields: stdout,
    };
  });
}

/** Renders a page at 150 dpi (`pdftoppm -png -r 150`) and decodes the QR code on it; null when none is found. */
export function decodeQr(pdf: Buffer, page = 1): Promise<string | null> {
  return withPdf(pdf, async (file, dir) => {
    const prefix = join(dir, 'page');
    await run('pdftoppm', [
      '-png',
      '-r',
      '150',
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      file,
      prefix,
    ]);
    const png = PNG.sync.read(await readFile(`${prefix}.png`));
    const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    return found ? found.data : null;
  });
}
