import { describe, expect, it } from 'vitest';
import {
  apologyPdf,
  controlSlipPdf,
  NoFormSetError,
  receiptPdf,
  refusalPdf,
  supplementPdf,
  trackingBookPdf,
} from './form-pdfs.js';
import {
  bookRows,
  RECEIVED_AT,
  SAMPLE_CODE,
  sampleApology,
  sampleBook,
  sampleControlSlip,
  sampleReceipt,
  sampleRefusal,
  sampleSupplement,
} from './form-samples.js';
import { decodeQr, flat, pdfInfo, pdfPages } from './pdf-probe.js';

// The suite runs with TZ=America/New_York (vitest.config.ts): every time below must still come out in Vietnam time.

const A5 = { width: 419.53, height: 595.28 };
const A4_LANDSCAPE = { width: 841.89, height: 595.28 };
const LEGAL = (n: string) => `Mẫu số ${n} ban hành kèm theo Thông tư số 01/2018/TT-VPCP ngày 23/11/2018`;
const DIACRITICS = 'ỹ ự ở ẵ đ';

async function read(pdf: Buffer) {
  const [pages, info] = await Promise.all([pdfPages(pdf), pdfInfo(pdf)]);
  return { pages, text: pages.join('\n'), flat: flat(pages.join('\n')), info };
}

