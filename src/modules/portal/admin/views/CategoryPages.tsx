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

const m = adminMessages.categories;

export type CategoryRowView = {
  id: number;
  name: string;
  slug: string;
  position: number;
  showOnHome: boolean;
  showInMenu: boolean;
  href: string;
};

export function CategoryListPage({ rows, newHref }: { rows: CategoryRowView[]; newHref: string }) {
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
                <th scope="col">{m.colName}</th>
                <th scope="col">{m.colSlug}</th>
                <th scope="col">{m.colPosition}</th>
                <th scope="col">{m.colHome}</th>
                <th scope="col">{m.colMenu}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <a href={r.href}>{r.name}</a>
                  </td>
                  <td>{r.slug}</td>
                  <td>{r.position}</td>
                  <td>{r.showOnHome ? m.yes : m.no}</td>
                  <td>{r.showInMenu ? m.yes : m.no}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}

export type CategoryFormView = {
  heading: string;
  action: string;
  csrfToken: string;
  values: FormValues;
  errors: FieldErrors;
  backHref: string;
  deleteHref: string | null;
};

export function CategoryFormPage(v: CategoryFormView) {
  const val = v.values;
  const e = v.errors;
  const a = adminMessages.articles;
  return (
    <div class="narrow">
      <ErrorSummary errors={e} />
      <h1>{v.heading}</h1>
      <form method="post" action={v.action} novalidate>
        <CsrfField token={v.csrfToken} />
        <TextField name="name" label={m.fName} value={val.name} error={e.name} />
        <TextField name="slug" label={a.fSlug} hint={a.fSlugHint} value={val.slug} error={e.slug} />
        <TextArea
          name="description"
          label={m.fDescription}
          value={val.description}
          error={e.description}
          rows={3}
        />
        <TextField
          name="position"
          label={m.fPosition}
          hint={m.fPositionHint}
          value={val.position ?? '0'}
          error={e.position}
          inputMode="numeric"
        />
        <Checkbox name="showOnHome" label={m.fShowOnHome} checked={val.showOnHome === '1'} />
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
    </div>
  );
}
