import { Layout } from '../../../../web/Layout.js';
import { portalMessages as m } from '../portal.messages.js';
import type { PageShell } from '../portal.presenter.js';
import type { CategoryView } from '../portal.service.js';
import { ArticleList } from './ArticleList.js';
import { Pagination } from '../../../../web/components/Pagination.js';

export function CategoryPage({ shell, view }: { shell: PageShell; view: CategoryView }) {
  return (
    <Layout shell={shell}>
      <h1>{view.name}</h1>
      {view.description && <p class="lead">{view.description}</p>}
      {view.articles.length === 0 ? (
        <p class="empty">{m.category.empty}</p>
      ) : (
        <ArticleList articles={view.articles} headingLevel={2} />
      )}
      <Pagination p={view.pagination} />
      <p class="feed-link">
        <a href={view.rssHref}>{view.rssLabel}</a>
      </p>
    </Layout>
  );
}
