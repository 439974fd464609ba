/** Text of the public portal's pages, in Vietnamese (the layout's text is in web/layout.messages.ts). */
export const portalMessages = {
  units: 'Các đơn vị',
  quickLinks: {
    procedures: 'Thủ tục hành chính',
    dossierLookup: 'Tra cứu hồ sơ',
    questions: 'Hỏi đáp',
    dueDate: 'Tính hạn trả kết quả',
    daysOff: 'Lịch nghỉ lễ, Tết',
    nationalServicePortal: 'Cổng Dịch vụ công quốc gia',
  },
  home: {
    heading: 'Trang chủ',
    featured: 'Tin nổi bật',
    latest: 'Tin mới',
    more: (category: string) => `Xem thêm tin ${category}`,
  },
  category: {
    empty: 'Chưa có bài viết trong chuyên mục này.',
    rss: (name: string) => `Tin RSS chuyên mục ${name}`,
  },
  article: {
    published: 'Ngày đăng',
    related: 'Tin cùng chuyên mục',
    print: 'In bài viết',
    backToArticle: 'Quay lại bài viết',
    breadcrumb: 'Đường dẫn',
    table: 'Bảng (có thể cuộn ngang)',
  },
  pagination: {
    page: (n: number) => `Trang ${n}`,
    ofTotal: (n: number, total: number) => `Trang ${n}/${total}`,
  },
  search: {
    heading: 'Tìm kiếm',
    label: 'Từ khóa',
    formLabel: 'Tìm kiếm tin bài và trang giới thiệu',
    hint: 'Có thể gõ tiếng Việt không dấu, ví dụ: cai cach hanh chinh.',
    button: 'Tìm',
    resultCount: (n: number, q: string) => `Tìm thấy ${n} kết quả cho “${q}”.`,
    none: (q: string) => `Không tìm thấy kết quả nào cho “${q}”. Hãy thử từ khóa ngắn hơn hoặc khác.`,
    pageResult: 'Trang thông tin',
    titleWithQuery: (q: string) => `Tìm kiếm: ${q}`,
  },
  sitemapPage: {
    heading: 'Sơ đồ trang',
    sections: 'Chuyên mục tin',
    pages: 'Giới thiệu',
    tools: 'Tiện ích',
    feeds: 'Tin RSS',
    xml: 'Sơ đồ trang dạng XML (cho máy tìm kiếm)',
    allNews: 'Tất cả tin mới',
  },
  unitsPage: {
    heading: 'Các đơn vị',
    intro: 'Trang thông tin điện tử của các đơn vị hành chính trong hệ thống.',
  },
  feeds: {
    channelDescription: (site: string) => `Tin mới từ ${site}`,
    categoryTitle: (category: string, site: string) => `${category} - ${site}`,
  },
  notFound: {
    category: 'Không tìm thấy chuyên mục này.',
    article: 'Không tìm thấy bài viết này, hoặc bài viết chưa được đăng.',
    page: 'Không tìm thấy trang này.',
    pageNumber: 'Không có trang số này.',
  },
  notFoundPage: {
    formLabel: 'Tìm kiếm nội dung cần tìm',
    searchLabel: 'Tìm tin bài, trang thông tin theo từ khóa',
    home: 'Về trang chủ',
    sitemap: 'Xem sơ đồ trang',
  },
} as const;
