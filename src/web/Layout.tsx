import type { ComponentChildren } from 'preact';
import { assetPaths } from '../http/paths.js';
import type { ChromeView, Link, MetaView, PageShell } from './layout-view.js';
import { layoutMessages as m } from './layout.messages.js';
import { common } from './messages.js';

/** Open Graph and Dublin Core (Circular 24/2011/TT-BTTTT) metadata, canonical link and feeds. */
function Meta({ meta }: { meta: MetaView }) {
  return (
    <>
      <title>{meta.documentTitle}</title>
      <meta name="description" content={meta.description} />
      {meta.noIndex && <meta name="robots" content="noindex, follow" />}
      <link rel="canonical" href={meta.canonicalUrl} />
      <link rel="alternate" type="application/rss+xml" title={meta.siteName} href={meta.rssUrl} />
      <meta property="og:title" content={meta.title} />
      <meta property="og:description" content={meta.description} />
      <meta property="og:type" content={meta.type} />
      <meta property="og:url" content={meta.canonicalUrl} />
      <meta property="og:site_name" content={meta.siteName} />
      <meta property="og:locale" content="vi_VN" />
      {meta.imageUrl && <meta property="og:image" content={meta.imageUrl} />}
      <link rel="schema.DC" href="http://purl.org/dc/elements/1.1/" />
      <meta name="DC.title" content={meta.title} />
      <meta name="DC.creator" content={meta.dcCreator} />
      <meta name="DC.date" content={meta.dcDate} />
      <meta name="DC.description" content={meta.description} />
      <meta name="DC.publisher" content={meta.dcPublisher} />
      <meta name="DC.identifier" content={meta.canonicalUrl} />
      <meta name="DC.language" content="vi" />
      <meta name="DC.type" content={meta.type === 'article' ? 'Text' : 'InteractiveResource'} />
    </>
  );
}

function Head({ meta }: { meta: MetaView }) {
  return (
    <head>
      <meta charSet="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <Meta meta={meta} />
      <link rel="icon" href={assetPaths.static('favicon.svg')} type="image/svg+xml" />
      <link rel="stylesheet" href={assetPaths.static('site.css')} />
    </head>
  );
}

function Brand({ chrome }: { chrome: ChromeView }) {
  return (
    <a class="brand" href={chrome.homeHref}>
      {chrome.logo ? (
        <img class="brand-logo" src={chrome.logo.src} alt={chrome.logo.alt} width={64} height={64} />
      ) : (
        <span class="brand-emblem" aria-hidden="true">
          {chrome.emblem}
        </span>
      )}
      <span class="brand-text">
        <span class="brand-lead">{chrome.brandLead}</span>
        <span class="brand-name">{chrome.brandName}</span>
      </span>
    </a>
  );
}

function SearchForm({ action, id }: { action: string; id: string }) {
  return (
    <form class="search-form" role="search" method="get" action={action} aria-label={m.searchSite}>
      <label for={id}>{m.search}</label>
      <input type="search" id={id} name="q" maxLength={200} placeholder={common.searchPlaceholder} />
      <button type="submit">{m.searchButton}</button>
    </form>
  );
}

function Footer({ chrome }: { chrome: ChromeView }) {
  const f = chrome.footer;
  return (
    <footer class="site-footer">
      <div class="container">
        <p class="footer-title">{chrome.siteTitle}</p>
        <p>
          {m.owner}: {f.owner}
        </p>
        {f.editorLine && <p>{f.editorLine}</p>}
        {f.address && (
          <p>
            {m.address}: {f.address}
          </p>
        )}
        {f.phone && (
          <p>
            {m.phone}: {f.phone}
          </p>
        )}
        {f.email && (
          <p>
            {m.email}: <a href={`mailto:${f.email}`}>{f.email}</a>
          </p>
        )}
        <ul class="footer-links">
          <li>
            <a href={chrome.sitemapHref}>{m.sitemap}</a>
          </li>
          <li>
            <a href={chrome.rssHref}>{m.rss}</a>
          </li>
          <li>
            <a href={chrome.unitsHref}>{m.units}</a>
          </li>
        </ul>
      </div>
    </footer>
  );
}

