import { formatDateTime, formatNumber } from '../../../platform/time.js';
import { formatPercent } from '../dossier-outcome.js';
import { statsMessages } from '../stats.messages.js';
import type { WidgetFigures } from '../stats.service.js';

const m = statsMessages.widget;

/** The sidebar box of every portal (issue #4 item 2), with the labels of the seed page. */
export function ResultsWidget({ figures, detailsHref }: { figures: WidgetFigures; detailsHref: string }) {
  const rows: [string, string][] = [
    [m.resolvedToMonth(figures.month), formatPercent(figures.onTimeRate)],
    [m.processed, formatNumber(figures.processed)],
    [m.earlyOrOnTime, formatNumber(figures.earlyOrOnTime)],
    [m.late, formatNumber(figures.late)],
    [m.lateRate, formatPercent(figures.lateRate)],
  ];
  return (
    <section class="box results-widget" aria-labelledby="ket-qua-giai-quyet-tthc">
      <h2 id="ket-qua-giai-quyet-tthc">{m.title}</h2>
      <dl>
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p class="results-widget-more">
        <a href={detailsHref}>
          {m.details}
          <span class="visually-hidden">{m.detailsHidden}</span>
        </a>
      </p>
      <p class="results-widget-time">
        {figures.updatedAt ? m.updatedAt(formatDateTime(figures.updatedAt)) : m.noneYet}
      </p>
    </section>
  );
}
