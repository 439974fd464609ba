/** Messages of the HTTP edge (request checks, uploads, framework errors), Vietnamese first. */
export const httpMessages = {
  nulByte: 'Nội dung gửi lên có ký tự không hợp lệ (ký tự rỗng). Vui lòng kiểm tra lại và gửi lại.',
  badUrl: 'Địa chỉ trang không hợp lệ. Hãy kiểm tra lại địa chỉ hoặc về trang chủ.',
  urlTooLong: 'Địa chỉ trang quá dài. Hãy kiểm tra lại địa chỉ hoặc về trang chủ.',
  multipartNotHere: 'Trang này không nhận tệp tải lên. Hãy gửi biểu mẫu từ trang của hệ thống.',
  unsupportedType: 'Định dạng dữ liệu gửi lên không được hỗ trợ.',
  malformedForm: 'Dữ liệu biểu mẫu gửi lên bị hỏng hoặc không đầy đủ. Vui lòng tải lại trang và gửi lại.',
  tooManyFiles: 'Biểu mẫu gửi quá nhiều tệp. Mỗi ô chọn tệp chỉ nhận một tệp.',
  tooManyFilesAtOnce: (n: number) =>
    `Mỗi lần gửi chỉ nhận tối đa ${n} tệp. Hãy quay lại, chọn bớt tệp và bấm "Lưu nháp", rồi thêm các tệp còn lại.`,
  tooManyFields: 'Biểu mẫu gửi quá nhiều trường dữ liệu.',
  fieldTooLong: 'Nội dung một trường của biểu mẫu quá dài.',
  tooLarge: 'Tệp hoặc nội dung gửi lên vượt quá dung lượng cho phép.',
} as const;
