import type { ComponentChildren } from 'preact';
import { common } from '../messages.js';
import type { FieldErrors } from './form-errors.js';

/**
 * Form building blocks in the GOV.UK pattern: every field has a visible label, an optional hint and an inline
 * error tied to it with aria-describedby; the field's id is its name so that the error summary links straight to it.
 */
export type FieldProps = {
  name: string;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
};

function describedBy(name: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function HintAndError({
  name,
  hint,
  error,
  editorHint,
}: {
  name: string;
  hint?: string | undefined;
  error?: string | undefined;
  editorHint?: string | undefined;
}) {
  return (
    <>
      {hint && (
        <p id={`${name}-hint`} class="hint" data-editor-hint={editorHint}>
          {hint}
        </p>
      )}
      {error && (
        <p id={`${name}-error`} class="field-error">
          <span class="visually-hidden">{common.errorPrefix}</span>
          {error}
        </p>
      )}
    </>
  );
}

/** The list of problems at the top of a form, each linking to its field. */
export function ErrorSummary({ errors }: { errors: FieldErrors }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) {
    return null;
  }
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{common.errors.summaryTitle}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${field}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function TextField({
  name,
  label,
  value,
  error,
  hint,
  type = 'text',
  autocomplete,
  required,
  inputMode,
  maxLength,
}: FieldProps & {
  type?: 'text' | 'email' | 'password' | 'tel' | 'number' | 'datetime-local' | 'url';
  autocomplete?: string;
  required?: boolean;
  inputMode?: 'text' | 'numeric' | 'email' | 'tel' | 'url';
  maxLength?: number;
}) {
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={name}>{label}</label>
      <HintAndError name={name} hint={hint} error={error} />
      <input
        id={name}
        name={name}
        // preact types each input type separately, which tsc needs narrowing to one (eslint disagrees)
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
        type={type as 'text'}
        value={type === 'password' ? undefined : (value ?? '')}
        autocomplete={autocomplete}
        required={required}
        inputMode={inputMode}
        maxLength={maxLength}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

export function TextArea({
  name,
  label,
  value,
  error,
  hint,
  rows = 5,
  richText,
  editorHint,
}: FieldProps & {
  rows?: number;
  richText?: boolean;
  /** For a rich-text field: the hint admin.js shows instead of `hint` once the editor is on (none: hide it). */
  editorHint?: string;
}) {
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={name} id={`${name}-label`}>
        {label}
      </label>
      <HintAndError
        name={name}
        hint={hint}
        error={error}
        editorHint={richText ? (editorHint ?? '') : undefined}
      />
      <textarea
        id={name}
        name={name}
        rows={rows}
        data-rich-text={richText ? 'true' : undefined}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? 'true' : undefined}
      >
        {value ?? ''}
      </textarea>
    </div>
  );
}

export type SelectOption = { value: string; label: string };

export function Select({
  name,
  label,
  value,
  error,
  hint,
  options,
}: FieldProps & { options: readonly SelectOption[] }) {
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={name}>{label}</label>
      <HintAndError name={name} hint={hint} error={error} />
      <select
        id={name}
        name={name}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? 'true' : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One checkbox; `checked` instead of a value. */
export function Checkbox({
  name,
  label,
  checked,
  error,
  hint,
  value = '1',
}: Omit<FieldProps, 'value'> & { checked: boolean; value?: string }) {
  return (
    <div class={error ? 'field field--error checkbox' : 'field checkbox'}>
      <input
        id={name}
        name={name}
        type="checkbox"
        value={value}
        checked={checked}
        aria-describedby={describedBy(name, hint, error)}
      />
      <label for={name}>{label}</label>
      <HintAndError name={name} hint={hint} error={error} />
    </div>
  );
}

/** Several checkboxes sharing one name, in a fieldset; the first box carries the id the error summary links to. */
export function CheckboxGroup({
  name,
  legend,
  options,
  checked,
  error,
  hint,
}: {
  name: string;
  legend: string;
  options: readonly SelectOption[];
  checked: readonly string[];
  error?: string | undefined;
  hint?: string | undefined;
}) {
  return (
    <fieldset
      class={error ? 'field field--error' : 'field'}
      aria-describedby={describedBy(name, hint, error)}
    >
      <legend>{legend}</legend>
      <HintAndError name={name} hint={hint} error={error} />
      {options.map((o, i) => (
        <div class="checkbox" key={o.value}>
          <input
            id={i === 0 ? name : `${name}-${o.value}`}
            name={name}
            type="checkbox"
            value={o.value}
            checked={checked.includes(o.value)}
          />
          <label for={i === 0 ? name : `${name}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** A file input; the form around it must be multipart. */
export function FileField({
  name,
  label,
  error,
  hint,
  accept = 'image/jpeg,image/png,image/gif,image/webp',
}: Omit<FieldProps, 'value'> & { accept?: string }) {
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={name}>{label}</label>
      <HintAndError name={name} hint={hint} error={error} />
      <input
        id={name}
        name={name}
        type="file"
        accept={accept}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

/** The hidden CSRF field every form carries. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** A row of form buttons. */
export function FormActions({ children }: { children: ComponentChildren }) {
  return <div class="form-actions">{children}</div>;
}

/** A record's form buttons: save, the way back, and (when editing) the link to the delete confirmation. */
export function SaveActions(v: {
  save: string;
  backHref: string;
  back?: string;
  deleteHref: string | null;
  deleteLabel: string;
}) {
  return (
    <FormActions>
      <button type="submit" class="button">
        {v.save}
      </button>
      <a href={v.backHref}>{v.back ?? common.back}</a>
      {v.deleteHref && (
        <a href={v.deleteHref} class="danger-link">
          {v.deleteLabel}
        </a>
      )}
    </FormActions>
  );
}
