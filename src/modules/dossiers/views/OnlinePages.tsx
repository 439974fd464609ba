import type { ComponentChildren } from 'preact';
import { common } from '../../../web/messages.js';
import { CsrfField, ErrorSummary, Select, TextArea, TextField } from '../../../web/components/forms.js';
import type { FieldErrors } from '../../../web/components/form-errors.js';
import type { PageShell } from '../../../web/layout-view.js';
import { Layout } from '../../../web/Layout.js';
import { onlineMessages } from '../online.messages.js';
import type { DocumentFieldView, MyDossierRow, MyDraftRow } from '../online.presenter.js';
import type { OnlineValues } from '../online.schemas.js';

/* The citizen's pages: the online form of a procedure, the confirmation, "my dossiers". No JavaScript needed. */

const m = onlineMessages;

export type CitizenBarView = { name: string; dossiersHref: string; signOutAction: string; csrfToken: string };

/** Who is signed in, the way to "my dossiers" and the sign-out button (a form: sign-out is a POST). */
function CitizenBar({ bar }: { bar: CitizenBarView }) {
  return (
    <div class="citizen-bar">
      <span>
        {m.bar.signedInAs} <strong>{bar.name}</strong>
      </span>
      <a href={bar.dossiersHref}>{m.bar.myDossiers}</a>
      <form method="post" action={bar.signOutAction}>
        <CsrfField token={bar.csrfToken} />
        <button type="submit" class="link-button">
          {m.bar.signOut}
        </button>
      </form>
    </div>
  );
}

function CitizenPage({
  shell,
  bar,
  children,
}: {
  shell: PageShell;
  bar: CitizenBarView;
  children: ComponentChildren;
}) {
  return (
    <Layout shell={shell}>
      <div class="citizen-page">
        <CitizenBar bar={bar} />
        {children}
      </div>
    </Layout>
  );
}

export type OnlineFormView = {
  bar: CitizenBarView;
  procedureName: string;
  procedureHref: string;
  levelLabel: string;
  partlyOnline: boolean;
  /** The form's action with its CSRF token (checked before the files are read). */
  action: string;
  csrfToken: string;
  formKey: string;
  values: OnlineValues;
  errors: FieldErrors;
  /** 'saved': the draft was just saved; 'kept': a refused submission was kept as a draft; 'nothing': nothing stored. */
  notice: { kind: 'saved'; at: string } | { kind: 'kept' } | { kind: 'nothing' } | null;
  documents: DocumentFieldView[];
  documentsHint: string;
  returnOptions: { value: string; label: string }[];
  otherDrafts: { href: string; label: string }[];
};

