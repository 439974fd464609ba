import { Pagination, type PaginationLinks } from '../../../web/components/Pagination.js';
import { TableWrap } from '../../../web/components/TableWrap.js';
import type { FieldErrors, FormValues } from '../../../web/components/form-errors.js';
import { CsrfField, ErrorSummary, FormActions, TextArea, TextField } from '../../../web/components/forms.js';
import { procedureMessages } from '../procedures.messages.js';

const a = procedureMessages.admin;
const l = procedureMessages.list;

export type AdminListView = {
  rows: { code: string; name: string; field: string; level: string; published: string; publicHref: string }[];
  total: number;
  importHref: string;
  publicHref: string;
  pagination: PaginationLinks | null;
};

export function ProcedureAdminListPage(v: AdminListView) {
  return (
    <>
      <div class="page-head">
        <h1>{a.title}</h1>
        <a class="button" href={v.importHref}>
          {a.import}
        </a>
      </div>
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
                      <a href={r.publicHref}>{r.name}</a>
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
  backHref: string;
}) {
  return (
    <div class="narrow">
      <h1>{a.importTitle}</h1>
      <ErrorSummary errors={v.errors} />
      <p>{a.importLead}</p>
      <form method="post" action={v.action} novalidate>
        <CsrfField token={v.csrfToken} />
        <TextField
          name="fileName"
          label={a.fileNameLabel}
          value={v.values.fileName}
          error={v.errors.fileName}
        />
        <TextArea
          name="csv"
          label={a.csvLabel}
          value={v.values.csv}
          error={v.errors.csv}
          hint={a.columnsHint(v.columns)}
          rows={16}
        />
        <FormActions>
          <button type="submit">{a.submit}</button>
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
