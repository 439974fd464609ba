import type { PageShell } from '../../../web/layout-view.js';
import { Layout } from '../../../web/Layout.js';
import { calendarMessages } from '../calendar.messages.js';
import type { DaysOffView } from '../calendar.presenter.js';

const m = calendarMessages.daysOffPage;

export type DaysOffPageView = DaysOffView & {
  years: { year: number; href: string; current: boolean }[];
  dueDateHref: string;
};

/** The year's days off and make-up working days, grouped by holiday, each with its source and confidence. */
export function DaysOffPage({ shell, view }: { shell: PageShell; view: DaysOffPageView }) {
  return (
    <Layout shell={shell}>
      <div class="calendar-page">
        <h1>{m.title(view.year)}</h1>
        <p>{m.lead}</p>
        {view.anyProvisional && <p class="provisional-note">{m.provisionalNote}</p>}
        {view.groups.map((g, i) => (
          <section class="holiday" key={`${g.name}-${i}`} aria-labelledby={`ngay-le-${i}`}>
            <h2 id={`ngay-le-${i}`}>
              {g.name}
              {g.provisional && <span class="tag-provisional"> ({m.provisional})</span>}
            </h2>
            <ul class="day-list">
              {g.days.map((d) => (
                <li key={d.date}>
                  <time dateTime={d.date}>{d.label}</time>: {d.kind}
                  {d.provisional && <strong class="tag-provisional"> ({m.provisional})</strong>}
                </li>
              ))}
            </ul>
            <p class="day-source">
              {m.source}: {g.source}
            </p>
            <p class="day-source">
              {m.confidence}: {g.confidence}
            </p>
            {g.note && <p class="hint">{g.note}</p>}
          </section>
        ))}
        <section class="holiday" aria-labelledby="lam-bu">
          <h2 id="lam-bu">{m.makeUpHeading}</h2>
          {view.makeUp.length === 0 ? (
            <p>{m.makeUpNone}</p>
          ) : (
            <>
              <p>{m.makeUpIntro}</p>
              <ul class="day-list">
                {view.makeUp.map((d) => (
                  <li key={d.date}>
                    <time dateTime={d.date}>{d.label}</time> ({d.name}). {m.source}: {d.source}.{' '}
                    {m.confidence}: {d.confidence}.
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <nav class="year-links" aria-label={m.otherYears}>
          <h2>{m.otherYears}</h2>
          <ul>
            {view.years.map((y) => (
              <li key={y.year}>
                <a href={y.href} aria-current={y.current ? 'page' : undefined}>
                  {y.year}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <p>
          <a href={view.dueDateHref}>{m.dueDateLink}</a>
        </p>
      </div>
    </Layout>
  );
}
