import type { PaymentStatusColumn } from '../../../platform/db-schema.js';

/** What online payment of fees says, in Vietnamese: the look-up's button, the sandbox's page, the staff page. */
export const paymentMessages = {
  sandbox: {
    /** The sandbox's name everywhere it shows. */
    label: 'THANH TOÁN THỬ NGHIỆM',
    title: 'THANH TOÁN THỬ NGHIỆM',
    banner:
      'Đây là cổng thanh toán thử nghiệm của hệ thống: không có tiền thật được chuyển. Bấm "Thanh toán" để giả lập giao dịch thành công, bấm "Hủy" để giả lập người nộp hủy giao dịch.',
    facts: {
      ref: 'Mã giao dịch',
      dossier: 'Hồ sơ',
      description: 'Nội dung',
      amount: 'Số tiền',
    },
    pay: 'Thanh toán',
    cancel: 'Hủy',
    back: 'Về trang tra cứu hồ sơ',
    amount: (vnd: string) => `${vnd} đồng`,
    badOrder:
      'Đường dẫn thanh toán không hợp lệ hoặc đã bị sửa. Vui lòng quay lại trang tra cứu hồ sơ và bấm nộp phí lại.',
    notifyRefused: (status: number) =>
      `Cổng thanh toán thử nghiệm đã gửi kết quả giao dịch nhưng hệ thống từ chối (mã ${status}). Không có khoản phí nào được ghi nhận.`,
  },
  lookup: {
    fee: 'Phí, lệ phí',
    paid: 'Đã nộp phí',
    due: 'Chưa nộp phí',
    payButton: (sandbox: boolean) => (sandbox ? 'Nộp phí trực tuyến (thử nghiệm)' : 'Nộp phí trực tuyến'),
    sandboxHint: 'Thanh toán thử nghiệm: không có tiền thật được chuyển.',
  },
  /** The description sent to the gateway. */
  description: (code: string) => `Nộp phí, lệ phí hồ sơ ${code}`,
  /** The actor of the fee's event on the dossier: the gateway, never a person. */
  eventActor: (gatewayLabel: string) => `Cổng thanh toán: ${gatewayLabel}`,
  refusal: {
    off: 'Chức năng nộp phí trực tuyến chưa được bật.',
    notFound: 'Không tìm thấy hồ sơ có mã này.',
    notDue:
      'Hồ sơ này không có khoản phí, lệ phí nộp trực tuyến được: phí đã được nộp, hồ sơ chưa được tiếp nhận hoặc đã kết thúc, hoặc mức phí do cán bộ tính khi tiếp nhận.',
    tooMany: 'Bạn đã bấm nộp phí quá nhiều lần trong thời gian ngắn.',
    startFailed: 'Không kết nối được cổng thanh toán. Vui lòng thử lại sau.',
  },
  notification: {
    unknownGateway: 'Không có cổng thanh toán này.',
    invalid: 'Thông báo thanh toán không hợp lệ: sai chữ ký hoặc sai định dạng.',
    unknownPayment: 'Không có giao dịch thanh toán với mã này.',
    amountMismatch: 'Số tiền trong thông báo khác số tiền phải nộp của giao dịch.',
  },
  staff: {
    heading: 'Thanh toán trực tuyến',
    line: (ref: string, vnd: string, status: string, at: string) => `${ref}: ${vnd} đồng, ${status} (${at})`,
    status: {
      pending: 'đang chờ thanh toán',
      paid: 'đã thanh toán',
      failed: 'thất bại',
      cancelled: 'người nộp đã hủy',
    } satisfies Record<PaymentStatusColumn, string>,
    unapplied:
      'không ghi được vào hồ sơ vì phí đã được ghi nhận trước đó hoặc hồ sơ đã kết thúc: cần hoàn tiền cho người nộp',
  },
} as const;
