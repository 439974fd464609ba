/**
 * Every URL congxa links to, built here and nowhere else (STYLE.md §2.2). Public and admin pages of a unit hang off
 * its base path ('' for the default unit, '/<slug>' for the others); APIs, assets and health live at the site root.
 */
const q = (params: Record<string, string | number | undefined>): string => {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== '' && v !== 1);
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
};

export const portalPaths = {
  home: (base: string) => `${base}/`,
  category: (base: string, slug: string, page?: number) => `${base}/chuyen-muc/${slug}${q({ trang: page })}`,
  article: (base: string, slug: string) => `${base}/bai-viet/${slug}`,
  articlePrint: (base: string, slug: string) => `${base}/bai-viet/${slug}/ban-in`,
  page: (base: string, slug: string) => `${base}/trang/${slug}`,
  search: (base: string, query?: string, page?: number) => `${base}/tim-kiem${q({ q: query, trang: page })}`,
  rss: (base: string) => `${base}/rss.xml`,
  categoryRss: (base: string, slug: string) => `${base}/rss/${slug}.xml`,
  sitemapXml: (base: string) => `${base}/sitemap.xml`,
  sitemapHtml: (base: string) => `${base}/so-do-trang`,
  units: (base: string) => `${base}/don-vi`,
  robots: () => '/robots.txt',
  /* Built by later issues; the portal links to them only once their routes exist (public.routes.tsx). */
  procedures: (base: string) => `${base}/thu-tuc-hanh-chinh`,
  dossierLookup: (base: string) => `${base}/tra-cuu-ho-so`,
  questions: (base: string) => `${base}/hoi-dap`,
};

export const adminPaths = {
  dashboard: (base: string) => `${base}/quan-tri`,
  signIn: (base: string) => `${base}/quan-tri/dang-nhap`,
  signOut: (base: string) => `${base}/quan-tri/dang-xuat`,
  articles: (base: string, page?: number) => `${base}/quan-tri/bai-viet${q({ trang: page })}`,
  articleNew: (base: string) => `${base}/quan-tri/bai-viet/moi`,
  articleEdit: (base: string, id: number) => `${base}/quan-tri/bai-viet/${id}`,
  categories: (base: string) => `${base}/quan-tri/chuyen-muc`,
  categoryEdit: (base: string, id: number) => `${base}/quan-tri/chuyen-muc/${id}`,
  pages: (base: string) => `${base}/quan-tri/trang`,
  pageNew: (base: string) => `${base}/quan-tri/trang/moi`,
  pageEdit: (base: string, id: number) => `${base}/quan-tri/trang/${id}`,
  media: (base: string) => `${base}/quan-tri/tep`,
  settings: (base: string) => `${base}/quan-tri/cai-dat`,
  users: (base: string) => `${base}/quan-tri/nguoi-dung`,
  userNew: (base: string) => `${base}/quan-tri/nguoi-dung/moi`,
  userEdit: (base: string, id: number) => `${base}/quan-tri/nguoi-dung/${id}`,
  audit: (base: string) => `${base}/quan-tri/nhat-ky`,
  articlesIn: (base: string, status?: string, page?: number) =>
    `${base}/quan-tri/bai-viet${q({ 'trang-thai': status, trang: page })}`,
  articleDelete: (base: string, id: number) => `${base}/quan-tri/bai-viet/${id}/xoa`,
  categoryNew: (base: string) => `${base}/quan-tri/chuyen-muc/moi`,
  categoryDelete: (base: string, id: number) => `${base}/quan-tri/chuyen-muc/${id}/xoa`,
  pageDelete: (base: string, id: number) => `${base}/quan-tri/trang/${id}/xoa`,
  mediaPage: (base: string, page?: number) => `${base}/quan-tri/tep${q({ trang: page })}`,
  mediaUpload: (base: string) => `${base}/quan-tri/tep/tai-len`,
  settingsLogo: (base: string) => `${base}/quan-tri/cai-dat/logo`,
  userStatus: (base: string, id: number) => `${base}/quan-tri/nguoi-dung/${id}/trang-thai`,
  /** The signed-in staff member's own account: their API tokens. */
  account: (base: string) => `${base}/quan-tri/tai-khoan`,
  accountTokens: (base: string) => `${base}/quan-tri/tai-khoan/khoa-api`,
  accountTokenRevoke: (base: string, id: number) => `${base}/quan-tri/tai-khoan/khoa-api/${id}/thu-hoi`,
};

export const assetPaths = {
  static: (file: string) => `/static/${file}`,
  media: (storageKey: string) => `/media/${storageKey}`,
};

