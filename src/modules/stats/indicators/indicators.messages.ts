import type { IndexNumber, StaffBand, UnitBand } from './circular-01-evaluation.js';
import type { GroupId, IndicatorId } from './decision-766.config.js';
import type { IndicatorStatus, Quantity } from './decision-766.js';

/** Text of the Decision 766 indicators and the Circular 01/2018 evaluation pages and exports, in Vietnamese. */
export const indicatorMessages = {
  page: {
    title: 'Chỉ số chất lượng phục vụ và đánh giá giải quyết hồ sơ',
    lead: (unit: string) =>
      `Các chỉ số theo Quyết định 766/QĐ-TTg và kết quả đánh giá việc giải quyết thủ tục hành chính theo Thông tư 01/2018/TT-VPCP của ${unit}, tính từ dữ liệu hồ sơ một cửa của hệ thống.`,
    rollUp: (n: number) => `Số liệu cộng dồn từ ${n} đơn vị trực thuộc và chính đơn vị.`,
    periodLine: (label: string) => `Kỳ: ${label}`,
    cutAt: (date: string) => ` (số liệu đến hết ngày ${date})`,
    resultsLink: 'Xem kết quả giải quyết hồ sơ chi tiết',
    staffLink: 'Đánh giá cán bộ, công chức (dành cho cán bộ đã đăng nhập)',
    download: 'Tải về',
    xlsx: 'Excel (.xlsx)',
    csv: 'CSV',
  },
  d766: {
    heading: 'Chỉ số chất lượng phục vụ theo Quyết định 766/QĐ-TTg',
    intro:
      'Mỗi chỉ số gồm tử số, mẫu số, tỷ lệ, điểm và điểm tối đa. Chỉ số cần dữ liệu của Cổng Dịch vụ công quốc gia hoặc đánh giá của người dân chưa được thu thập ghi "Chưa có dữ liệu" và không được tính điểm; tổng điểm chỉ cộng các chỉ số có dữ liệu.',
    provisional: (source: string) =>
      `Điểm tối đa và ngưỡng là số liệu tạm tính, có thể thay đổi theo cấu hình (${source}). Kết quả chỉ để tham khảo, không thay thế số liệu chính thức trên Cổng Dịch vụ công quốc gia.`,
    tableLabel: 'Bảng chỉ số Quyết định 766',
    columns: {
      group: 'Nhóm',
      code: 'Mã',
      name: 'Chỉ số',
      numerator: 'Tử số',
      denominator: 'Mẫu số',
      quantity: 'Đơn vị',
      ratio: 'Tỷ lệ (%)',
      score: 'Điểm',
      max: 'Điểm tối đa',
      status: 'Tình trạng',
      rule: 'Cách tính',
    },
    groups: {
      transparency: 'Công khai, minh bạch',
      progress: 'Tiến độ, kết quả giải quyết',
      online: 'Cung cấp dịch vụ công trực tuyến',
      payment: 'Thanh toán trực tuyến',
      digitisation: 'Số hóa hồ sơ',
      satisfaction: 'Mức độ hài lòng',
    } satisfies Record<GroupId, string>,
    codes: { ct: '—' } as Partial<Record<IndicatorId, string>>,
    names: {
      '1.1': 'Thủ tục hành chính được công bố đúng hạn',
      '1.2': 'Thủ tục hành chính được cập nhật, công khai đúng hạn trên Cơ sở dữ liệu quốc gia',
      '1.3': 'Thủ tục hành chính công khai đầy đủ các bộ phận cấu thành',
      '1.4': 'Hồ sơ được đồng bộ lên Cổng Dịch vụ công quốc gia',
      '2.1': 'Hồ sơ xử lý trước hạn, đúng hạn',
      '2.2': 'Thời gian giải quyết trung bình',
      '3.1': 'Thủ tục hành chính cung cấp dịch vụ công trực tuyến (một phần, toàn trình)',
      '3.2': 'Dịch vụ công trực tuyến có phát sinh hồ sơ',
      '3.3': 'Hồ sơ nộp trực tuyến',
      '3.5':
        'Thủ tục có nghĩa vụ tài chính được tích hợp thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia',
      '3.6': 'Hồ sơ thanh toán trực tuyến',
      '4.1': 'Hồ sơ có kết quả giải quyết điện tử',
      '4.2': 'Hồ sơ được số hóa (thành phần hồ sơ và kết quả)',
      ct: 'Cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính',
      '4.3': 'Hồ sơ khai thác, sử dụng lại dữ liệu đã số hóa',
      '4.4': 'Hồ sơ số hóa được kết nối, chia sẻ với kho dữ liệu cá nhân trên Cổng Dịch vụ công quốc gia',
      '4.5': 'Thủ tục, hồ sơ sử dụng dữ liệu từ Cơ sở dữ liệu quốc gia về dân cư',
      '5.1': 'Phân loại phản ánh, kiến nghị',
      '5.2': 'Phản ánh, kiến nghị được xử lý đúng hạn',
      '5.3': 'Mức độ hài lòng trong xử lý phản ánh, kiến nghị',
      '5.4': 'Mức độ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính',
    } satisfies Record<IndicatorId, string>,
    formulas: {
      '1.1': 'Thủ tục công bố đúng hạn ÷ thủ tục đã công bố trong kỳ.',
      '1.2': 'Thủ tục công khai đúng hạn trên Cơ sở dữ liệu quốc gia ÷ thủ tục phải công khai trong kỳ.',
      '1.3': 'Thủ tục đủ các bộ phận cấu thành ÷ thủ tục đã công khai trên Cơ sở dữ liệu quốc gia.',
      '1.4': 'Hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia ÷ hồ sơ tiếp nhận.',
      '2.1':
        '(Hồ sơ đã xử lý trước hạn + đúng hạn + đang xử lý trong hạn) ÷ (hồ sơ đã xử lý + đang xử lý cuối kỳ).',
      '2.2':
        'Thời gian giải quyết trung bình của hồ sơ đã xử lý (không tính thời gian chờ bổ sung) so với thời hạn trung bình, tính bằng ngày; tỷ lệ = thời gian thực tế ÷ thời hạn.',
      '3.1':
        'Thủ tục cung cấp dịch vụ công trực tuyến một phần hoặc toàn trình ÷ thủ tục đã công bố của đơn vị (danh mục hiện tại).',
      '3.2': 'Thủ tục có hồ sơ nộp trực tuyến trong kỳ ÷ thủ tục cung cấp dịch vụ công trực tuyến.',
      '3.3': 'Hồ sơ tiếp nhận trực tuyến ÷ hồ sơ tiếp nhận trong kỳ.',
      '3.5':
        'Thủ tục có nghĩa vụ tài chính được tích hợp thanh toán trên Cổng Dịch vụ công quốc gia ÷ thủ tục có nghĩa vụ tài chính.',
      '3.6': 'Hồ sơ đã xử lý được thanh toán phí, lệ phí trực tuyến ÷ hồ sơ đã xử lý có phí, lệ phí.',
      '4.1': 'Hồ sơ giải quyết xong có tệp kết quả điện tử ÷ hồ sơ giải quyết xong (đã có kết quả).',
      '4.2':
        'Hồ sơ giải quyết xong có thành phần hồ sơ điện tử khi nộp và có kết quả điện tử ÷ hồ sơ giải quyết xong.',
      ct: 'Theo dữ liệu của Cổng Dịch vụ công quốc gia.',
      '4.3': 'Hồ sơ khai thác, sử dụng lại dữ liệu số hóa ÷ hồ sơ tiếp nhận.',
      '4.4': 'Hồ sơ kết nối với kho dữ liệu cá nhân trên Cổng Dịch vụ công quốc gia ÷ hồ sơ tiếp nhận.',
      '4.5': 'Hồ sơ xác thực VNeID hoặc dùng dữ liệu dân cư ÷ hồ sơ tiếp nhận.',
      '5.1': 'Phân loại phản ánh, kiến nghị (chỉ theo dõi).',
      '5.2': 'Phản ánh, kiến nghị xử lý đúng hạn ÷ phản ánh, kiến nghị phải xử lý.',
      '5.3': 'Phản ánh, kiến nghị được đánh giá hài lòng ÷ phản ánh, kiến nghị được đánh giá.',
      '5.4': '100 % − (tỷ lệ hồ sơ trễ hạn + tỷ lệ hồ sơ bị phản ánh hoặc không hài lòng).',
    } satisfies Record<IndicatorId, string>,
    needs: {
      '5.1': 'Cần dữ liệu phản ánh, kiến nghị (chưa thu thập).',
      '5.2': 'Cần dữ liệu phản ánh, kiến nghị (chưa thu thập).',
      '5.3': 'Cần đánh giá của người dân (chưa thu thập).',
      '5.4': 'Cần đánh giá của người dân khi nhận kết quả (chưa thu thập).',
    } as Partial<Record<IndicatorId, string>>,
    needsPortal: 'Cần dữ liệu của Cổng Dịch vụ công quốc gia.',
    scoring: {
      higher: (threshold: string, max: string) =>
        threshold === '100'
          ? `Điểm = tỷ lệ × ${max} ÷ 100 %.`
          : `Đạt ${max} điểm khi tỷ lệ từ ${threshold} % trở lên; thấp hơn: tỷ lệ × ${max} ÷ ${threshold} %.`,
      lower: (threshold: string, max: string) =>
        `Đạt ${max} điểm khi tỷ lệ không quá ${threshold} %; cao hơn: ${max} × ${threshold} % ÷ tỷ lệ.`,
      trackOnly: 'Chỉ theo dõi, không tính điểm.',
    },
    quantities: { dossiers: 'hồ sơ', procedures: 'thủ tục', days: 'ngày' } satisfies Record<Quantity, string>,
    status: {
      computed: 'Có dữ liệu',
      empty: 'Không phát sinh trong kỳ',
      no_data: 'Chưa có dữ liệu',
    } satisfies Record<IndicatorStatus, string>,
    groupTotal: (name: string) => `Cộng nhóm: ${name}`,
    groupTotalNote: (counted: number, max: string) =>
      `${counted} chỉ số có dữ liệu, tối đa ${max} điểm trong số đó`,
    total: 'Tổng điểm (các chỉ số có dữ liệu)',
    totalLine: (score: string, maxCounted: string, counted: number, of: number, max: string) =>
      `Tổng điểm: ${score} trên ${maxCounted} điểm tối đa của ${counted}/${of} chỉ số có dữ liệu (thang điểm đầy đủ: ${max}).`,
    none: '—',
  },
  c01: {
    heading: 'Đánh giá việc giải quyết thủ tục hành chính của đơn vị (Thông tư 01/2018/TT-VPCP)',
    intro:
      'Chín chỉ số, mỗi chỉ số 0, 1 hoặc 2 điểm (Điều 13–15 Thông tư 01/2018/TT-VPCP). Chỉ số tính theo từng hồ sơ được lấy trung bình trên các hồ sơ đã xử lý trong kỳ; tổng điểm cộng các chỉ số, làm tròn một chữ số thập phân; chỉ số chưa có dữ liệu không được tính (điểm b khoản 4 Điều 15).',
    tableLabel: 'Bảng đánh giá đơn vị theo Thông tư 01/2018',
    columns: {
      index: 'Chỉ số',
      name: 'Nội dung',
      value: 'Điểm (0–2)',
      status: 'Tình trạng',
      rule: 'Cách tính',
    },
    names: {
      1: 'Tổng thời gian giải quyết so với thời gian quy định',
      2: 'Thời gian thực hiện tại từng cơ quan, đơn vị tham gia giải quyết',
      3: 'Số lần phải liên hệ để hoàn thiện hồ sơ',
      4: 'Số cơ quan, đơn vị phải liên hệ',
      5: 'Thực hiện mô hình một cửa, một cửa liên thông',
      6: 'Công khai thủ tục hành chính',
      7: 'Thái độ của cán bộ, công chức',
      8: 'Tiếp nhận, xử lý phản ánh, kiến nghị',
      9: 'Tiến độ cung cấp dịch vụ công trực tuyến',
    } satisfies Record<IndexNumber, string>,
    rules: {
      1: 'Trước hạn 2 điểm, đúng hạn 1, trễ hạn 0; trung bình trên hồ sơ đã xử lý.',
      2: 'Xã giải quyết một mình (hệ thống chưa có giải quyết liên thông giữa các cơ quan) nên thời gian tại đơn vị là toàn bộ thời gian: bằng chỉ số 1.',
      3: 'Không phải bổ sung 2 điểm, bổ sung một lần 1, nhiều hơn 0; trung bình trên hồ sơ đã xử lý.',
      4: 'Nộp trực tuyến hoặc qua bưu chính (không phải đến cơ quan nào) 2 điểm, nộp tại Bộ phận một cửa (chỉ liên hệ một cửa) 1.',
      5: 'Mọi thủ tục đã công bố của đơn vị đều được tiếp nhận qua Bộ phận một cửa trên hệ thống (có được theo cách hệ thống vận hành): 2 điểm khi đơn vị có thủ tục đã công bố.',
      6: 'Đã công khai điện tử trên Cổng thông tin của đơn vị: 1 điểm. Việc niêm yết tại trụ sở không được ghi nhận trên hệ thống nên không cho 2 điểm.',
      7: 'Cần ý kiến phản ánh, đánh giá của người dân (chưa thu thập).',
      8: 'Cần dữ liệu tiếp nhận, xử lý phản ánh, kiến nghị (chưa thu thập).',
      9: '2 điểm khi ít nhất 20 % thủ tục đã công bố có dịch vụ công trực tuyến, hồ sơ trực tuyến từ 30 % và không có hồ sơ trực tuyến trễ hạn; 1 điểm khi hồ sơ trực tuyến từ 15 % (kể cả khi từ 30 % nhưng chưa đủ điều kiện 2 điểm); còn lại 0.',
    } satisfies Record<IndexNumber, string>,
    status: { counted: 'Có dữ liệu', none: 'Chưa có dữ liệu' },
    total: 'Tổng điểm',
    band: 'Xếp loại',
    noBand: 'Chưa đủ dữ liệu để xếp loại',
    unitBands: {
      excellent: 'Xuất sắc',
      good: 'Tốt',
      fair: 'Khá',
      average: 'Trung bình',
      weak: 'Yếu',
    } satisfies Record<UnitBand, string>,
    staffBands: {
      full: 'Hoàn thành 100 % nhiệm vụ',
      most: 'Hoàn thành từ 70 % đến dưới 100 % nhiệm vụ',
      below: 'Hoàn thành dưới 70 % nhiệm vụ',
    } satisfies Record<StaffBand, string>,
    unitBandsNote:
      'Thang xếp loại đơn vị: từ 15 điểm xuất sắc; từ 12 đến dưới 15 tốt; từ 9 đến dưới 12 khá; từ 6 đến dưới 9 trung bình; dưới 6 yếu.',
    staffBandsNote:
      'Thang xếp loại cán bộ, công chức: từ 5 điểm hoàn thành 100 % nhiệm vụ; từ 3,5 đến dưới 5 hoàn thành từ 70 % đến dưới 100 %; dưới 3,5 hoàn thành dưới 70 %.',
    countedNote: (counted: number, of: number, maxCounted: number, fullMax: number) =>
      `Thang xếp loại được quy định cho đủ ${of} chỉ số (tối đa ${fullMax} điểm); kỳ này tính được ${counted}/${of} chỉ số (tối đa ${maxCounted} điểm), nên xếp loại chỉ mang tính tham khảo.`,
    totalLine: (total: string, maxCounted: number, counted: number, of: number) =>
      `Tổng điểm: ${total} trên tối đa ${maxCounted} điểm của ${counted}/${of} chỉ số có dữ liệu.`,
  },
  officers: {
    title: 'Đánh giá cán bộ, công chức giải quyết hồ sơ',
    lead: (unit: string) =>
      `Đánh giá theo các chỉ số 1, 2, 3, 4 và 7 của Thông tư 01/2018/TT-VPCP (Điều 15) cho từng cán bộ chịu trách nhiệm hồ sơ của ${unit}: cán bộ được phân công cuối cùng, nếu không có thì cán bộ tiếp nhận.`,
    privacy:
      'Trang này có thông tin cá nhân của cán bộ, chỉ dành cho cán bộ có thẩm quyền của đơn vị; không công bố.',
    tableLabel: 'Bảng đánh giá cán bộ, công chức',
    columns: {
      officer: 'Cán bộ, công chức',
      processed: 'Hồ sơ đã xử lý',
      index: (n: number) => `Chỉ số ${n}`,
      total: 'Tổng điểm',
      counted: 'Số chỉ số có dữ liệu',
      band: 'Xếp loại',
    },
    unknown: (id: number) => (id === 0 ? 'Không xác định' : `Tài khoản số ${id}`),
    empty: 'Không có cán bộ nào có hồ sơ đã xử lý trong kỳ.',
    countedNote:
      'Thang xếp loại được quy định cho đủ 5 chỉ số (tối đa 10 điểm); khi chưa có dữ liệu chỉ số 7, mỗi cán bộ được tính trên 4/5 chỉ số (tối đa 8 điểm), nên xếp loại chỉ mang tính tham khảo.',
    index7:
      'Chỉ số 7 (thái độ của cán bộ) cần ý kiến phản ánh, đánh giá của người dân, chưa có dữ liệu nên không được tính.',
    publicLink: 'Xem chỉ số của đơn vị (trang công khai)',
  },
  exports: {
    d766File: (unit: string, period: string) => `Chỉ số 766 - ${unit} - ${period}`,
    d766Sheet: 'Chỉ số 766',
    c01File: (unit: string, period: string) => `Đánh giá giải quyết TTHC - ${unit} - ${period}`,
    c01Sheet: 'Đánh giá đơn vị',
    officersFile: (unit: string, period: string) => `Đánh giá cán bộ - ${unit} - ${period}`,
    officersSheet: 'Đánh giá cán bộ',
    title: (what: string, unit: string, period: string) => `${what} — ${unit} — ${period}`,
    bandRow: 'Xếp loại',
  },
};
