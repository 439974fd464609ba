import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  SaveActions,
  TextArea,
  TextField,
} from '../../../../web/components/forms.js';
import { adminMessages } from '../admin.messages.js';
import type { RecordFormView } from './record-form-view.js';
import { DataTable } from '../../../../web/components/DataTable.js';
import { PageHead } from '../../../../web/components/PageHead.js';
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
      <PageHead title={m.title} actionHref={newHref} actionLabel={m.add} />
      <DataTable
        label={m.title}
        empty={m.none}
        columns={[m.colName, m.colSlug, m.colPosition, m.colHome, m.colMenu]}
        rows={rows}
        rowKey={(r) => r.id}
        cells={(r) => (
          <>
            <td>
              <a href={r.href}>{r.name}</a>
            </td>
            <td>{r.slug}</td>
            <td>{r.position}</td>
            <td>{r.showOnHome ? common.yes : common.no}</td>
            <td>{r.showInMenu ? common.yes : common.no}</td>
          </>
        )}
      />
    </>
  );
}

export type CategoryFormView = Omit<RecordFormView, 'uploadUrl'>;

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
        <SaveActions save={m.save} backHref={v.backHref} deleteHref={v.deleteHref} deleteLabel={m.delete} />
      </form>
    </div>
  );
}
