/**
 * Messages shown on every page (layout, errors, shared form messages), Vietnamese first. Modules keep their own
 * catalogue beside their code (`<module>.messages.ts`) with the same shape, so an English locale can follow.
 */
export const common = {
  siteSuffix: 'Trang thông tin điện tử',
  skipToContent: 'Chuyển đến nội dung chính',
  home: 'Trang chủ',
  menu: 'Danh mục',
  search: 'Tìm kiếm',
  searchPlaceholder: 'Nhập từ khóa…',
  back: 'Quay lại',
  yes: 'Có',
  no: 'Không',
  errorPrefix: 'Lỗi: ',
  pagination: {
    label: 'Phân trang',
    previous: 'Trang trước',
    next: 'Trang sau',
    page: (n: number) => `Trang ${n}`,
  },
  admin: {
    label: 'Quản trị',
    documentTitle: (title: string, unitName: string) => `${title} – Quản trị – ${unitName}`,
    viewPublic: 'Xem trang công khai',
    signedInAs: 'Đang đăng nhập: ',
    signOut: 'Đăng xuất',
    otherUnits: 'Quản trị đơn vị khác',
  },
  errors: {
    summaryTitle: 'Có lỗi trong thông tin bạn nhập',
    notFoundTitle: 'Không tìm thấy trang',
    notFoundBody:
      'Trang bạn tìm không tồn tại hoặc đã được chuyển đi. Hãy kiểm tra lại địa chỉ hoặc về trang chủ.',
    forbiddenTitle: 'Bạn không có quyền truy cập',
    forbiddenBody:
      'Tài khoản của bạn chưa được giao quyền thực hiện việc này tại đơn vị này. Bạn vẫn đang đăng nhập; hãy liên hệ quản trị viên của đơn vị nếu cần được cấp quyền.',
    badRequestTitle: 'Yêu cầu không hợp lệ',
    csrfTitle: 'Phiên làm việc của biểu mẫu đã hết hạn',
    csrfBody:
      'Biểu mẫu này đã cũ hoặc không gửi từ trang của hệ thống. Hãy quay lại trang trước, tải lại và gửi lại.',
    tooManyTitle: 'Quá nhiều yêu cầu',
    tooLargeTitle: 'Tệp tải lên quá lớn',
    serverTitle: 'Hệ thống đang gặp sự cố',
    serverBody:
      'Đã có lỗi ngoài ý muốn. Vui lòng thử lại sau. Nếu lỗi lặp lại, hãy báo mã tham chiếu sau cho quản trị viên:',
    noUnitTitle: 'Chưa có đơn vị nào',
    noUnitBody:
      'Hệ thống chưa có đơn vị hành chính nào. Quản trị viên hãy tạo đơn vị bằng lệnh "npx congxa unit add".',
    backHome: 'Về trang chủ',
    backToAdmin: 'Về trang tổng quan quản trị',
    noUnit: 'Chưa có đơn vị.',
    notSignedIn: 'Chưa đăng nhập.',
    pageOutOfRange: 'Không có trang này.',
    retryAfter: (minutes: number) => `Vui lòng thử lại sau ${minutes} phút.`,
  },
  field: {
    required: 'Vui lòng nhập thông tin này.',
    too_long: 'Nội dung quá dài.',
    too_short: 'Nội dung quá ngắn.',
    invalid: 'Giá trị không hợp lệ.',
    email_format: 'Địa chỉ thư điện tử không đúng định dạng, ví dụ: vanthu@xa.gov.vn.',
    phone_format: 'Số điện thoại chỉ gồm chữ số, dấu cách và các ký tự + ( ) . -',
  },
} as const;
