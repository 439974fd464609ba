import { CsrfField, ErrorSummary, TextField } from '../../../web/components/forms.js';
import type { FieldErrors, FormValues } from '../../../web/components/form-errors.js';
import type { PageShell } from '../../../web/layout-view.js';
import { Layout } from '../../../web/Layout.js';
import { citizenMessages } from '../citizen-accounts.messages.js';

/* Citizens' sign-up and sign-in pages, inside the unit's portal. Plain forms: no JavaScript needed. */

export type CitizenFormView = {
  action: string;
  csrfToken: string;
  next: string | undefined;
  values: FormValues;
  errors: FieldErrors;
  /** The other page (sign-in from sign-up and back), keeping `tiep`. */
  otherHref: string;
};

export function CitizenSignUpPage({ shell, view }: { shell: PageShell; view: CitizenFormView }) {
  const m = citizenMessages.signUp;
  const { values: v, errors: e } = view;
  return (
    <Layout shell={shell}>
      <div class="citizen-page">
        <ErrorSummary errors={e} />
        <h1>{m.title}</h1>
        <p>{m.intro}</p>
        <form method="post" action={view.action} novalidate>
          <CsrfField token={view.csrfToken} />
          {view.next && <input type="hidden" name="tiep" value={view.next} />}
          <TextField
            name="fullName"
            label={m.fullName}
            hint={m.fullNameHint}
            value={v.fullName}
            error={e.fullName}
            autocomplete="name"
            maxLength={120}
          />
          <TextField
            name="idNumber"
            label={m.idNumber}
            hint={m.idNumberHint}
            value={v.idNumber}
            error={e.idNumber}
            inputMode="numeric"
            autocomplete="username"
            maxLength={20}
          />
          <TextField
            name="phone"
            label={m.phone}
            hint={m.phoneHint}
            value={v.phone}
            error={e.phone}
            type="tel"
            autocomplete="tel"
            maxLength={20}
          />
          <TextField
            name="email"
            label={m.email}
            hint={m.emailHint}
            value={v.email}
            error={e.email}
            type="email"
            autocomplete="email"
            maxLength={254}
          />
          <TextField
            name="password"
            label={m.password}
            hint={m.passwordHint}
            error={e.password}
            type="password"
            autocomplete="new-password"
          />
          <TextField
            name="passwordConfirm"
            label={m.passwordConfirm}
            error={e.passwordConfirm}
            type="password"
            autocomplete="new-password"
          />
          <button type="submit" class="button">
            {m.submit}
          </button>
        </form>
        <p>
          {m.haveAccount} <a href={view.otherHref}>{m.signInLink}</a>
        </p>
      </div>
    </Layout>
  );
}

export function CitizenSignInPage({
  shell,
  view,
  lockHint,
}: {
  shell: PageShell;
  view: CitizenFormView;
  lockHint: string;
}) {
  const m = citizenMessages.signIn;
  const { values: v, errors: e } = view;
  return (
    <Layout shell={shell}>
      <div class="citizen-page">
        <ErrorSummary errors={e} />
        <h1>{m.title}</h1>
        <p>{m.intro}</p>
        <form method="post" action={view.action} novalidate>
          <CsrfField token={view.csrfToken} />
          {view.next && <input type="hidden" name="tiep" value={view.next} />}
          <TextField
            name="idNumber"
            label={m.idNumber}
            value={v.idNumber}
            error={e.idNumber}
            inputMode="numeric"
            autocomplete="username"
            maxLength={20}
          />
          <TextField
            name="password"
            label={m.password}
            hint={lockHint}
            error={e.password}
            type="password"
            autocomplete="current-password"
          />
          <button type="submit" class="button">
            {m.submit}
          </button>
        </form>
        <p>
          {m.noAccount} <a href={view.otherHref}>{m.signUpLink}</a>
        </p>
      </div>
    </Layout>
  );
}
