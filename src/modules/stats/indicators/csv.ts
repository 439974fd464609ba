/*
 * CSV for the indicator exports (issue #4 item 7): UTF-8 with a byte-order mark (so that Excel reads Vietnamese),
 * comma-separated, CRLF line ends, RFC 4180 quoting. Numbers are written as numbers (a dot for decimals); text that
 * a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection). Pure.
 */

export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

function cellOf(v: CsvCell): string {
  if (v === null) {
    return '';
  }
  if (typeof v === 'number') {
    return Number.isFinite(v) ? String(v) : '';
  }
  const text = FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(cellOf).join(',')).join('\r\n')}\r\n`;
}
