import { Select, TextField, type SelectOption } from '../../../../web/components/forms.js';
import { resultsMessages } from '../results.messages.js';
import type { PeriodValues } from '../results.schemas.js';

const m = resultsMessages.period;

export type PeriodFormView = {
  action: string;
  values: PeriodValues;
  errors: Record<string, string>;
  kindOptions: SelectOption[];
  kindHint: string;
  quarterOptions: SelectOption[];
  /** Whether the range fields (`tu`, `den`) are offered: not on the indicator pages. */
  ranges: boolean;
  /** A select of the page (the breakdown, or the list's group) after the period fields. */
  extra: { name: string; label: string; value: string; options: SelectOption[] } | null;
  /** Parameters kept as they are (a list's filters). */
  hidden: { name: string; value: string }[];
};

/**
 * The period of the results and indicator pages as a GET form (no JavaScript): the kind of period and the fields of
 * each kind.
 */
export function PeriodForm({ view }: { view: PeriodFormView }) {
  const { values: v, errors: e } = view;
  return (
    <form class="results-form" method="get" action={view.action} novalidate>
      <fieldset>
        <legend>{m.legend}</legend>
        <Select
          name="ky"
          label={m.kind}
          hint={view.kindHint}
          value={v.ky}
          error={e.ky}
          options={view.kindOptions}
        />
        <div class="results-form-row">
          <TextField
            name="thang"
            label={m.month}
            value={v.thang}
            error={e.thang}
            inputMode="numeric"
            maxLength={2}
          />
          <Select name="quy" label={m.quarter} value={v.quy} error={e.quy} options={view.quarterOptions} />
          <TextField
            name="nam"
            label={m.year}
            value={v.nam}
            error={e.nam}
            inputMode="numeric"
            maxLength={4}
          />
        </div>
        {view.ranges && (
          <div class="results-form-row">
            <TextField name="tu" label={m.from} hint={m.dateHint} value={v.tu} error={e.tu} maxLength={10} />
            <TextField name="den" label={m.to} hint={m.dateHint} value={v.den} error={e.den} maxLength={10} />
          </div>
        )}
      </fieldset>
      {view.extra && (
        <Select
          name={view.extra.name}
          label={view.extra.label}
          value={view.extra.value}
          error={e[view.extra.name]}
          options={view.extra.options}
        />
      )}
      {view.hidden.map((h) => (
        <input key={h.name} type="hidden" name={h.name} value={h.value} />
      ))}
      <button type="submit">{m.submit}</button>
    </form>
  );
}
