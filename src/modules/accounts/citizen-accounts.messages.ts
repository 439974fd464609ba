import { MIN_CITIZEN_PASSWORD_LENGTH } from './citizen-accounts.schemas.js';

/** Vietnamese text of citizens' account pages: sign-up, sign-in, the account bar of their pages. */
export const citizenMessages = {
  signUp: {
    title: 'Đăng ký tài khoản nộp hồ sơ trực tuyến',
    intro:
      'Tài khoản giúp bạn nộp hồ sơ thủ tục hành chính trực tuyến, lưu nháp để làm tiếp sau và theo dõi các hồ sơ đã nộp. Thông tin của bạn được điền sẵn vào các biểu mẫu.',
    fullName: 'Họ và tên',
    fullNameHint: 'Như trên căn cước, có dấu.',
    idNumber: 'Số định danh cá nhân (số CCCD)',
    idNumberHint: 'Gồm 12 chữ số, in trên căn cước. Dùng số này để đăng nhập.',
    phone: 'Số điện thoại di động',
    phoneHint: 'Để cán bộ liên hệ và báo tình trạng hồ sơ, ví dụ 0912345678.',
    email: 'Thư điện tử (không bắt buộc)',
    emailHint: 'Để nhận thông báo và kết quả điện tử qua thư điện tử.',
    password: 'Mật khẩu',
    passwordHint: `Ít nhất ${MIN_CITIZEN_PASSWORD_LENGTH} ký tự. Nên dùng một cụm từ dễ nhớ với bạn nhưng khó đoán với người khác.`,
    passwordConfirm: 'Nhập lại mật khẩu',
    submit: 'Đăng ký',
    haveAccount: 'Đã có tài khoản?',
    signInLink: 'Đăng nhập',
  },
  signIn: {
    title: 'Đăng nhập để nộp hồ sơ trực tuyến',
    intro: 'Dành cho người dân, tổ chức nộp hồ sơ trực tuyến. Cán bộ đăng nhập ở trang quản trị.',
    idNumber: 'Số định danh cá nhân (số CCCD)',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    invalid: 'Số CCCD hoặc mật khẩu không đúng.',
    noAccount: 'Chưa có tài khoản?',
    signUpLink: 'Đăng ký tài khoản',
  },
  errors: {
    signUpRateLimited: 'Quá nhiều lần đăng ký tài khoản từ địa chỉ này.',
    notCitizen:
      'Trang này dành cho tài khoản người dân. Bạn đang đăng nhập bằng tài khoản cán bộ: hãy đăng xuất ở trang quản trị, rồi đăng nhập bằng tài khoản người dân.',
    accountNotFound: 'Không tìm thấy tài khoản.',
  },
  fields: {
    full_name_required: 'Vui lòng nhập họ và tên.',
    id_number_format: 'Số định danh cá nhân (CCCD) gồm đúng 12 chữ số.',
    id_number_required: 'Vui lòng nhập số định danh cá nhân (CCCD).',
    id_number_taken:
      'Số CCCD này đã có tài khoản. Hãy đăng nhập; nếu bạn chưa từng đăng ký, hãy liên hệ Bộ phận Một cửa.',
    mobile_format: 'Số điện thoại không hợp lệ (10 chữ số, bắt đầu bằng 0, ví dụ 0912345678).',
    email_format: 'Địa chỉ thư điện tử không hợp lệ (ví dụ ten@example.com).',
    citizen_password_short: `Mật khẩu cần ít nhất ${MIN_CITIZEN_PASSWORD_LENGTH} ký tự.`,
    password_mismatch: 'Hai lần nhập mật khẩu không giống nhau.',
    password_required: 'Vui lòng nhập mật khẩu.',
    too_long: 'Nội dung quá dài.',
  },
} as const;
