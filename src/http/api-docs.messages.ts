/** Vietnamese text of the API documentation page (/api/docs). Schema and field names stay in English. */
export const apiDocsMessages = {
  title: 'Tài liệu API',
  version: (v: string) => `Phiên bản ${v}, OpenAPI 3.1.`,
  json: 'Tải tài liệu OpenAPI (JSON)',
  contents: 'Mục lục',
  auth: {
    title: 'Xác thực',
    public: 'Các API công khai không cần xác thực.',
    staff:
      'API dành cho cán bộ cần khóa API của một tài khoản cán bộ. Khóa được tạo bằng lệnh "congxa token create --user <tên đăng nhập> --name <tên khóa> [--days <số ngày>]" hoặc tại trang "Khóa API" trong Quản trị, chỉ hiển thị một lần. Gửi khóa trong tiêu đề:',
    roles:
      'Khóa mang đúng các vai trò của tài khoản tại đơn vị của yêu cầu (đơn vị của tên miền, hoặc tiền tố /<mã-đơn-vị>/api/…). Khóa sai, hết hạn, bị thu hồi hoặc của tài khoản đã khóa: 401 kèm tiêu đề WWW-Authenticate: Bearer. Thiếu vai trò: 403. Khóa API chỉ dùng được cho /api/, không mở được trang quản trị.',
  },
  errors: {
    title: 'Lỗi',
    body: 'Mọi lỗi trả về JSON theo lược đồ Error: mã lỗi ổn định trong "error" (để máy đọc) và thông báo tiếng Việt trong "message"; lỗi theo tham số nằm trong "fields".',
  },
  operation: {
    needsToken: 'Cần khóa API (Bearer).',
    public: 'Không cần xác thực.',
    parameters: 'Tham số',
    noParameters: 'Không có tham số.',
    requestBody: 'Nội dung gửi',
    responses: 'Phản hồi',
    required: 'bắt buộc',
    optional: 'không bắt buộc',
    example: 'Ví dụ',
    schema: 'Lược đồ',
    in: { query: 'query', path: 'đường dẫn', header: 'tiêu đề' } as Record<string, string>,
  },
  schemas: {
    title: 'Lược đồ dữ liệu',
    arrayOf: 'mảng',
    mapOf: 'đối tượng, giá trị',
    oneOf: 'một trong',
    values: 'giá trị',
    defaultValue: 'mặc định',
  },
} as const;
