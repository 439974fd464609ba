import { describe, expect, it } from 'vitest';
import { UnitDirectory } from './unit-directory.js';
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