export const apiPaths = {
  health: () => '/healthz',
  openApi: () => '/api/openapi.json',
  docs: () => '/api/docs',
};

/**
 * The results of administrative procedures (issue #4, docs/statistics.md): the public detail page of a unit with its
 * drill-down lists and exports, the Decision 766 indicators and the Circular 01/2018 evaluation, and the JSON API.
 * Query parameters: tu/den (YYYY-MM-DD), ky (thang|quy|nam|khoang), theo (linh-vuc|thu-tuc|kenh|can-bo).
 */
export const statsPaths = {
  results: (base: string, params: Record<string, string | undefined> = {}) =>
    `${base}/ket-qua-giai-quyet${q(params)}`,
  resultsDossiers: (base: string, params: Record<string, string | undefined> = {}) =>
    `${base}/ket-qua-giai-quyet/ho-so${q(params)}`,
  resultsExport: (
    base: string,
    table: string,
    format: 'xlsx' | 'csv',
    params: Record<string, string | undefined> = {},
  ) => `${base}/ket-qua-giai-quyet/${table}.${format}${q(params)}`,
  indicators: (base: string, params: Record<string, string | undefined> = {}) =>
    `${base}/ket-qua-giai-quyet/chi-so-766${q(params)}`,
  evaluation: (base: string, params: Record<string, string | undefined> = {}) =>
    `${base}/ket-qua-giai-quyet/danh-gia${q(params)}`,
  api: (slug: string) => `/api/v1/units/${slug}/dossier-stats`,
};

/** The working calendar: public pages of a unit, its admin, and the API at the site root (issue #3). */
export const calendarPaths = {
  dueDate: (base: string) => `${base}/han-giai-quyet`,
  daysOff: (base: string, year?: number) => `${base}/ngay-nghi${q({ nam: year })}`,
  adminNotices: (base: string, year?: number) => `${base}/quan-tri/lich-nghi${q({ nam: year })}`,
  adminNoticeNew: (base: string, year?: number) => `${base}/quan-tri/lich-nghi/moi${q({ nam: year })}`,
  adminNoticeEdit: (base: string, id: number) => `${base}/quan-tri/lich-nghi/${id}`,
  adminNoticeDelete: (base: string, id: number) => `${base}/quan-tri/lich-nghi/${id}/xoa`,
  adminOfficeHours: (base: string) => `${base}/quan-tri/gio-lam-viec`,
  apiDueDate: () => '/api/v1/calendar/due-date',
  apiDaysOff: () => '/api/v1/calendar/days-off',
};

/** The one-stop dossiers (issue #3 items 3–6): staff pages under /quan-tri/ho-so, the public look-up, the API. */
export const dossierPaths = {
  /** The staff work queues; `queue` is one of DossierRepository's QUEUES. */
  admin: (
    base: string,
    query?: {
      queue?: string;
      q?: string;
      status?: string;
      procedure?: string;
      channel?: string;
      page?: number;
    },
  ) =>
    `${base}/quan-tri/ho-so${q({ hang: query?.queue, q: query?.q, 'trang-thai': query?.status, 'thu-tuc': query?.procedure, kenh: query?.channel, trang: query?.page })}`,
  adminIntake: (base: string, procedureCode?: string) =>
    `${base}/quan-tri/ho-so/tiep-nhan${q({ 'thu-tuc': procedureCode })}`,
  adminDetail: (base: string, id: number) => `${base}/quan-tri/ho-so/${id}`,
  adminAction: (base: string, id: number) => `${base}/quan-tri/ho-so/${id}/xu-ly`,
  adminFile: (base: string, id: number, fileId: number) => `${base}/quan-tri/ho-so/${id}/tep/${fileId}`,
  /** Attach the electronic result (multipart, file field `result`). */
  adminResult: (base: string, id: number) => `${base}/quan-tri/ho-so/${id}/ket-qua`,
  /** A slip of the form set as PDF: receipt (Mẫu 01), supplement (02), refusal (03), apology (04), control (05). */
  adminForm: (base: string, id: number, form: string) => `${base}/quan-tri/ho-so/${id}/mau/${form}.pdf`,
  /** The tracking book (Mẫu 06) for a period, as PDF or XLSX. */
  adminBook: (base: string, format: 'pdf' | 'xlsx', query?: { from?: string; to?: string }) =>
    `${base}/quan-tri/so-theo-doi.${format}${q({ tu: query?.from, den: query?.to })}`,
  lookup: (base: string, code?: string) => `${portalPaths.dossierLookup(base)}${q({ ma: code })}`,
  apiDossier: (code: string) => `/api/v1/dossiers/${encodeURIComponent(code)}`,
};

