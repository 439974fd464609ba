import type {
  ApologyView,
  ControlSlipView,
  ReceiptView,
  RefusalView,
  SupplementView,
  TrackingBookRow,
  TrackingBookView,
  UnitHeader,
} from './form-views.js';

/* Sample views with Vietnamese values, for tests and for trying the forms out. Instants are UTC; Vietnam is +7. */

export const SAMPLE_UNIT: UnitHeader = {
  name: 'UBND xã Tân Hồng',
  parentName: 'UBND tỉnh Hải Phòng',
  agencyCode: '000.00.13.H12',
  place: 'Tân Hồng',
};

export const SAMPLE_APPLICANT = {
  name: 'Nguyễn Thị Hằng',
  address: 'Thôn Ngọc Lâm, xã Tân Hồng, thành phố Hải Phòng',
  phone: '0912 345 678',
  email: 'hang.nguyen@example.vn',
};

export const SAMPLE_CODE = '000.00.13.H12-250203-0007';

/** 14:05 on 03/02/2025 in Vietnam. */
export const RECEIVED_AT = new Date('2025-02-03T07:05:00Z');
/** 16:30 on 05/02/2025 in Vietnam. */
export const DUE_AT = new Date('2025-02-05T09:30:00Z');

export const sampleReceipt: ReceiptView = {
  unit: SAMPLE_UNIT,
  number: '12',
  dossierCode: SAMPLE_CODE,
  bookNumber: '01/2025',
  bookSequence: 137,
  applicant: SAMPLE_APPLICANT,
  requestSummary: 'Đăng ký khai sinh cho con (ghi chú: ỹ ự ở ẵ đ)',
  procedureName: 'Đăng ký khai sinh',
  documents: [
    { name: 'Tờ khai đăng ký khai sinh theo mẫu', copies: 1, original: true },
    { name: 'Giấy chứng sinh', copies: 1, original: true },
    { name: 'Giấy tờ tùy thân của người đi đăng ký', copies: 1, original: null },
  ],
  sets: 1,
  timeLimitText: '03 ngày làm việc',
  receivedAt: RECEIVED_AT,
  dueAt: DUE_AT,
  returnPlace: 'Bộ phận Một cửa UBND xã Tân Hồng',
  lookupUrl: `https://tanhong.example.vn/tra-cuu-ho-so?ma=${SAMPLE_CODE}`,
  receiverName: 'Phạm Văn Đức',
};

export const sampleSupplement: SupplementView = {
  unit: SAMPLE_UNIT,
  number: '05',
  dossierCode: SAMPLE_CODE,
  applicant: SAMPLE_APPLICANT,
  requestSummary: 'Đăng ký khai sinh cho con',
  procedureName: 'Đăng ký khai sinh',
  documents: [{ name: 'Giấy chứng nhận kết hôn của cha mẹ (ỹ ự ở ẵ đ)', copies: 1, original: false }],
  reason: 'Thiếu giấy chứng nhận kết hôn để xác định quan hệ cha, mẹ, con',
  rulesUrl: 'https://tanhong.example.vn/thu-tuc/1.001193',
  guidance: { officerName: 'Lê Thị Ánh', phone: '0225 3 123 456' },
};

export const sampleRefusal: RefusalView = {
  unit: SAMPLE_UNIT,
  number: '03',
  dossierCode: SAMPLE_CODE,
  applicant: SAMPLE_APPLICANT,
  requestSummary: 'Đăng ký khai sinh cho con',
  procedureName: 'Đăng ký khai sinh',
  reason: 'Việc khai sinh thuộc thẩm quyền của UBND xã nơi cư trú của cha hoặc mẹ (ỹ ự ở ẵ đ)',
  receiverName: 'Phạm Văn Đức',
};

export const sampleApology: ApologyView = {
  unit: SAMPLE_UNIT,
  number: '02',
  dossierCode: SAMPLE_CODE,
  applicant: SAMPLE_APPLICANT,
  procedureName: 'Đăng ký khai sinh',
  receivedAt: RECEIVED_AT,
  dueAt: DUE_AT,
  reason: 'Cần xác minh thêm thông tin nơi sinh (ỹ ự ở ẵ đ)',
  /** 10:00 on 10/02/2025 in Vietnam. */
  newDueAt: new Date('2025-02-10T03:00:00Z'),
  signer: { position: 'Chủ tịch', name: 'Trần Văn Bình' },
};

export const sampleControlSlip: ControlSlipView = {
  unit: SAMPLE_UNIT,
  dossierCode: SAMPLE_CODE,
  applicant: SAMPLE_APPLICANT,
  requestSummary: 'Đăng ký khai sinh cho con (ỹ ự ở ẵ đ)',
  procedureName: 'Đăng ký khai sinh',
  rows: [
    {
      fromUnit: 'Bộ phận Một cửa',
      fromPerson: 'Phạm Văn Đức',
      toUnit: 'Công chức Tư pháp - Hộ tịch',
      toPerson: 'Lê Thị Ánh',
      handedOverAt: new Date('2025-02-03T08:00:00Z'),
      result: 'Đúng hạn',
      note: null,
    },
    {
      fromUnit: 'Công chức Tư pháp - Hộ tịch',
      fromPerson: 'Lê Thị Ánh',
      toUnit: 'Bộ phận Một cửa',
      toPerson: 'Phạm Văn Đức',
      handedOverAt: null,
      result: null,
      note: 'Chờ ký',
    },
  ],
};

export function bookRows(count: number): TrackingBookRow[] {
  return Array.from({ length: count }, (_, i) => ({
    sequence: i + 1,
    dossierCode: `000.00.13.H12-250203-${String(i + 1).padStart(4, '0')}`,
    procedureName: i % 2 === 0 ? 'Đăng ký khai sinh' : 'Chứng thực bản sao từ bản chính',
    sets: 1,
    applicantName: i === 0 ? 'Nguyễn Thị Hằng' : `Công dân số ${i + 1}`,
    applicantAddress: 'Thôn Ngọc Lâm',
    applicantPhone: '0912 345 678',
    leadAgency: 'UBND xã Tân Hồng',
    receivedAt: RECEIVED_AT,
    dueAt: DUE_AT,
    transferredAt: i % 3 === 0 ? null : RECEIVED_AT,
    resultReceivedAt: null,
    returnedAt: i % 2 === 0 ? DUE_AT : null,
    note: i === 0 ? 'ỹ ự ở ẵ đ' : null,
  }));
}

export const sampleBook: TrackingBookView = {
  unit: SAMPLE_UNIT,
  bookNumber: '01',
  period: { from: '2025-01-01', to: '2025-12-31' },
  rows: bookRows(3),
};
