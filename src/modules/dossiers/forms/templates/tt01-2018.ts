import type { Block, FormPurpose, FormTemplate, HeaderLine } from '../form-template.js';

/*
 * The six forms of Circular 01/2018/TT-VPCP (Appendix, Art. 9), as data. Layout and wording follow the field lists of
 * domain.md §1.2: the field lists are from public implementations (Long Khánh/Đồng Nai, Thanh Hóa) and memory of the
 * Appendix, not from the Appendix itself, so wording may differ from the official sample in details.
 */

const CIRCULAR = 'Thông tư số 01/2018/TT-VPCP ngày 23/11/2018';

function legalNote(number: string): Block {
  return { kind: 'legal-note', text: `Mẫu số ${number} ban hành kèm theo ${CIRCULAR}` };
}

const MOTTO: HeaderLine[] = [
  { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true },
  { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, rule: 'full' },
];

const DATED_MOTTO: HeaderLine[] = [...MOTTO, { text: '{{place}}, {{issuedOn}}', italic: true }];

/** The one-stop unit's header: governing body, unit, "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ", then the number line. */
function oneStopHeader(numberLine: string | null, right: HeaderLine[] = MOTTO): Block {
  const left: HeaderLine[] = [
    { text: '{{unitParentName}}', upper: true, optional: true },
    { text: '{{unitName}}', upper: true, bold: true },
    { text: 'BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ', bold: true, rule: 'short' },
  ];
  if (numberLine !== null) {
    left.push({ text: numberLine });
  }
  return { kind: 'header', left, right };
}

const APPLICANT: Block[] = [
  { kind: 'paragraph', text: 'Địa chỉ: {{applicantAddress}}' },
  { kind: 'paragraph', text: 'Số điện thoại: {{applicantPhone}}     Thư điện tử: {{applicantEmail}}' },
];

const SIGNATURE_NOTE = '(Ký và ghi rõ họ tên)';

