import type { MonthsChartView, TimingChartView } from '../results.presenter.js';

/*
 * The results charts as inline SVG drawn on the server (no JavaScript): each is an image with a title and a text
 * description for screen readers; the same numbers are in the page's tables. Colours come from classes (site.css),
 * never from style attributes (the CSP forbids them).
 */

/** One bar of the processed dossiers split early / on time / late, with its legend. */
export function TimingChart({ view, id }: { view: TimingChartView; id: string }) {
  return (
    <figure class="results-chart">
      <svg
        class="chart-svg"
        viewBox={`0 0 ${view.width} ${view.height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        preserveAspectRatio="none"
      >
        <title id={`${id}-title`}>{view.title}</title>
        <desc id={`${id}-desc`}>{view.desc}</desc>
        <rect class="chart-empty" x="0" y="0" width={view.width} height={view.height} />
        {view.segments.map((s) => (
          <rect key={s.cls} class={s.cls} x={s.x} y="0" width={s.width} height={view.height} />
        ))}
      </svg>
      <figcaption>
        <p class="chart-title">{view.title}</p>
        <ul class="chart-legend">
          {view.legend.map((l) => (
            <li key={l.cls}>
              <span class={`chart-swatch ${l.cls}`} aria-hidden="true" />
              {l.label}: {l.text}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/** A bar per month of the year, early and on time at the bottom, late on top; months not begun are marked. */
export function MonthsChart({ view, id }: { view: MonthsChartView; id: string }) {
  return (
    <figure class="results-chart">
      <svg
        class="chart-svg chart-months"
        viewBox={`0 0 ${view.width} ${view.height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>{view.title}</title>
        <desc id={`${id}-desc`}>{view.desc}</desc>
        {view.gridlines.map((g) => (
          <g key={g.y} class="chart-grid">
            <line x1="36" x2={view.width} y1={g.y} y2={g.y} />
            <text x="32" y={g.y + 4} text-anchor="end">
              {g.label}
            </text>
          </g>
        ))}
        {view.bars.map((b) => (
          <g key={b.label}>
            {b.timely.height > 0 && (
              <rect
                class="chart-timely"
                x={b.x}
                y={b.timely.y}
                width={view.barWidth}
                height={b.timely.height}
              />
            )}
            {b.late.height > 0 && (
              <rect class="chart-late" x={b.x} y={b.late.y} width={view.barWidth} height={b.late.height} />
            )}
            <text class="chart-axis" x={b.x + view.barWidth / 2} y={view.baseline + 18} text-anchor="middle">
              {b.label}
            </text>
            {b.valueText && (
              <text class="chart-value" x={b.x + view.barWidth / 2} y={b.valueY} text-anchor="middle">
                {b.valueText}
              </text>
            )}
          </g>
        ))}
      </svg>
      <figcaption>
        <p class="chart-title">{view.title}</p>
        <ul class="chart-legend">
          {view.legend.map((l) => (
            <li key={l.cls}>
              <span class={`chart-swatch ${l.cls}`} aria-hidden="true" />
              {l.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
