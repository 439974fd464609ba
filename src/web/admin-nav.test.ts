import { describe, expect, it } from 'vitest';
import type { Actor } from '../modules/accounts/actor.js';
import type { Role } from '../modules/accounts/roles.js';
import { adminNav, otherUnitLinks } from './admin-nav.js';

const actor = (roles: Record<number, Role[]>): Actor => ({
  id: 1,
  name: 'A',
  username: 'a',
  kind: 'staff',
  roles: new Map(Object.entries(roles).map(([k, v]) => [Number(k), v])),
});

describe('adminNav', () => {
  it('shows an admin every area, marking the current one', () => {
    const nav = adminNav(actor({ 1: ['admin'] }), 1, '/tan-hong', 'articles');
    expect(nav.map((n) => n.label)).toEqual([
      'Tổng quan',
      'Bài viết',
      'Chuyên mục',
      'Trang tĩnh',
      'Thư viện ảnh',
      'Cài đặt đơn vị',
      'Người dùng',
      'Nhật ký',
      'Lịch nghỉ lễ',
      'Giờ làm việc',
      'Hồ sơ một cửa',
      'Thủ tục hành chính',
      'Đánh giá giải quyết TTHC',
    ]);
    expect(nav.find((n) => n.current)?.href).toBe('/tan-hong/quan-tri/bai-viet');
    expect(adminNav(actor({ 1: ['one_stop_officer'] }), 1, '', null).map((n) => n.label)).toEqual([
      'Tổng quan',
      'Hồ sơ một cửa',
      'Thủ tục hành chính',
      'Đánh giá giải quyết TTHC',
    ]);
  });

  it('shows an editor the content areas only, an inspector the audit trail', () => {
    expect(adminNav(actor({ 1: ['editor'] }), 1, '', null).map((n) => n.label)).toEqual([
      'Tổng quan',
      'Bài viết',
      'Trang tĩnh',
      'Thư viện ảnh',
    ]);
    expect(adminNav(actor({ 1: ['inspector'] }), 1, '', null).map((n) => n.label)).toEqual([
      'Tổng quan',
      'Nhật ký',
      'Hồ sơ một cửa',
    ]);
    expect(adminNav(actor({ 2: ['admin'] }), 1, '', null)).toEqual([]);
  });
});

describe('otherUnitLinks', () => {
  it('links to the admin of the other units where the actor has a role', () => {
    const units = [
      { id: 1, name: 'Xã Tân Hồng', basePath: '' },
      { id: 2, name: 'Xã Thái Học', basePath: '/thai-hoc' },
      { id: 3, name: 'Xã Cổ Bì', basePath: '/co-bi' },
    ];
    expect(otherUnitLinks(actor({ 1: ['editor'], 2: ['admin'] }), 1, units)).toEqual([
      { href: '/thai-hoc/quan-tri', name: 'Xã Thái Học' },
    ]);
  });
});
