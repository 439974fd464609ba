import { unzipSync } from 'fflate';
import { procedureMessages } from './procedures.messages.js';
import { fileSizeText } from './procedures.presenter.js';
import { TEMPLATE_TYPES, type TemplateMime } from './procedures.model.js';

/* The template file of a document (the official form), recognised by its bytes, never by its name (pure). */

const PDF = Buffer.from('%PDF-', 'latin1');
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** The stream every Word 97-2003 document has, named in the OLE directory (UTF-16LE). */
const WORD_STREAM = Buffer.from('WordDocument', 'utf16le');
const ODT_MIME = 'application/vnd.oasis.opendocument.text';
const DOCX_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const MAX_ZIP_ENTRIES = 10_000;
/** The parts read to tell a DOCX or an ODT apart are small; a bigger one is not a document we accept. */
const MAX_PART_BYTES = 1024 * 1024;

/**
 * What a template file is: PDF (`%PDF-`), Word 97-2003 (an OLE file with a WordDocument stream: an .xls or a
 * password-protected Office file is not one), DOCX (a ZIP whose [Content_Types].xml declares a Word document's main
 * part: a macro-enabled .docm or a .dotx template does not) or ODT (a ZIP whose `mimetype` entry says
 * application/vnd.oasis.opendocument.text). Anything else, a broken ZIP included, is undefined.
 */
export function sniffTemplate(bytes: Buffer): TemplateMime | undefined {
  if (bytes.subarray(0, PDF.length).equals(PDF)) {
    return 'application/pdf';
  }
  if (bytes.subarray(0, OLE.length).equals(OLE)) {
    return bytes.includes(WORD_STREAM) ? 'application/msword' : undefined;
  }
  if (bytes.subarray(0, ZIP.length).equals(ZIP)) {
    return zippedDocument(bytes);
  }
  return undefined;
}

function zippedDocument(bytes: Buffer): TemplateMime | undefined {
  const names = new Set<string>();
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (f) => {
        names.add(f.name);
        if (names.size > MAX_ZIP_ENTRIES) {
          throw new Error('too many entries');
        }
        return (
          (f.name === 'mimetype' || f.name === '[Content_Types].xml') && f.originalSize <= MAX_PART_BYTES
        );
      },
    });
  } catch {
    return undefined;
  }
  const text = (name: string) => {
    const data = parts[name];
    return data ? Buffer.from(data).toString('utf8') : undefined;
  };
  if (text('mimetype')?.trim() === ODT_MIME && names.has('content.xml')) {
    return 'application/vnd.oasis.opendocument.text';
  }
  const types = text('[Content_Types].xml');
  if (types?.includes(`ContentType="${DOCX_MAIN}"`) && names.has('word/document.xml')) {
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  }
  return undefined;
}

/**
 * The name a template is downloaded with: the uploaded file's name without its folder, control characters or quotes,
 * at most 150 characters before the extension, which is always the sniffed type's ("mau.pdf" holding a DOCX is sent
 * as "mau.docx").
 */
export function templateFileName(uploaded: string, mime: TemplateMime): string {
  const base = uploaded.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  const stem = cleaned.replace(/\.[A-Za-z0-9]{1,5}$/, '').trim() || 'mau';
  return `${stem.slice(0, 150)}.${TEMPLATE_TYPES[mime].extension}`;
}

export type CheckedTemplate =
  { ok: true; mime: TemplateMime; fileName: string } | { ok: false; message: string };

/** An uploaded template, checked before anything is stored: present, within the size limit, of an accepted type. */
export function checkTemplate(
  file: { filename: string; data: Buffer; truncated: boolean },
  maxBytes: number,
): CheckedTemplate {
  const m = procedureMessages.templates;
  if (file.data.length === 0) {
    return { ok: false, message: m.fileMissing };
  }
  if (file.truncated || file.data.length > maxBytes) {
    return { ok: false, message: m.tooLarge(fileSizeText(maxBytes)) };
  }
  const mime = sniffTemplate(file.data);
  if (!mime) {
    return { ok: false, message: m.wrongType };
  }
  return { ok: true, mime, fileName: templateFileName(file.filename, mime) };
}
