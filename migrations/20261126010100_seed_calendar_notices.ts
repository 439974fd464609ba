import type { AnyDb } from './helpers.js';

/**
 * Seeds the civil-service holiday notices of 2023–2026 so that a fresh deployment counts deadlines right at once.
 * The data is a frozen, Vietnamese-worded copy of src/modules/calendar/seed/vn-civil-service-holidays.json (same
 * days, make-up days and confidence; names and notes in Vietnamese, letter numbers moved to `source`): a migration
 * never changes after it lands, so it does not read the seed file. Later corrections are made by the province admin
 * (/quan-tri/lich-nghi), or by a new migration.
 */
type SeedEntry = {
  name: string;
  off: [string, string] | null;
  makeUp?: string[];
  confidence: 'sourced' | 'unverified' | 'unknown';
  note?: string;
  source?: string;
};

const SEED: Record<number, SeedEntry[]> = {
  2023: [
    {
      name: 'Tết Dương lịch',
      off: ['2022-12-31', '2023-01-02'],
      confidence: 'sourced',
      note: '1/1 rơi vào Chủ nhật; thứ Hai 2/1 là ngày nghỉ bù.',
    },
    {
      name: 'Tết Nguyên đán',
      off: ['2023-01-20', '2023-01-26'],
      confidence: 'unverified',
      note: 'Từ 29 Tết đến mùng 5; mùng 1 là ngày 22/01/2023.',
    },
    {
      name: 'Giỗ Tổ Hùng Vương, 30/4 và 1/5',
      off: ['2023-04-29', '2023-05-03'],
      confidence: 'unverified',
      note: '10/3 âm lịch là thứ Bảy 29/4; nghỉ bù 2/5 và 3/5.',
    },
    {
      name: 'Quốc khánh',
      off: ['2023-09-01', '2023-09-04'],
      confidence: 'unverified',
      note: '2/9 rơi vào thứ Bảy; nghỉ bù thứ Hai 4/9.',
    },
  ],
  2024: [
    { name: 'Tết Dương lịch', off: ['2024-01-01', '2024-01-01'], confidence: 'sourced' },
    {
      name: 'Tết Nguyên đán',
      off: ['2024-02-08', '2024-02-14'],
      confidence: 'unverified',
      note: 'Từ 29 Tết đến mùng 5; mùng 1 là ngày 10/02/2024.',
    },
    {
      name: 'Giỗ Tổ Hùng Vương',
      off: ['2024-04-18', '2024-04-18'],
      confidence: 'sourced',
      note: '10/3 âm lịch là thứ Năm 18/4.',
    },
    {
      name: '30/4 và 1/5',
      off: ['2024-04-27', '2024-05-01'],
      makeUp: ['2024-05-04'],
      confidence: 'sourced',
      note: 'Hoán đổi ngày làm việc thứ Hai 29/4 với thứ Bảy 4/5.',
      source: 'Công văn 2450/VPCP-KGVX ngày 12/04/2024',
    },
    { name: 'Quốc khánh', off: ['2024-08-31', '2024-09-03'], confidence: 'sourced' },
  ],
  2025: [
    { name: 'Tết Dương lịch', off: ['2025-01-01', '2025-01-01'], confidence: 'sourced' },
    {
      name: 'Tết Nguyên đán',
      off: ['2025-01-25', '2025-02-02'],
      confidence: 'unverified',
      note: '9 ngày; ngày nghỉ Tết chính thức 27/1–31/1 (28 Tết đến mùng 3); mùng 1 là ngày 29/01/2025.',
    },
    {
      name: 'Giỗ Tổ Hùng Vương',
      off: ['2025-04-07', '2025-04-07'],
      confidence: 'sourced',
      note: '10/3 âm lịch là thứ Hai 7/4.',
    },
    {
      name: '30/4 và 1/5',
      off: ['2025-04-30', '2025-05-04'],
      makeUp: ['2025-04-26'],
      confidence: 'sourced',
      note: 'Hoán đổi ngày làm việc thứ Sáu 2/5 với thứ Bảy 26/4.',
    },
    {
      name: 'Quốc khánh',
      off: ['2025-08-30', '2025-09-02'],
      confidence: 'unverified',
      note: 'Ngày nghỉ lễ chính thức 1/9 và 2/9.',
    },
  ],
  2026: [
    {
      name: 'Tết Dương lịch',
      off: ['2026-01-01', '2026-01-04'],
      makeUp: ['2026-01-10'],
      confidence: 'sourced',
      note: 'Hoán đổi ngày làm việc thứ Sáu 2/1 với thứ Bảy 10/1.',
      source: 'Công văn 12729/VPCP-KGVX ngày 25/12/2025',
    },
    {
      name: 'Tết Nguyên đán',
      off: ['2026-02-14', '2026-02-22'],
      confidence: 'sourced',
      note: 'Từ 27 tháng Chạp Ất Tỵ đến mùng 6 Bính Ngọ; ngày nghỉ Tết chính thức thứ Hai 16/2 đến thứ Sáu 20/2; mùng 1 là ngày 17/02/2026.',
    },
    {
      name: 'Giỗ Tổ Hùng Vương',
      off: ['2026-04-26', '2026-04-27'],
      confidence: 'sourced',
      note: '10/3 âm lịch là Chủ nhật 26/4; nghỉ bù thứ Hai 27/4.',
    },
    { name: '30/4 và 1/5', off: ['2026-04-30', '2026-05-03'], confidence: 'unverified' },
    {
      name: 'Quốc khánh',
      off: null,
      confidence: 'unknown',
      note: '2/9/2026 là thứ Tư; ngày nghỉ liền kề (1/9 hoặc 3/9) sẽ được cập nhật theo thông báo chính thức.',
    },
    {
      name: 'Ngày Văn hóa Việt Nam',
      off: ['2026-11-24', '2026-11-24'],
      confidence: 'unverified',
      note: 'Được báo chí đưa tin là ngày nghỉ mới có hưởng lương từ 1/7/2026 (Nghị quyết 28/2026/QH16); cần đối chiếu văn bản chính thức.',
    },
  ],
};

export async function up(db: AnyDb): Promise<void> {
  const rows = Object.entries(SEED).flatMap(([year, entries]) =>
    entries.map((e, position) => ({
      year: Number(year),
      position,
      name: e.name,
      off_from: e.off?.[0] ?? null,
      off_to: e.off?.[1] ?? null,
      make_up_workdays: JSON.stringify(e.makeUp ?? []),
      confidence: e.confidence,
      covers: null,
      note: e.note ?? null,
      source: e.source ?? null,
    })),
  );
  await db.insertInto('calendar_notice').values(rows).execute();
}

/** Removes the seeded entries nobody has edited since (an edited row has updated_by set). */
export async function down(db: AnyDb): Promise<void> {
  await db
    .deleteFrom('calendar_notice')
    .where('year', 'in', Object.keys(SEED).map(Number))
    .where('updated_by', 'is', null)
    .execute();
}
