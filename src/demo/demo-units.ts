import { DemoRandom } from './demo-random.js';

/*
 * The demo administrative tree: tỉnh Hải Dương › huyện Bình Giang › communes of Bình Giang (names as they were
 * before the 2025 reorganisation). Only the names are real. The administrative-unit codes and the agency
 * identifier codes (Circular 10/2016/TT-BTTTT format) below are DEMO VALUES made up for this data set, not the
 * official codes; addresses other than the commune seats, people, phone numbers and e-mail addresses are fictitious.
 */

export const DEMO_PROVINCE = { slug: 'hai-duong', name: 'Tỉnh Hải Dương', short: 'Hải Dương' } as const;
export const DEMO_DISTRICT = { slug: 'binh-giang', name: 'Huyện Bình Giang', short: 'Bình Giang' } as const;

/** The demo domain for e-mail addresses: `.example` is reserved (RFC 2606) and never delivers mail. */
export const DEMO_MAIL_DOMAIN = 'demo.congxa.example';

export type DemoCommune = {
  slug: string;
  /** The commune's name without "xã": "Tân Hồng". */
  short: string;
  isDefault: boolean;
  /** Where the commune's People's Committee sits. Only Tân Hồng's (Thôn Mộ Trạch) is taken from its real portal. */
  seat: string;
};

export const DEMO_COMMUNES: readonly DemoCommune[] = [
  { slug: 'tan-hong', short: 'Tân Hồng', isDefault: true, seat: 'Thôn Mộ Trạch' },
  ...[
    ['thai-hoc', 'Thái Học'],
    ['thai-duong', 'Thái Dương'],
    ['thai-hoa', 'Thái Hòa'],
    ['binh-xuyen', 'Bình Xuyên'],
    ['hong-khe', 'Hồng Khê'],
    ['co-bi', 'Cổ Bì'],
    ['vinh-hong', 'Vĩnh Hồng'],
    ['long-xuyen', 'Long Xuyên'],
    ['tan-viet', 'Tân Việt'],
    ['thuc-khang', 'Thúc Kháng'],
    ['nhan-quyen', 'Nhân Quyền'],
    ['hung-thang', 'Hùng Thắng'],
  ].map(([slug, short]) => ({
    slug: slug as string, // each pair has two entries
    short: short as string,
    isDefault: false,
    seat: 'Trụ sở UBND xã',
  })),
];

/** Demo codes: province, district, then commune n (1-based). Not the official codes. */
export const demoCodes = {
  province: { adminCode: '90', agencyCode: '000.00.00.H90' },
  district: { adminCode: '900', agencyCode: '000.00.31.H90' },
  commune: (n: number) => ({
    adminCode: `9${String(n).padStart(4, '0')}`,
    agencyCode: `000.${String(n).padStart(2, '0')}.31.H90`,
  }),
};

/** A fictitious phone number in the pattern 0220 3xxx xxx (0220 is the area code; the numbers are made up). */
export function demoPhone(n: number): string {
  return `0220 38${String(n).padStart(2, '0')} ${String(100 + n * 7).padStart(3, '0')}`;
}

/** A fictitious mobile number in the pattern 0900 000 xxx. */
export function demoMobile(n: number): string {
  return `0900 000 ${String(n % 1000).padStart(3, '0')}`;
}

export function demoEmail(local: string): string {
  return `${local}@${DEMO_MAIL_DOMAIN}`;
}

export type DemoPerson = { name: string; female: boolean };

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đỗ', 'Bùi', 'Đặng', 'Ngô', 'Đinh', 'Phan'];
const MIDDLE_M = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Xuân', 'Thanh', 'Đình'];
const MIDDLE_F = ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh', 'Hồng'];
const GIVEN_M = [
  'An',
  'Bình',
  'Dũng',
  'Hải',
  'Hiếu',
  'Khánh',
  'Long',
  'Nam',
  'Phong',
  'Quân',
  'Sơn',
  'Tuấn',
  'Việt',
];
const GIVEN_F = ['Anh', 'Hà', 'Hạnh', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'Nga', 'Phương', 'Thảo', 'Yến'];

/** The name on the real Tân Hồng page (seed-commune-portal-page.txt); demo people must never carry it. */
const REAL_NAMES = new Set(['Vũ Huy Cường']);

/** Fictitious people: `count` distinct names, about a third of them women. */
export function demoPeople(rnd: DemoRandom, count: number): DemoPerson[] {
  const people: DemoPerson[] = [];
  const seen = new Set<string>();
  while (people.length < count) {
    const female = rnd.next() < 0.35;
    const name = female
      ? `${rnd.pick(FAMILY)} ${rnd.pick(MIDDLE_F)} ${rnd.pick(GIVEN_F)}`
      : `${rnd.pick(FAMILY)} ${rnd.pick(MIDDLE_M)} ${rnd.pick(GIVEN_M)}`;
    if (!seen.has(name) && !REAL_NAMES.has(name)) {
      seen.add(name);
      people.push({ name, female });
    }
  }
  return people;
}

/**
 * Generic hamlet names (thôn) used in the demo articles and pages; they are not the communes' real hamlets, so no
 * made-up event is pinned on a real village.
 */
const HAMLETS = [
  'Đông',
  'Đoài',
  'Thượng',
  'Hạ',
  'Trung',
  'An Phú',
  'Cầu',
  'Nam',
  'Bắc',
  'Phú Lộc',
  'Tiền',
  'Hậu',
];

export function demoHamlets(rnd: DemoRandom): string[] {
  return rnd.shuffle(HAMLETS).slice(0, 5);
}

/** The leaders of a demo commune (fictitious), in the order the "Lãnh đạo xã" page lists them. */
export type DemoLeaders = {
  secretary: DemoPerson;
  councilChair: DemoPerson;
  chairman: DemoPerson;
  viceEconomy: DemoPerson;
  viceSociety: DemoPerson;
  editors: [DemoPerson, DemoPerson];
};

export function demoLeaders(rnd: DemoRandom): DemoLeaders {
  const [secretary, councilChair, chairman, viceEconomy, viceSociety, e1, e2] = demoPeople(rnd, 7) as [
    DemoPerson,
    DemoPerson,
    DemoPerson,
    DemoPerson,
    DemoPerson,
    DemoPerson,
    DemoPerson,
  ]; // demoPeople returns exactly the count asked for
  return { secretary, councilChair, chairman, viceEconomy, viceSociety, editors: [e1, e2] };
}

export function seedFor(commune: DemoCommune): DemoRandom {
  return new DemoRandom(`congxa-demo:${commune.slug}`);
}
