import { ErrorSummary } from '../../../../web/components/forms.js';
import { TableWrap } from '../../../../web/components/TableWrap.js';
import type { PageShell } from '../../../../web/layout-view.js';
import { Layout } from '../../../../web/Layout.js';
import { resultsMessages } from '../results.messages.js';
import type {
  BreakdownView,
  Cell,
  ChildrenView,
  MonthsChartView,
  SummarySection,
  TimingChartView,
} from '../results.presenter.js';
import { PeriodForm, type PeriodFormView } from './PeriodForm.js';
import { MonthsChart, TimingChart } from './ResultsCharts.js';

const m = resultsMessages;

export type ExportLinksView = { table: string; xlsx: string; csv: string };

export type ResultsPageView = {
  unitName: string;
  rolledUp: boolean;
  form: PeriodFormView;
  /** null when the period could not be read (the form shows why). */
  result: {
    periodLabel: string;
    periodNote: string;
    summary: SummarySection[];
    summaryExports: ExportLinksView;
    timing: TimingChartView;
    months: MonthsChartView;
    monthsExports: ExportLinksView;
    breakdown: BreakdownView;
    breakdownExports: ExportLinksView;
    /** Shown to staff who see the officer breakdown. */
    officerNote: string | null;
    children: (ChildrenView & { exports: ExportLinksView }) | null;
  } | null;
  links: { indicators: string; evaluation: string };
};

export function ExportLinks({ links }: { links: ExportLinksView }) {
  return (
    <p class="results-exports">
      {m.exports.download}{' '}
      <a href={links.xlsx} aria-label={m.exports.label(links.table, m.exports.xlsx)} download>
        {m.exports.xlsx}
      </a>{' '}
      <a href={links.csv} aria-label={m.exports.label(links.table, m.exports.csv)} download>
        {m.exports.csv}
      </a>
    </p>
  );
}

export function CellLink({ cell }: { cell: Cell }) {
  return cell.href ? <a href={cell.href}>{cell.text}</a> : <>{cell.text}</>;
}

