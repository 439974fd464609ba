import { describe, expect, it } from 'vitest';
import {
  apologyNotice,
  dateTimeVn,
  receiptNotice,
  refusalNotice,
  resultReadyNotice,
  SMS_MAX,
  supplementNotice,
  type DossierNoticeView,
} from './notifications.messages.js';

const view: DossierNoticeView = {
  unitName: 'UBND xã Tân Hồng',
  dossierCode: '000.00.13.H12-261126-0001',
  procedureName: 'Đăng ký khai sinh',
  applicantName: 'Nguyễn Thị Hường',
  receivedAt: '2026-11-26T02:30:00.000Z', // 09:30 in Hà Nội
  dueAt: '2026-11-27T09:00:00.000Z', // 16:00
  lookupUrl: 'https://tanhong.example.gov.vn/tra-cuu-ho-so?ma=000.00.13.H12-261126-0001',
  resultMethod: 'Nhận trực tiếp tại Bộ phận Một cửa',
};

describe('dossier notice templates', () => {
  it('formats instants as dd/mm/yyyy HH:mm in Vietnam time whatever TZ the process has', () => {
    expect(process.env.TZ).toBe('America/New_York');
    expect(dateTimeVn('2026-11-26T17:05:00Z')).toBe('27/11/2026 00:05');
    expect(dateTimeVn(new Date('2026-01-01T00:00:00Z'))).toBe('01/01/2026 07:00');
  });

  it('renders the receipt with every diacritic, in NFC, and the appointment', () => {
    const r = receiptNotice(view, true);
    expect(r.subject).toBe('Tiếp nhận hồ sơ 000.00.13.H12-261126-0001 và hẹn trả kết quả');
    expect(r.text).toBe(
      [
        'Kính gửi Ông/Bà Nguyễn Thị Hường,',
        '',
        'UBND xã Tân Hồng đã tiếp nhận hồ sơ của Ông/Bà.',
        '',
        'Mã hồ sơ: 000.00.13.H12-261126-0001',
        'Thủ tục: Đăng ký khai sinh',
        'Thời gian tiếp nhận: 26/11/2026 09:30',
        'Thời gian hẹn trả kết quả: 27/11/2026 16:00',
        'Hình thức nhận kết quả: Nhận trực tiếp tại Bộ phận Một cửa',
        '',
        'Giấy tiếp nhận hồ sơ và hẹn trả kết quả được gửi kèm thư này.',
        '',
        'Ông/Bà có thể tra cứu tình trạng hồ sơ bằng mã hồ sơ tại: https://tanhong.example.gov.vn/tra-cuu-ho-so?ma=000.00.13.H12-261126-0001',
        '',
        'Đây là thư gửi tự động, xin vui lòng không trả lời thư này.',
        'UBND xã Tân Hồng',
      ].join('\n'),
    );
    expect(r.text.normalize('NFC')).toBe(r.text);
    // The URL makes the full SMS too long: the variant without it is sent.
    expect(r.sms).toBe(
      'UBND xã Tân Hồng đã tiếp nhận hồ sơ 000.00.13.H12-261126-0001, hẹn trả kết quả 27/11/2026 16:00.',
    );
    expect(receiptNotice(view).text).not.toContain('gửi kèm');
    expect(r.params).toMatchObject({ dossierCode: view.dossierCode, dueAt: '27/11/2026 16:00' });
  });

  it('keeps the short lookup link in the SMS when it fits', () => {
    const r = resultReadyNotice({ ...view, lookupUrl: 'https://tanhong.vn/tc' });
    expect(r.sms).toBe(
      'UBND xã Tân Hồng: hồ sơ 000.00.13.H12-261126-0001 đã có kết quả. Tra cứu: https://tanhong.vn/tc',
    );
    expect(r.subject).toBe('Hồ sơ 000.00.13.H12-261126-0001 đã có kết quả');
    expect(r.text).toContain(
      'Hồ sơ 000.00.13.H12-261126-0001 (thủ tục: Đăng ký khai sinh) của Ông/Bà đã có kết quả giải quyết.',
    );
  });

  it('asks for a supplement once and completely: the reason and every document, in the e-mail and the SMS', () => {
    const documents = [
      'Bản sao Giấy chứng nhận kết hôn của cha, mẹ (bản chứng thực)',
      'Giấy chứng sinh (bản chính)',
      '.Tờ khai ghi rõ quê quán của người được khai sinh',
    ];
    const r = supplementNotice({
      ...view,
      reason: 'Thiếu giấy tờ chứng minh quan hệ cha, mẹ, con',
      documents,
    });
    expect(r.subject).toBe('Yêu cầu bổ sung, hoàn thiện hồ sơ 000.00.13.H12-261126-0001');
    expect(r.text).toContain('Lý do: Thiếu giấy tờ chứng minh quan hệ cha, mẹ, con');
    expect(r.text).toContain(
      [
        'Đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:',
        '1. Bản sao Giấy chứng nhận kết hôn của cha, mẹ (bản chứng thực)',
        '2. Giấy chứng sinh (bản chính)',
        '3. .Tờ khai ghi rõ quê quán của người được khai sinh',
      ].join('\n'),
    );
    expect(r.text).toContain(
      'Đây là hướng dẫn một lần, đầy đủ các nội dung cần bổ sung, hoàn thiện đối với hồ sơ này.',
    );
    for (const d of documents) {
      expect(r.sms).toContain(d);
    }
    expect(() => supplementNotice({ ...view, reason: 'x', documents: [] })).toThrow(/full list/);
    expect(() => supplementNotice({ ...view, reason: '  ', documents })).toThrow(/reason/);
  });

  it('apologises with the reason and the new appointment (Form 04)', () => {
    const r = apologyNotice(
      { ...view, reason: 'Cần xác minh thêm thông tin tại xã khác', newDueAt: '2026-12-01T09:00:00.000Z' },
      true,
    );
    expect(r.subject).toBe('Phiếu xin lỗi và hẹn lại ngày trả kết quả hồ sơ 000.00.13.H12-261126-0001');
    expect(r.text).toContain('Ngày 26/11/2026, UBND xã Tân Hồng tiếp nhận hồ sơ của Ông/Bà:');
    expect(r.text).toContain('Lý do: Cần xác minh thêm thông tin tại xã khác');
    expect(r.text).toContain(
      'UBND xã Tân Hồng xin lỗi Ông/Bà vì sự chậm trễ này và hẹn lại thời gian trả kết quả: 01/12/2026 16:00.',
    );
    expect(r.text).toContain('Phiếu xin lỗi và hẹn lại ngày trả kết quả được gửi kèm thư này.');
    expect(r.sms).toBe(
      'UBND xã Tân Hồng xin lỗi: hồ sơ 000.00.13.H12-261126-0001 chậm trả kết quả, hẹn lại 01/12/2026 16:00. Lý do: Cần xác minh thêm thông tin tại xã khác',
    );
    expect([...r.sms].length).toBeLessThanOrEqual(SMS_MAX);
  });

  it('refuses with the precise reason (Form 03)', () => {
    const r = refusalNotice({ ...view, reason: 'Thủ tục không thuộc thẩm quyền giải quyết của UBND cấp xã' });
    expect(r.subject).toBe('Từ chối tiếp nhận, giải quyết hồ sơ 000.00.13.H12-261126-0001');
    expect(r.text).toContain(
      'UBND xã Tân Hồng không tiếp nhận, giải quyết hồ sơ 000.00.13.H12-261126-0001 (thủ tục: Đăng ký khai sinh) của Ông/Bà với lý do cụ thể như sau:\nThủ tục không thuộc thẩm quyền giải quyết của UBND cấp xã',
    );
    expect(r.sms).toContain('Lý do: Thủ tục không thuộc thẩm quyền giải quyết của UBND cấp xã');
    expect(() => refusalNotice({ ...view, reason: '' })).toThrow(/reason/);
  });

  it('keeps SMS texts within 160 characters, without the name or any long number', () => {
    const notices = [
      receiptNotice(view),
      resultReadyNotice(view),
      apologyNotice({ ...view, reason: 'Chờ kết quả xác minh', newDueAt: '2026-12-01T09:00:00Z' }),
    ];
    for (const n of notices) {
      expect([...n.sms].length).toBeLessThanOrEqual(SMS_MAX);
      expect(n.sms).not.toContain(view.applicantName);
      expect(n.sms).not.toMatch(/\d{9,}/);
    }
  });
});
