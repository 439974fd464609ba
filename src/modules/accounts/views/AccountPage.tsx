import { DataTable } from '../../../web/components/DataTable.js';
import type { FieldErrors, FormValues } from '../../../web/components/form-errors.js';
import { CsrfField, ErrorSummary, FormActions, TextField } from '../../../web/components/forms.js';
import { accountMessages } from '../accounts.messages.js';
import type { TokenRow } from '../accounts.presenter.js';

const m = accountMessages;
const t = accountMessages.apiTokens;

export type AccountView = {
  fullName: string;
  username: string;
  rolesLabel: string;
  tokens: TokenRow[];
  createAction: string;
  docsHref: string;
  csrfToken: string;
  values: FormValues;
  errors: FieldErrors;
  /** A token just created: shown this once. */
  created?: { name: string; token: string } | undefined;
};

/** The signed-in staff member's own page: who they are here, and their API tokens. */
export function AccountPage(v: AccountView) {
  return (
    <div class="narrow">
      <ErrorSummary errors={v.errors} />
      <h1>{m.account.title}</h1>
      <dl class="summary-list">
        <dt>{m.account.fullName}</dt>
        <dd>{v.fullName}</dd>
        <dt>{m.account.username}</dt>
        <dd>{v.username}</dd>
        <dt>{m.account.roles}</dt>
        <dd>{v.rolesLabel || '—'}</dd>
      </dl>

      <h2>{t.title}</h2>
      <p>{t.intro}</p>
      <p>
        {t.docsIntro}
        <a href={v.docsHref}>{t.docs}</a>
      </p>
      {v.created && (
        <div class="notice" role="status" aria-labelledby="khoa-moi">
          <h3 id="khoa-moi">
            {t.shownOnce}: {v.created.name}
          </h3>
          <p>{t.shownOnceWarning}</p>
          <p>
            <code class="token">{v.created.token}</code>
          </p>
        </div>
      )}
      <h3>{t.list}</h3>
      <DataTable
        label={t.list}
        empty={t.none}
        columns={[t.name, t.prefix, t.created, t.lastUsed, t.expires, t.status, t.actions]}
        rows={v.tokens}
        rowKey={(r) => r.id}
        cells={(r) => (
          <>
            <td>{r.name}</td>
            <td>
              <code>{r.prefix}</code>
            </td>
            <td>{r.created}</td>
            <td>{r.lastUsed}</td>
            <td>{r.expires}</td>
            <td>{r.state}</td>
            <td>
              {r.revokeHref && (
                <form method="post" action={r.revokeHref} class="inline-form">
                  <CsrfField token={v.csrfToken} />
                  <button type="submit" class="button button--warning" aria-label={t.revokeLabel(r.name)}>
                    {t.revoke}
                  </button>
                </form>
              )}
            </td>
          </>
        )}
      />

      <h3>{t.createTitle}</h3>
      <form method="post" action={v.createAction} novalidate>
        <CsrfField token={v.csrfToken} />
        <TextField
          name="name"
          label={t.name}
          hint={t.nameHint}
          value={v.values.name}
          error={v.errors.name}
          maxLength={100}
          autocomplete="off"
        />
        <TextField
          name="days"
          label={t.days}
          hint={t.daysHint}
          value={v.values.days}
          error={v.errors.days}
          inputMode="numeric"
          autocomplete="off"
        />
        <FormActions>
          <button type="submit" class="button">
            {t.create}
          </button>
        </FormActions>
      </form>
    </div>
  );
}
