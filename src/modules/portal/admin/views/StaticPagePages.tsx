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
      <PageHead title={m.title} actionHref={newHref} actionLabel={m.add} />
      <DataTable
        label={m.title}
        empty={m.none}
        columns={[m.colTitle, m.colSlug, m.colPosition, m.colMenu]}
        rows={rows}
        rowKey={(r) => r.id}
        cells={(r) => (
          <>
            <td>
              <a href={r.href}>{r.title}</a>
            </td>
            <td>{r.slug}</td>
            <td>{r.position}</td>
            <td>{r.showInMenu ? common.yes : common.no}</td>
          </>
        )}
      />
    </>
  );
}

export type PageFormView = RecordFormView;

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
        <SaveActions save={m.save} backHref={v.backHref} deleteHref={v.deleteHref} deleteLabel={m.delete} />
      </form>
    </>
  );
}
