import { procedureMessages } from './procedures.messages.js';

const m = procedureMessages.import;

/** An uploaded file as http/uploads.ts gives it to the route. */
export type CsvUpload = { filename: string; data: Buffer; truncated: boolean };

/**
 * The text of an uploaded catalogue file (pure): UTF-8 only (a byte-order mark is dropped later by the parser).
 * An Excel workbook (a ZIP: "PK\x03\x04") gets its own message, since XLSX import is not there yet.
 */
export function csvTextOf(file: CsvUpload): { ok: true; text: string } | { ok: false; message: string } {
  if (file.truncated) {
    return { ok: false, message: m.fileTooLarge };
  }
  if (file.data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    return { ok: false, message: m.xlsx };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(file.data) };
  } catch {
    return { ok: false, message: m.notUtf8 };
  }
}
