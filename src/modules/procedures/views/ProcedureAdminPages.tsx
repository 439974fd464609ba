import { withCsrfToken } from '../../../http/paths.js';
import { Pagination, type PaginationLinks } from '../../../web/components/Pagination.js';
import { TableWrap } from '../../../web/components/TableWrap.js';
import type { FieldErrors, FormValues } from '../../../web/components/form-errors.js';
import {
  Checkbox,
  CsrfField,
  FileField,
  ErrorSummary,
  FormActions,
  Select,
  TextArea,
  TextField,
  type SelectOption,
} from '../../../web/components/forms.js';
import { procedureMessages } from '../procedures.messages.js';

const a = procedureMessages.admin;
const l = procedureMessages.list;

export type AdminListView = {
  /** What the last action did (after a redirect), or null. */
  notice: string | null;
  rows: { code: string; name: string; field: string; level: string; published: string; editHref: string }[];
  total: number;
  importHref: string;
  newHref: string;
  publicHref: string;
  pagination: PaginationLinks | null;
};

export function ProcedureAdminListPage(v: AdminListView) {
  return (
    <>
      <div class="page-head">
        <h1>{a.title}</h1>
        <a class="button" href={v.newHref}>
          {procedureMessages.form.add}
        </a>
        <a class="button" href={v.importHref}>
          {a.import}
        </a>
      </div>
      {v.notice && (
        <div class="notice notice--success" role="status">
          <p>{v.notice}</p>
        </div>
      )}
      <p>{a.lead}</p>
      <p>
        <a href={v.publicHref}>{a.publicLink}</a>
      </p>
      {v.rows.length === 0 ? (
        <p>{a.none}</p>
      ) : (
        <>
          <p>{l.count(v.total)}</p>
          <TableWrap label={a.title}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{l.colCode}</th>
                  <th scope="col">{l.colName}</th>
                  <th scope="col">{l.colField}</th>
                  <th scope="col">{l.colLevel}</th>
                  <th scope="col">{a.colPublished}</th>
                </tr>
              </thead>
              <tbody>
                {v.rows.map((r) => (
                  <tr key={r.code}>
                    <td>{r.code}</td>
                    <td>
                      <a href={r.editHref}>{r.name}</a>
                    </td>
                    <td>{r.field}</td>
                    <td>{r.level}</td>
                    <td>{r.published}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
      <Pagination p={v.pagination} />
    </>
  );
}

export function ProcedureImportPage(v: {
  action: string;
  csrfToken: string;
  values: FormValues;
  errors: FieldErrors;
  columns: string;
  optionalColumns: string;
  backHref: string;
}) {
  return (
    <div class="narrow">
      <h1>{a.importTitle}</h1>
      <ErrorSummary errors={v.errors} />
      <p>{a.importLead}</p>
      <form
        method="post"
        action={withCsrfToken(v.action, v.csrfToken)}
        enctype="multipart/form-data"
        novalidate
      >
        <CsrfField token={v.csrfToken} />
        <FileField
          name="file"
          label={a.fileLabel}
          error={v.errors.file}
          hint={`${a.columnsHint(v.columns)} ${v.optionalColumns}`}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,.csv,text/csv"
        />
        <TextArea name="csv" label={a.csvLabel} value={v.values.csv} error={v.errors.csv} rows={12} />
        <TextField
          name="fileName"
          label={a.fileNameLabel}
          value={v.values.fileName}
          error={v.errors.fileName}
        />
        <FormActions>
          <button type="submit" class="button">
            {a.submit}
          </button>
          <a href={v.backHref}>{a.back}</a>
        </FormActions>
      </form>
    </div>
  );
}

export function ProcedureImportReportPage(v: {
  summary: string;
  rejected: { row: number; column: string; message: string }[];
  backHref: string;
}) {
  return (
    <>
      <h1>{a.reportTitle}</h1>
      <p role="status">{v.summary}</p>
      <h2>{a.rejectedTitle}</h2>
      {v.rejected.length === 0 ? (
        <p>{a.noneRejected}</p>
      ) : (
        <TableWrap label={a.rejectedTitle}>
          <table>
            <thead>
              <tr>
                <th scope="col">{a.colRow}</th>
                <th scope="col">{a.colColumn}</th>
                <th scope="col">{a.colReason}</th>
              </tr>
            </thead>
            <tbody>
              {v.rejected.map((r, i) => (
                <tr key={i}>
                  <td>{r.row}</td>
                  <td>{r.column}</td>
                  <td>{r.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <p>
        <a href={v.backHref}>{a.back}</a>
      </p>
    </>
  );
}

const fm = procedureMessages.form;

export type ProcedureFormView = {
  heading: string;
  action: string;
  csrfToken: string;
  values: FormValues;
  errors: FieldErrors;
  /** On edit the code is fixed: shown, not sent. */
  codeFixed: boolean;
  backHref: string;
  /** On edit: the procedure's templates page and its deletion page. */
  templatesHref?: string | undefined;
  deleteHref?: string | undefined;
  options: {
    onlineLevel: SelectOption[];
    timeLimitKind: SelectOption[];
    onlineTimeLimitKind: SelectOption[];
    feeKind: SelectOption[];
    confidence: SelectOption[];
  };
};

/** Create or edit one procedure: identity, time limit, fee, documents, steps, legal basis, publication. */
export function ProcedureFormPage(v: ProcedureFormView) {
  const { values: val, errors: err } = v;
  return (
    <div class="narrow">
      <h1>{v.heading}</h1>
      <ErrorSummary errors={err} />
      {(v.templatesHref || v.deleteHref) && (
        <ul>
          {v.templatesHref && (
            <li>
              <a href={v.templatesHref}>{a.templatesLink}</a>
            </li>
          )}
          {v.deleteHref && (
            <li>
              <a href={v.deleteHref} class="danger-link">
                {procedureMessages.remove.title}
              </a>
            </li>
          )}
        </ul>
      )}
      <form method="post" action={v.action} novalidate>
        <CsrfField token={v.csrfToken} />
        {v.codeFixed ? (
          <p>
            {fm.code}: <strong>{val.code}</strong>
          </p>
        ) : (
          <TextField name="code" label={fm.code} hint={fm.codeHint} value={val.code} error={err.code} />
        )}
        <TextField name="name" label={fm.name} value={val.name} error={err.name} />
        <TextField name="field" label={fm.field} value={val.field} error={err.field} />
        <Select
          name="onlineLevel"
          label={fm.onlineLevel}
          value={val.onlineLevel}
          error={err.onlineLevel}
          options={v.options.onlineLevel}
        />
        <Select
          name="timeLimitKind"
          label={fm.timeLimitKind}
          value={val.timeLimitKind}
          error={err.timeLimitKind}
          options={v.options.timeLimitKind}
        />
        <TextField
          name="timeLimitAmount"
          label={fm.timeLimitAmount}
          hint={fm.timeLimitHint}
          value={val.timeLimitAmount}
          error={err.timeLimitAmount}
          inputMode="numeric"
        />
        <Checkbox name="after15" label={fm.after15} checked={val.after15 !== undefined} />
        <Select
          name="onlineTimeLimitKind"
          label={fm.onlineTimeLimitKind}
          value={val.onlineTimeLimitKind}
          error={err.onlineTimeLimitKind}
          options={v.options.onlineTimeLimitKind}
        />
        <TextField
          name="onlineTimeLimitAmount"
          label={fm.onlineTimeLimitAmount}
          hint={fm.onlineTimeLimitHint}
          value={val.onlineTimeLimitAmount}
          error={err.onlineTimeLimitAmount}
          inputMode="numeric"
        />
        <Select
          name="feeKind"
          label={fm.feeKind}
          value={val.feeKind}
          error={err.feeKind}
          options={v.options.feeKind}
        />
        <TextField
          name="feeVnd"
          label={fm.feeVnd}
          hint={fm.feeVndHint}
          value={val.feeVnd}
          error={err.feeVnd}
          inputMode="numeric"
        />
        <TextField
          name="feePerPageVnd"
          label={fm.feePerPageVnd}
          value={val.feePerPageVnd}
          error={err.feePerPageVnd}
          inputMode="numeric"
        />
        <TextField
          name="feeCapVnd"
          label={fm.feeCapVnd}
          value={val.feeCapVnd}
          error={err.feeCapVnd}
          inputMode="numeric"
        />
        <TextField name="feeNote" label={fm.feeNote} value={val.feeNote} error={err.feeNote} />
        <TextArea
          name="documents"
          label={fm.documents}
          hint={fm.documentsHint}
          value={val.documents}
          error={err.documents}
          rows={6}
        />
        <TextArea name="steps" label={fm.steps} hint={fm.stepsHint} value={val.steps} error={err.steps} />
        <TextArea
          name="legalBasis"
          label={fm.legalBasis}
          value={val.legalBasis}
          error={err.legalBasis}
          rows={3}
        />
        <TextField name="resultType" label={fm.resultType} value={val.resultType} error={err.resultType} />
        <Select
          name="confidence"
          label={fm.confidence}
          value={val.confidence}
          error={err.confidence}
          options={v.options.confidence}
        />
        <TextField name="sourceNote" label={fm.sourceNote} value={val.sourceNote} error={err.sourceNote} />
        <Checkbox name="published" label={fm.published} checked={val.published !== undefined} />
        <FormActions>
          <button type="submit" class="button">
            {fm.save}
          </button>
          <a href={v.backHref}>{fm.cancel}</a>
        </FormActions>
      </form>
    </div>
  );
}

const tm = procedureMessages.templates;
const rm = procedureMessages.remove;

export type TemplateRowView = {
  id: number;
  fileName: string;
  info: string;
  href: string;
  removeAction: string;
};

export type TemplatesView = {
  name: string;
  code: string;
  notice: string | null;
  csrfToken: string;
  uploadAction: string;
  documents: { name: string; template: TemplateRowView | null }[];
  /** Templates whose document is no longer one of the procedure's (renamed or removed). */
  orphans: (TemplateRowView & { document: string })[];
  values: FormValues;
  errors: FieldErrors;
  /** The upload limit, as text ("10 MB"). */
  maxSize: string;
  backHref: string;
};

function RemoveTemplateForm({
  t,
  document,
  csrfToken,
}: {
  t: TemplateRowView;
  document: string;
  csrfToken: string;
}) {
  return (
    <form method="post" action={t.removeAction} class="inline-form">
      <CsrfField token={csrfToken} />
      <button type="submit" class="button-link">
        {tm.remove}
        <span class="visually-hidden">{tm.removeOf(document)}</span>
      </button>
    </form>
  );
}

function TemplateCell({ t }: { t: TemplateRowView }) {
  return (
    <>
      <a href={t.href}>{t.fileName}</a> <span class="hint">{t.info}</span>
    </>
  );
}

/** The templates of a procedure's documents: what each has, replace or remove it, upload a new one. */
export function ProcedureTemplatesPage(v: TemplatesView) {
  return (
    <div class="narrow">
      <h1>{tm.title}</h1>
      <ErrorSummary errors={v.errors} />
      {v.notice && (
        <div class="notice notice--success" role="status">
          <p>{v.notice}</p>
        </div>
      )}
      <p>
        <strong>{v.name}</strong> ({v.code})
      </p>
      <p>{tm.lead}</p>
      {v.documents.length === 0 ? (
        <p>{tm.noDocuments}</p>
      ) : (
        <>
          <TableWrap label={tm.title}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{tm.colDocument}</th>
                  <th scope="col">{tm.colTemplate}</th>
                  <th scope="col">{a.colActions}</th>
                </tr>
              </thead>
              <tbody>
                {v.documents.map((d) => (
                  <tr key={d.name}>
                    <td>{d.name}</td>
                    <td>{d.template ? <TemplateCell t={d.template} /> : tm.none}</td>
                    <td>
                      {d.template && (
                        <RemoveTemplateForm t={d.template} document={d.name} csrfToken={v.csrfToken} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <h2>{tm.uploadTitle}</h2>
          <form
            method="post"
            action={withCsrfToken(v.uploadAction, v.csrfToken)}
            enctype="multipart/form-data"
            novalidate
          >
            <CsrfField token={v.csrfToken} />
            <Select
              name="document"
              label={tm.documentLabel}
              value={v.values.document}
              error={v.errors.document}
              options={v.documents.map((d) => ({ value: d.name, label: d.name }))}
            />
            <FileField
              name="file"
              label={tm.fileLabel}
              hint={tm.fileHint(v.maxSize)}
              error={v.errors.file}
              accept=".pdf,.doc,.docx,.odt,application/pdf,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text"
            />
            <FormActions>
              <button type="submit" class="button">
                {tm.submit}
              </button>
              <a href={v.backHref}>{tm.back}</a>
            </FormActions>
          </form>
        </>
      )}
      {v.orphans.length > 0 && (
        <>
          <h2>{tm.orphansTitle}</h2>
          <p>{tm.orphansLead}</p>
          <ul>
            {v.orphans.map((o) => (
              <li key={o.id}>
                {o.document}: <TemplateCell t={o} />{' '}
                <RemoveTemplateForm t={o} document={o.document} csrfToken={v.csrfToken} />
              </li>
            ))}
          </ul>
        </>
      )}
      {v.documents.length === 0 && (
        <p>
          <a href={v.backHref}>{tm.back}</a>
        </p>
      )}
    </div>
  );
}

export type DeleteView = {
  name: string;
  code: string;
  csrfToken: string;
  /** Dossiers made for the procedure: with any, it cannot be deleted, only unpublished. */
  dossiers: number;
  published: boolean;
  deleteAction: string;
  unpublishAction: string;
  backHref: string;
  problem: string | null;
};

/**
 * Deleting a procedure, confirmed. A procedure with dossiers is not deleted (the page says why and offers to
 * unpublish it instead): each dossier keeps the procedure's terms as they were at intake, but its link to the
 * procedure and the statistics by procedure would be lost.
 */
export function ProcedureDeletePage(v: DeleteView) {
  return (
    <div class="narrow">
      <h1>{rm.title}</h1>
      {v.problem && (
        <div class="error-summary" role="alert">
          <p>{v.problem}</p>
        </div>
      )}
      <p>
        <strong>{v.name}</strong> ({v.code})
      </p>
      {v.dossiers > 0 ? (
        <>
          <p>{rm.inUse(v.dossiers)}</p>
          {v.published ? (
            <form method="post" action={v.unpublishAction}>
              <CsrfField token={v.csrfToken} />
              <FormActions>
                <button type="submit" class="button">
                  {rm.unpublish}
                </button>
                <a href={v.backHref}>{rm.cancel}</a>
              </FormActions>
            </form>
          ) : (
            <>
              <p>{rm.alreadyHidden}</p>
              <p>
                <a href={v.backHref}>{rm.cancel}</a>
              </p>
            </>
          )}
        </>
      ) : (
        <>
          <p>{rm.question(v.name)}</p>
          <p>{rm.consequences}</p>
          <form method="post" action={v.deleteAction}>
            <CsrfField token={v.csrfToken} />
            <FormActions>
              <button type="submit" class="button button--warning">
                {rm.confirm}
              </button>
              <a href={v.backHref}>{rm.cancel}</a>
            </FormActions>
          </form>
        </>
      )}
    </div>
  );
}
