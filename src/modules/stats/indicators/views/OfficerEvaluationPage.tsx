import { ErrorSummary } from '../../../../web/components/forms.js';
import { TableWrap } from '../../../../web/components/TableWrap.js';
import { indicatorMessages } from '../indicators.messages.js';
import type { OfficerRowView } from '../indicators.presenter.js';
import { PeriodForm, type PeriodFormView } from '../../public/views/PeriodForm.js';

const m = indicatorMessages;
const o = m.officers;

export type OfficerEvaluationView = {
  unitName: string;
  form: PeriodFormView;
  report: {
    periodLabel: string;
    indices: number[];
    rows: OfficerRowView[];
    xlsx: string;
    csv: string;
  } | null;
  publicHref: string;
};

/**
 * The officers' evaluation on indices 1, 2, 3, 4 and 7 of Circular 01/2018 (issue #4 item 6), inside the admin
 * layout: staff-only, as officers' names are their personal data.
 */
export function OfficerEvaluationPage({ view }: { view: OfficerEvaluationView }) {
  const r = view.report;
  const c = o.columns;
  return (
    <div class="indicators-page">
      <ErrorSummary errors={view.form.errors} />
      <h1>{o.title}</h1>
      <p>{o.lead(view.unitName)}</p>
      <p class="hint">{o.privacy}</p>
      <PeriodForm view={view.form} />
      {r && (
        <section aria-labelledby="danh-gia-can-bo">
          <h2 id="danh-gia-can-bo">{m.page.periodLine(r.periodLabel)}</h2>
          {r.rows.length === 0 ? (
            <p>{o.empty}</p>
          ) : (
            <TableWrap label={o.tableLabel}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{c.officer}</th>
                    <th scope="col" class="num">
                      {c.processed}
                    </th>
                    {r.indices.map((n) => (
                      <th scope="col" class="num" key={n}>
                        {c.index(n)}
                      </th>
                    ))}
                    <th scope="col" class="num">
                      {c.total}
                    </th>
                    <th scope="col" class="num">
                      {c.counted}
                    </th>
                    <th scope="col">{c.band}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.rows.map((row, i) => (
                    <tr key={i}>
                      <th scope="row">{row.name}</th>
                      <td class="num">{row.processed}</td>
                      {row.indices.map((v, j) => (
                        <td class="num" key={j}>
                          {v}
                        </td>
                      ))}
                      <td class="num">{row.total}</td>
                      <td class="num">{row.counted}</td>
                      <td>{row.band}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          <p>{o.index7}</p>
          <p>{o.countedNote}</p>
          <p class="hint">{m.c01.staffBandsNote}</p>
          <p>
            {m.page.download}: <a href={r.xlsx}>{m.page.xlsx}</a> · <a href={r.csv}>{m.page.csv}</a>
          </p>
        </section>
      )}
      <p>
        <a href={view.publicHref}>{o.publicLink}</a>
      </p>
    </div>
  );
}
