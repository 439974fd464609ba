import type { ComponentChildren } from 'preact';
import { assetPaths } from '../http/paths.js';
import type { NavItem, UnitLink } from './admin-nav.js';
import { common } from './messages.js';

/** What every signed-in admin page shows around its content (built by web/admin-shell.tsx). */
export type AdminShell = {
  unitName: string;
  actorName: string;
  /** The signed-in member's own page (their API tokens). */
  accountHref: string;
  nav: NavItem[];
  otherUnits: UnitLink[];
  signOutHref: string;
  publicHref: string;
  csrfToken: string;
  cspNonce: string;
};

export type AdminLayoutProps = {
  title: string;
  /** Signed-in pages pass the shell; the sign-in page passes only the unit's name. */
  shell?: AdminShell | undefined;
  unitName: string;
  publicHref: string;
  cspNonce: string;
  /** Load the rich-text editor (Trix) and its wiring. */
  editor?: boolean;
  children: ComponentChildren;
};

/**
 * The admin's page shell: unit name, who is signed in, the menu of what their roles open, sign-out, a link to the
 * public site and to the admin of their other units. Works without JavaScript and at 360 px (the menu wraps).
 * Trix injects a <style> element; the CSP allows it through the nonce in the trix-csp-nonce meta element.
 */
export function AdminLayout({
  title,
  shell,
  unitName,
  publicHref,
  cspNonce,
  editor,
  children,
}: AdminLayoutProps) {
  return (
    <html lang="vi">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <meta name="trix-csp-nonce" content={cspNonce} />
        <title>{common.admin.documentTitle(title, unitName)}</title>
        <link rel="icon" href={assetPaths.static('favicon.svg')} type="image/svg+xml" />
        {/* Trix's stylesheet first, so admin.css can adjust it. */}
        {editor && <link rel="stylesheet" href={assetPaths.static('vendor/trix/trix.css')} />}
        <link rel="stylesheet" href={assetPaths.static('admin.css')} />
        {editor && <script src={assetPaths.static('vendor/trix/trix.umd.min.js')} defer />}
        <script src={assetPaths.static('admin.js')} defer />
      </head>
      <body class="admin">
        <a class="skip-link" href="#noi-dung">
          {common.skipToContent}
        </a>
        <header class="admin-header">
          <div class="admin-header__inner">
            <p class="admin-header__unit">
              <span class="admin-header__label">{common.admin.label}</span> {unitName}
            </p>
            <div class="admin-header__tools">
              <a href={publicHref}>{common.admin.viewPublic}</a>
              {shell && (
                <>
                  <a class="admin-header__who" href={shell.accountHref}>
                    <span class="visually-hidden">{common.admin.signedInAs}</span>
                    {shell.actorName}
                  </a>
                  <form method="post" action={shell.signOutHref} class="inline-form">
                    <input type="hidden" name="_csrf" value={shell.csrfToken} />
                    <button type="submit" class="button-link">
                      {common.admin.signOut}
                    </button>
                  </form>
                </>
              )}
            </div>
          </div>
          {shell && (
            <nav class="admin-nav" aria-label={common.admin.label}>
              <ul>
                {shell.nav.map((item) => (
                  <li key={item.href}>
                    <a href={item.href} aria-current={item.current ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </header>
        <main id="noi-dung" class="admin-main" tabIndex={-1}>
          {children}
        </main>
        {shell && shell.otherUnits.length > 0 && (
          <aside class="admin-units" aria-labelledby="don-vi-khac">
            <h2 id="don-vi-khac">{common.admin.otherUnits}</h2>
            <ul>
              {shell.otherUnits.map((u) => (
                <li key={u.href}>
                  <a href={u.href}>{u.name}</a>
                </li>
              ))}
            </ul>
          </aside>
        )}
      </body>
    </html>
  );
}
