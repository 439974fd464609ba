import type { Deps } from '../deps.js';

/** Demo data: filled in by the demo-data slice of issue #2. */
export async function loadDemoData(deps: Deps): Promise<void> {
  await deps.units.createUnit(null, {
    slug: 'tan-hong',
    name: 'Xã Tân Hồng',
    fullName: 'Ủy ban nhân dân xã Tân Hồng (dữ liệu mẫu)',
    kind: 'commune',
    parentId: null,
    adminCode: null,
    agencyCode: null,
    host: null,
    isDefault: true,
    isDemo: true,
  });
}
