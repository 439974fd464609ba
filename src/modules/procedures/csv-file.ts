import { looksLikeOle, looksLikeZip } from '../../platform/xlsx.js';
import { xlsxMessages } from '../../platform/xlsx.messages.js';
import { procedureMessages } from './procedures.messages.js';

const m = procedureMessages.import;

/** An uploaded file as http/uploads.ts gives it to the route. */
export type CatalogueUpload = { filename: string; data: Buffer; truncated: boolean };

export type CatalogueFile =
  | { ok: true; kind: 'csv'; text: string }
  | { ok: true; kind: 'xlsx'; data: Buffer }
  | { ok: false; message: string };

/**
 * What an uploaded catalogue file is (pure), by its bytes, not its name: a ZIP is read as an Excel workbook (.xlsx;
 * anything else zipped is refused when it is read); an OLE file (.xls, or a workbook with a password) is refused with
 * a message saying how to save it; anything else must be UTF-8 text without NUL characters (a byte-order mark is
 * dropped later by the parser), which refuses other binary files.
 */
export function catalogueFileOf(file: CatalogueUpload): CatalogueFile {
  if (file.truncated) {
    return { ok: false, message: m.fileTooLarge };
  }
  if (looksLikeZip(file.data)) {
    return { ok: true, kind: 'xlsx', data: file.data };
  }
  if (looksLikeOle(file.data)) {
    return { ok: false, message: xlsxMessages.legacyOrEncrypted };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.data);
  } catch {
    return { ok: false, message: m.notUtf8 };
  }
  return text.includes('\u0000') ? { ok: false, message: m.notUtf8 } : { ok: true, kind: 'csv', text };
}
