import { Layout } from '../../../../web/Layout.js';
import { portalMessages as m } from '../portal.messages.js';
import type { PageShell } from '../portal.presenter.js';
import type { SitemapView } from '../feeds.service.js';

export function SitemapPage({ shell, view }: { shell: PageShell; view: SitemapView }) {
  return (
    <Layout shell={shell}>
      <h1>{m.sitemapPage.heading}</h1>
      <ul class="sitemap">
        <li>
          <a href={shell.chrome.homeHref}>{shell.chrome.menu[0]?.label}</a>
        </li>
        {view.pages.length > 0 && (
          <li>
            <h2>{m.sitemapPage.pages}</h2>
            <ul>
              {view.pages.map((p) => (
                <li key={p.href}>
                  <a href={p.href}>{p.label}</a>
                </li>
              ))}
            </ul>
          </li>
        )}
        {view.categories.length > 0 && (
          <li>
            <h2>{m.sitemapPage.sections}</h2>
            <ul>
              {view.categories.map((c) => (
                <li key={c.href}>
                  <a href={c.href}>{c.label}</a> (<a href={c.rssHref}>{m.category.rss(c.label)}</a>)
                </li>
              ))}
            </ul>
          </li>
        )}
        {view.procedures && (
          <li>
            <h2>{m.sitemapPage.procedures}</h2>
            <ul>
              <li>
                <a href={view.procedures.list.href}>{view.procedures.list.label}</a>
              </li>
              {view.procedures.items.map((p) => (
                <li key={p.href}>
                  <a href={p.href}>{p.label}</a>
                </li>
              ))}
            </ul>
          </li>
        )}
        <li>
          <h2>{m.sitemapPage.tools}</h2>
          <ul>
            {view.tools.map((t) => (
              <li key={t.href}>
                <a href={t.href}>{t.label}</a>
              </li>
            ))}
            <li>
              <a href={view.rssHref}>{m.sitemapPage.feeds}</a>
            </li>
            <li>
              <a href={view.xmlHref}>{m.sitemapPage.xml}</a>
            </li>
          </ul>
        </li>
      </ul>
    </Layout>
  );
}
