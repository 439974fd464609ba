import { ANY_STAFF_ROLE } from '../http/auth.js';
import { adminPaths, calendarPaths, dossierPaths, procedurePaths, statsPaths } from '../http/paths.js';
import { hasRole, type Actor } from '../modules/accounts/actor.js';
import type { Role } from '../modules/accounts/roles.js';

/**
 * The areas of a unit's admin and the roles that open each one (an admin of the unit opens all). Route guards and
 * the navigation read this one table, so a menu never shows a link that answers 403.
 */
export const ADMIN_AREAS = {
  dashboard: { label: 'Tổng quan', roles: ANY_STAFF_ROLE, href: adminPaths.dashboard },
  articles: { label: 'Bài viết', roles: ['editor', 'chief_editor'], href: adminPaths.articles },
  categories: { label: 'Chuyên mục', roles: ['chief_editor'], href: adminPaths.categories },
  pages: { label: 'Trang tĩnh', roles: ['editor', 'chief_editor'], href: adminPaths.pages },
  media: { label: 'Thư viện ảnh', roles: ['editor', 'chief_editor'], href: adminPaths.media },
  settings: { label: 'Cài đặt đơn vị', roles: ['admin'], href: adminPaths.settings },
  users: { label: 'Người dùng', roles: ['admin'], href: adminPaths.users },
  audit: { label: 'Nhật ký', roles: ['admin', 'inspector'], href: adminPaths.audit },
  // Every admin sees the national holiday notice; only the admin of the root unit edits it (calendar.service.ts).
  calendarNotices: {
    label: 'Lịch nghỉ lễ',
    roles: ['admin'],
    href: (base: string) => calendarPaths.adminNotices(base),
  },
  officeHours: { label: 'Giờ làm việc', roles: ['admin'], href: calendarPaths.adminOfficeHours },
  dossiers: {
    label: 'Hồ sơ một cửa',
    roles: ['one_stop_officer', 'specialist', 'leader', 'cchc_focal_point', 'inspector'],
    href: (base: string) => dossierPaths.admin(base),
  },
  procedures: {
    label: 'Thủ tục hành chính',
    roles: ['admin', 'one_stop_officer'],
    href: (base: string) => procedurePaths.admin(base),
  },
  // The officers' evaluation (Circular 01/2018), a staff-only page under the public results pages.
  evaluation: {
    label: 'Đánh giá giải quyết TTHC',
    roles: ['leader', 'one_stop_officer', 'cchc_focal_point'],
    href: (base: string) => statsPaths.evaluation(base),
  },
} as const satisfies Record<
  string,
  { label: string; roles: readonly Role[]; href: (base: string) => string }
>;

export type AdminArea = keyof typeof ADMIN_AREAS;

export type NavItem = { href: string; label: string; current: boolean };
export type UnitLink = { href: string; name: string };

/** The menu entries the actor may open in the unit, in a fixed order. */
export function adminNav(actor: Actor, unitId: number, base: string, current: AdminArea | null): NavItem[] {
  return (Object.keys(ADMIN_AREAS) as AdminArea[])
    .filter((area) => hasRole(actor, unitId, ADMIN_AREAS[area].roles))
    .map((area) => ({
      href: ADMIN_AREAS[area].href(base),
      label: ADMIN_AREAS[area].label,
      current: area === current,
    }));
}

/** Links to the admin of the other units where the actor holds a role, by unit name. */
export function otherUnitLinks(
  actor: Actor,
  unitId: number,
  units: ReadonlyArray<{ id: number; name: string; basePath: string }>,
): UnitLink[] {
  return units
    .filter((u) => u.id !== unitId && (actor.roles.get(u.id)?.length ?? 0) > 0)
    .map((u) => ({ href: adminPaths.dashboard(u.basePath), name: u.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}
