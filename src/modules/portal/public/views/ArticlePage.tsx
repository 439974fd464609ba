import { Layout, PrintLayout } from '../../../../web/Layout.js';
import { portalMessages as m } from '../portal.messages.js';
import { scrollableTables, type PageShell } from '../portal.presenter.js';
import type { ArticleView } from '../portal.service.js';
import { ArticleList } from './ArticleList.js';

function ArticleBody({ view }: { view: ArticleView }) {
  return (
    <>
      <p class="category-label">
        <a href={view.category.href}>{view.category.label}</a>
      </p>
      <h1>{view.title}</h1>
      <p class="date">
        <time dateTime={view.publishedAt}>{view.publishedLabel}</time>
      </p>
      {view.summary && <p class="summary lead">{view.summary}</p>}
      {view.cover && (
        <figure class="cover">
          <img
            src={view.cover.src}
            alt={view.cover.alt}
            width={view.cover.width ?? undefined}
            height={view.cover.height ?? undefined}
          />
          {view.cover.caption && <figcaption>{view.cover.caption}</figcaption>}
        </figure>
      )}
      {/* The only raw HTML on the public side: the body, sanitised when the editor saved it. */}
      <div class="article-body" dangerouslySetInnerHTML={{ __html: scrollableTables(view.bodyHtml) }} />
      {view.authorName && <p class="author">{view.authorName}</p>}
    </>
  );
}

export function ArticlePage({ shell, view }: { shell: PageShell; view: ArticleView }) {
  return (
    <Layout shell={shell}>
      <article class="article">
        <ArticleBody view={view} />
        <p class="article-tools">
          <a href={view.printHref} rel="nofollow">
            {m.article.print}
          </a>
        </p>
      </article>
      {view.related.length > 0 && (
        <section class="related" aria-labelledby="tin-cung-chuyen-muc">
          <h2 id="tin-cung-chuyen-muc">{m.article.related}</h2>
          <ArticleList articles={view.related} withSummary={false} withImage={false} />
        </section>
      )}
    </Layout>
  );
}

export function ArticlePrintPage({ shell, view }: { shell: PageShell; view: ArticleView }) {
  return (
    <PrintLayout shell={shell}>
      <article class="article">
        <ArticleBody view={view} />
      </article>
      <p class="no-print">
        <a href={view.href}>{m.article.backToArticle}</a>
      </p>
    </PrintLayout>
  );
}
