import type { ComponentChildren } from 'preact';
import { assetPaths } from '../../http/paths.js';

/** A minimal page shell for error pages that may not know their unit. */
export function BareLayout({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <html lang="vi">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <link rel="icon" href={assetPaths.static('favicon.svg')} type="image/svg+xml" />
        <link rel="stylesheet" href={assetPaths.static('site.css')} />
      </head>
      <body>
        <main id="noi-dung" class="container narrow">
          {children}
        </main>
      </body>
    </html>
  );
}
