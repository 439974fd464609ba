/** Vietnamese texts of the calendar module (codes are stable; texts are what users read). */

/** Problems in a yearly holiday notice, shown to the province admin who edits it. */
export const noticeMessages = {
  invalid_date: 'Ngày không hợp lệ (định dạng YYYY-MM-DD, thuộc năm của thông báo).',
  bad_range: 'Khoảng ngày nghỉ không hợp lệ: ngày bắt đầu phải trước ngày kết thúc và không quá 31 ngày.',
  range_outside_year: 'Khoảng ngày nghỉ nằm ngoài năm của thông báo.',
  unknown_holiday:
    'Không nhận ra ngày lễ nào trong tên mục (ví dụ: Tết Nguyên đán, Giỗ Tổ Hùng Vương, 30/4, 1/5, Quốc khánh).',
  holiday_twice: 'Ngày lễ này đã có trong một mục khác của cùng năm.',
  confidence_mismatch: 'Mục chưa có ngày nghỉ phải có độ tin cậy "chưa rõ", và ngược lại.',
  make_up_not_weekend: 'Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.',
  make_up_inside_off: 'Ngày làm bù không được nằm trong khoảng ngày nghỉ.',
} as const;

/** Why an apology with a new appointment (Mẫu 04) cannot be issued (Decree 61/2018 Art. 19). */
export const apologyMessages = {
  chi_duoc_hen_lai_mot_lan: 'Hồ sơ đã được hẹn lại một lần; chỉ được hẹn lại ngày trả kết quả một lần.',
  qua_thoi_han_xin_loi:
    'Đã quá thời hạn gửi văn bản xin lỗi và hẹn lại: chậm nhất là cuối giờ làm việc của ngày làm việc liền trước ngày hết hạn.',
  hen_moi_khong_sau_han_cu: 'Ngày hẹn mới phải sau ngày hẹn trả kết quả hiện tại.',
  hen_moi_ngoai_gio_lam_viec: 'Ngày hẹn mới phải là một thời điểm trong giờ làm việc của một ngày làm việc.',
} as const;

/** Labels for the kinds of time limit. */
export const timeLimitKindLabels = {
  working_days: 'ngày làm việc',
  same_day: 'trong ngày',
  calendar_days: 'ngày',
  working_hours: 'giờ làm việc',
} as const;

/** Vietnamese weekday names, 0 = Sunday. */
export const weekdayNames = [
  'Chủ nhật',
  'thứ Hai',
  'thứ Ba',
  'thứ Tư',
  'thứ Năm',
  'thứ Sáu',
  'thứ Bảy',
] as const;

/** How sure a notice entry is, as shown to readers. */
export const confidenceLabels = {
  sourced: 'Đã đối chiếu nguồn',
  unverified: 'Chưa kiểm chứng với văn bản',
  unknown: 'Chưa có thông báo',
} as const;

/** Names of the holidays an entry may cover (the admin form's checkboxes). */
export const holidayLabels = {
  new_year: 'Tết Dương lịch (1/1)',
  lunar_new_year: 'Tết Nguyên đán',
  hung_kings: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
  reunification: 'Ngày Chiến thắng (30/4)',
  labour_day: 'Ngày Quốc tế Lao động (1/5)',
  national_day: 'Quốc khánh (2/9)',
  culture_day: 'Ngày Văn hóa Việt Nam (24/11)',
} as const;

