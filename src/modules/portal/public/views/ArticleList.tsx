import type { ArticleCard } from '../portal.presenter.js';

/** A list of article teasers: title link, date, optional thumbnail and summary. */
export function ArticleList({
  articles,
  withSummary = true,
  withImage = true,
  headingLevel = 3,
}: {
  articles: readonly ArticleCard[];
  withSummary?: boolean;
  withImage?: boolean;
  /** 2 when the list sits right under the page's h1. */
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul class="article-list">
      {articles.map((a) => (
        <li key={a.href} class={withImage && a.image ? 'article-card with-image' : 'article-card'}>
          {withImage && a.image && <img src={a.image.src} alt={a.image.alt} loading="lazy" />}
          <div>
            <Heading class="card-title">
              <a href={a.href}>{a.title}</a>
            </Heading>
            <p class="date">
              <time dateTime={a.dateTime}>{a.dateLabel}</time>
            </p>
            {withSummary && a.summary && <p class="summary">{a.summary}</p>}
          </div>
        </li>
      ))}
    </ul>
  );
}