function describedBy(name: string, hint: boolean, error: string | undefined): string | undefined {
  const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** A document's file input, with the file already kept in the draft and the box that drops it. */
function DocumentField({ doc, error }: { doc: DocumentFieldView; error: string | undefined }) {
  const name = doc.field;
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={name}>{doc.label}</label>
      {doc.uploaded && (
        <p id={`${name}-hint`} class="hint uploaded">
          {m.form.uploaded(doc.uploaded.fileName, doc.uploaded.size)}. {m.form.replaceHint}
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
        type="file"
        accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
        aria-describedby={describedBy(name, doc.uploaded !== null, error)}
        aria-invalid={error ? 'true' : undefined}
      />
      {doc.uploaded && (
        <div class="checkbox">
          <input id={`${name}-remove`} name="remove" type="checkbox" value={String(doc.index)} />
          <label for={`${name}-remove`}>{m.form.remove}</label>
        </div>
      )}
    </div>
  );
}

function Notice({ notice }: { notice: OnlineFormView['notice'] }) {
  if (!notice) {
    return null;
  }
  const text =
    notice.kind === 'saved'
      ? m.form.savedAt(notice.at)
      : notice.kind === 'kept'
        ? m.form.keptInDraft
        : m.form.nothingStored;
  return (
    <p class={notice.kind === 'saved' ? 'notice notice--ok' : 'notice'} role="status">
      {text}
    </p>
  );
}

export function OnlineFormPage({ shell, view }: { shell: PageShell; view: OnlineFormView }) {
  const { values: v, errors: e } = view;
  return (
    <CitizenPage shell={shell} bar={view.bar}>
      <ErrorSummary errors={e} />
      <h1>{m.form.title(view.procedureName)}</h1>
      <Notice notice={view.notice} />
      <p>
        <a href={view.procedureHref}>{view.levelLabel}</a>
      </p>
      <p>{m.form.intro}</p>
      {view.partlyOnline && <p class="hint">{m.form.partlyOnline}</p>}
      {view.otherDrafts.length > 0 && (
        <div class="other-drafts">
          <p>{m.form.drafts}</p>
          <ul>
            {view.otherDrafts.map((d) => (
              <li key={d.href}>
                <a href={d.href}>{d.label}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form method="post" action={view.action} enctype="multipart/form-data" novalidate>
        <CsrfField token={view.csrfToken} />
        <input type="hidden" name="key" value={view.formKey} />
        <fieldset>
          <legend>{m.form.applicant}</legend>
          <p class="hint">{m.form.applicantHint}</p>
          <TextField name="name" label={m.form.name} value={v.name} error={e.name} autocomplete="name" />
          <TextField
            name="idNumber"
            label={m.form.idNumber}
            hint={m.form.idNumberHint}
            value={v.idNumber}
            error={e.idNumber}
            inputMode="numeric"
            maxLength={20}
          />
          <TextField
            name="phone"
            label={m.form.phone}
            hint={m.form.phoneHint}
            value={v.phone}
            error={e.phone}
            type="tel"
            autocomplete="tel"
            maxLength={20}
          />
          <TextField
            name="email"
            label={m.form.email}
            value={v.email}
            error={e.email}
            type="email"
            autocomplete="email"
            maxLength={254}
          />
          <TextArea
            name="address"
            label={m.form.address}
            hint={m.form.addressHint}
            value={v.address}
            error={e.address}
            rows={2}
          />
        </fieldset>
        <TextArea
          name="requestSummary"
          label={m.form.summary}
          hint={m.form.summaryHint}
          value={v.requestSummary}
          error={e.requestSummary}
          rows={3}
        />
        <fieldset>
          <legend>{m.form.documents}</legend>
          <p class="hint">{view.documentsHint}</p>
          {view.documents.map((doc) => (
            <DocumentField key={doc.field} doc={doc} error={e[doc.field]} />
          ))}
        </fieldset>
        <Select
          name="returnMethod"
          label={m.form.returnMethod}
          value={v.returnMethod}
          error={e.returnMethod}
          options={view.returnOptions}
        />
        <div class="form-actions">
          <button type="submit" name="action" value="submit" class="button">
            {m.form.submit}
          </button>
          <button type="submit" name="action" value="save" class="button button--secondary">
            {m.form.save}
          </button>
        </div>
      </form>
    </CitizenPage>
  );
}

export type OnlineDoneView = {
  bar: CitizenBarView;
  code: string;
  procedureName: string;
  submittedAt: string;
  status: string;
  lookupHref: string;
  dossiersHref: string;
};

export function OnlineDonePage({ shell, view }: { shell: PageShell; view: OnlineDoneView }) {
  const d = m.done;
  return (
    <CitizenPage shell={shell} bar={view.bar}>
      <div class="done-panel" role="status">
        <h1>{d.title}</h1>
        <p>
          {d.code}: <strong class="dossier-code">{view.code}</strong>
        </p>
      </div>
      <p>{d.keepCode}</p>
      <dl class="facts">
        <dt>{d.procedure}</dt>
        <dd>{view.procedureName}</dd>
        <dt>{d.submittedAt}</dt>
        <dd>{view.submittedAt}</dd>
        <dt>{d.status}</dt>
        <dd>{view.status}</dd>
      </dl>
      <p>
        <a href={view.lookupHref}>{d.lookup}</a>
      </p>
      <h2>{d.nextTitle}</h2>
      <ul>
        {d.next.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p>
        <a href={view.dossiersHref}>{d.myDossiers}</a>
      </p>
    </CitizenPage>
  );
}

export type MyDossiersView = {
  bar: CitizenBarView;
  drafts: MyDraftRow[];
  dossiers: MyDossierRow[];
  proceduresHref: string;
};

export function MyDossiersPage({ shell, view }: { shell: PageShell; view: MyDossiersView }) {
  const t = m.mine;
  return (
    <CitizenPage shell={shell} bar={view.bar}>
      <h1>{t.title}</h1>
      <p>
        <a href={view.proceduresHref}>{t.findProcedure}</a>
      </p>
      <h2>{t.drafts}</h2>
      {view.drafts.length === 0 ? (
        <p class="empty">{t.noDrafts}</p>
      ) : (
        <ul class="card-list">
          {view.drafts.map((d) => (
            <li key={d.resumeHref} class="card">
              <p class="card-title">{d.procedureName}</p>
              <dl class="facts">
                <dt>{t.savedAt}</dt>
                <dd>{d.savedAt}</dd>
                <dt>{t.files}</dt>
                <dd>{d.files}</dd>
              </dl>
              <div class="form-actions">
                <a class="button" href={d.resumeHref}>
                  {t.resume}
                </a>
                <form method="post" action={d.deleteAction}>
                  <CsrfField token={view.bar.csrfToken} />
                  <button type="submit" class="link-button danger-link" aria-label={d.deleteLabel}>
                    {t.delete}
                  </button>
                </form>
              </div>
            </li>
          ))}
        </ul>
      )}
      <h2>{t.submitted}</h2>
      {view.dossiers.length === 0 ? (
        <p class="empty">{t.noDossiers}</p>
      ) : (
        <ul class="card-list">
          {view.dossiers.map((d) => (
            <li key={d.code} class="card">
              <p class="card-title">{d.procedureName}</p>
              <dl class="facts">
                <dt>{t.code}</dt>
                <dd class="dossier-code">{d.code}</dd>
                <dt>{t.submittedAt}</dt>
                <dd>{d.submittedAt}</dd>
                <dt>{t.status}</dt>
                <dd>{d.status}</dd>
                {d.dueAt && (
                  <>
                    <dt>{t.dueAt}</dt>
                    <dd>{d.dueAt}</dd>
                  </>
                )}
              </dl>
              {d.lookupHref && <a href={d.lookupHref}>{t.lookup}</a>}
              {d.resultHref && (
                <p>
                  <a href={d.resultHref}>{t.result}</a>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </CitizenPage>
  );
}
