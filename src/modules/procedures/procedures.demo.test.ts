import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { DEMO_COMMUNES } from '../../demo/demo-units.js';

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp({ demo: true });
});
afterAll(async () => {
  await t.close();
});

describe('demo data', () => {
  it('gives every demo commune the sample catalogue, imported by the system', async () => {
    for (const c of DEMO_COMMUNES) {
      const base = c.isDefault ? '' : `/${c.slug}`;
      const res = await t.app.inject({ method: 'GET', url: `${base}/thu-tuc-hanh-chinh?q=khai+sinh` });
      expect(res.statusCode, c.slug).toBe(200);
      expect(res.body, c.slug).toContain('Đăng ký khai sinh');
    }
    const imports = await t.deps.db
      .selectFrom('auditLog')
      .select(['actorName'])
      .where('action', '=', 'procedure.import')
      .execute();
    expect(imports).toHaveLength(DEMO_COMMUNES.length);
    expect(new Set(imports.map((r) => r.actorName))).toEqual(new Set(['hệ thống']));
  });
});
