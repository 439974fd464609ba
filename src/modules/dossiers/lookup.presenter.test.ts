import { describe, expect, it } from 'vitest';
import type { DossierEventRow, DossierRow } from './dossiers.repository.js';
import { TokenBuckets } from './lookup-limiter.js';
import {
  maskName,
  parseLookupCode,
  publicDossierJson,
  publicReason,
  resultTiming,
  toLookupResultView,
  toPublicDossier,
} from './lookup.presenter.js';

describe('maskName: the surname whole, one letter of each other word, one * per further letter', () => {
  const cases: [string, string, string][] = [
    ['the issue example', 'Nguyễn Thị Hằng', 'Nguyễn T** H***'],
    ['extra and odd white space', '  Nguyễn   Thị\tHằng \n', 'Nguyễn T** H***'],
    ['no-break spaces', 'Trần\u00a0Văn\u00a0An', 'Trần V** A*'],
    ['one word: only its first letter', 'Hằng', 'H***'],
    ['one letter', 'A', 'A'],
    ['đ and Đ are one letter each', 'Đặng Đức Đạt', 'Đặng Đ** Đ**'],
    ['a one-letter middle name', 'Sùng A Páo', 'Sùng A P**'],
    ['capitals', 'NGUYỄN THỊ HẰNG', 'NGUYỄN T** H***'],
    [
      'combining accents (NFD) mask like precomposed letters',
      'Nguyễn Thị Hằng'.normalize('NFD'),
      'Nguyễn T** H***',
    ],
    // 5 graphemes in 6 UTF-16 units: one * fewer than a mask by code unit
    ['a letter with no precomposed form is one grapheme', 'Vũ G\u0303iang', 'Vũ G\u0303****'],
    ['a long name', 'Tôn Nữ Thị Ngọc Hân', 'Tôn N* T** N*** H**'],
    ['empty', '', ''],
    ['only spaces', '   ', ''],
  ];
  it.each(cases)('%s', (_, name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('never shows more than the surname and one letter of each other word', () => {
    const masked = maskName('Phạm Minh Châu');
    expect(masked).not.toContain('Minh');
    expect(masked).not.toContain('Châu');
  });
});

describe('resultTiming: issue #4 (due Fri 13/02/2026 17:00 Vietnam time)', () => {
  const due = new Date('2026-02-13T10:00:00.000Z');
  const cases: [string, string, 'early' | 'on_time' | 'late'][] = [
    ['the day before, last millisecond (Thu 23:59:59.999)', '2026-02-12T16:59:59.999Z', 'early'],
    ['days before', '2026-02-10T03:00:00.000Z', 'early'],
    ['the due day, first instant (Fri 00:00)', '2026-02-12T17:00:00.000Z', 'on_time'],
    ['the due day at 01:00 (still the 12th in UTC)', '2026-02-12T18:00:00.000Z', 'on_time'],
    ['the due day, morning', '2026-02-13T00:30:00.000Z', 'on_time'],
    ['exactly the due instant', '2026-02-13T10:00:00.000Z', 'on_time'],
    ['one millisecond after', '2026-02-13T10:00:00.001Z', 'late'],
    ['the due day, evening', '2026-02-13T12:00:00.000Z', 'late'],
    ['the next week', '2026-02-17T02:00:00.000Z', 'late'],
  ];
  it.each(cases)('%s', (_, ended, timing) => {
    expect(resultTiming(new Date(ended), due)).toBe(timing);
  });
});

describe('publicReason: what a public reason hides', () => {
  const name = 'Nguyễn Thị Hằng';
  const cases: [string, string, string][] = [
    [
      'the applicant’s name',
      'Bà Nguyễn Thị Hằng thiếu giấy khai sinh',
      'Bà Nguyễn T** H*** thiếu giấy khai sinh',
    ],
    ['the name in capitals and spaced oddly', 'Hồ sơ của NGUYỄN  THỊ HẰNG', 'Hồ sơ của Nguyễn T** H***'],
    ['the name typed with combining accents', `Của ${name.normalize('NFD')}.`, 'Của Nguyễn T** H***.'],
    [
      'a phone number and an e-mail',
      'Liên hệ 0912345678 hoặc hang@example.com',
      'Liên hệ [đã ẩn] hoặc [đã ẩn]',
    ],
    ['an ID number in groups', 'CCCD 001 190 012 345 đã hết hạn', 'CCCD [đã ẩn] đã hết hạn'],
    ['a dotted phone and +84', 'Gọi 0912.345.678 hoặc +84912345678', 'Gọi [đã ẩn] hoặc [đã ẩn]'],
    [
      'legal references, dates, small amounts and dossier codes stay',
      'Theo Nghị định 61/2018/NĐ-CP, Điều 19; nộp 50.000 đồng trước 20/02/2026; hồ sơ 000.00.13.H12-260210-0001',
      'Theo Nghị định 61/2018/NĐ-CP, Điều 19; nộp 50.000 đồng trước 20/02/2026; hồ sơ 000.00.13.H12-260210-0001',
    ],
  ];
  it.each(cases)('%s', (_, reason, shown) => {
    expect(publicReason(reason, name)).toBe(shown);
  });
});

describe('parseLookupCode', () => {
  const cases: [string, unknown, ReturnType<typeof parseLookupCode>][] = [
    ['a code', '000.00.13.H12-260210-0001', { ok: true, code: '000.00.13.H12-260210-0001' }],
    [
      'lower case and spaces',
      ' 000.00.13.h12 - 260210 - 0001 ',
      { ok: true, code: '000.00.13.H12-260210-0001' },
    ],
    ['empty', '', { ok: false, reason: 'empty' }],
    ['blank', '   ', { ok: false, reason: 'empty' }],
    ['missing', undefined, { ok: false, reason: 'empty' }],
    ['twice in the query', ['a', 'b'], { ok: false, reason: 'malformed' }],
    ['not a code', 'abc', { ok: false, reason: 'malformed' }],
    ['a short sequence', '000.00.13.H12-260210-01', { ok: false, reason: 'malformed' }],
  ];
  it.each(cases)('%s', (_, input, expected) => {
    expect(parseLookupCode(input)).toEqual(expected);
  });
});

const CODE = '000.00.13.H12-260210-0001';

function dossier(over: Partial<DossierRow> = {}): DossierRow & { code: string } {
  return {
    id: 1,
    unitId: 1,
    procedureId: 1,
    procedureCode: '1.004873',
    procedureName: 'Đăng ký khai sinh',
    procedureField: 'Hộ tịch',
    timeLimitKind: 'working_days',
    timeLimitAmount: 3,
    after15: 0,
    channel: 'counter',
    status: 'received',
    applicantName: 'Nguyễn Thị Hằng',
    applicantIdNumber: '001190012345',
    applicantPhone: '0912345678',
    applicantEmail: 'hang@example.com',
    applicantAddress: 'Thôn Mộ Trạch, xã Tân Hồng',
    requestSummary: 'Đăng ký khai sinh cho con',
    documents: '[]',
    sets: 1,
    returnMethod: 'counter',
    citizenAccountId: null,
    receivedBy: 7,
    assigneeId: null,
    submittedAt: '2026-02-10T02:00:00.000Z',
    receivedAt: '2026-02-10T02:00:00.000Z',
    dueAt: '2026-02-13T10:00:00.000Z',
    dueRuleVersion: 'nd61-2018.1',
    dueNoticeRevision: 'abc',
    dueProvisional: 0,
    stepDueAt: null,
    supplementCount: 0,
    supplementRequestedAt: null,
    apologyCount: 0,
    endedAt: null,
    returnedAt: null,
    returnedVia: null,
    feeVnd: 8000,
    feePaidVnd: null,
    feePaidAt: null,
    feeMethod: null,
    paymentRef: null,
    searchText: '',
    idempotencyKey: null,
    isDemo: 0,
    version: 1,
    createdAt: '2026-02-10T02:00:00.000Z',
    updatedAt: '2026-02-10T02:00:00.000Z',
    ...over,
    code: over.code ?? CODE,
  };
}

let nextEventId = 1;
function event(
  action: string,
  toStatus: DossierRow['status'],
  at: string,
  over: Partial<DossierEventRow> = {},
): DossierEventRow {
  return {
    id: nextEventId++,
    dossierId: 1,
    at,
    actorId: 7,
    actorName: 'Lê Văn Cán Bộ',
    action,
    fromStatus: null,
    toStatus,
    reason: null,
    dueAt: null,
    data: '{}',
    ...over,
  };
}

const unit = { slug: 'tan-hong', name: 'Xã Tân Hồng' };

describe('toPublicDossier', () => {
  it('shows the public facts and hides the applicant’s details and the staff', () => {
    const d = dossier({ status: 'processing', assigneeId: 9 });
    const events = [
      event('intake', 'received', '2026-02-10T02:00:00.000Z', { data: '{"channel":"counter","files":0}' }),
      event('assign', 'processing', '2026-02-10T03:15:00.000Z', {
        actorName: 'Trần Văn Phó',
        data: '{"assigneeId":9,"assigneeName":"Phạm Chuyên Viên"}',
      }),
      event('record_fee', 'processing', '2026-02-10T03:20:00.000Z', {
        data: '{"feeVnd":8000,"feeMethod":"cash"}',
      }),
    ];
    const v = toPublicDossier(d, events, unit);
    expect(v).toMatchObject({
      code: CODE,
      unit,
      procedure: { code: '1.004873', name: 'Đăng ký khai sinh' },
      channel: 'counter',
      status: 'processing',
      applicantName: 'Nguyễn T** H***',
      dueAt: '2026-02-13T10:00:00.000Z',
      dueProvisional: false,
      duePaused: false,
      timing: null,
    });
    expect(v.history.map((e) => [e.action, e.status, e.text])).toEqual([
      ['intake', 'received', 'Bộ phận Một cửa đã tiếp nhận hồ sơ.'],
      ['assign', 'processing', 'Hồ sơ được chuyển đến bộ phận chuyên môn để giải quyết.'],
      ['record_fee', 'processing', 'Đã ghi nhận nộp phí, lệ phí.'],
    ]);
    const json = JSON.stringify(publicDossierJson(v));
    for (const secret of [
      'Nguyễn Thị Hằng',
      '001190012345',
      '0912345678',
      'hang@example.com',
      'Mộ Trạch',
      'Lê Văn Cán Bộ',
      'Trần Văn Phó',
      'Phạm Chuyên Viên',
      'Đăng ký khai sinh cho con',
      '8000',
      'cash',
    ]) {
      expect(json).not.toContain(secret);
    }
  });

  it('shows the reasons of a supplement request (with its documents) and a refusal, scrubbed, and no other reason', () => {
    const events = [
      event('intake', 'received', '2026-02-10T02:00:00.000Z'),
      event('request_supplement', 'supplement_requested', '2026-02-10T04:00:00.000Z', {
        reason: 'Chị Nguyễn Thị Hằng bổ sung bản sao, liên hệ 0912345678',
        data: '{"documents":["Bản sao giấy chứng nhận kết hôn"]}',
      }),
      event('complete_supplement', 'received', '2026-02-11T02:00:00.000Z'),
      event('assign', 'processing', '2026-02-11T03:00:00.000Z'),
      event('submit_for_approval', 'awaiting_approval', '2026-02-11T04:00:00.000Z'),
      event('send_back', 'processing', '2026-02-11T05:00:00.000Z', { reason: 'Anh Phó xem lại hồ sơ mật' }),
      event('apologise', 'processing', '2026-02-12T02:00:00.000Z', {
        reason: 'Lý do nội bộ',
        data: '{"previousDueAt":"2026-02-16T10:00:00.000Z","newDueAt":"2026-02-18T09:00:00.000Z"}',
      }),
      event('refuse', 'refused', '2026-02-13T02:00:00.000Z', { reason: 'Không thuộc thẩm quyền của xã' }),
    ];
    const v = toPublicDossier(
      dossier({ status: 'refused', endedAt: '2026-02-13T02:00:00.000Z', dueAt: '2026-02-18T09:00:00.000Z' }),
      events,
      unit,
    );
    const byAction = Object.fromEntries(v.history.map((e) => [e.action, e]));
    expect(byAction.request_supplement).toMatchObject({
      reason: 'Chị Nguyễn T** H*** bổ sung bản sao, liên hệ [đã ẩn]',
      documents: ['Bản sao giấy chứng nhận kết hôn'],
    });
    expect(byAction.refuse?.reason).toBe('Không thuộc thẩm quyền của xã');
    expect(byAction.send_back?.reason).toBeNull();
    expect(byAction.apologise).toMatchObject({ reason: null, newDueAt: '2026-02-18T09:00:00.000Z' });
    expect(v.timing).toBe('early');
    expect(JSON.stringify(v)).not.toMatch(/mật|nội bộ/);
  });

  it('stops the due date during a supplement request and shows none before receipt', () => {
    const paused = toPublicDossier(
      dossier({
        status: 'supplement_requested',
        supplementRequestedAt: '2026-02-11T02:00:00.000Z',
        dueProvisional: 1,
      }),
      [],
      unit,
    );
    expect(paused).toMatchObject({ dueAt: null, duePaused: true, dueProvisional: false });
    expect(toLookupResultView(paused).dueNote).toMatch(/^Tạm dừng tính hạn/);
    const online = toPublicDossier(
      dossier({ status: 'submitted', channel: 'online', receivedAt: null, dueAt: null }),
      [event('submit', 'submitted', '2026-02-10T02:00:00.000Z')],
      unit,
    );
    expect(online).toMatchObject({ dueAt: null, duePaused: false, receivedAt: null });
    expect(toLookupResultView(online).dueNote).toMatch(/khi Bộ phận Một cửa tiếp nhận/);
    expect(online.history[0]?.text).toMatch(/nộp trực tuyến/);
  });

  it('times an ended dossier against its due date; a withdrawal during a supplement request at the request', () => {
    const late = toPublicDossier(
      dossier({
        status: 'returned',
        endedAt: '2026-02-13T11:00:00.000Z',
        returnedAt: '2026-02-14T02:00:00.000Z',
      }),
      [event('return_result', 'returned', '2026-02-14T02:00:00.000Z', { data: '{"via":"post"}' })],
      unit,
    );
    expect(late.timing).toBe('late');
    expect(late.history[0]?.text).toBe('Đã trả kết quả cho người nộp. Hình thức nhận: Nhận qua bưu chính.');
    const withdrawn = toPublicDossier(
      dossier({
        status: 'withdrawn',
        supplementRequestedAt: '2026-02-11T02:00:00.000Z',
        endedAt: '2026-03-20T02:00:00.000Z',
      }),
      [],
      unit,
    );
    expect(withdrawn.timing).toBe('early');
    expect(
      toPublicDossier(dossier({ status: 'done', endedAt: '2026-02-13T09:00:00.000Z' }), [], unit).timing,
    ).toBe('on_time');
    // Decision 766 indicator 2.1 (as the results statistics count it): a second supplement request makes it late.
    expect(
      toPublicDossier(
        dossier({ status: 'done', endedAt: '2026-02-12T09:00:00.000Z', supplementCount: 2 }),
        [],
        unit,
      ).timing,
    ).toBe('late');
  });

  it('keeps an unknown action with a neutral wording', () => {
    const v = toPublicDossier(
      dossier(),
      [event('sync_national', 'received', '2026-02-10T05:00:00.000Z')],
      unit,
    );
    expect(v.history[0]?.text).toBe('Hồ sơ được cập nhật.');
  });
});

describe('publicDossierJson', () => {
  it('writes instants in Vietnam time (+07:00) with the national codes and labels', () => {
    const v = toPublicDossier(
      dossier({ status: 'done', endedAt: '2026-02-12T09:30:00.000Z', dueProvisional: 1 }),
      [event('intake', 'received', '2026-02-10T02:00:00.000Z')],
      unit,
    );
    expect(publicDossierJson(v)).toEqual({
      code: CODE,
      unit,
      procedure: { code: '1.004873', name: 'Đăng ký khai sinh' },
      channel: { code: 'counter', nationalCode: 1, label: 'Trực tiếp' },
      status: { code: 'done', nationalCode: 9, label: 'Đã có kết quả, chờ trả' },
      applicantName: 'Nguyễn T** H***',
      submittedAt: '2026-02-10T09:00:00+07:00',
      receivedAt: '2026-02-10T09:00:00+07:00',
      dueAt: '2026-02-13T17:00:00+07:00',
      dueProvisional: true,
      duePaused: false,
      endedAt: '2026-02-12T16:30:00+07:00',
      returnedAt: null,
      timing: { code: 'early', label: 'Trước hạn' },
      history: [
        {
          at: '2026-02-10T09:00:00+07:00',
          action: 'intake',
          status: { code: 'received', nationalCode: 2, label: 'Đã tiếp nhận' },
          text: 'Bộ phận Một cửa đã tiếp nhận hồ sơ.',
          reason: null,
          documents: [],
          newDueAt: null,
        },
      ],
    });
  });
});

describe('TokenBuckets', () => {
  it('allows the capacity at once, then one token per period/capacity, per key', () => {
    const b = new TokenBuckets(3, 60_000);
    expect([0, 0, 0].map(() => b.take('a', 0))).toEqual([0, 0, 0]);
    expect(b.take('a', 0)).toBe(20); // one token every 20 s
    expect(b.take('b', 0)).toBe(0);
    expect(b.take('a', 19_000)).toBe(1);
    expect(b.take('a', 20_000)).toBe(0);
    expect(b.take('a', 20_000)).toBe(20);
    expect([0, 0, 0].map(() => b.take('a', 200_000))).toEqual([0, 0, 0]); // never more than the capacity
    expect(b.take('a', 200_000)).toBeGreaterThan(0);
  });

  it('forgets full buckets when it holds too many keys', () => {
    const b = new TokenBuckets(1, 1000, 2);
    b.take('a', 0);
    b.take('b', 0);
    b.take('c', 5000); // prunes a and b, full again by now
    expect(b.take('a', 5000)).toBe(0);
    expect(b.take('c', 5000)).toBe(1);
  });
});
