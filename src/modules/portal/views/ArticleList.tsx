import type { ArticleCard } from '../portal.presenter.js';

/** A list of article teasers: title link, date, optional thumbnail and summary. */
export function ArticleList({
  articles,
  withSummary = true,
  withImage = true,
}: {
  articles: readonly ArticleCard[];
  withSummary?: boolean;
  withImage?: boolean;
}) {
  return (
    <ul class="article-list">
      {articles.map((a) => (
        <li key={a.href} class={withImage && a.image ? 'article-card with-image' : 'article-card'}>
          {withImage && a.image && <img src={a.image.src} alt={a.image.alt} loading="lazy" />}
          <div>
            <h3>
              <a href={a.href}>{a.title}</a>
            </h3>
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
