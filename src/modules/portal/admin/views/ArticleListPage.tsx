import { adminMessages } from '../admin.messages.js';
import { DataTable } from '../../../../web/components/DataTable.js';
import { PageHead } from '../../../../web/components/PageHead.js';
import type { ArticleRowView } from '../admin.presenter.js';
import { Pagination, type PaginationLinks } from '../../../../web/components/Pagination.js';

const m = adminMessages.articles;

export type ArticleListView = {
  rows: ArticleRowView[];
  pagination: PaginationLinks | null;
  status: string;
  filterAction: string;
  newHref: string;
};

export function ArticleListPage({ rows, pagination, status, filterAction, newHref }: ArticleListView) {
  return (
    <>
      <PageHead title={m.title} actionHref={newHref} actionLabel={m.add} />
      <form method="get" action={filterAction} class="filter">
        <label for="trang-thai">{m.filter}</label>
        <select id="trang-thai" name="trang-thai">
          <option value="" selected={status === ''}>
            {m.filterAll}
          </option>
          <option value="draft" selected={status === 'draft'}>
            {adminMessages.status.draft}
          </option>
          <option value="published" selected={status === 'published'}>
            {adminMessages.status.published}
          </option>
        </select>
        <button type="submit" class="button button--secondary">
          {m.filterSubmit}
        </button>
      </form>
      <DataTable
        label={m.title}
        empty={m.none}
        columns={[m.colTitle, m.colCategory, m.colStatus, m.colPublished]}
        rows={rows}
        rowKey={(r) => r.id}
        cells={(r) => (
          <>
            <td>
              <a href={r.href}>{r.title}</a>
              {r.featured && <span class="tag">{m.featured}</span>}
            </td>
            <td>{r.categoryName}</td>
            <td>
              <span class={`tag tag--${r.status}`}>{r.statusLabel}</span>
            </td>
            <td class="nowrap">{r.published}</td>
          </>
        )}
      />
      <Pagination p={pagination} />
    </>
  );
}
