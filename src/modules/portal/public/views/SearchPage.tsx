import { Layout } from '../../../../web/Layout.js';
import { portalMessages as m } from '../portal.messages.js';
import type { PageShell } from '../portal.presenter.js';
import type { SearchView } from '../search.service.js';
import { Pagination } from '../../../../web/components/Pagination.js';

export function SearchPage({ shell, view }: { shell: PageShell; view: SearchView }) {
  return (
    <Layout shell={shell}>
      <h1>{m.search.heading}</h1>
      <form
        class="search-page-form"
        role="search"
        method="get"
        action={shell.chrome.searchHref}
        aria-label={m.search.formLabel}
      >
        <label for="tu-khoa">{m.search.label}</label>
        <p class="hint" id="tu-khoa-goi-y">
          {m.search.hint}
        </p>
        <div class="search-row">
          <input
            type="search"
            id="tu-khoa"
            name="q"
            value={view.query}
            maxLength={200}
            aria-describedby="tu-khoa-goi-y"
          />
          <button type="submit">{m.search.button}</button>
        </div>
      </form>
      {view.query && (
        <section aria-labelledby="ket-qua">
          <h2 id="ket-qua" class="result-count">
            {view.total > 0 ? m.search.resultCount(view.total, view.query) : m.search.none(view.query)}
          </h2>
          <ol class="search-results">
            {view.results.map((r) => (
              <li key={r.href}>
                <h3>
                  <a href={r.href}>{r.title}</a>
                </h3>
                {r.dateLabel && <p class="date">{r.dateLabel}</p>}
                {r.summary && <p class="summary">{r.summary}</p>}
              </li>
            ))}
          </ol>
          <Pagination p={view.pagination} />
        </section>
      )}
    </Layout>
  );
}