describe('one-stop forms of Circular 01/2018 as PDF', () => {
  it('Mẫu 01: the receipt on one A5 page, with code, applicant, times, documents and the legal note', async () => {
    const pdf = await receiptPdf(sampleReceipt, RECEIVED_AT);
    const { text, flat: f, info } = await read(pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(info.pages).toBe(1);
    expect({ width: info.width, height: info.height }).toEqual(A5);
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(`Mã hồ sơ: ${SAMPLE_CODE}`);
    expect(text).toContain('Tiếp nhận hồ sơ của: Ông/Bà Nguyễn Thị Hằng');
    expect(text).toContain(DIACRITICS);
    expect(text).toContain('UBND XÃ TÂN HỒNG');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ');
    expect(text).toContain('Số: 12/TNHS');
    expect(f).toContain('4. Thời gian nhận hồ sơ: 14 giờ 05 phút, ngày 03 tháng 02 năm 2025');
    expect(f).toContain(
      '5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 30 phút, ngày 05 tháng 02 năm 2025',
    );
    expect(f).toContain('3. Thời gian giải quyết hồ sơ theo quy định: 03 ngày làm việc');
    expect(text).toMatch(/Tờ khai đăng ký khai sinh theo mẫu\s+Bản chính\s+1/);
    expect(text).toMatch(/Giấy tờ tùy thân của người đi đăng ký\s+…………\s+1/); // not noted: dots
    expect(f).toContain('Quyển số: 01/2025, Số thứ tự: 137');
    expect(text).toContain('NGƯỜI NỘP HỒ SƠ');
    expect(text).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    expect(text).toContain('Phạm Văn Đức');
    expect(f).toContain(LEGAL('01'));
    expect(info.fields).toMatch(/Title:\s+Giấy tiếp nhận hồ sơ và hẹn trả kết quả/);
    expect(info.fields).toContain(SAMPLE_CODE);
  });

  it('Mẫu 01: the QR code decodes to the look-up address', async () => {
    const pdf = await receiptPdf(sampleReceipt, RECEIVED_AT);
    expect(await decodeQr(pdf)).toBe(sampleReceipt.lookupUrl);
  });

  it('Mẫu 02: the supplement request, with the documents to add, the reason and the guiding officer', async () => {
    const at = new Date('2025-02-03T09:00:00Z');
    const { text, flat: f, info } = await read(await supplementPdf(sampleSupplement, at));
    expect(info.pages).toBe(1);
    expect({ width: info.width, height: info.height }).toEqual(A5);
    expect(text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(text).toContain(`Mã hồ sơ: ${SAMPLE_CODE}`);
    expect(text).toContain('Số: 05/HDHS');
    expect(text).toContain('Nguyễn Thị Hằng');
    expect(text).toContain('Tân Hồng, ngày 03 tháng 02 năm 2025');
    expect(f).toContain(`Giấy chứng nhận kết hôn của cha mẹ (${DIACRITICS})`);
    expect(text).toMatch(/\s+Bản sao\s+1/);
    expect(f).toContain('Lý do: Thiếu giấy chứng nhận kết hôn để xác định quan hệ cha, mẹ, con');
    expect(f).toContain('liên hệ Lê Thị Ánh, số điện thoại 0225 3 123 456');
    expect(text).toContain('NGƯỜI HƯỚNG DẪN');
    expect(f).toContain(LEGAL('02'));
  });

  it('Mẫu 03: the refusal, with its reason', async () => {
    const { text, flat: f, info } = await read(await refusalPdf(sampleRefusal, RECEIVED_AT));
    expect(info.pages).toBe(1);
    expect({ width: info.width, height: info.height }).toEqual(A5);
    expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain(`Mã hồ sơ: ${SAMPLE_CODE}`);
    expect(text).toContain('Ông/Bà Nguyễn Thị Hằng');
    expect(text).toContain('Tân Hồng, ngày 03 tháng 02 năm 2025');
    expect(f).toContain(`nơi cư trú của cha hoặc mẹ (${DIACRITICS})`);
    expect(f).toContain(LEGAL('03'));
  });

  it('Mẫu 03: a dossier refused before it got a code prints no code line', async () => {
    const { text } = await read(await refusalPdf({ ...sampleRefusal, dossierCode: null }, RECEIVED_AT));
    expect(text).not.toContain('Mã hồ sơ');
    expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
  });

  it('Mẫu 04: the apology, with the missed and the new appointment, signed by the head of the agency', async () => {
    const at = new Date('2025-02-05T10:00:00Z');
    const { text, flat: f, info } = await read(await apologyPdf(sampleApology, at));
    expect(info.pages).toBe(1);
    expect({ width: info.width, height: info.height }).toEqual(A5);
    expect(text).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(text).toContain('Kính gửi: Ông/Bà Nguyễn Thị Hằng');
    expect(f).toContain('Vào lúc 14 giờ 05 phút, ngày 03 tháng 02 năm 2025');
    expect(f).toContain(`Mã hồ sơ: ${SAMPLE_CODE}`);
    expect(f).toContain(
      'thời gian hẹn trả kết quả giải quyết hồ sơ: 16 giờ 30 phút, ngày 05 tháng 02 năm 2025',
    );
    expect(f).toContain(`Lý do: Cần xác minh thêm thông tin nơi sinh (${DIACRITICS})`);
    expect(f).toContain('vào lúc 10 giờ 00 phút, ngày 10 tháng 02 năm 2025');
    expect(text).toContain('Tân Hồng, ngày 05 tháng 02 năm 2025');
    expect(text).toContain('CHỦ TỊCH');
    expect(text).toContain('Trần Văn Bình');
    expect(f).toContain(LEGAL('04'));
  });

  it('Mẫu 05: the control slip, one row per hand-over, blank rows for the next ones', async () => {
    const { text, flat: f, info } = await read(await controlSlipPdf(sampleControlSlip, RECEIVED_AT));
    expect(info.pages).toBe(1);
    expect({ width: info.width, height: info.height }).toEqual(A5);
    expect(text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain(`Mã hồ sơ: ${SAMPLE_CODE}`);
    expect(text).toContain('(Kèm theo hồ sơ của: Nguyễn Thị Hằng)');
    expect(f).toContain(DIACRITICS);
    expect(f).toContain('15 giờ 00 phút, ngày 03'); // the cell wraps before "tháng 02 năm 2025"
    expect(text).toContain('Đúng hạn');
    expect(text).toContain('Người giao: Phạm Văn Đức');
    expect(text).toContain('Người nhận: Lê Thị Ánh');
    expect(text).toContain('…… giờ …… phút'); // the second hand-over has not happened
    expect(text).toContain('Chờ ký');
    expect(text.match(/1\. Giao:/g)).toHaveLength(4); // two hand-overs and two blank rows (minRows 4)
    expect(f).toContain(LEGAL('05'));
  });

  it('Mẫu 06: the tracking book on A4 landscape', async () => {
    const pdf = await trackingBookPdf(sampleBook, RECEIVED_AT);
    const { text, flat: f, info } = await read(pdf);
    expect(info.pages).toBe(1);
    expect({ width: info.width, height: info.height }).toEqual(A4_LANDSCAPE);
    expect(text).toContain('SỔ THEO DÕI HỒ SƠ');
    expect(f).toContain('Quyển số: 01 — Từ ngày 01/01/2025 đến ngày 31/12/2025');
    // Narrow cells wrap: the layout text puts the neighbouring cells between a cell's lines, so the checks below
    // look for text that fits on one line of its cell.
    expect(text).toMatch(
      /^\s*1\s+000\.00\.13\.H12-\s+Đăng ký khai sinh\s+1\s+Nguyễn Thị Hằng\s+Thôn Ngọc Lâm;/m,
    );
    expect(text).toMatch(/^\s+250203-0001\s+0912 345 678/m); // the code breaks after its hyphen
    // pdftotext drops the narrow spaces of 7.5-point text in its layout mode; the rendered page shows them.
    expect(text).toMatch(/ỹ\s*ự\s*ở\s*ẵ\s*đ/);
    expect(text).toMatch(/03\/02\/2025\s+05\/02\/2025/); // received, due
    expect(text).toMatch(/14:05\s+16:30/);
    expect(f).toContain(LEGAL('06'));
    expect(text).not.toContain('Trang 1/'); // one page: no page numbers
  });

  it('Mẫu 06: 120 dossiers run over several pages, each with the header row and a page number', async () => {
    const pdf = await trackingBookPdf({ ...sampleBook, rows: bookRows(120) }, RECEIVED_AT);
    const { pages, info } = await read(pdf);
    expect(info.pages).toBeGreaterThan(3);
    expect(pages).toHaveLength(info.pages);
    pages.forEach((page, i) => {
      expect(page).toContain('Ngày, tháng, năm');
      expect(page).toContain('Tên người nộp');
      expect(page).toContain('Ghi chú');
      expect(page).toContain(`Trang ${i + 1}/${info.pages}`);
    });
    const all = pages.join('\n');
    for (const n of [1, 60, 119, 120]) {
      expect(flat(all)).toContain(`-${String(n).padStart(4, '0')}`);
    }
    // Every row is printed once: the sequence numbers 1…120 each start one row.
    const sequences = [...all.matchAll(/^\s*(\d{1,3})\s+000\.00\.13\.H12/gm)].map((m) => Number(m[1]));
    expect(sequences).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
  });

  it('the form set is picked by the Vietnam date of the form: none before 6 January 2019', async () => {
    // 2019-01-05 23:30 in Vietnam is still the 5th; 17:00 UTC that day is already the 6th there.
    await expect(receiptPdf(sampleReceipt, new Date('2019-01-05T16:30:00Z'))).rejects.toBeInstanceOf(
      NoFormSetError,
    );
    const pdf = await receiptPdf(sampleReceipt, new Date('2019-01-05T17:00:00Z'));
    expect(flat((await pdfPages(pdf)).join(' '))).toContain(LEGAL('01'));
  });
});
