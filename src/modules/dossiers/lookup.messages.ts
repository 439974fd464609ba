import type { DossierAction } from './dossier-workflow.js';
import type { ResultTiming } from './lookup.presenter.js';

/** What the public dossier look-up (page and API) says, in Vietnamese. */
export const lookupMessages = {
  page: {
    title: 'Tra cứu hồ sơ',
    lead: 'Nhập mã hồ sơ in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả (hoặc quét mã QR trên giấy) để xem tình trạng giải quyết.',
    codeLabel: 'Mã hồ sơ',
    codeHint: 'Ví dụ: 000.00.13.H12-260210-0001 (không phân biệt chữ hoa, chữ thường).',
    submit: 'Tra cứu',
    anotherHeading: 'Tra cứu hồ sơ khác',
    resultHeading: (code: string) => `Hồ sơ ${code}`,
    historyHeading: 'Quá trình giải quyết',
    facts: {
      procedure: 'Thủ tục',
      applicant: 'Người nộp',
      unit: 'Đơn vị tiếp nhận',
      channel: 'Hình thức nộp',
      status: 'Tình trạng',
      submittedAt: 'Nộp lúc',
      receivedAt: 'Tiếp nhận lúc',
      dueAt: 'Hẹn trả kết quả',
      endedAt: 'Kết thúc giải quyết lúc',
      returnedAt: 'Trả kết quả lúc',
      timing: 'Thời gian giải quyết',
    },
    provisional: 'dự kiến',
    provisionalNote:
      'Hạn trả kết quả là dự kiến: hạn được tính qua ngày nghỉ lễ chưa có thông báo chính thức và có thể thay đổi.',
    notReceived: 'Hạn trả kết quả được tính khi Bộ phận Một cửa tiếp nhận hồ sơ.',
    paused: 'Tạm dừng tính hạn trong khi chờ bổ sung hồ sơ; hạn mới được tính lại khi nhận đủ hồ sơ bổ sung.',
    reason: 'Lý do',
    documents: 'Giấy tờ cần bổ sung',
    newDueAt: 'Hẹn trả kết quả mới',
    privacy:
      'Để bảo vệ thông tin cá nhân, trang này chỉ hiện họ của người nộp và chữ cái đầu của tên; không hiện số định danh, số điện thoại, thư điện tử và địa chỉ.',
  },
  field: {
    empty: 'Nhập mã hồ sơ.',
    malformed:
      'Mã hồ sơ không đúng dạng: mã gồm mã đơn vị, ngày tiếp nhận và số thứ tự, ví dụ 000.00.13.H12-260210-0001.',
    notFound: (code: string) =>
      `Không tìm thấy hồ sơ có mã ${code}. Vui lòng kiểm tra lại mã trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.`,
    tooMany: (seconds: number) =>
      `Bạn đã tra cứu quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau ${seconds} giây.`,
  },
  api: {
    tooMany: 'Đã tra cứu quá nhiều lần trong thời gian ngắn.',
  },
  timing: {
    early: 'Trước hạn',
    on_time: 'Đúng hạn',
    late: 'Quá hạn',
  } satisfies Record<ResultTiming, string>,
  /** The public wording of each step: what happened, never who did it. */
  event: {
    intake: 'Bộ phận Một cửa đã tiếp nhận hồ sơ.',
    submit: 'Hồ sơ đã được nộp trực tuyến, chờ Bộ phận Một cửa tiếp nhận.',
    receive: 'Bộ phận Một cửa đã tiếp nhận hồ sơ.',
    assign: 'Hồ sơ được chuyển đến bộ phận chuyên môn để giải quyết.',
    request_supplement:
      'Cơ quan yêu cầu bổ sung, hoàn thiện hồ sơ; thời hạn giải quyết tạm dừng đến khi nhận đủ hồ sơ bổ sung.',
    complete_supplement: 'Đã nhận đủ hồ sơ bổ sung; thời hạn giải quyết được tính lại từ đầu.',
    submit_for_approval: 'Hồ sơ được trình lãnh đạo phê duyệt.',
    send_back: 'Hồ sơ được chuyển lại bộ phận chuyên môn để xử lý tiếp.',
    approve: 'Đã có kết quả giải quyết, chờ trả cho người nộp.',
    refuse: 'Cơ quan từ chối giải quyết hồ sơ.',
    apologise: 'Cơ quan đã gửi văn bản xin lỗi và hẹn lại ngày trả kết quả.',
    withdraw: 'Người nộp đã rút hồ sơ.',
    stop: 'Hồ sơ đã dừng xử lý.',
    return_result: 'Đã trả kết quả cho người nộp.',
    record_fee: 'Đã ghi nhận nộp phí, lệ phí.',
  } satisfies Record<DossierAction | 'intake' | 'submit', string>,
  eventOther: 'Hồ sơ được cập nhật.',
  returnedVia: (method: string) => `Hình thức nhận: ${method}.`,
  /** Put in place of an ID number, a phone number or an e-mail address found in a reason. */
  hidden: '[đã ẩn]',
} as const;