export const calendarMessages = {
  api: {
    invalidRequest: 'Yêu cầu không hợp lệ: xem thông báo của từng tham số trong "fields".',
    receivedAtRequired:
      'Vui lòng gửi thời điểm tiếp nhận (receivedAt) dạng ISO 8601, ví dụ 2026-02-10T09:00:00+07:00.',
    receivedAtInvalid:
      'Thời điểm tiếp nhận (receivedAt) không hợp lệ: dùng dạng ISO 8601, ví dụ 2026-02-10T09:00:00+07:00.',
    receivedAtRange:
      'Chỉ tính được hạn cho thời điểm tiếp nhận từ ngày 21/06/2018 (Nghị định 61/2018/NĐ-CP có hiệu lực) đến hết năm 2195.',
    kindInvalid:
      'Loại thời hạn (kind) phải là một trong: working_days, same_day, calendar_days, working_hours.',
    amountInvalid: 'Thời hạn (amount) phải là số nguyên từ 0 đến 520.',
    after15Invalid: 'Tham số after15 chỉ nhận giá trị true hoặc false.',
    yearInvalid: 'Năm (year) phải là số nguyên từ 1976 đến 2198.',
    unitNotFound: (slug: string) => `Không có đơn vị nào có mã "${slug}".`,
    noUnit: 'Hệ thống chưa có đơn vị nào.',
  },
  dueDatePage: {
    title: 'Tính hạn trả kết quả',
    lead: 'Nhập thời điểm bộ phận một cửa tiếp nhận hồ sơ và thời hạn giải quyết của thủ tục (ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả hoặc trong danh mục thủ tục) để biết ngày, giờ trả kết quả theo lịch làm việc của',
    date: 'Ngày tiếp nhận',
    dateHint: 'Ví dụ: 10/02/2026',
    time: 'Giờ tiếp nhận',
    timeHint: 'Giờ:phút, ví dụ 09:00',
    amount: 'Thời hạn giải quyết',
    amountHint: 'Số ngày hoặc số giờ; với loại "trong ngày" để 0.',
    kind: 'Tính theo',
    kinds: {
      working_days: 'ngày làm việc',
      same_day: 'trong ngày',
      calendar_days: 'ngày (theo lịch)',
      working_hours: 'giờ làm việc',
    },
    after15: 'Áp dụng quy định nhận sau 15 giờ',
    after15Hint:
      'Hồ sơ nhận sau 15 giờ được tính như nhận vào ngày làm việc tiếp theo (Điều 18 Nghị định 61/2018/NĐ-CP), nếu thủ tục có quy định này. Loại "trong ngày" luôn áp dụng.',
    submit: 'Tính hạn',
    resultHeading: 'Kết quả',
    dueLabel: 'Hạn trả kết quả',
    at: 'lúc',
    provisional: 'dự kiến',
    provisionalNote:
      'Khoảng thời gian này có ngày nghỉ lễ, Tết chưa có thông báo chính thức; ngày nghỉ được tính theo mặc định của Bộ luật Lao động nên hạn trả kết quả có thể thay đổi khi có thông báo.',
    daysOffLink: 'Xem các ngày nghỉ lễ, Tết năm',
    howHeading: 'Cách tính',
    disclaimer:
      'Đây là kết quả tính tham khảo theo lịch làm việc và giờ làm việc của đơn vị. Ngày hẹn trả kết quả chính thức là ngày ghi trên giấy hẹn của bộ phận một cửa.',
    dateRequired: 'Vui lòng nhập ngày tiếp nhận, ví dụ 10/02/2026.',
    dateInvalid: 'Ngày tiếp nhận không hợp lệ. Nhập theo dạng ngày/tháng/năm, ví dụ 10/02/2026.',
    dateRange: 'Chỉ tính được hạn cho ngày tiếp nhận từ 21/06/2018 đến hết năm 2195.',
    timeRequired: 'Vui lòng nhập giờ tiếp nhận, ví dụ 09:00.',
    timeInvalid: 'Giờ tiếp nhận không hợp lệ. Nhập theo dạng giờ:phút, ví dụ 09:00.',
    amountInvalid: 'Thời hạn là số nguyên từ 0 đến 520.',
    kindInvalid: 'Vui lòng chọn cách tính thời hạn.',
  },
  explain: {
    received: (when: string) => `Hồ sơ được tiếp nhận ${when}.`,
    countedSameDay: (day: string) => `Ngày bắt đầu tính: ${day} (ngày tiếp nhận).`,
    countedNextDay: (day: string) =>
      `Hồ sơ nhận ngoài giờ làm việc, vào ngày nghỉ, hoặc sau 15 giờ khi áp dụng quy định này, nên được tính như nhận vào ngày làm việc tiếp theo: ${day}.`,
    workingDays: (n: number) =>
      `Thời hạn ${n} ngày làm việc, không tính ngày tiếp nhận (Điều 147 Bộ luật Dân sự 2015), không tính thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết; hạn là cuối giờ làm việc của ngày làm việc thứ ${n}.`,
    workingDaysZero: 'Thời hạn 0 ngày làm việc: trả kết quả cuối giờ làm việc của ngày bắt đầu tính.',
    sameDay:
      'Thủ tục giải quyết trong ngày: trả kết quả cuối giờ làm việc của ngày bắt đầu tính (hồ sơ nhận sau 15 giờ được trả vào ngày làm việc tiếp theo).',
    calendarDays: (n: number) =>
      `Thời hạn ${n} ngày theo lịch, tính cả ngày nghỉ; nếu ngày cuối cùng là ngày nghỉ thì hạn là ngày làm việc tiếp theo (Điều 148 Bộ luật Dân sự 2015).`,
    workingHours: (n: number) =>
      `Thời hạn ${n} giờ làm việc, chỉ tính thời gian trong giờ làm việc của đơn vị (không tính giờ nghỉ trưa và ngày nghỉ).`,
    officeHours: (hours: string) => `Giờ làm việc của đơn vị: ${hours}.`,
    skipped: 'Các ngày nghỉ lễ, Tết không tính vào thời hạn:',
  },
  daysOffPage: {
    title: (year: number) => `Ngày nghỉ lễ, Tết năm ${year}`,
    lead: 'Các ngày cán bộ, công chức, viên chức nghỉ lễ, Tết và các ngày làm việc bù trong năm, dùng để tính hạn giải quyết hồ sơ thủ tục hành chính. Ngoài các ngày này, thứ Bảy và Chủ nhật là ngày nghỉ hằng tuần.',
    dayOff: 'Ngày nghỉ',
    kinds: { holiday: 'nghỉ lễ', compensatory: 'nghỉ bù', announced: 'theo thông báo' },
    source: 'Nguồn',
    confidence: 'Độ tin cậy',
    derived: 'Bộ luật Lao động 2019, Điều 112',
    noticeWithoutNumber: (year: number) => `Thông báo nghỉ lễ, Tết năm ${year} (chưa ghi số văn bản)`,
    fixedByLaw: 'Theo luật định',
    provisional: 'dự kiến',
    provisionalNote:
      'Ngày đánh dấu "dự kiến" là ngày tính theo mặc định của Bộ luật Lao động khi chưa có thông báo chính thức; có thể thay đổi.',
    makeUpHeading: 'Ngày làm việc bù',
    makeUpIntro: 'Các ngày thứ Bảy, Chủ nhật dưới đây là ngày làm việc bình thường:',
    makeUpNone: 'Không có ngày làm việc bù.',
    otherYears: 'Năm khác',
    dueDateLink: 'Tính hạn trả kết quả hồ sơ',
    weekdayHeading: 'Thứ',
    dateHeading: 'Ngày',
    kindHeading: 'Loại',
  },
  admin: {
    noticesTitle: 'Lịch nghỉ lễ, Tết',
    noticesLead:
      'Thông báo nghỉ lễ, Tết hằng năm đối với cán bộ, công chức, viên chức áp dụng cho toàn hệ thống. Mỗi mục thay thế các ngày nghỉ tính theo Bộ luật Lao động của các ngày lễ mà mục đó nói tới, trong năm của mục.',
    rootOnly:
      'Lịch nghỉ lễ, Tết áp dụng cho toàn hệ thống nên chỉ quản trị viên của đơn vị cấp cao nhất (không có đơn vị cấp trên) được sửa.',
    readOnlyNote: (rootName: string) =>
      `Bạn đang xem. Lịch nghỉ lễ, Tết áp dụng cho toàn hệ thống; quản trị viên của ${rootName} cập nhật lịch này.`,
    unitAdminOnly: 'Chỉ quản trị viên của đơn vị được sửa giờ làm việc của đơn vị.',
    noticeNotFound: 'Không tìm thấy mục thông báo nghỉ lễ này.',
    offCoversMakeUp: 'Khoảng ngày nghỉ chứa một ngày làm bù của mục khác trong cùng năm.',
    year: 'Năm',
    add: 'Thêm mục',
    none: 'Năm này chưa có thông báo: các ngày nghỉ được tính theo mặc định của Bộ luật Lao động (dự kiến).',
    colName: 'Ngày lễ',
    colOff: 'Nghỉ',
    colMakeUp: 'Làm bù',
    colConfidence: 'Độ tin cậy',
    colSource: 'Nguồn',
    noOff: 'Chưa có',
    newTitle: 'Thêm mục thông báo nghỉ lễ',
    editTitle: 'Sửa mục thông báo nghỉ lễ',
    fName: 'Tên mục',
    fNameHint: 'Tên ngày lễ, ví dụ: Tết Nguyên đán; Giỗ Tổ Hùng Vương, 30/4 và 1/5.',
    fYear: 'Năm của thông báo',
    fOffFrom: 'Nghỉ từ ngày',
    fOffTo: 'Đến hết ngày',
    fOffHint: 'Tính cả thứ Bảy, Chủ nhật nằm trong khoảng. Để trống cả hai khi chưa có thông báo.',
    fMakeUp: 'Ngày làm việc bù',
    fMakeUpHint: 'Các ngày thứ Bảy hoặc Chủ nhật phải đi làm, cách nhau bởi dấu phẩy, ví dụ: 10/01/2026.',
    fConfidence: 'Độ tin cậy',
    fCovers: 'Các ngày lễ mà mục này thay thế',
    fCoversHint: 'Để trống: nhận ra từ tên mục.',
    fSource: 'Nguồn (số, ngày văn bản hoặc địa chỉ trang)',
    fNote: 'Ghi chú',
    save: 'Lưu',
    back: 'Quay lại',
    delete: 'Xóa mục này',
    deleteTitle: 'Xóa mục thông báo nghỉ lễ',
    deleteConfirm:
      'Sau khi xóa, các ngày nghỉ của ngày lễ này trong năm được tính lại theo mặc định của Bộ luật Lao động. Bạn có chắc muốn xóa?',
    deleteYes: 'Xóa',
    yearRequired: 'Năm là số nguyên từ 1976 đến 2198.',
    nameRequired: 'Vui lòng nhập tên mục.',
    dateInvalid: 'Ngày không hợp lệ. Nhập theo dạng ngày/tháng/năm, ví dụ 14/02/2026.',
    offBoth: 'Nhập cả ngày bắt đầu và ngày kết thúc, hoặc để trống cả hai.',
    makeUpInvalid: 'Có ngày làm bù không hợp lệ. Nhập theo dạng ngày/tháng/năm, cách nhau bởi dấu phẩy.',
    confidenceInvalid: 'Vui lòng chọn độ tin cậy.',
    otherYears: 'Năm',
    publicLink: 'Xem trang công khai',
  },
  hours: {
    title: 'Giờ làm việc',
    lead: 'Giờ làm việc của đơn vị dùng để tính hạn giải quyết hồ sơ: hạn tính theo ngày rơi vào cuối giờ làm việc (hết buổi chiều); hạn tính theo giờ chỉ đếm thời gian trong giờ làm việc.',
    usingDefault: 'Đơn vị đang dùng giờ làm việc mặc định.',
    morning: 'Buổi sáng',
    afternoon: 'Buổi chiều',
    from: 'Từ',
    to: 'Đến',
    timeHint: 'Giờ:phút, ví dụ 07:30',
    afternoonHint: 'Để trống cả hai nếu đơn vị chỉ làm việc một buổi.',
    saturday: 'Mở cửa sáng thứ Bảy để tiếp nhận hồ sơ',
    saturdayHint:
      'Chỉ để tiếp nhận, không tính là giờ làm việc: hồ sơ nhận sáng thứ Bảy được tính từ ngày làm việc tiếp theo (trừ ngày thứ Bảy làm bù).',
    saturdayFrom: 'Tiếp nhận sáng thứ Bảy từ',
    saturdayTo: 'Tiếp nhận sáng thứ Bảy đến',
    save: 'Lưu giờ làm việc',
    timeInvalid: 'Giờ không hợp lệ. Nhập theo dạng giờ:phút, ví dụ 07:30.',
    timeRequired: 'Vui lòng nhập giờ, dạng giờ:phút.',
    order: 'Giờ kết thúc phải sau giờ bắt đầu, và buổi chiều phải bắt đầu sau khi buổi sáng kết thúc.',
    afternoonBoth: 'Nhập cả giờ bắt đầu và giờ kết thúc của buổi chiều, hoặc để trống cả hai.',
    saved: 'Đã lưu giờ làm việc.',
  },
} as const;
