import { citizenPaths, dossierPaths } from '../../http/paths.js';
import { formatDateTime, formatNumber } from '../../platform/time.js';
import { RETURN_METHODS, type DossierStatus } from './dossier-workflow.js';
import { dossierMessages } from './dossiers.messages.js';
import { onlineMessages as m } from './online.messages.js';
import type { Draft, DraftFile, OnlineProcedure } from './online.service.js';
import { docField } from './online.schemas.js';

/* View models of the online submission pages and "my dossiers" (pure). */

/** "350 KB", "1,2 MB". */
export function formatSize(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`
    : `${formatNumber(bytes / (1024 * 1024), 1)} MB`;
}

export type DocumentFieldView = {
  field: string;
  index: number;
  label: string;
  required: boolean;
  uploaded: { fileName: string; size: string } | null;
};

/** One file input per document of the procedure, with the file already kept in the draft. */
export function toDocumentFields(
  procedure: OnlineProcedure,
  files: readonly DraftFile[],
): DocumentFieldView[] {
  return procedure.documents.map((d, index) => {
    const kind = d.original === true ? m.form.original : d.original === false ? m.form.copy : null;
    const file = files.find((f) => f.document === index);
    return {
      field: docField(index),
      index,
      // A name that already says "(nếu có)" is not told so twice.
      label: `${d.name}${kind ? ` (${kind})` : ''}${d.required ? ` ${m.form.required}` : /\(nếu có\)/i.test(d.name) ? '' : ` ${m.form.optional}`}`,
      required: d.required,
      uploaded: file ? { fileName: file.fileName, size: formatSize(file.size) } : null,
    };
  });
}

export const returnMethodOptions = () =>
  RETURN_METHODS.map((value) => ({ value, label: dossierMessages.returnMethod[value] }));

/** The citizen's other drafts of a procedure, to resume instead of starting again. */
export const toDraftLinks = (base: string, drafts: readonly Draft[]) =>
  drafts.map((d) => ({
    href: citizenPaths.online(base, d.procedureCode, d.id),
    label: m.form.resume(formatDateTime(d.updatedAt)),
  }));

export type MyDraftRow = {
  procedureName: string;
  savedAt: string;
  files: number;
  resumeHref: string;
  deleteAction: string;
  deleteLabel: string;
};
export type MyDossierRow = {
  code: string;
  procedureName: string;
  submittedAt: string;
  status: string;
  dueAt: string;
  lookupHref: string;
  /** The electronic result to download, once returned electronically. */
  resultHref: string | null;
};

export function toMyDraftRows(base: string, drafts: readonly Draft[]): MyDraftRow[] {
  return drafts.map((d) => ({
    procedureName: d.procedureName,
    savedAt: formatDateTime(d.updatedAt),
    files: d.files.length,
    resumeHref: citizenPaths.online(base, d.procedureCode, d.id),
    deleteAction: citizenPaths.draftDelete(base, d.id),
    deleteLabel: m.mine.deleteLabel(d.procedureName),
  }));
}

export function toMyDossierRows(
  base: string,
  rows: readonly {
    id: number;
    code: string | null;
    status: DossierStatus;
    returnedVia: string | null;
    procedureName: string;
    submittedAt: string;
    dueAt: string | null;
  }[],
): MyDossierRow[] {
  return rows.map((r) => ({
    code: r.code ?? '',
    procedureName: r.procedureName,
    submittedAt: formatDateTime(r.submittedAt),
    status: dossierMessages.status[r.status],
    dueAt: r.dueAt ? formatDateTime(r.dueAt) : '',
    lookupHref: r.code ? dossierPaths.lookup(base, r.code) : '',
    resultHref:
      r.status === 'returned' && r.returnedVia === 'electronic' ? citizenPaths.result(base, r.id) : null,
  }));
}
