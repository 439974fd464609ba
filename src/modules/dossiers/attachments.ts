import { sniffImage } from '../../platform/image-type.js';
import type { UploadedFile } from '../../http/uploads.js';

/* The files a dossier may carry: scans as PDF, JPEG or PNG, recognised by their first bytes (never by name). */

export type AttachmentType = {
  mime: 'application/pdf' | 'image/jpeg' | 'image/png';
  extension: 'pdf' | 'jpg' | 'png';
};

export function sniffAttachment(bytes: Buffer): AttachmentType | undefined {
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    return { mime: 'application/pdf', extension: 'pdf' };
  }
  const image = sniffImage(bytes);
  if (image?.mime === 'image/jpeg') {
    return { mime: 'image/jpeg', extension: 'jpg' };
  }
  if (image?.mime === 'image/png') {
    return { mime: 'image/png', extension: 'png' };
  }
  return undefined;
}

export const attachmentMessages = {
  type: (name: string) => `Tệp "${name}" không phải PDF, JPEG hay PNG.`,
  tooLarge: (name: string, mb: number) => `Tệp "${name}" lớn hơn ${mb} MB.`,
  empty: (name: string) => `Tệp "${name}" rỗng.`,
};

/** A file name safe to show and to send back in Content-Disposition: no path, no control characters, ≤ 200 chars. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (cleaned || 'tep').slice(0, 200);
}

/**
 * Checks an uploaded file before anything is stored: present, within the size limit, of an accepted type.
 * Returns the file ready for the service, or the message to show at the field.
 */
export function checkAttachment(
  file: UploadedFile,
  maxBytes: number,
):
  | { ok: true; mime: AttachmentType['mime']; extension: AttachmentType['extension']; fileName: string }
  | { ok: false; message: string } {
  const fileName = cleanFileName(file.filename);
  if (file.truncated || file.data.length > maxBytes) {
    return { ok: false, message: attachmentMessages.tooLarge(fileName, Math.round(maxBytes / 1_000_000)) };
  }
  if (file.data.length === 0) {
    return { ok: false, message: attachmentMessages.empty(fileName) };
  }
  const type = sniffAttachment(file.data);
  return type ? { ok: true, ...type, fileName } : { ok: false, message: attachmentMessages.type(fileName) };
}
