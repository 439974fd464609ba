import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  FormActions,
  TextArea,
  TextField,
} from '../../../../web/components/forms.js';
import type { FieldErrors, FormValues } from '../../../../web/components/form-errors.js';
import { adminMessages } from '../admin.messages.js';
import { TableWrap } from '../../../../web/components/TableWrap.js';
import { common } from '../../../../web/messages.js';

const m = adminMessages.pages;
const a = adminMessages.articles;

export type PageRowView = {
  id: number;
  title: string;
  slug: string;
  position: number;
  showInMenu: boolean;
  href: string;
};

export function PageListPage({ rows, newHref }: { rows: PageRowView[]; newHref: string }) {
  return (
    <>
      <div class="page-head">
        <h1>{m.title}</h1>
        <a class="button" href={newHref}>
          {m.add}
        </a>
      </div>
      {rows.length === 0 ? (
        <p>{m.none}</p>
      ) : (
        <TableWrap label={m.title}>
          <table>
            <thead>
              <tr>
                <th scope="col">{m.colTitle}</th>
                <th scope="col">{m.colSlug}</th>
                <th scope="col">{m.colPosition}</th>
                <th scope="col">{m.colMenu}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <a href={r.href}>{r.title}</a>
                  </td>
                  <td>{r.slug}</td>
                  <td>{r.position}</td>
                  <td>{r.showInMenu ? common.yes : common.no}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}

export type PageFormView = {
  heading: string;
  action: string;
  csrfToken: string;
  uploadUrl: string;
  values: FormValues;
  errors: FieldErrors;
  backHref: string;
  deleteHref: string | null;
};

export function PageFormPage(v: PageFormView) {
  const val = v.values;
  const e = v.errors;
  return (
    <>
      <ErrorSummary errors={e} />
      <h1>{v.heading}</h1>
      <form method="post" action={v.action} novalidate class="editor-form" data-upload-url={v.uploadUrl}>
        <CsrfField token={v.csrfToken} />
        <TextField name="title" label={m.fTitle} value={val.title} error={e.title} />
        <TextField name="slug" label={a.fSlug} hint={a.fSlugHint} value={val.slug} error={e.slug} />
        <TextArea
          name="body"
          label={a.fBody}
          hint={a.fBodyHint}
          editorHint={a.fBodyEditorHint}
          value={val.body}
          error={e.body}
          rows={16}
          richText
        />
        <TextField
          name="position"
          label={adminMessages.categories.fPosition}
          hint={adminMessages.categories.fPositionHint}
          value={val.position ?? '0'}
          error={e.position}
          inputMode="numeric"
        />
        <Checkbox name="showInMenu" label={m.fShowInMenu} checked={val.showInMenu === '1'} />
        <FormActions>
          <button type="submit" class="button">
            {m.save}
          </button>
          <a href={v.backHref}>{common.back}</a>
          {v.deleteHref && (
            <a href={v.deleteHref} class="danger-link">
              {m.delete}
            </a>
          )}
        </FormActions>
      </form>
    </>
  );
}
