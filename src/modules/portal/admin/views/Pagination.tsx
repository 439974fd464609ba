import type { Pagination as PaginationView } from '../admin.presenter.js';

export function Pagination({ page, pages, prevHref, nextHref }: PaginationView) {
  if (pages <= 1) {
    return null;
  }
  return (
    <nav class="pagination" aria-label="Phân trang">
      {prevHref && (
        <a href={prevHref} rel="prev">
          ‹ Trang trước
        </a>
      )}
      <span>
        Trang {page}/{pages}
      </span>
      {nextHref && (
        <a href={nextHref} rel="next">
          Trang sau ›
        </a>
      )}
    </nav>
  );
}
