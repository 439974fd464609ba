import { ErrorSummary } from '../../../../web/components/forms.js';
import { Pagination, type PaginationLinks } from '../../../../web/components/Pagination.js';
import { TableWrap } from '../../../../web/components/TableWrap.js';
import type { PageShell } from '../../../../web/layout-view.js';
import { Layout } from '../../../../web/Layout.js';
import { resultsMessages } from '../results.messages.js';
import type { ListRowView } from '../results.presenter.js';
import { PeriodForm, type PeriodFormView } from './PeriodForm.js';

const m = resultsMessages.list;

export type ResultsDossiersView = {
  form: PeriodFormView;
  backHref: string;
  /** null when the query could not be read (the form shows why). */
  result: {
    heading: string;
    periodNote: string;
    filters: string[];
    count: string;
    rows: ListRowView[];
    pagination: PaginationLinks | null;
  } | null;
};

const COLUMNS = [
  m.columns.code,
  m.columns.procedure,
  m.columns.applicant,
  m.columns.receivedAt,
  m.columns.dueAt,
  m.columns.endedAt,
  m.columns.state,
];

/** The dossiers behind one figure of the results page (issue #4 item 3), a page at a time. */
export function ResultsDossiersPage({ shell, view }: { shell: PageShell; view: ResultsDossiersView }) {
  const r = view.result;
  return (
    <Layout shell={shell}>
      <div class="results-page">
        <ErrorSummary errors={view.form.errors} />
        <h1>{r ? r.heading : m.title}</h1>
        <p>
          <a href={view.backHref}>{m.back}</a>
        </p>
        {r && (
          <>
            <p class="results-period-note">{r.periodNote}</p>
            {r.filters.length > 0 && (
              <ul class="results-filters" aria-label={m.filters}>
                {r.filters.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            )}
            <p>
              <strong>{r.count}</strong>
            </p>
            {r.rows.length === 0 ? (
              <p>{m.empty}</p>
            ) : (
              <TableWrap label={r.heading}>
                <table class="results-table results-dossiers">
                  <thead>
                    <tr>
                      {COLUMNS.map((c) => (
                        <th scope="col" key={c}>
                          {c}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {r.rows.map((d) => (
                      <tr key={d.code}>
                        <th scope="row">{d.href ? <a href={d.href}>{d.code}</a> : d.code}</th>
                        <td>{d.procedure}</td>
                        <td>{d.applicant}</td>
                        <td>{d.receivedAt}</td>
                        <td>{d.dueAt}</td>
                        <td>{d.endedAt}</td>
                        <td>{d.state}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
            <Pagination p={r.pagination} />
            <p class="hint">{m.privacy}</p>
          </>
        )}
        <PeriodForm view={view.form} />
      </div>
    </Layout>
  );
}
