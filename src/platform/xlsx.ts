import type { FastifyReply } from 'fastify';
import { XLSX_CONTENT_TYPE } from './xlsx-write.js';

/**
 * XLSX without a spreadsheet library (ADR 0007): a writer and a reader of Office Open XML workbooks over fflate's ZIP
 * and a small XML scanner.
 */
export {
  columnName,
  sheetNameOf,
  writeXlsx,
  XLSX_CONTENT_TYPE,
  type XlsxCell,
  type XlsxColumn,
  type XlsxColumnKind,
  type XlsxSheet,
  type XlsxWorkbook,
} from './xlsx-write.js';
export {
  looksLikeOle,
  looksLikeZip,
  readXlsxRows,
  XLSX_READ_LIMITS,
  XlsxError,
  type XlsxErrorCode,
  type XlsxReadOptions,
} from './xlsx-read.js';

/**
 * Content-Disposition for a download named in Vietnamese: an ASCII fallback ("Bao cao ho so.xlsx") for old clients and
 * the UTF-8 name (RFC 6266 / RFC 5987 `filename*`).
 */
export function attachmentHeader(fileName: string): string {
  // eslint-disable-next-line no-control-regex
  const name = fileName.normalize('NFC').replace(/[\x00-\x1F\x7F"\\/]/g, '_');
  const ascii = name
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7E]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii || 'download'}"; filename*=UTF-8''${encoded}`;
}

/** Sends a workbook as a download: XLSX content type, the file name in Vietnamese, not cached. */
export function xlsxReply(reply: FastifyReply, bytes: Buffer, fileName: string): FastifyReply {
  return reply
    .header('content-type', XLSX_CONTENT_TYPE)
    .header('content-disposition', attachmentHeader(fileName))
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(bytes);
}
