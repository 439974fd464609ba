import { adminPaths } from '../../http/paths.js';
import { formatDateTime } from '../../platform/time.js';
import { ROLE_LABELS, accountMessages } from './accounts.messages.js';
import { isRole, ROLES, type Role } from './roles.js';

export type StaffRowInput = {
  id: number;
  username: string;
  fullName: string;
  email: string | null;
  disabled: number;
  lastSignInAt: string | null;
  role: string;
};

export type StaffRow = {
  id: number;
  username: string;
  fullName: string;
  email: string;
  roles: Role[];
  rolesLabel: string;
  disabled: boolean;
  lastSignIn: string;
  href: string;
  statusHref: string;
};

/** One row per account (the query gives one per role), roles in the order of ROLES, labels in Vietnamese. */
export function toStaffRows(rows: readonly StaffRowInput[], base: string): StaffRow[] {
  const byId = new Map<number, StaffRow>();
  for (const r of rows) {
    let row = byId.get(r.id);
    if (!row) {
      row = {
        id: r.id,
        username: r.username,
        fullName: r.fullName,
        email: r.email ?? '',
        roles: [],
        rolesLabel: '',
        disabled: r.disabled === 1,
        lastSignIn: r.lastSignInAt ? formatDateTime(r.lastSignInAt) : accountMessages.users.never,
        href: adminPaths.userEdit(base, r.id),
        statusHref: adminPaths.userStatus(base, r.id),
      };
      byId.set(r.id, row);
    }
    if (isRole(r.role)) {
      row.roles.push(r.role);
    }
  }
  return [...byId.values()].map((row) => {
    const roles = ROLES.filter((role) => row.roles.includes(role));
    return { ...row, roles, rolesLabel: roles.map((role) => ROLE_LABELS[role]).join(', ') };
  });
}

export const roleOptions = ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));

export type AuditRowInput = {
  id: number;
  at: string;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  beforeJson: string | null;
  afterJson: string | null;
  ip: string | null;
};

export type AuditRow = {
  id: number;
  at: string;
  who: string;
  action: string;
  entity: string;
  before: string | null;
  after: string | null;
};

/** Audit rows for reading: local time dd/mm/yyyy hh:mm:ss, JSON pretty-printed. */
export function toAuditRows(rows: readonly AuditRowInput[]): AuditRow[] {
  return rows.map((r) => ({
    id: r.id,
    at: formatDateTime(r.at),
    who: r.ip ? `${r.actorName} (${r.ip})` : r.actorName,
    action: r.action,
    entity: r.entityId === null ? r.entity : `${r.entity} #${r.entityId}`,
    before: pretty(r.beforeJson),
    after: pretty(r.afterJson),
  }));
}

function pretty(json: string | null): string | null {
  if (json === null) {
    return null;
  }
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

export type TokenRowInput = {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  state: 'active' | 'expired' | 'revoked';
};

export type TokenRow = {
  id: number;
  name: string;
  prefix: string;
  created: string;
  lastUsed: string;
  expires: string;
  state: string;
  /** Where its revoke form posts; null once revoked. */
  revokeHref: string | null;
};

/** API tokens as the account page lists them: dates in Vietnam time, states in Vietnamese. */
export function toTokenRows(rows: readonly TokenRowInput[], base: string): TokenRow[] {
  const t = accountMessages.apiTokens;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: `${r.prefix}…`,
    created: formatDateTime(r.createdAt),
    lastUsed: r.lastUsedAt ? formatDateTime(r.lastUsedAt) : t.never,
    expires: r.expiresAt ? formatDateTime(r.expiresAt) : t.noExpiry,
    state: t[r.state],
    revokeHref: r.state === 'revoked' ? null : adminPaths.accountTokenRevoke(base, r.id),
  }));
}
