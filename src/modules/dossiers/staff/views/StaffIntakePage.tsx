import type { FieldErrors, FormValues } from '../../../../web/components/form-errors.js';
import {
  CsrfField,
  ErrorSummary,
  FileField,
  FormActions,
  Select,
  TextArea,
  TextField,
  type SelectOption,
} from '../../../../web/components/forms.js';
import { staffMessages } from '../staff.messages.js';

const s = staffMessages.intake;

export type IntakeDocument = {
  name: string;
  label: string;
  required: boolean;
  checked: boolean;
  fileField: string | null;
};

export type IntakeView = {
  chooseAction: string;
  procedureOptions: SelectOption[];
  /** The procedure chosen (step 2), or null (step 1 only). */
  procedure: { code: string; name: string; timeLimit: string } | null;
  action: string;
  csrfToken: string;
  idempotencyKey: string;
  documents: IntakeDocument[];
  channelOptions: SelectOption[];
  returnOptions: SelectOption[];
  values: FormValues;
  errors: FieldErrors;
};

/** Counter intake in two steps: choose the procedure (its documents come from the catalogue), then the dossier. */
export function StaffIntakePage(v: IntakeView) {
  return (
    <>
      <h1>{s.title}</h1>
      <ErrorSummary errors={v.errors} />
      {v.procedureOptions.length === 0 ? (
        <p>{s.noProcedures}</p>
      ) : (
        <form method="get" action={v.chooseAction}>
          <fieldset>
            <legend>{s.chooseLegend}</legend>
            <Select
              name="thu-tuc"
              label={s.procedure}
              value={v.procedure?.code ?? ''}
              options={[{ value: '', label: s.choose }, ...v.procedureOptions]}
            />
            <button type="submit" class={v.procedure ? 'button button--secondary' : 'button'}>
              {v.procedure ? s.change : s.chooseButton}
            </button>
          </fieldset>
        </form>
      )}
      {v.procedure && (
        <form method="post" action={v.action} enctype="multipart/form-data" novalidate>
          <CsrfField token={v.csrfToken} />
          <input type="hidden" name="procedureCode" value={v.procedure.code} />
          <input type="hidden" name="idempotencyKey" value={v.idempotencyKey} />
          <h2>{s.formLegend}</h2>
          <p>
            <strong>{v.procedure.name}</strong> ({v.procedure.code}). {s.timeLimit}: {v.procedure.timeLimit}.
          </p>
          <fieldset>
            <legend>{s.applicantLegend}</legend>
            <TextField
              name="applicantName"
              label={s.applicantName}
              value={v.values.applicantName}
              error={v.errors.applicantName}
              autocomplete="off"
              maxLength={200}
            />
            <TextField
              name="idNumber"
              label={s.idNumber}
              hint={s.idNumberHint}
              value={v.values.idNumber}
              error={v.errors.idNumber}
              inputMode="numeric"
              autocomplete="off"
              maxLength={12}
            />
            <TextField
              name="phone"
              label={s.phone}
              hint={s.contactHint}
              type="tel"
              value={v.values.phone}
              error={v.errors.phone}
              autocomplete="off"
            />
            <TextField
              name="email"
              label={s.email}
              type="email"
              value={v.values.email}
              error={v.errors.email}
              autocomplete="off"
            />
            <TextField
              name="address"
              label={s.address}
              value={v.values.address}
              error={v.errors.address}
              autocomplete="off"
              maxLength={500}
            />
          </fieldset>
          <TextArea
            name="requestSummary"
            label={s.summary}
            hint={s.summaryHint}
            value={v.values.requestSummary}
            error={v.errors.requestSummary}
            rows={2}
          />
          <fieldset
            class={v.errors.provided ? 'field field--error' : 'field'}
            aria-describedby="provided-hint"
          >
            <legend>{s.documentsLegend}</legend>
            <p id="provided-hint" class="hint">
              {s.documentsHint}
            </p>
            {v.errors.provided && (
              <p id="provided-error" class="field-error">
                {v.errors.provided}
              </p>
            )}
            {v.documents.map((d, i) => (
              <div key={d.name} class="document-entry">
                <div class="checkbox">
                  <input
                    id={i === 0 ? 'provided' : `provided-${i}`}
                    type="checkbox"
                    name="provided"
                    value={d.name}
                    checked={d.checked}
                  />
                  <label for={i === 0 ? 'provided' : `provided-${i}`}>{d.label}</label>
                </div>
                {d.fileField && (
                  <FileField
                    name={d.fileField}
                    label={s.scan(d.name)}
                    hint={s.scanHint}
                    error={v.errors[d.fileField]}
                    accept="application/pdf,image/jpeg,image/png"
                  />
                )}
              </div>
            ))}
          </fieldset>
          <TextField
            name="sets"
            label={s.sets}
            type="number"
            inputMode="numeric"
            value={v.values.sets ?? '1'}
            error={v.errors.sets}
          />
          <Select
            name="channel"
            label={s.channel}
            value={v.values.channel ?? 'counter'}
            options={v.channelOptions}
            error={v.errors.channel}
          />
          <Select
            name="returnMethod"
            label={s.returnMethod}
            value={v.values.returnMethod ?? 'counter'}
            options={v.returnOptions}
            error={v.errors.returnMethod}
          />
          <FormActions>
            <button type="submit" class="button">
              {s.submit}
            </button>
          </FormActions>
        </form>
      )}
    </>
  );
}
