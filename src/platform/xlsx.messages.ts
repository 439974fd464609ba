/** Vietnamese text of the XLSX reader's refusals (platform/xlsx-read.ts), for any module that reads workbooks. */
export const xlsxMessages = {
  notXlsx: 'Tệp không phải bảng tính Excel (.xlsx).',
  legacyOrEncrypted:
    'Tệp là bảng tính Excel cũ (.xls) hoặc có đặt mật khẩu: hãy mở tệp và lưu lại dưới dạng "Sổ làm việc Excel (.xlsx)", không đặt mật khẩu.',
  malformed: 'Tệp Excel bị hỏng, không đọc được.',
  noSheet: 'Bảng tính không có trang tính nào.',
  tooLarge: (mb: number) => `Bảng tính quá lớn (khi giải nén vượt quá ${mb} MB).`,
  tooManyRows: (max: number) => `Bảng tính có quá nhiều dòng (tối đa ${max}).`,
  tooManyColumns: (max: number) => `Bảng tính có quá nhiều cột (tối đa ${max}).`,
  tooManyCells: (max: number) => `Bảng tính có quá nhiều ô (tối đa ${max}).`,
};
