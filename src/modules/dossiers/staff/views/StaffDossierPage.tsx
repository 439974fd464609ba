import { TableWrap } from '../../../../web/components/TableWrap.js';
import type { FieldErrors, FormValues } from '../../../../web/components/form-errors.js';
import {
  CsrfField,
  ErrorSummary,
  FileField,
  Select,
  TextArea,
  TextField,
  type SelectOption,
} from '../../../../web/components/forms.js';
import type { DossierAction } from '../../dossier-workflow.js';
import type { DocumentEntry, EventView, FileView } from '../staff.presenter.js';
import { staffMessages } from '../staff.messages.js';

const s = staffMessages.detail;

export type DossierPageView = {
  flash: string | null;
  /** Due soon or overdue, and until when the apology may be issued (words, not only colour). */
  warning: string | null;
  /** An action refused as a whole (status changed, role, someone acted first). */
  problem: string | null;
  backHref: string;
  facts: { label: string; value: string }[];
  documents: DocumentEntry[];
  files: (FileView & { href: string })[];
  slips: { label: string; href: string }[];
  history: EventView[];
  actions: { action: DossierAction; label: string }[];
  actionHref: string;
  csrfToken: string;
  version: number;
  assigneeOptions: SelectOption[];
  returnOptions: SelectOption[];
  feeMethodOptions: SelectOption[];
  /** The action whose form holds `values` and `errors` (the one just refused at a field). */
  failedAction: DossierAction | null;
  values: FormValues;
  errors: FieldErrors;
  code: string;
  /** The multipart form to attach the electronic result (its action carries the CSRF token), or null. */
  resultAction: string | null;
};

/** The fields an action's form asks for. */
function ActionFields({ action, v }: { action: DossierAction; v: DossierPageView }) {
  const own = v.failedAction === action;
  const id = (k: string) => `${action}-${k}`;
  const value = (k: string) => (own ? v.values[id(k)] : undefined);
  const error = (k: string) => (own ? v.errors[id(k)] : undefined);
  const reason = (
    <TextArea name={id('reason')} label={s.reason} value={value('reason')} error={error('reason')} rows={2} />
  );
  switch (action) {
    case 'assign':
      return (
        <Select
          name={id('assigneeId')}
          label={s.assigneeField}
          value={value('assigneeId')}
          options={v.assigneeOptions}
          error={error('assigneeId')}
        />
      );
    case 'request_supplement':
      return (
        <>
          {reason}
          <TextArea
            name={id('documents')}
            label={s.supplementDocs}
            value={value('documents')}
            error={error('documents')}
            rows={3}
          />
        </>
      );
    case 'apologise':
      return (
        <>
          {reason}
          <TextField
            name={id('newDueAt')}
            label={s.newDueAt}
            hint={s.newDueAtHint}
            type="datetime-local"
            value={value('newDueAt')}
            error={error('newDueAt')}
          />
        </>
      );
    case 'return_result':
      return (
        <Select
          name={id('returnedVia')}
          label={s.returnedVia}
          value={value('returnedVia')}
          options={v.returnOptions}
          error={error('returnedVia')}
        />
      );
    case 'record_fee':
      return (
        <>
          <TextField
            name={id('feeVnd')}
            label={s.feeVnd}
            inputMode="numeric"
            value={value('feeVnd')}
            error={error('feeVnd')}
          />
          <Select
            name={id('feeMethod')}
            label={s.feeMethod}
            value={value('feeMethod')}
            options={v.feeMethodOptions}
            error={error('feeMethod')}
          />
        </>
      );
    case 'refuse':
    case 'withdraw':
    case 'stop':
    case 'send_back':
      return reason;
    case 'receive':
    case 'complete_supplement':
    case 'submit_for_approval':
    case 'approve':
      return null;
  }
}

/** One dossier for staff: its facts, documents, files, slips, history and the actions the actor may take now. */
export function StaffDossierPage(v: DossierPageView) {
  return (
    <>
      <p>
        <a href={v.backHref}>{s.back}</a>
      </p>
      <h1>
        {s.code} {v.code}
      </h1>
      {v.flash && (
        <div class="notice" role="status">
          <p>{v.flash}</p>
        </div>
      )}
      {v.warning && (
        <div class="notice notice--warning" role="note">
          <p>
            <strong>{v.warning}</strong>
          </p>
        </div>
      )}
      {v.problem && (
        <div class="error-summary" role="alert">
          <p>{v.problem}</p>
        </div>
      )}
      <ErrorSummary errors={v.errors} />
      <h2>{s.summary}</h2>
      <dl class="facts">
        {v.facts.map((f) => (
          <div key={f.label}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
      <h2>{s.actions}</h2>
      {v.actions.length === 0 ? (
        <p>{s.noActions}</p>
      ) : (
        v.actions.map((a) => (
          <form
            key={a.action}
            method="post"
            action={v.actionHref}
            class="action-form"
            id={`form-${a.action}`}
          >
            <CsrfField token={v.csrfToken} />
            <input type="hidden" name="action" value={a.action} />
            <input type="hidden" name="version" value={String(v.version)} />
            <fieldset>
              <legend>{a.label}</legend>
              <ActionFields action={a.action} v={v} />
              <button type="submit" class="button">
                {a.label}
              </button>
            </fieldset>
          </form>
        ))
      )}
      {v.resultAction && (
        <form
          method="post"
          action={v.resultAction}
          enctype="multipart/form-data"
          class="action-form"
          id="form-result"
        >
          <CsrfField token={v.csrfToken} />
          <fieldset>
            <legend>{s.resultLegend}</legend>
            <FileField
              name="result"
              label={s.resultFile}
              hint={s.resultHint}
              error={v.errors.result}
              accept="application/pdf,image/jpeg,image/png"
            />
            <button type="submit" class="button">
              {s.resultSubmit}
            </button>
          </fieldset>
        </form>
      )}
      <h2>{s.documents}</h2>
      <ul>
        {v.documents.map((d) => (
          <li key={d.name}>
            {d.name} — {d.provided ? s.provided : s.missing}
          </li>
        ))}
      </ul>
      <h2>{s.files}</h2>
      {v.files.length === 0 ? (
        <p>{s.noFiles}</p>
      ) : (
        <ul>
          {v.files.map((f) => (
            <li key={f.id}>
              <a href={f.href}>{f.name}</a> ({f.kind}
              {f.document ? `: ${f.document}` : ''}, {f.size})
            </li>
          ))}
        </ul>
      )}
      <h2>{s.slips}</h2>
      <ul>
        {v.slips.map((slip) => (
          <li key={slip.href}>
            <a href={slip.href}>{slip.label}</a> (PDF)
          </li>
        ))}
      </ul>
      <h2>{s.history}</h2>
      <TableWrap label={s.history}>
        <table>
          <thead>
            <tr>
              <th scope="col">{s.col.at}</th>
              <th scope="col">{s.col.who}</th>
              <th scope="col">{s.col.action}</th>
              <th scope="col">{s.col.status}</th>
              <th scope="col">{s.col.note}</th>
            </tr>
          </thead>
          <tbody>
            {v.history.map((e, i) => (
              <tr key={i}>
                <td>{e.at}</td>
                <td>{e.who}</td>
                <td>{e.action}</td>
                <td>{e.status}</td>
                <td>{[e.reason, e.extra].filter(Boolean).join(' — ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
