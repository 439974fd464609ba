import {
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  FormActions,
  TextField,
} from '../../../web/components/forms.js';
import type { FieldErrors, FormValues } from '../../../web/components/form-errors.js';
import { accountMessages } from '../accounts.messages.js';
import { roleOptions, type StaffRow } from '../accounts.presenter.js';
import { common } from '../../../web/messages.js';

const m = accountMessages.users;

export type NewUserView = {
  action: string;
  backHref: string;
  csrfToken: string;
  values: FormValues;
  roles: string[];
  errors: FieldErrors;
};

export function NewUserForm(v: NewUserView) {
  return (
    <div class="narrow">
      <ErrorSummary errors={v.errors} />
      <h1>{m.newTitle}</h1>
      <form method="post" action={v.action} novalidate>
        <CsrfField token={v.csrfToken} />
        <TextField
          name="username"
          label={m.username}
          hint={m.usernameHint}
          value={v.values.username}
          error={v.errors.username}
          autocomplete="off"
        />
        <TextField name="fullName" label={m.fullName} value={v.values.fullName} error={v.errors.fullName} />
        <TextField name="email" label={m.email} type="email" value={v.values.email} error={v.errors.email} />
        <TextField
          name="password"
          label={m.password}
          hint={m.passwordHint}
          type="password"
          error={v.errors.password}
          autocomplete="new-password"
        />
        <CheckboxGroup
          name="roles"
          legend={m.roles}
          hint={m.rolesHint}
          options={roleOptions}
          checked={v.roles}
          error={v.errors.roles}
        />
        <FormActions>
          <button type="submit" class="button">
            {m.create}
          </button>
          <a href={v.backHref}>{common.back}</a>
        </FormActions>
      </form>
    </div>
  );
}

export type UserRolesView = {
  staff: StaffRow;
  action: string;
  backHref: string;
  csrfToken: string;
  roles: string[];
  errors: FieldErrors;
  isSelf: boolean;
};

export function UserRolesForm(v: UserRolesView) {
  const s = v.staff;
  return (
    <div class="narrow">
      <ErrorSummary errors={v.errors} />
      <h1>
        {m.editTitle}: {s.fullName}
      </h1>
      <dl class="summary-list">
        <dt>{m.username}</dt>
        <dd>{s.username}</dd>
        <dt>{m.email}</dt>
        <dd>{s.email || '—'}</dd>
        <dt>{m.status}</dt>
        <dd>{s.disabled ? m.disabled : m.active}</dd>
        <dt>{m.lastSignIn}</dt>
        <dd>{s.lastSignIn}</dd>
      </dl>
      <form method="post" action={v.action} novalidate>
        <CsrfField token={v.csrfToken} />
        <CheckboxGroup
          name="roles"
          legend={m.roles}
          hint={m.rolesHint}
          options={roleOptions}
          checked={v.roles}
          error={v.errors.roles}
        />
        <FormActions>
          <button type="submit" class="button">
            {m.save}
          </button>
          <a href={v.backHref}>{common.back}</a>
        </FormActions>
      </form>
      {!v.isSelf && (
        <form method="post" action={s.statusHref} class="danger-zone">
          <CsrfField token={v.csrfToken} />
          <input type="hidden" name="disabled" value={s.disabled ? '0' : '1'} />
          {!s.disabled && <p class="hint">{m.disableHint}</p>}
          <button type="submit" class={s.disabled ? 'button button--secondary' : 'button button--warning'}>
            {s.disabled ? m.enable : m.disable}
          </button>
        </form>
      )}
    </div>
  );
}
