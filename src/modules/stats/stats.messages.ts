/** Text of the results widget and API (issue #4), in Vietnamese; the detail pages have their own catalogues. */
export const statsMessages = {
  widget: {
    title: 'Kết quả giải quyết TTHC',
    resolvedToMonth: (month: string) => `Đến tháng ${month} đã giải quyết:`,
    processed: 'Số hồ sơ xử lý:',
    earlyOrOnTime: 'Trước & đúng hạn:',
    late: 'Trễ hạn:',
    lateRate: 'Tỉ lệ trễ hạn:',
    details: 'Chi tiết',
    detailsHidden: ' kết quả giải quyết thủ tục hành chính',
    updatedAt: (at: string) => `(Cập nhật lúc: ${at})`,
    noneYet: '(Chưa có hồ sơ nào kết thúc trong năm)',
  },
  api: {
    unknownUnit: 'Không có đơn vị này.',
    badDate: 'Ngày phải có dạng YYYY-MM-DD và là một ngày có thật.',
    badRange: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.',
    rangeTooLong: 'Khoảng thời gian không được dài quá 10 năm.',
  },
};
