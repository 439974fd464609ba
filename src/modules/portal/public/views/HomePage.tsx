import { Layout } from '../../../../web/Layout.js';
import { portalMessages as m } from '../portal.messages.js';
import type { PageShell } from '../portal.presenter.js';
import type { HomeView } from '../portal.service.js';
import { ArticleList } from './ArticleList.js';

export function HomePage({ shell, view }: { shell: PageShell; view: HomeView }) {
  const [lead, ...others] = view.featured;
  return (
    <Layout shell={shell}>
      <h1 class="visually-hidden">
        {m.home.heading} - {shell.chrome.siteName}
      </h1>
      {lead && (
        <section class="featured" aria-labelledby="tin-noi-bat">
          <h2 id="tin-noi-bat">{m.home.featured}</h2>
          <article class="lead-story">
            {lead.image && <img src={lead.image.src} alt={lead.image.alt} />}
            <h3>
              <a href={lead.href}>{lead.title}</a>
            </h3>
            <p class="date">
              <time dateTime={lead.dateTime}>{lead.dateLabel}</time>
            </p>
            {lead.summary && <p class="summary">{lead.summary}</p>}
          </article>
          {others.length > 0 && <ArticleList articles={others} withSummary={false} />}
        </section>
      )}
      {view.latest.length > 0 && (
        <section class="latest" aria-labelledby="tin-moi">
          <h2 id="tin-moi">{m.home.latest}</h2>
          <ArticleList articles={view.latest} />
        </section>
      )}
      {view.blocks.map((b, i) => (
        <section class="category-block" key={b.href} aria-labelledby={`chuyen-muc-${i}`}>
          <h2 id={`chuyen-muc-${i}`}>
            <a href={b.href}>{b.name}</a>
          </h2>
          <ArticleList articles={b.articles} withSummary={false} />
          <p class="more">
            <a href={b.href}>{b.moreLabel}</a>
          </p>
        </section>
      ))}
    </Layout>
  );
}
