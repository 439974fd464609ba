import { Layout } from '../../../../web/Layout.js';
import { portalMessages as m } from '../portal.messages.js';
import type { PageShell } from '../portal.presenter.js';

export type NotFoundView = { title: string; message: string };

/** A 404 inside the unit's portal: what was not found, a search box and the way home. */
export function NotFoundPage({ shell, view }: { shell: PageShell; view: NotFoundView }) {
  return (
    <Layout shell={shell}>
      <h1>{view.title}</h1>
      <p>{view.message}</p>
      <form
        class="search-page-form"
        role="search"
        method="get"
        action={shell.chrome.searchHref}
        aria-label={m.notFoundPage.formLabel}
      >
        <label for="tu-khoa-khong-thay">{m.notFoundPage.searchLabel}</label>
        <div class="search-row">
          <input type="search" id="tu-khoa-khong-thay" name="q" maxLength={200} />
          <button type="submit">{m.search.button}</button>
        </div>
      </form>
      <ul class="not-found-links">
        <li>
          <a href={shell.chrome.homeHref}>{m.notFoundPage.home}</a>
        </li>
        <li>
          <a href={shell.chrome.sitemapHref}>{m.notFoundPage.sitemap}</a>
        </li>
      </ul>
    </Layout>
  );
}
