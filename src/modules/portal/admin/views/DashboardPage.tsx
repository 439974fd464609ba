import { adminMessages } from '../admin.messages.js';
import type { ArticleRowView } from '../admin.presenter.js';

const m = adminMessages.dashboard;

export type DashboardView = {
  counts: { published: number; drafts: number; categories: number; pages: number; media: number } | null;
  latest: ArticleRowView[];
  newArticleHref: string | null;
};

export function DashboardPage({ counts, latest, newArticleHref }: DashboardView) {
  return (
    <>
      <div class="page-head">
        <h1>{m.title}</h1>
        {newArticleHref && (
          <a class="button" href={newArticleHref}>
            {m.newArticle}
          </a>
        )}
      </div>
      {counts && (
        <section aria-labelledby="so-lieu">
          <h2 id="so-lieu" class="visually-hidden">
            {m.stats}
          </h2>
          <ul class="stat-cards">
            <li>
              <span class="stat-cards__n">{counts.published}</span> {m.published}
            </li>
            <li>
              <span class="stat-cards__n">{counts.drafts}</span> {m.drafts}
            </li>
            <li>
              <span class="stat-cards__n">{counts.categories}</span> {m.categories}
            </li>
            <li>
              <span class="stat-cards__n">{counts.pages}</span> {m.pages}
            </li>
            <li>
              <span class="stat-cards__n">{counts.media}</span> {m.media}
            </li>
          </ul>
        </section>
      )}
      {counts && (
        <section aria-labelledby="bai-moi">
          <h2 id="bai-moi">{m.latest}</h2>
          {latest.length === 0 ? (
            <p>{m.none}</p>
          ) : (
            <ul class="plain-list">
              {latest.map((a) => (
                <li key={a.id}>
                  <a href={a.href}>{a.title}</a> <span class={`tag tag--${a.status}`}>{a.statusLabel}</span>{' '}
                  <span class="muted">{a.updated}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section aria-labelledby="phan-he" class="later">
        <h2 id="phan-he">{m.otherModules}</h2>
        <p>{m.later}</p>
      </section>
    </>
  );
}
