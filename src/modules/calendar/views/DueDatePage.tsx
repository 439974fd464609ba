import { common } from '../../../web/messages.js';
import type { ComponentChildren } from 'preact';
import { ErrorSummary } from '../../../web/components/forms.js';
import type { PageShell } from '../../../web/layout-view.js';
import { Layout } from '../../../web/Layout.js';
import { calendarMessages } from '../calendar.messages.js';
import type { DueDateResultView } from '../calendar.presenter.js';

const m = calendarMessages.dueDatePage;

export type DueDatePageView = {
  unitName: string;
  action: string;
  values: { ngay: string; gio: string; so: string; loai: string; sau15: boolean };
  errors: Record<string, string>;
  kindOptions: { value: string; label: string }[];
  result: (DueDateResultView & { daysOffHref: string; daysOffLabel: string }) | null;
};

function describedBy(name: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Field({
  name,
  label,
  hint,
  error,
  children,
}: {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: ComponentChildren;
}) {
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={name}>{label}</label>
      {hint && (
        <p id={`${name}-hint`} class="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${name}-error`} class="field-error">
          <span class="visually-hidden">{common.errorPrefix}</span>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

function Result({ result }: { result: NonNullable<DueDatePageView['result']> }) {
  return (
    <section class="due-result" aria-labelledby="ket-qua">
      <h2 id="ket-qua">{m.resultHeading}</h2>
      <p class="due-answer">
        {m.dueLabel}: <time dateTime={result.dueIso}>{result.dueLabel}</time>
        {result.provisional && <span class="tag-provisional"> ({m.provisional})</span>}
      </p>
      {result.provisional && <p class="provisional-note">{m.provisionalNote}</p>}
      <h3>{m.howHeading}</h3>
      <ul>
        {result.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {result.skipped.length > 0 && (
        <>
          <p>{calendarMessages.explain.skipped}</p>
          <ul>
            {result.skipped.map((d) => (
              <li key={d.label}>
                {d.label}: {d.name}
                {d.provisional && ` (${m.provisional})`}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href={result.daysOffHref}>{result.daysOffLabel}</a>
      </p>
      <p class="hint">{m.disclaimer}</p>
    </section>
  );
}

/** A citizen asks when the result of a dossier will be due: a GET form that works without JavaScript. */
export function DueDatePage({ shell, view }: { shell: PageShell; view: DueDatePageView }) {
  const { values: v, errors: e } = view;
  return (
    <Layout shell={shell}>
      <div class="calendar-page">
        <ErrorSummary errors={e} />
        <h1>{m.title}</h1>
        <p>
          {m.lead} {view.unitName}.
        </p>
        {view.result && <Result result={view.result} />}
        <form class="due-form" method="get" action={view.action} novalidate>
          <Field name="ngay" label={m.date} hint={m.dateHint} error={e.ngay}>
            <input
              id="ngay"
              name="ngay"
              type="date"
              value={v.ngay}
              required
              aria-describedby={describedBy('ngay', m.dateHint, e.ngay)}
              aria-invalid={e.ngay ? 'true' : undefined}
            />
          </Field>
          <Field name="gio" label={m.time} hint={m.timeHint} error={e.gio}>
            <input
              id="gio"
              name="gio"
              type="time"
              value={v.gio}
              required
              aria-describedby={describedBy('gio', m.timeHint, e.gio)}
              aria-invalid={e.gio ? 'true' : undefined}
            />
          </Field>
          <Field name="so" label={m.amount} hint={m.amountHint} error={e.so}>
            <input
              id="so"
              name="so"
              type="text"
              inputMode="numeric"
              maxLength={6}
              value={v.so}
              aria-describedby={describedBy('so', m.amountHint, e.so)}
              aria-invalid={e.so ? 'true' : undefined}
            />
          </Field>
          <Field name="loai" label={m.kind} error={e.loai}>
            <select
              id="loai"
              name="loai"
              aria-describedby={describedBy('loai', undefined, e.loai)}
              aria-invalid={e.loai ? 'true' : undefined}
            >
              {view.kindOptions.map((o) => (
                <option key={o.value} value={o.value} selected={o.value === v.loai}>
                  {o.label}
                </option>
              ))}
            </select>
          </Field>
          <div class="field checkbox">
            <input
              id="sau15"
              name="sau15"
              type="checkbox"
              value="1"
              checked={v.sau15}
              aria-describedby="sau15-hint"
            />
            <label for="sau15">{m.after15}</label>
            <p id="sau15-hint" class="hint">
              {m.after15Hint}
            </p>
          </div>
          <button type="submit">{m.submit}</button>
        </form>
      </div>
    </Layout>
  );
}
