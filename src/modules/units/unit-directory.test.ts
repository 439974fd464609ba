import { describe, expect, it } from 'vitest';
import { portalPaths } from '../../http/paths.js';
import { RESERVED_SLUGS, UnitDirectory } from './unit-directory.js';
import { UnitSlug } from './units.schemas.js';
import type { UnitRow } from './units.repository.js';

const unit = (id: number, slug: string, extra: Partial<UnitRow> = {}): UnitRow => ({
  id,
  slug,
  name: slug,
  kind: 'commune',
  parentId: null,
  adminCode: null,
  agencyCode: null,
  host: null,
  isDefault: 0,
  fullName: slug,
  address: '',
  phone: '',
  email: '',
  editorName: '',
  editorTitle: '',
  logoPath: null,
  isDemo: 0,
  updatedAt: '2026-11-26T00:00:00.000Z',
  ...extra,
});

describe('UnitDirectory.resolve (issue #2 item 4: host, then path prefix, then the default unit)', () => {
  const d = new UnitDirectory();
  d.load([
    unit(1, 'tan-hong', { isDefault: 1 }),
    unit(2, 'thai-hoc', { host: 'thaihoc.example.gov.vn' }),
    unit(3, 'co-bi'),
  ]);

  it.each([
    ['localhost:3000', undefined, 'tan-hong', ''],
    ['localhost:3000', 'co-bi', 'co-bi', '/co-bi'],
    ['ThaiHoc.example.gov.vn:443', undefined, 'thai-hoc', ''],
    ['thaihoc.example.gov.vn', 'co-bi', 'co-bi', '/co-bi'],
    [undefined, 'khong-co', 'tan-hong', ''],
  ])('host %s, prefix %s → %s at "%s"', (host, prefix, slug, base) => {
    const site = d.resolve(host, prefix);
    expect(site?.unit.slug).toBe(slug);
    expect(site?.basePath).toBe(base);
  });

  it('has no site when the deployment has no unit', () => {
    expect(new UnitDirectory().resolve('x', undefined)).toBeUndefined();
  });
});

describe('RESERVED_SLUGS (a unit slug can never shadow a public page)', () => {
  it.each([
    'thu-tuc-hanh-chinh',
    'tra-cuu-ho-so',
    'hoi-dap',
    'lich-lam-viec',
    'ngay-nghi',
    'han-giai-quyet',
    'quan-tri',
    'media',
    'static',
    'healthz',
    'api',
    'rss',
    'tim-kiem',
    'tai-khoan',
    'nop-truc-tuyen',
  ])('reserves %s, and UnitSlug refuses it', (slug) => {
    expect(RESERVED_SLUGS.has(slug)).toBe(true);
    expect(UnitSlug.safeParse(slug).error?.issues[0]?.message).toBe('slug_reserved');
  });

  it('reserves the first segment of every public path', () => {
    for (const path of Object.values(portalPaths)) {
      const segment = path('', 'x', 2).split(/[/?]/)[1];
      if (segment) {
        expect(RESERVED_SLUGS.has(segment), segment).toBe(true);
      }
    }
  });

  it('leaves ordinary commune slugs free', () => {
    expect(UnitSlug.safeParse('tan-hong').success).toBe(true);
  });
});
