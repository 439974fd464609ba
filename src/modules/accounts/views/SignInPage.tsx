import { AdminLayout } from '../../../web/AdminLayout.js';
import { CsrfField, ErrorSummary, TextField } from '../../../web/components/forms.js';
import type { FieldErrors, FormValues } from '../../../web/components/form-errors.js';
import { accountMessages } from '../accounts.messages.js';

export type SignInView = {
  unitName: string;
  publicHref: string;
  cspNonce: string;
  csrfToken: string;
  action: string;
  next: string | undefined;
  values: FormValues;
  errors: FieldErrors;
  /** The lock rule, said up front: a failed sign-in never says whether the account is locked. */
  lockHint: string;
};

const m = accountMessages.signIn;

export function SignInPage(v: SignInView) {
  return (
    <AdminLayout title={m.title} unitName={v.unitName} publicHref={v.publicHref} cspNonce={v.cspNonce}>
      <div class="narrow">
        <ErrorSummary errors={v.errors} />
        <h1>{m.title}</h1>
        <p>{m.intro}</p>
        <form method="post" action={v.action} novalidate>
          <CsrfField token={v.csrfToken} />
          {v.next && <input type="hidden" name="tiep" value={v.next} />}
          <TextField
            name="username"
            label={m.username}
            value={v.values.username}
            error={v.errors.username}
            autocomplete="username"
          />
          <TextField
            name="password"
            label={m.password}
            type="password"
            hint={v.lockHint}
            error={v.errors.password}
            autocomplete="current-password"
          />
          <button type="submit" class="button">
            {m.submit}
          </button>
        </form>
      </div>
    </AdminLayout>
  );
}
