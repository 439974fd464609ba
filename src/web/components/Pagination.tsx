import { common } from '../messages.js';

/** What the pager shows: "Trang 2/5", previous/next links and a window of page numbers (the current one marked). */
export type PaginationLinks = {
  label: string;
  previousHref: string | null;
  nextHref: string | null;
  pages: { number: number; href: string; current: boolean }[];
};

/** The pager of a list of the public site or the admin; nothing when there is only one page. */
export function Pagination({ p }: { p: PaginationLinks | null }) {
  if (!p) {
    return null;
  }
  return (
    <nav class="pagination" aria-label={common.pagination.label}>
      <p class="pagination-status">{p.label}</p>
      <ul>
        {p.previousHref && (
          <li>
            <a href={p.previousHref} rel="prev">
              {common.pagination.previous}
            </a>
          </li>
        )}
        {p.pages.map((page) => (
          <li key={page.number}>
            {page.current ? (
              <span aria-current="page">{page.number}</span>
            ) : (
              <a href={page.href} aria-label={common.pagination.page(page.number)}>
                {page.number}
              </a>
            )}
          </li>
        ))}
        {p.nextHref && (
          <li>
            <a href={p.nextHref} rel="next">
              {common.pagination.next}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