function Summary({ sections }: { sections: SummarySection[] }) {
  return (
    <div class="results-summary">
      {sections.map((s) => (
        <div class="results-summary-group" key={s.heading}>
          <h3>{s.heading}</h3>
          <dl>
            {s.items.map((i) => (
              <div class={i.sub ? 'results-figure results-figure--sub' : 'results-figure'} key={i.label}>
                <dt>{i.label}</dt>
                <dd>
                  <CellLink cell={i.cell} />
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </div>
  );
}

function Breakdown({ view }: { view: BreakdownView }) {
  if (view.rows.length === 0) {
    return <p>{m.table.empty}</p>;
  }
  const twoKeys = view.by === 'thu-tuc';
  return (
    <TableWrap label={view.heading}>
      <table class="results-table">
        <thead>
          <tr>
            {view.columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.rows.map((r) => (
            <tr key={r.key}>
              {twoKeys && <td>{r.code}</td>}
              <th scope="row">{r.name}</th>
              {r.cells.map((c, i) => (
                <td class="num" key={i}>
                  <CellLink cell={c} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function Children({ view }: { view: ChildrenView }) {
  return (
    <TableWrap label={m.children.heading}>
      <table class="results-table">
        <thead>
          <tr>
            {view.headers.map((h) => (
              <th scope="col" key={h.label} aria-sort={h.ariaSort ?? undefined}>
                <a href={h.href}>
                  {h.label}
                  <span class="visually-hidden">{h.linkHint}</span>
                </a>
                {h.ariaSort && <span aria-hidden="true">{h.ariaSort === 'ascending' ? ' ▲' : ' ▼'}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.rows.map((r) => (
            <tr key={r.name}>
              <th scope="row">{r.href ? <a href={r.href}>{r.name}</a> : r.name}</th>
              {r.cells.map((c, i) => (
                <td class="num" key={i}>
                  <CellLink cell={c} />
                </td>
              ))}
            </tr>
          ))}
          {view.own && (
            <tr class="results-own">
              <th scope="row">{view.own.name}</th>
              {view.own.cells.map((c, i) => (
                <td class="num" key={i}>
                  <CellLink cell={c} />
                </td>
              ))}
            </tr>
          )}
        </tbody>
      </table>
    </TableWrap>
  );
}

function MonthsTable({ view }: { view: MonthsChartView }) {
  return (
    <TableWrap label={m.charts.tableCaption}>
      <table class="results-table results-months">
        <caption>{m.charts.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.charts.month}</th>
            <th scope="col">{m.table.received}</th>
            <th scope="col">{m.table.processed}</th>
            <th scope="col">{m.summary.timely}</th>
            <th scope="col">{m.table.late}</th>
          </tr>
        </thead>
        <tbody>
          {view.bars
            .filter((b) => !b.notYet)
            .map((b) => (
              <tr key={b.label}>
                <th scope="row">{b.longLabel}</th>
                {b.tableCells.map((c, i) => (
                  <td class="num" key={i}>
                    {c}
                  </td>
                ))}
              </tr>
            ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function Definitions() {
  const d = m.definitions;
  return (
    <section class="results-definitions" aria-labelledby="cach-tinh">
      <h2 id="cach-tinh">{d.heading}</h2>
      <p>{d.lead}</p>
      <dl>
        {d.items.map((i) => (
          <div key={i.term}>
            <dt>{i.term}</dt>
            <dd>
              {i.text} <span class="results-source">({i.source})</span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/**
 * The results of administrative procedures of a unit (issue #4 items 1, 3, 4): the period form, the summary figures
 * each linked to its dossiers, the charts, a breakdown, the child units of a parent, the definitions.
 */
export function ResultsPage({ shell, view }: { shell: PageShell; view: ResultsPageView }) {
  const r = view.result;
  return (
    <Layout shell={shell}>
      <div class="results-page">
        <ErrorSummary errors={view.form.errors} />
        <h1>{m.title}</h1>
        <p>{m.lead(view.unitName)}</p>
        {view.rolledUp && <p>{m.rolledUp(view.unitName)}</p>}
        <PeriodForm view={view.form} />
        {r && (
          <>
            <section aria-labelledby="tong-hop">
              <h2 id="tong-hop">
                {m.summary.heading}: {r.periodLabel}
              </h2>
              <p class="results-period-note">{r.periodNote}</p>
              <Summary sections={r.summary} />
              <ExportLinks links={r.summaryExports} />
            </section>
            <section aria-labelledby="bieu-do">
              <h2 id="bieu-do">{m.charts.heading}</h2>
              <TimingChart view={r.timing} id="chart-timing" />
              <MonthsChart view={r.months} id="chart-months" />
              <MonthsTable view={r.months} />
              <ExportLinks links={r.monthsExports} />
            </section>
            <section aria-labelledby="phan-tich">
              <h2 id="phan-tich">{r.breakdown.heading}</h2>
              {r.officerNote && <p class="hint">{r.officerNote}</p>}
              <Breakdown view={r.breakdown} />
              <ExportLinks links={r.breakdownExports} />
            </section>
            {r.children && (
              <section aria-labelledby="don-vi">
                <h2 id="don-vi">{m.children.heading}</h2>
                <p class="hint">{m.children.hint}</p>
                <Children view={r.children} />
                <ExportLinks links={r.children.exports} />
              </section>
            )}
          </>
        )}
        <Definitions />
        <section aria-labelledby="xem-them">
          <h2 id="xem-them">{m.links.heading}</h2>
          <ul>
            <li>
              <a href={view.links.indicators}>{m.links.indicators}</a>
            </li>
            <li>
              <a href={view.links.evaluation}>{m.links.evaluation}</a>
            </li>
          </ul>
        </section>
      </div>
    </Layout>
  );
}