/**
 * Online payment of dossier fees (docs/dossiers.md, "Fees and payments"): the look-up's "pay" form, the gateway's
 * notification endpoint at the site root (server to server, signed, no CSRF), and the sandbox gateway's own pages,
 * at the site root too, as an outside gateway's would be.
 */
export const paymentPaths = {
  start: (base: string) => `${portalPaths.dossierLookup(base)}/nop-phi`,
  notify: (gateway: string) => `/api/payments/${gateway}/notify`,
  sandboxPage: (ref: string, order?: string) => `/thanh-toan-thu-nghiem/${ref}${q({ don: order })}`,
  sandboxPay: (ref: string) => `/thanh-toan-thu-nghiem/${ref}/thanh-toan`,
  sandboxCancel: (ref: string) => `/thanh-toan-thu-nghiem/${ref}/huy`,
};

/**
 * A multipart form's action with its CSRF token in the query: the token is checked before the body (the files) is
 * read (http/uploads.ts). The token is also in the form's hidden `_csrf` field.
 */
export const withCsrfToken = (action: string, token: string): string =>
  `${action}${action.includes('?') ? '&' : '?'}_csrf=${encodeURIComponent(token)}`;

/** The procedure catalogue: public list (portalPaths.procedures) and detail, and its admin (issue #3 item 2). */
export const procedurePaths = {
  list: (base: string, query?: { q?: string; field?: string; level?: string; page?: number }) =>
    `${portalPaths.procedures(base)}${q({ q: query?.q, 'linh-vuc': query?.field, 'muc-do': query?.level, trang: query?.page })}`,
  detail: (base: string, code: string) => `${portalPaths.procedures(base)}/${code}`,
  /** A document's template file (its id), downloaded from the public procedure page. */
  template: (base: string, code: string, id: number | string) =>
    `${portalPaths.procedures(base)}/${code}/mau/${id}`,
  admin: (base: string, page?: number) => `${base}/quan-tri/thu-tuc${q({ trang: page })}`,
  adminImport: (base: string) => `${base}/quan-tri/thu-tuc/nhap`,
  adminImportReport: (base: string, id: number) => `${base}/quan-tri/thu-tuc/nhap/${id}`,
};

/** The procedure catalogue's admin forms (issue #3 item 2). */
export const procedureAdminPaths = {
  new: (base: string) => `${base}/quan-tri/thu-tuc/moi`,
  edit: (base: string, code: string) => `${base}/quan-tri/thu-tuc/${code}`,
  /** The confirmation page (GET) and the deletion (POST). */
  delete: (base: string, code: string) => `${base}/quan-tri/thu-tuc/${code}/xoa`,
  unpublish: (base: string, code: string) => `${base}/quan-tri/thu-tuc/${code}/ngung-cong-khai`,
  /** The documents' templates: the list and the upload form (multipart, http/uploads.ts). */
  templates: (base: string, code: string) => `${base}/quan-tri/thu-tuc/${code}/mau`,
  template: (base: string, code: string, id: number | string) => `${base}/quan-tri/thu-tuc/${code}/mau/${id}`,
  templateRemove: (base: string, code: string, id: number | string) =>
    `${base}/quan-tri/thu-tuc/${code}/mau/${id}/xoa`,
};

/**
 * Citizens' accounts and online submission (issue #3 item 3): sign-up, sign-in and out, "my dossiers" with the drafts,
 * and the online form of a procedure. Draft ids and flags are strings so that q() keeps them (it drops the number 1).
 */
export const citizenPaths = {
  signUp: (base: string, next?: string) => `${base}/tai-khoan/dang-ky${q({ tiep: next })}`,
  signIn: (base: string, next?: string) => `${base}/tai-khoan/dang-nhap${q({ tiep: next })}`,
  signOut: (base: string) => `${base}/tai-khoan/dang-xuat`,
  dossiers: (base: string) => `${base}/tai-khoan/ho-so`,
  /** The electronic result of one of the citizen's dossiers. */
  result: (base: string, dossierId: number) => `${base}/tai-khoan/ho-so/${dossierId}/ket-qua`,
  draftDelete: (base: string, id: number) => `${base}/tai-khoan/ho-so/nhap/${id}/xoa`,
  online: (base: string, code: string, draftId?: number, saved?: boolean) =>
    `${base}/nop-truc-tuyen/${code}${q({ nhap: draftId === undefined ? undefined : String(draftId), 'da-luu': saved ? 'co' : undefined })}`,
  submitted: (base: string, dossierId: number) => `${base}/nop-truc-tuyen/da-nop/${dossierId}`,
};
