/* View models of the public layout, built by the portal's presenter (modules/portal/portal.presenter.ts). */

/** `external`: a link to another site (marked for the reader, rel="external"). */
export type Link = { label: string; href: string; external?: boolean };

export type ChromeView = {
  /** "TRANG THÔNG TIN ĐIỆN TỬ XÃ TÂN HỒNG - HUYỆN BÌNH GIANG" */
  siteTitle: string;
  brandLead: string;
  brandName: string;
  /** "Trang thông tin điện tử xã Tân Hồng": document titles and og:site_name. */
  siteName: string;
  publisher: string;
  logo: { src: string; alt: string } | null;
  emblem: string;
  homeHref: string;
  searchHref: string;
  sitemapHref: string;
  rssHref: string;
  unitsHref: string;
  menu: Link[];
  footer: {
    owner: string;
    editorLine: string | null;
    address: string;
    phone: string;
    email: string;
  };
  isDemo: boolean;
};

export type CountersView = { online: string; today: string; total: string };

export type MetaView = {
  documentTitle: string;
  title: string;
  description: string;
  canonicalUrl: string;
  type: 'website' | 'article';
  siteName: string;
  imageUrl: string | null;
  dcDate: string;
  dcCreator: string;
  dcPublisher: string;
  rssUrl: string;
  noIndex: boolean;
};

export type PageShell = {
  chrome: ChromeView;
  counters: CountersView;
  quickLinks: Link[];
  meta: MetaView;
  currentHref: string;
};

/**
 * The sidebar's slot for the results widget as Layout renders it. The portal replaces it in its cached pages on each
 * request with the widget of the day's figures (issue #4 item 2; src/modules/portal/public/public.routes.tsx).
 */
export const RESULTS_SLOT = '<div class="slot" data-slot="ket-qua-giai-quyet-tthc"></div>';