const receipt: FormTemplate = {
  purpose: 'receipt',
  number: '01',
  name: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  paper: 'A5',
  orientation: 'portrait',
  blocks: [
    legalNote('01'),
    oneStopHeader('Số: {{number}}/TNHS'),
    { kind: 'title', text: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ' },
    { kind: 'paragraph', text: 'Mã hồ sơ: **{{dossierCode}}**', align: 'center' },
    { kind: 'space', height: 4 },
    { kind: 'paragraph', text: 'Bộ phận tiếp nhận và trả kết quả {{unitName}}' },
    { kind: 'paragraph', text: 'Tiếp nhận hồ sơ của: Ông/Bà **{{applicantName}}**' },
    ...APPLICANT,
    { kind: 'paragraph', text: 'Nội dung yêu cầu giải quyết: {{requestSummary}}' },
    { kind: 'paragraph', text: 'Thủ tục hành chính: {{procedureName}}' },
    { kind: 'paragraph', text: '1. Thành phần hồ sơ nộp gồm:' },
    {
      kind: 'table',
      rows: 'documents',
      minRows: 1,
      columns: [
        { header: 'TT', width: 3, cell: '{{index}}', align: 'center' },
        { header: 'Tên giấy tờ', width: 20, cell: '{{name}}' },
        { header: 'Hình thức', width: 7, cell: '{{form}}', align: 'center' },
        { header: 'Số lượng', width: 5, cell: '{{copies}}', align: 'center' },
      ],
    },
    { kind: 'paragraph', text: '2. Số lượng hồ sơ: {{sets}} (bộ)' },
    { kind: 'paragraph', text: '3. Thời gian giải quyết hồ sơ theo quy định: {{timeLimitText}}' },
    { kind: 'paragraph', text: '4. Thời gian nhận hồ sơ: {{receivedAt}}' },
    { kind: 'paragraph', text: '5. Thời gian trả kết quả giải quyết hồ sơ: **{{dueAt}}**' },
    { kind: 'paragraph', text: '6. Nhận kết quả tại: {{returnPlace}}' },
    {
      kind: 'paragraph',
      text: 'Vào Sổ theo dõi hồ sơ, Quyển số: {{bookNumber}}, Số thứ tự: {{bookSequence}}',
      italic: true,
    },
    {
      kind: 'qr',
      value: '{{lookupUrl}}',
      caption: 'Tra cứu tình trạng hồ sơ: quét mã QR hoặc truy cập {{lookupUrl}}',
      when: 'lookupUrl',
    },
    {
      kind: 'signatures',
      signers: [
        { title: 'NGƯỜI NỘP HỒ SƠ', note: SIGNATURE_NOTE, name: '{{applicantName}}' },
        { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: SIGNATURE_NOTE, name: '{{receiverName}}' },
      ],
    },
  ],
};

const supplement: FormTemplate = {
  purpose: 'supplement',
  number: '02',
  name: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  paper: 'A5',
  orientation: 'portrait',
  blocks: [
    legalNote('02'),
    oneStopHeader('Số: {{number}}/HDHS', DATED_MOTTO),
    { kind: 'title', text: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ' },
    { kind: 'paragraph', text: 'Mã hồ sơ: **{{dossierCode}}**', align: 'center' },
    { kind: 'space', height: 4 },
    { kind: 'paragraph', text: 'Bộ phận tiếp nhận và trả kết quả {{unitName}}' },
    { kind: 'paragraph', text: 'Tiếp nhận hồ sơ của: Ông/Bà **{{applicantName}}**' },
    { kind: 'paragraph', text: 'Nội dung yêu cầu giải quyết: {{requestSummary}}' },
    { kind: 'paragraph', text: 'Thủ tục hành chính: {{procedureName}}' },
    ...APPLICANT,
    { kind: 'paragraph', text: 'Yêu cầu Ông/Bà hoàn thiện hồ sơ gồm những nội dung sau:' },
    {
      kind: 'table',
      rows: 'documents',
      minRows: 1,
      columns: [
        { header: 'TT', width: 3, cell: '{{index}}', align: 'center' },
        { header: 'Thành phần hồ sơ', width: 20, cell: '{{name}}' },
        { header: 'Hình thức', width: 7, cell: '{{form}}', align: 'center' },
        { header: 'Số lượng', width: 5, cell: '{{copies}}', align: 'center' },
      ],
    },
    { kind: 'paragraph', text: 'Lý do: {{reason}}' },
    {
      kind: 'paragraph',
      text: 'Quy định của thủ tục hành chính được công khai tại: {{rulesUrl}}',
    },
    {
      kind: 'paragraph',
      text:
        'Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ {{officerName}}, ' +
        'số điện thoại {{officerPhone}} để được hướng dẫn.',
    },
    {
      kind: 'signatures',
      signers: [{ title: 'NGƯỜI HƯỚNG DẪN', note: SIGNATURE_NOTE, name: '{{officerName}}' }],
    },
  ],
};

const refusal: FormTemplate = {
  purpose: 'refusal',
  number: '03',
  name: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  paper: 'A5',
  orientation: 'portrait',
  blocks: [
    legalNote('03'),
    oneStopHeader('Số: {{number}}', DATED_MOTTO),
    { kind: 'title', text: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ' },
    { kind: 'paragraph', text: 'Mã hồ sơ: **{{dossierCode}}**', align: 'center', when: 'dossierCode' },
    { kind: 'space', height: 4 },
    { kind: 'paragraph', text: 'Bộ phận tiếp nhận và trả kết quả {{unitName}}' },
    { kind: 'paragraph', text: 'Tiếp nhận hồ sơ của: Ông/Bà **{{applicantName}}**' },
    ...APPLICANT,
    { kind: 'paragraph', text: 'Nội dung yêu cầu giải quyết: {{requestSummary}}' },
    { kind: 'paragraph', text: 'Thủ tục hành chính: {{procedureName}}' },
    {
      kind: 'paragraph',
      text:
        'Qua xem xét, Bộ phận tiếp nhận và trả kết quả {{unitName}} thông báo không tiếp nhận, giải quyết ' +
        'hồ sơ này với lý do cụ thể như sau:',
    },
    { kind: 'paragraph', text: '{{reason}}', indent: 14 },
    { kind: 'paragraph', text: 'Xin thông báo để Ông/Bà được biết và thực hiện./.' },
    {
      kind: 'signatures',
      signers: [{ title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: SIGNATURE_NOTE, name: '{{receiverName}}' }],
    },
  ],
};

const apology: FormTemplate = {
  purpose: 'apology',
  number: '04',
  name: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
  paper: 'A5',
  orientation: 'portrait',
  blocks: [
    legalNote('04'),
    {
      kind: 'header',
      left: [
        { text: '{{unitParentName}}', upper: true, optional: true },
        { text: '{{unitName}}', upper: true, bold: true, rule: 'short' },
        { text: 'Số: {{number}}' },
      ],
      right: DATED_MOTTO,
    },
    { kind: 'title', text: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ' },
    { kind: 'paragraph', text: 'Kính gửi: Ông/Bà **{{applicantName}}**', align: 'center' },
    { kind: 'space', height: 4 },
    ...APPLICANT,
    {
      kind: 'paragraph',
      indent: 14,
      align: 'justify',
      text:
        'Vào lúc {{receivedAt}}, {{unitName}} tiếp nhận hồ sơ đề nghị giải quyết thủ tục {{procedureName}} ' +
        'của Ông/Bà, Mã hồ sơ: **{{dossierCode}}**; thời gian hẹn trả kết quả giải quyết hồ sơ: {{dueAt}}.',
    },
    {
      kind: 'paragraph',
      indent: 14,
      align: 'justify',
      text:
        'Tuy nhiên, đến nay {{unitName}} chưa trả kết quả giải quyết hồ sơ cho Ông/Bà đúng hẹn. ' +
        'Lý do: {{reason}}',
    },
    {
      kind: 'paragraph',
      indent: 14,
      align: 'justify',
      text:
        'Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của Ông/Bà. {{unitName}} xin lỗi Ông/Bà ' +
        'và hẹn lại thời gian trả kết quả vào lúc **{{newDueAt}}**.',
    },
    { kind: 'paragraph', indent: 14, text: 'Mong nhận được sự thông cảm của Ông/Bà. Xin trân trọng cảm ơn!' },
    {
      kind: 'signatures',
      signers: [
        { title: '{{signerPosition}}', note: '(Ký, ghi rõ họ tên và đóng dấu)', name: '{{signerName}}' },
      ],
    },
  ],
};

const control: FormTemplate = {
  purpose: 'control',
  number: '05',
  name: 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
  paper: 'A5',
  orientation: 'portrait',
  blocks: [
    legalNote('05'),
    oneStopHeader(null),
    { kind: 'title', text: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ' },
    { kind: 'paragraph', text: 'Mã hồ sơ: **{{dossierCode}}**', align: 'center' },
    { kind: 'paragraph', text: '(Kèm theo hồ sơ của: **{{applicantName}}**)', align: 'center' },
    { kind: 'space', height: 4 },
    { kind: 'paragraph', text: 'Nội dung yêu cầu giải quyết: {{requestSummary}}' },
    { kind: 'paragraph', text: 'Thủ tục hành chính: {{procedureName}}' },
    {
      kind: 'table',
      rows: 'rows',
      minRows: 4,
      size: 8,
      columns: [
        { header: 'TÊN CƠ QUAN', width: 10, cell: '1. Giao: {{fromUnit}}\n2. Nhận: {{toUnit}}' },
        {
          header: 'THỜI GIAN GIAO, NHẬN HỒ SƠ',
          width: 12,
          cell: '{{handedOverAt}}\nNgười giao: {{fromPerson}}\nNgười nhận: {{toPerson}}',
        },
        {
          header: 'KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/ Đúng hạn/ Quá hạn)',
          width: 8,
          cell: '{{result}}',
          align: 'center',
        },
        { header: 'GHI CHÚ', width: 6, cell: '{{note}}' },
      ],
    },
  ],
};

const book: FormTemplate = {
  purpose: 'book',
  number: '06',
  name: 'Sổ theo dõi hồ sơ',
  paper: 'A4',
  orientation: 'landscape',
  blocks: [
    legalNote('06'),
    oneStopHeader(null),
    { kind: 'title', text: 'SỔ THEO DÕI HỒ SƠ', size: 14 },
    {
      kind: 'paragraph',
      text: 'Quyển số: {{bookNumber}} — Từ ngày {{periodFrom}} đến ngày {{periodTo}}',
      align: 'center',
    },
    { kind: 'space', height: 4 },
    {
      kind: 'table',
      rows: 'rows',
      size: 7.5,
      columns: [
        { header: 'STT', width: 3, cell: '{{sequence}}', align: 'center' },
        { header: 'Mã hồ sơ', width: 10, cell: '{{dossierCode}}' },
        { header: 'Tên thủ tục hành chính', width: 10, cell: '{{procedureName}}' },
        { header: 'Số lượng hồ sơ (bộ)', width: 4, cell: '{{sets}}', align: 'center' },
        { header: 'Tên người nộp hồ sơ', width: 10, cell: '{{applicantName}}' },
        { header: 'Địa chỉ, số điện thoại', width: 9, cell: '{{applicantContact}}' },
        { header: 'Cơ quan chủ trì giải quyết', width: 7, cell: '{{leadAgency}}' },
        { header: 'Nhận hồ sơ', group: 'Ngày, tháng, năm', width: 7, cell: '{{receivedAt}}' },
        { header: 'Hẹn trả kết quả', group: 'Ngày, tháng, năm', width: 7, cell: '{{dueAt}}' },
        {
          header: 'Chuyển hồ sơ đến cơ quan giải quyết',
          group: 'Ngày, tháng, năm',
          width: 7,
          cell: '{{transferredAt}}',
        },
        {
          header: 'Nhận kết quả từ cơ quan giải quyết',
          group: 'Ngày, tháng, năm',
          width: 7,
          cell: '{{resultReceivedAt}}',
        },
        { header: 'Trả kết quả', group: 'Ngày, tháng, năm', width: 7, cell: '{{returnedAt}}' },
        { header: 'Ký nhận', width: 5, cell: '' },
        { header: 'Ghi chú', width: 6, cell: '{{note}}' },
      ],
    },
  ],
};

export const TT01_2018_TEMPLATES: Readonly<Record<FormPurpose, FormTemplate>> = {
  receipt,
  supplement,
  refusal,
  apology,
  control,
  book,
};
