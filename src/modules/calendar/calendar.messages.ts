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
