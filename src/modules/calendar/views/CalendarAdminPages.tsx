import { common } from '../../../web/messages.js';
import { TableWrap } from '../../../web/components/TableWrap.js';
import type { FieldErrors, FormValues } from '../../../web/components/form-errors.js';
import {
  Checkbox,
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  FormActions,
  Select,
  TextArea,
  TextField,
} from '../../../web/components/forms.js';
import { calendarMessages, confidenceLabels, holidayLabels } from '../calendar.messages.js';

const a = calendarMessages.admin;
const h = calendarMessages.hours;

export type NoticeRowView = {
  id: number;
  name: string;
  off: string;
  makeUp: string;
  confidence: string;
  source: string;
  href: string | null;
};

export type NoticeListView = {
  year: number;
  rows: NoticeRowView[];
  years: { year: number; href: string; current: boolean }[];
  newHref: string | null;
  readOnlyNote: string | null;
  publicHref: string;
};

export function NoticeListPage(v: NoticeListView) {
  return (
    <>
      <div class="page-head">
        <h1>
          {a.noticesTitle} {v.year}
        </h1>
        {v.newHref && (
          <a class="button" href={v.newHref}>
            {a.add}
          </a>
        )}
      </div>
      <p>{a.noticesLead}</p>
      {v.readOnlyNote && <p class="notice">{v.readOnlyNote}</p>}
      <nav aria-label={a.otherYears}>
        <ul class="inline-list">
          {v.years.map((y) => (
            <li key={y.year}>
              <a href={y.href} aria-current={y.current ? 'page' : undefined}>
                {y.year}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {v.rows.length === 0 ? (
        <p>{a.none}</p>
      ) : (
        <TableWrap label={`${a.noticesTitle} ${v.year}`}>
          <table>
            <thead>
              <tr>
                <th scope="col">{a.colName}</th>
                <th scope="col">{a.colOff}</th>
                <th scope="col">{a.colMakeUp}</th>
                <th scope="col">{a.colConfidence}</th>
                <th scope="col">{a.colSource}</th>
              </tr>
            </thead>
            <tbody>
              {v.rows.map((r) => (
                <tr key={r.id}>
                  <td>{r.href ? <a href={r.href}>{r.name}</a> : r.name}</td>
                  <td>{r.off}</td>
                  <td>{r.makeUp}</td>
                  <td>{r.confidence}</td>
                  <td>{r.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <p>
        <a href={v.publicHref}>{a.publicLink}</a>
      </p>
    </>
  );
}

function DateInput({
  name,
  label,
  value,
  error,
  hint,
}: { name: string; label: string } & Partial<Record<'value' | 'error' | 'hint', string>>) {
  const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
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
      <input
        id={name}
        name={name}
        type="date"
        value={value ?? ''}
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

export type NoticeFormView = {
  heading: string;
  action: string;
  csrfToken: string;
  values: FormValues;
  covers: string[];
  errors: FieldErrors;
  backHref: string;
  deleteHref: string | null;
};

export function NoticeFormPage(v: NoticeFormView) {
  const val = v.values;
  const e = v.errors;
  return (
    <div class="narrow">
      <ErrorSummary errors={e} />
      <h1>{v.heading}</h1>
      <form method="post" action={v.action} novalidate>
        <CsrfField token={v.csrfToken} />
        <TextField
          name="year"
          label={a.fYear}
          value={val.year}
          error={e.year}
          inputMode="numeric"
          maxLength={4}
        />
        <TextField
          name="name"
          label={a.fName}
          hint={a.fNameHint}
          value={val.name}
          error={e.name}
          maxLength={200}
        />
        <DateInput
          name="offFrom"
          label={a.fOffFrom}
          hint={a.fOffHint}
          value={val.offFrom}
          error={e.offFrom}
        />
        <DateInput name="offTo" label={a.fOffTo} value={val.offTo} error={e.offTo} />
        <TextField
          name="makeUpWorkdays"
          label={a.fMakeUp}
          hint={a.fMakeUpHint}
          value={val.makeUpWorkdays}
          error={e.makeUpWorkdays}
        />
        <Select
          name="confidence"
          label={a.fConfidence}
          value={val.confidence}
          error={e.confidence}
          options={(['sourced', 'unverified', 'unknown'] as const).map((c) => ({
            value: c,
            label: confidenceLabels[c],
          }))}
        />
        <CheckboxGroup
          name="covers"
          legend={a.fCovers}
          hint={a.fCoversHint}
          options={Object.entries(holidayLabels).map(([value, label]) => ({ value, label }))}
          checked={v.covers}
        />
        <TextField name="source" label={a.fSource} value={val.source} error={e.source} maxLength={500} />
        <TextArea name="note" label={a.fNote} value={val.note} error={e.note} rows={3} />
        <FormActions>
          <button type="submit" class="button">
            {a.save}
          </button>
          <a href={v.backHref}>{a.back}</a>
          {v.deleteHref && (
            <a href={v.deleteHref} class="danger-link">
              {a.delete}
            </a>
          )}
        </FormActions>
      </form>
    </div>
  );
}

export function NoticeDeletePage(v: {
  itemTitle: string;
  action: string;
  backHref: string;
  csrfToken: string;
}) {
  return (
    <div class="narrow">
      <h1>{a.deleteTitle}</h1>
      <p class="item-title">{v.itemTitle}</p>
      <p>{a.deleteConfirm}</p>
      <form method="post" action={v.action}>
        <CsrfField token={v.csrfToken} />
        <FormActions>
          <button type="submit" class="button button--warning">
            {a.deleteYes}
          </button>
          <a href={v.backHref}>{a.back}</a>
        </FormActions>
      </form>
    </div>
  );
}

export type OfficeHoursFormView = {
  action: string;
  csrfToken: string;
  values: FormValues;
  errors: FieldErrors;
  custom: boolean;
};

function TimeRow({
  prefix,
  legend,
  v,
  hint,
}: {
  prefix: string;
  legend: string;
  v: OfficeHoursFormView;
  hint?: string;
}) {
  return (
    <fieldset class="field">
      <legend>{legend}</legend>
      {hint && <p class="hint">{hint}</p>}
      <TextField
        name={`${prefix}Start`}
        label={h.from}
        hint={h.timeHint}
        value={v.values[`${prefix}Start`]}
        error={v.errors[`${prefix}Start`]}
        maxLength={5}
      />
      <TextField
        name={`${prefix}End`}
        label={h.to}
        value={v.values[`${prefix}End`]}
        error={v.errors[`${prefix}End`]}
        maxLength={5}
      />
    </fieldset>
  );
}

export function OfficeHoursPage(v: OfficeHoursFormView) {
  return (
    <div class="narrow">
      <ErrorSummary errors={v.errors} />
      <h1>{h.title}</h1>
      <p>{h.lead}</p>
      {!v.custom && <p class="notice">{h.usingDefault}</p>}
      <form method="post" action={v.action} novalidate>
        <CsrfField token={v.csrfToken} />
        <TimeRow prefix="morning" legend={h.morning} v={v} />
        <TimeRow prefix="afternoon" legend={h.afternoon} v={v} hint={h.afternoonHint} />
        <Checkbox
          name="saturday"
          label={h.saturday}
          hint={h.saturdayHint}
          checked={v.values.saturday === '1'}
        />
        <TextField
          name="saturdayStart"
          label={h.saturdayFrom}
          hint={h.timeHint}
          value={v.values.saturdayStart}
          error={v.errors.saturdayStart}
          maxLength={5}
        />
        <TextField
          name="saturdayEnd"
          label={h.saturdayTo}
          value={v.values.saturdayEnd}
          error={v.errors.saturdayEnd}
          maxLength={5}
        />
        <FormActions>
          <button type="submit" class="button">
            {h.save}
          </button>
        </FormActions>
      </form>
    </div>
  );
}
