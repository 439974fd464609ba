import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { addUnit } from '../../../test/staff.js';

const PUBLIC_URL = 'https://congxa.example.gov.vn';

describe('UnitService.setHost (`congxa unit set-host`, a deployment-level setting)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    await addUnit(t, 'tan-hong', 'Xã Tân Hồng', true);
    await addUnit(t, 'thai-hoc', 'Xã Thái Học', false);
    await addUnit(t, 'co-bi', 'Xã Cổ Bì', false);
  });
  afterAll(async () => {
    await t.close();
  });

  const hostOf = async (slug: string) =>
    (await t.deps.db.selectFrom('unit').select('host').where('slug', '=', slug).executeTakeFirstOrThrow())
      .host;

  it.each([
    ['localhost', 'host_local'],
    ['LOCALHOST.', 'host_local'],
    ['admin.localhost', 'host_local'],
    ['127.0.0.1', 'host_ip'],
    ['10.1', 'host_ip'],
    ['[::1]', 'host_ip'],
    ['::1', 'host_ip'],
    ['congxa.example.gov.vn', 'host_public_url'],
    ['CongXa.Example.gov.vn.', 'host_public_url'],
    ['thaihoc', 'host_format'],
    ['thai_hoc.example.vn', 'host_format'],
    ['-thaihoc.example.vn', 'host_format'],
    ['thái-học.example.vn', 'host_format'],
    ['thaihoc.example.vn/admin', 'host_format'],
    ['thaihoc.example.vn:8080', 'host_ip'],
    ['', 'host_format'],
  ])('refuses %j (%s) and leaves the unit as it was', async (host, code) => {
    await expect(t.deps.units.setHost(null, 'thai-hoc', host, PUBLIC_URL)).rejects.toMatchObject({ code });
    expect(await hostOf('thai-hoc')).toBeNull();
  });

  it('refuses an unknown unit', async () => {
    await expect(t.deps.units.setHost(null, 'khong-co', 'a.example.vn', PUBLIC_URL)).rejects.toMatchObject({
      code: 'unit_not_found',
    });
  });

  it('sets a host (lower-cased), audits it, serves the unit there, and clears it again', async () => {
    expect(await t.deps.units.setHost(null, 'thai-hoc', ' ThaiHoc.Example.gov.vn ', PUBLIC_URL)).toBe(
      'thaihoc.example.gov.vn',
    );
    expect(await hostOf('thai-hoc')).toBe('thaihoc.example.gov.vn');
    expect(t.deps.directory.resolve('thaihoc.example.gov.vn', undefined)?.unit.slug).toBe('thai-hoc');
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select(['action', 'beforeJson', 'afterJson'])
      .where('action', '=', 'unit.set_host')
      .execute();
    expect(audit).toEqual([
      {
        action: 'unit.set_host',
        beforeJson: '{"host":null}',
        afterJson: '{"host":"thaihoc.example.gov.vn"}',
      },
    ]);
    await expect(
      t.deps.units.setHost(null, 'co-bi', 'thaihoc.example.gov.vn', PUBLIC_URL),
    ).rejects.toMatchObject({ code: 'unit_host_taken' });
    expect(await t.deps.units.setHost(null, 'thai-hoc', null, PUBLIC_URL)).toBeNull();
    expect(await hostOf('thai-hoc')).toBeNull();
    expect(t.deps.directory.resolve('thaihoc.example.gov.vn', undefined)?.unit.slug).toBe('tan-hong');
  });

  it('gives one of two concurrent requests for the same host a conflict, not a database error', async () => {
    const results = await Promise.allSettled([
      t.deps.units.setHost(null, 'thai-hoc', 'chung.example.gov.vn', PUBLIC_URL),
      t.deps.units.setHost(null, 'co-bi', 'chung.example.gov.vn', PUBLIC_URL),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.reason).toMatchObject({ code: 'unit_host_taken', status: 409 });
  });

  it('gives one of two concurrent creations of the same slug a conflict, not a database error', async () => {
    const results = await Promise.allSettled([
      addUnit(t, 'vinh-hong', 'Xã Vĩnh Hồng', false),
      addUnit(t, 'vinh-hong', 'Xã Vĩnh Hồng', false),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')?.reason).toMatchObject({ code: 'unit_slug_taken' });
  });
});
