import { ErrorSummary } from '../../../../web/components/forms.js';
import { TableWrap } from '../../../../web/components/TableWrap.js';
import type { PageShell } from '../../../../web/layout-view.js';
import { Layout } from '../../../../web/Layout.js';
import { indicatorMessages } from '../indicators.messages.js';
import type { C01View, D766View } from '../indicators.presenter.js';
import { PeriodForm, type PeriodFormView } from '../../public/views/PeriodForm.js';

const m = indicatorMessages;

type Download = { label: string; xlsx: string; csv: string };

export type IndicatorsPageView = {
  unitName: string;
  /** Set for a parent unit: how many units its figures roll up. */
  rollUp: string | null;
  form: PeriodFormView;
  /** Null when the period could not be read (the form shows why). */
  report: {
    periodLabel: string;
    d766: D766View;
    c01: C01View;
    downloads: { d766: Download; c01: Download };
  } | null;
  /** The results page, once its route exists. */
  resultsHref: string | null;
  staffHref: string;
};

function Downloads({ d }: { d: Download }) {
  return (
    <p class="indicators-downloads">
      {m.page.download} {d.label}: <a href={d.xlsx}>{m.page.xlsx}</a> · <a href={d.csv}>{m.page.csv}</a>
    </p>
  );
}

function D766Table({ v }: { v: D766View }) {
  const c = m.d766.columns;
  return (
    <TableWrap label={m.d766.tableLabel}>
      <table class="indicators-table">
        <thead>
          <tr>
            <th scope="col">{c.code}</th>
            <th scope="col">{c.name}</th>
            <th scope="col" class="num">
              {c.numerator}
            </th>
            <th scope="col" class="num">
              {c.denominator}
            </th>
            <th scope="col" class="num">
              {c.ratio}
            </th>
            <th scope="col" class="num">
              {c.score}
            </th>
            <th scope="col" class="num">
              {c.max}
            </th>
            <th scope="col">{c.status}</th>
          </tr>
        </thead>
        {v.groups.map((g) => (
          <tbody key={g.name}>
            <tr class="indicators-group">
              <th scope="colgroup" colSpan={8}>
                {g.name} ({m.d766.columns.max.toLowerCase()} {g.max})
              </th>
            </tr>
            {g.rows.map((r) => (
              <tr key={r.code + r.name} class={r.status === 'computed' ? undefined : 'indicators-missing'}>
                <td>{r.code}</td>
                <td class="indicators-name">
                  {r.name}
                  <span class="indicators-rule">{r.rule}</span>
                </td>
                <td class="num">{r.numerator}</td>
                <td class="num">
                  {r.denominator}
                  {r.status !== 'no_data' && <span class="indicators-unit"> {r.quantity}</span>}
                </td>
                <td class="num">{r.ratio}</td>
                <td class="num">{r.score}</td>
                <td class="num">{r.max}</td>
                <td class="indicators-status">{r.statusLabel}</td>
              </tr>
            ))}
            <tr class="indicators-subtotal">
              <th scope="row" colSpan={5}>
                {m.d766.groupTotal(g.name)}
                <span class="indicators-rule">{g.note}</span>
              </th>
              <td class="num">{g.score}</td>
              <td class="num">{g.maxCounted}</td>
              <td />
            </tr>
          </tbody>
        ))}
        <tfoot>
          <tr>
            <th scope="row" colSpan={5}>
              {m.d766.total}
            </th>
            <td class="num">{v.score}</td>
            <td class="num">{v.maxCounted}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </TableWrap>
  );
}

function C01Table({ v }: { v: C01View }) {
  const c = m.c01.columns;
  return (
    <TableWrap label={m.c01.tableLabel}>
      <table class="indicators-table">
        <thead>
          <tr>
            <th scope="col">{c.index}</th>
            <th scope="col">{c.name}</th>
            <th scope="col" class="num">
              {c.value}
            </th>
            <th scope="col">{c.status}</th>
          </tr>
        </thead>
        <tbody>
          {v.rows.map((r) => (
            <tr key={r.index} class={r.counted ? undefined : 'indicators-missing'}>
              <td>{r.index}</td>
              <td class="indicators-name">
                {r.name}
                <span class="indicators-rule">{r.rule}</span>
              </td>
              <td class="num">{r.value}</td>
              <td class="indicators-status">{r.status}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {m.c01.total}
            </th>
            <td class="num">{v.total}</td>
            <td />
          </tr>
          <tr>
            <th scope="row" colSpan={2}>
              {m.c01.band}
            </th>
            <td colSpan={2}>{v.band}</td>
          </tr>
        </tfoot>
      </table>
    </TableWrap>
  );
}

/**
 * The unit's Decision 766 indicators by group with their totals, and its Circular 01/2018 evaluation, for a year,
 * quarter or month (issue #4 items 5, 6). Public: no officer appears here.
 */
export function IndicatorsPage({ shell, view }: { shell: PageShell; view: IndicatorsPageView }) {
  const r = view.report;
  return (
    <Layout shell={shell}>
      <div class="indicators-page">
        <ErrorSummary errors={view.form.errors} />
        <h1>{m.page.title}</h1>
        <p>{m.page.lead(view.unitName)}</p>
        {view.rollUp && <p>{view.rollUp}</p>}
        <PeriodForm view={view.form} />
        {r && (
          <>
            <p class="indicators-period-line">
              <strong>{m.page.periodLine(r.periodLabel)}</strong>
            </p>
            <section aria-labelledby="chi-so-766">
              <h2 id="chi-so-766">{m.d766.heading}</h2>
              <p>{m.d766.intro}</p>
              {r.d766.provisional && <p class="provisional-note">{r.d766.provisional}</p>}
              <D766Table v={r.d766} />
              <p class="indicators-total">{r.d766.totalLine}</p>
              <Downloads d={r.downloads.d766} />
            </section>
            <section aria-labelledby="danh-gia-don-vi">
              <h2 id="danh-gia-don-vi">{m.c01.heading}</h2>
              <p>{m.c01.intro}</p>
              <C01Table v={r.c01} />
              <p class="indicators-total">{r.c01.totalLine}</p>
              <p>{r.c01.countedNote}</p>
              <p class="hint">{r.c01.bandsNote}</p>
              <Downloads d={r.downloads.c01} />
            </section>
          </>
        )}
        <ul class="indicators-links">
          {view.resultsHref && (
            <li>
              <a href={view.resultsHref}>{m.page.resultsLink}</a>
            </li>
          )}
          <li>
            <a href={view.staffHref}>{m.page.staffLink}</a>
          </li>
        </ul>
      </div>
    </Layout>
  );
}
