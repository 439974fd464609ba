import type {
  ActionRefusal,
  Channel,
  DossierAction,
  DossierStatus,
  ReturnMethod,
} from './dossier-workflow.js';

/** Everything the one-stop dossier pages and errors say, in Vietnamese (an English catalogue can follow). */
export const dossierMessages = {
  status: {
    submitted: 'Mới đăng ký',
    received: 'Đã tiếp nhận',
    processing: 'Đang xử lý',
    awaiting_approval: 'Chờ phê duyệt',
    supplement_requested: 'Yêu cầu bổ sung hồ sơ',
    done: 'Đã có kết quả, chờ trả',
    returned: 'Đã trả kết quả',
    refused: 'Từ chối tiếp nhận, giải quyết',
    withdrawn: 'Công dân rút hồ sơ',
    stopped: 'Dừng xử lý',
  } satisfies Record<DossierStatus, string>,
  action: {
    receive: 'Tiếp nhận hồ sơ',
    assign: 'Chuyển xử lý',
    request_supplement: 'Yêu cầu bổ sung hồ sơ',
    complete_supplement: 'Nhận hồ sơ bổ sung đầy đủ',
    submit_for_approval: 'Trình phê duyệt',
    send_back: 'Trả lại để xử lý tiếp',
    approve: 'Phê duyệt kết quả',
    refuse: 'Từ chối hồ sơ',
    apologise: 'Xin lỗi và hẹn lại ngày trả',
    withdraw: 'Công dân rút hồ sơ',
    stop: 'Dừng xử lý',
    return_result: 'Trả kết quả',
    record_fee: 'Ghi nhận phí, lệ phí',
    intake: 'Tiếp nhận hồ sơ',
    submit: 'Nộp hồ sơ trực tuyến',
  } satisfies Record<DossierAction | 'intake' | 'submit', string>,
  channel: {
    counter: 'Trực tiếp',
    online: 'Trực tuyến',
    post: 'Bưu chính công ích',
  } satisfies Record<Channel, string>,
  returnMethod: {
    counter: 'Nhận tại Bộ phận Một cửa',
    electronic: 'Nhận bản điện tử',
    post: 'Nhận qua bưu chính',
  } satisfies Record<ReturnMethod, string>,
  /** Why an action is refused: the status is named by the caller. */
  refusal: {
    not_in_status: (action: string, status: string) =>
      `Không thể "${action}" khi hồ sơ đang ở trạng thái "${status}".`,
    role_required: (action: string) => `Tài khoản của bạn không có vai trò được phép "${action}" hồ sơ này.`,
    not_assignee: () => 'Chỉ chuyên viên được giao xử lý hồ sơ (hoặc lãnh đạo) mới được trình phê duyệt.',
    reason_required: () => 'Cần ghi rõ lý do.',
  } satisfies Record<ActionRefusal, (action: string, status: string) => string>,
  conflict: (who: string, action: string, at: string) =>
    `Hồ sơ vừa được ${who} cập nhật ("${action}") lúc ${at}. Trang đã được tải lại với dữ liệu mới nhất; vui lòng kiểm tra rồi thao tác lại.`,
  supplementWindowClosed: (until: string) =>
    `Đã quá thời hạn yêu cầu bổ sung hồ sơ (trong 03 ngày làm việc kể từ ngày tiếp nhận, đến ${until} — Nghị định 61/2018/NĐ-CP, Điều 19).`,
  apology: {
    chi_duoc_hen_lai_mot_lan: 'Hồ sơ đã được hẹn lại một lần; chỉ được hẹn lại ngày trả kết quả một lần.',
    qua_thoi_han_xin_loi: (until: string) =>
      `Phải gửi phiếu xin lỗi chậm nhất 01 ngày trước hạn giải quyết (đến ${until} — Nghị định 61/2018/NĐ-CP, Điều 19).`,
    hen_moi_khong_sau_han_cu: 'Ngày hẹn mới phải sau hạn trả kết quả hiện tại.',
    hen_moi_ngoai_gio_lam_viec: 'Ngày hẹn mới phải là giờ làm việc của một ngày làm việc.',
  },
  field: {
    procedure: 'Chọn thủ tục hành chính.',
    procedureNotOffered: 'Thủ tục này không có trong danh mục đang công khai của đơn vị.',
    applicantName: 'Nhập họ và tên người nộp hồ sơ.',
    applicantNameLong: 'Họ và tên dài quá 200 ký tự.',
    idNumber: 'Số định danh cá nhân (CCCD) gồm đúng 12 chữ số.',
    phone: 'Số điện thoại không hợp lệ (10 chữ số, bắt đầu bằng 0, ví dụ 0912345678).',
    email: 'Địa chỉ thư điện tử không hợp lệ (ví dụ ten@example.com).',
    contactRequired: 'Cần ít nhất số điện thoại hoặc thư điện tử để liên hệ.',
    address: 'Địa chỉ dài quá 500 ký tự.',
    summary: 'Nội dung yêu cầu dài quá 2000 ký tự.',
    missingDocuments: (names: string[]) => `Còn thiếu giấy tờ bắt buộc: ${names.join('; ')}.`,
    sets: 'Số bộ hồ sơ là số nguyên từ 1 đến 20.',
    returnMethod: 'Chọn hình thức nhận kết quả.',
    channel: 'Chọn hình thức nộp hồ sơ.',
    assignee: 'Chọn chuyên viên xử lý thuộc đơn vị.',
    reason: 'Cần ghi rõ lý do (tối đa 2000 ký tự).',
    newDueAt: 'Nhập ngày giờ hẹn mới (dd/mm/yyyy hh:mm).',
    fee: 'Số tiền là số nguyên không âm (đồng).',
    feeMethod: 'Chọn hình thức nộp phí.',
    version: 'Thiếu phiên bản hồ sơ; hãy tải lại trang.',
    agencyCode:
      'Đơn vị chưa có mã định danh điện tử (Thông tư 10/2016/TT-BTTTT) nên chưa cấp được mã hồ sơ; quản trị viên cần nhập mã ở Cài đặt đơn vị.',
    calendar: 'Không tính được hạn giải quyết cho thời điểm này.',
  },
  notFound: 'Không tìm thấy hồ sơ.',
} as const;
