/** Text of the public layout (header, menu, sidebar, footer), in Vietnamese. */
export const layoutMessages = {
  siteLead: 'Trang thông tin điện tử',
  home: 'Trang chủ',
  mainMenu: 'Danh mục chính',
  search: 'Tìm kiếm',
  searchButton: 'Tìm',
  searchSite: 'Tìm kiếm trên trang',
  owner: 'Cơ quan chủ quản',
  editorInChief: 'Trưởng Ban Biên tập',
  address: 'Địa chỉ',
  phone: 'Điện thoại',
  email: 'Email',
  sitemap: 'Sơ đồ trang',
  rss: 'Tin RSS',
  units: 'Các đơn vị',
  source: 'Nguồn',
  logoAlt: (name: string) => `Biểu trưng ${name}`,
  demoBanner:
    'Đây là trang trình diễn với dữ liệu mẫu: tên người, số điện thoại, thư điện tử và bài viết đều là hư cấu.',
  sidebar: 'Thông tin bổ sung',
  quickLinks: 'Liên kết nhanh',
  visitors: {
    heading: 'Thống kê truy cập',
    online: 'Đang truy cập',
    today: 'Hôm nay',
    total: 'Tất cả',
  },
} as const;