function Sidebar({ shell }: { shell: PageShell }) {
  const { counters, quickLinks } = shell;
  return (
    <aside class="sidebar" aria-label={m.sidebar}>
      {/* The results widget goes here on each request (RESULTS_SLOT): pages are cached, its figures are not. */}
      <div class="slot" data-slot="ket-qua-giai-quyet-tthc" />
      {quickLinks.length > 0 && (
        <section class="box" aria-labelledby="lien-ket-nhanh">
          <h2 id="lien-ket-nhanh">{m.quickLinks}</h2>
          <ul class="quick-links">
            {quickLinks.map((l) => (
              <li key={l.href}>
                {l.external ? (
                  <a href={l.href} rel="external noopener" class="external">
                    {l.label}
                    <span class="visually-hidden"> ({m.externalSite})</span>
                  </a>
                ) : (
                  <a href={l.href}>{l.label}</a>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section class="box visitors" aria-labelledby="thong-ke-truy-cap">
        <h2 id="thong-ke-truy-cap">{m.visitors.heading}</h2>
        <p>
          {m.visitors.online}: <strong>{counters.online}</strong>
        </p>
        <p>
          {m.visitors.today}: <strong>{counters.today}</strong>
        </p>
        <p>
          {m.visitors.total}: <strong>{counters.total}</strong>
        </p>
      </section>
    </aside>
  );
}

function MenuList({ menu, currentHref }: { menu: readonly Link[]; currentHref: string }) {
  return (
    <ul>
      {menu.map((item) => (
        <li key={item.href}>
          <a href={item.href} aria-current={item.href === currentHref ? 'page' : undefined}>
            {item.label}
          </a>
        </li>
      ))}
    </ul>
  );
}

/**
 * The main menu. On a phone it folds into a "Danh mục" disclosure (<details>: keyboard and screen-reader friendly,
 * no JavaScript) that names the current section; from 48rem up it is the usual horizontal bar. Only one of the two
 * is displayed at a time, so assistive technology meets the links once.
 */
function Menu({ menu, currentHref }: { menu: readonly Link[]; currentHref: string }) {
  const current = menu.find((item) => item.href === currentHref);
  return (
    <nav class="site-nav" aria-label={m.mainMenu}>
      <div class="container">
        <details class="menu-compact">
          <summary>
            <span class="menu-compact__label">{m.menuToggle}</span>
            {current && (
              <span class="menu-compact__current">
                <span class="visually-hidden">, {m.menuCurrent}: </span>
                {current.label}
              </span>
            )}
          </summary>
          <MenuList menu={menu} currentHref={currentHref} />
        </details>
        <div class="menu-wide">
          <MenuList menu={menu} currentHref={currentHref} />
        </div>
      </div>
    </nav>
  );
}

/** The public layout of a unit's portal: header, menu, main area, sidebar slots, the state-portal footer. */
export function Layout({ shell, children }: { shell: PageShell; children: ComponentChildren }) {
  const { chrome, meta, currentHref } = shell;
  return (
    <html lang="vi">
      <Head meta={meta} />
      <body>
        <a class="skip-link" href="#noi-dung">
          {common.skipToContent}
        </a>
        {chrome.isDemo && <p class="demo-banner">{m.demoBanner}</p>}
        <header class="site-header">
          <div class="container header-inner">
            <Brand chrome={chrome} />
            <SearchForm action={chrome.searchHref} id="tu-khoa-dau-trang" />
          </div>
        </header>
        <Menu menu={chrome.menu} currentHref={currentHref} />
        <div class="container page">
          <main id="noi-dung" tabIndex={-1}>
            {children}
          </main>
          <Sidebar shell={shell} />
        </div>
        <Footer chrome={chrome} />
      </body>
    </html>
  );
}

/** The print view of an article: no menu, no sidebar, the source address at the foot. */
export function PrintLayout({ shell, children }: { shell: PageShell; children: ComponentChildren }) {
  const { chrome, meta } = shell;
  return (
    <html lang="vi">
      <Head meta={{ ...meta, noIndex: true }} />
      <body class="print">
        <header class="print-header">
          <p class="footer-title">{chrome.siteTitle}</p>
        </header>
        <main id="noi-dung">{children}</main>
        <footer class="print-footer">
          <p>
            {m.source}: {meta.canonicalUrl}
          </p>
          <p>{chrome.footer.owner}</p>
        </footer>
      </body>
    </html>
  );
}
