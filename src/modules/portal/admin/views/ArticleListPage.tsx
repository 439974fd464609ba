import { adminMessages } from '../admin.messages.js';
import { TableWrap } from '../../../../web/components/TableWrap.js';
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
      <div class="page-head">
        <h1>{m.title}</h1>
        <a class="button" href={newHref}>
          {m.add}
        </a>
      </div>
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
      {rows.length === 0 ? (
        <p>{m.none}</p>
      ) : (
        <TableWrap label={m.title}>
          <table>
            <thead>
              <tr>
                <th scope="col">{m.colTitle}</th>
                <th scope="col">{m.colCategory}</th>
                <th scope="col">{m.colStatus}</th>
                <th scope="col">{m.colPublished}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <a href={r.href}>{r.title}</a>
                    {r.featured && <span class="tag">{m.featured}</span>}
                  </td>
                  <td>{r.categoryName}</td>
                  <td>
                    <span class={`tag tag--${r.status}`}>{r.statusLabel}</span>
                  </td>
                  <td class="nowrap">{r.published}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <Pagination p={pagination} />
    </>
  );
}
