import { Select, TextField } from '../../../../web/components/forms.js';
import { PERIOD_KINDS, type PeriodValues } from '../indicator-period.js';
import { indicatorMessages, ROMAN } from '../indicators.messages.js';

const f = indicatorMessages.form;

export type PeriodFormView = {
  action: string;
  values: PeriodValues;
  errors: Partial<Record<keyof PeriodValues, string>>;
};

const MONTHS = [
  { value: '', label: f.choose },
  ...Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: f.monthOption(i + 1) })),
];
const QUARTERS = [
  { value: '', label: f.choose },
  ...ROMAN.map((r, i) => ({ value: String(i + 1), label: f.quarterOption(r) })),
];

/** 03 → 3, iv → 4: the option a typed value stands for. */
const optionValue = (v: string, roman: boolean): string => {
  if (/^\d{1,2}$/.test(v)) {
    return String(Number(v));
  }
  const i = roman ? ROMAN.indexOf(v.toUpperCase() as (typeof ROMAN)[number]) : -1;
  return i >= 0 ? String(i + 1) : v;
};

/**
 * The period of the indicator pages, a GET form that works without JavaScript: the kind, the year, and the month or
 * the quarter (only the one the kind needs is read).
 */
export function PeriodForm({ form }: { form: PeriodFormView }) {
  const { values: v, errors: e } = form;
  return (
    <form class="indicators-period" method="get" action={form.action} novalidate>
      <Select
        name="ky"
        label={f.kind}
        value={v.ky}
        error={e.ky}
        options={PERIOD_KINDS.map((k) => ({ value: k, label: f.kinds[k] }))}
      />
      <TextField
        name="nam"
        label={f.year}
        hint={f.yearHint}
        value={v.nam}
        error={e.nam}
        inputMode="numeric"
        maxLength={20}
        autocomplete="off"
      />
      <Select
        name="thang"
        label={f.month}
        value={optionValue(v.thang, false)}
        error={e.thang}
        options={MONTHS}
      />
      <Select
        name="quy"
        label={f.quarter}
        value={optionValue(v.quy, true)}
        error={e.quy}
        options={QUARTERS}
      />
      <button type="submit">{f.submit}</button>
    </form>
  );
}
