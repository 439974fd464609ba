import { CsrfField, ErrorSummary, FileField, TextField } from '../../../web/components/forms.js';
import type { FieldErrors, FormValues } from '../../../web/components/form-errors.js';
import { unitMessages } from '../units.messages.js';

const m = unitMessages.settings;

export type SettingsView = {
  action: string;
  logoAction: string;
  csrfToken: string;
  values: FormValues;
  errors: FieldErrors;
  logo: { src: string; alt: string } | null;
  /** The unit's own host name, set by the deployment's operator; null when it has none. */
  host: string | null;
  saved: boolean;
};

export function SettingsPage(v: SettingsView) {
  const val = v.values;
  const e = v.errors;
  return (
    <div class="narrow">
      <ErrorSummary errors={e} />
      <h1>{m.title}</h1>
      {v.saved && (
        <div class="notice notice--success" role="status">
          <p>{m.saved}</p>
        </div>
      )}
      <p>{m.intro}</p>
      {v.host && (
        <p>
          {m.host}: <strong>{v.host}</strong>. {m.hostNote}
        </p>
      )}
      <form method="post" action={v.action} novalidate>
        <CsrfField token={v.csrfToken} />
        <TextField
          name="fullName"
          label={m.fullName}
          hint={m.fullNameHint}
          value={val.fullName}
          error={e.fullName}
        />
        <TextField name="address" label={m.address} value={val.address} error={e.address} />
        <TextField name="phone" label={m.phone} type="tel" value={val.phone} error={e.phone} />
        <TextField name="email" label={m.email} type="email" value={val.email} error={e.email} />
        <TextField name="editorName" label={m.editorName} value={val.editorName} error={e.editorName} />
        <TextField
          name="editorTitle"
          label={m.editorTitle}
          hint={m.editorTitleHint}
          value={val.editorTitle}
          error={e.editorTitle}
        />
        <TextField
          name="agencyCode"
          label={m.agencyCode}
          hint={m.agencyCodeHint}
          value={val.agencyCode}
          error={e.agencyCode}
        />
        <TextField
          name="adminCode"
          label={m.adminCode}
          hint={m.adminCodeHint}
          value={val.adminCode}
          error={e.adminCode}
          inputMode="numeric"
        />
        <button type="submit" class="button">
          {m.save}
        </button>
      </form>
      <section aria-labelledby="logo" class="panel">
        <h2 id="logo">{m.logoTitle}</h2>
        {v.logo ? (
          <figure class="logo-preview">
            <img src={v.logo.src} alt={v.logo.alt} />
            <figcaption>{m.logoCurrent}</figcaption>
          </figure>
        ) : (
          <p>{m.logoNone}</p>
        )}
        <form method="post" action={v.logoAction} enctype="multipart/form-data" novalidate>
          <CsrfField token={v.csrfToken} />
          <FileField name="logo" label={m.logoFile} error={e.logo} />
          <button type="submit" class="button button--secondary">
            {m.logoUpload}
          </button>
        </form>
      </section>
    </div>
  );
}
