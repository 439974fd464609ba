import { portalMessages as m } from '../portal.messages.js';
import type { PaginationView } from '../portal.presenter.js';

export function Pagination({ p }: { p: PaginationView | null }) {
  if (!p) {
    return null;
  }
  return (
    <nav class="pagination" aria-label={m.pagination.label}>
      <p class="pagination-status">{p.label}</p>
      <ul>
        {p.previousHref && (
          <li>
            <a href={p.previousHref} rel="prev">
              {m.pagination.previous}
            </a>
          </li>
        )}
        {p.pages.map((page) => (
          <li key={page.number}>
            {page.current ? (
              <span aria-current="page">{page.number}</span>
            ) : (
              <a href={page.href} aria-label={m.pagination.page(page.number)}>
                {page.number}
              </a>
            )}
          </li>
        ))}
        {p.nextHref && (
          <li>
            <a href={p.nextHref} rel="next">
              {m.pagination.next}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
