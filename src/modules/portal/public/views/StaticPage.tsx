import { Layout } from '../../../../web/Layout.js';
import { scrollableTables, type PageShell } from '../portal.presenter.js';
import type { StaticPageView } from '../portal.service.js';

export function StaticPage({ shell, view }: { shell: PageShell; view: StaticPageView }) {
  return (
    <Layout shell={shell}>
      <article class="article">
        <h1>{view.title}</h1>
        {/* Sanitised when the editor saved it. */}
        <div class="article-body" dangerouslySetInnerHTML={{ __html: scrollableTables(view.bodyHtml) }} />
      </article>
    </Layout>
  );
}
