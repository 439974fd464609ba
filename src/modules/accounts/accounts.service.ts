import { createHash, randomBytes } from 'node:crypto';
import type { AuditLog } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db.js';
import { ConflictError, ForbiddenError, NotFoundError, TooManyRequestsError } from '../../platform/errors.js';
import type { Actor } from './actor.js';
import type { AccountRepository, SessionRepository } from './accounts.repository.js';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './passwords.js';
import { isRole, type Role } from './roles.js';
import { afterFailure, AttemptWindow, lockMinutesLeft, type SignInPolicy } from './sign-in-policy.js';

type Deps = {
  db: Db;
  accounts: AccountRepository;
  sessions: SessionRepository;
  audit: AuditLog;
  clock: Clock;
  policy: SignInPolicy;
};

const SESSION_DAYS = 7;

export type SignInResult =
  { ok: true; token: string; actor: Actor } | { ok: false; reason: 'invalid' | 'locked'; minutes: number };

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export class AccountService {
  private readonly ipWindow: AttemptWindow;

  constructor(private readonly deps: Deps) {
    this.ipWindow = new AttemptWindow(deps.policy.perIpAttempts, deps.policy.perIpWindowMinutes * 60_000);
  }

  /**
   * Checks a username and password. Too many failures lock the account for a while; too many attempts from one
   * address are refused with 429 whatever the username.
   */
  async signIn(usernameInput: string, password: string, ip: string): Promise<SignInResult> {
    const { db, accounts, sessions, audit, clock, policy } = this.deps;
    const now = clock.now();
    const wait = this.ipWindow.hit(ip, now.getTime());
    if (wait > 0) {
      throw new TooManyRequestsError('sign_in_rate_limited', 'Quá nhiều lần đăng nhập từ địa chỉ này.', wait);
    }
    const username = usernameInput.trim().toLowerCase();
    const account = await accounts.findByUsername(db, username);
    if (!account || account.disabled === 1) {
      await verifyPassword(await DUMMY_HASH_PROMISE, password);
      return { ok: false, reason: 'invalid', minutes: 0 };
    }
    const locked = lockMinutesLeft(account.lockedUntil, now);
    if (locked > 0) {
      return { ok: false, reason: 'locked', minutes: locked };
    }
    if (!(await verifyPassword(account.passwordHash, password))) {
      const next = afterFailure(account.failedSignIns, now, policy);
      await db.transaction().execute(async (trx) => {
        await accounts.recordFailedSignIn(
          trx,
          account.id,
          next.failedSignIns,
          next.lockedUntil?.toISOString() ?? null,
        );
        if (next.lockedUntil) {
          await audit.append(trx, {
            at: now,
            actor: null,
            unitId: null,
            action: 'account.locked',
            entity: 'account',
            entityId: account.id,
            ip,
          });
        }
      });
      return next.lockedUntil
        ? { ok: false, reason: 'locked', minutes: policy.lockMinutes }
        : { ok: false, reason: 'invalid', minutes: 0 };
    }
    const token = randomBytes(32).toString('base64url');
    await db.transaction().execute(async (trx) => {
      await accounts.recordSignIn(trx, account.id, now.toISOString());
      await sessions.insert(trx, {
        id: hashToken(token),
        accountId: account.id,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
      });
    });
    return { ok: true, token, actor: await this.actorOf(account.id) };
  }

  /** The actor behind a session cookie, or null when the session is missing, expired or its account disabled. */
  async actorForSession(token: string): Promise<Actor | null> {
    const { db, sessions, clock } = this.deps;
    const session = await sessions.findLive(db, hashToken(token), clock.now().toISOString());
    if (!session) {
      return null;
    }
    return this.actorOf(session.accountId).catch(() => null);
  }

  async signOut(token: string): Promise<void> {
    await this.deps.sessions.delete(this.deps.db, hashToken(token));
  }

  async actorOf(accountId: number): Promise<Actor> {
    const { db, accounts } = this.deps;
    const account = await accounts.findById(db, accountId);
    if (!account || account.disabled === 1) {
      throw new NotFoundError('account_not_found', 'Không tìm thấy tài khoản.');
    }
    const roles = new Map<number, Role[]>();
    for (const r of await accounts.findRoles(db, accountId)) {
      if (isRole(r.role)) {
        roles.set(r.unitId, [...(roles.get(r.unitId) ?? []), r.role]);
      }
    }
    return { id: account.id, name: account.fullName, username: account.username, kind: account.kind, roles };
  }

  /** Creates a staff account with roles in one unit (`congxa user add`, demo data, the users page). */
  async createStaff(
    actor: Actor | null,
    input: {
      username: string;
      fullName: string;
      email: string | null;
      password: string;
      unitId: number;
      roles: Role[];
    },
    ip: string | null = null,
  ): Promise<number> {
    const { db, accounts, audit, clock } = this.deps;
    const username = input.username.trim().toLowerCase();
    const passwordHash = await hashPassword(input.password);
    return db.transaction().execute(async (trx) => {
      if (await accounts.findByUsername(trx, username)) {
        throw new ConflictError('username_taken', `Tên đăng nhập "${username}" đã có người dùng.`);
      }
      const id = await accounts.insert(trx, {
        kind: 'staff',
        username,
        fullName: input.fullName,
        email: input.email,
        passwordHash,
      });
      await accounts.replaceRoles(trx, id, input.unitId, input.roles);
      await audit.append(trx, {
        at: clock.now(),
        actor,
        unitId: input.unitId,
        action: 'account.create',
        entity: 'account',
        entityId: id,
        after: { username, fullName: input.fullName, email: input.email, roles: input.roles },
        ip,
      });
      return id;
    });
  }

  /** Replaces an account's roles in one unit. An admin cannot take the admin role away from themself. */
  async setRoles(
    actor: Actor,
    accountId: number,
    unitId: number,
    roles: Role[],
    ip: string | null,
  ): Promise<void> {
    const { db, accounts, audit, clock } = this.deps;
    if (actor.id === accountId && !roles.includes('admin') && actor.roles.get(unitId)?.includes('admin')) {
      throw new ForbiddenError('cannot_demote_self', 'Bạn không thể tự bỏ quyền quản trị của chính mình.');
    }
    await db.transaction().execute(async (trx) => {
      const before = (await accounts.findRoles(trx, accountId))
        .filter((r) => r.unitId === unitId)
        .map((r) => r.role);
      await accounts.replaceRoles(trx, accountId, unitId, roles);
      await audit.append(trx, {
        at: clock.now(),
        actor,
        unitId,
        action: 'account.set_roles',
        entity: 'account',
        entityId: accountId,
        before: { roles: before },
        after: { roles },
        ip,
      });
    });
  }

  /**
   * Disables or re-enables a staff account of the unit (an admin cannot disable themself). Disabling ends every
   * session of the account at once.
   */
  async setDisabled(
    actor: Actor,
    accountId: number,
    unitId: number,
    disabled: boolean,
    ip: string | null,
  ): Promise<void> {
    const { db, accounts, sessions, audit, clock } = this.deps;
    if (actor.id === accountId && disabled) {
      throw new ForbiddenError('cannot_disable_self', 'Bạn không thể tự khóa tài khoản của chính mình.');
    }
    await db.transaction().execute(async (trx) => {
      const inUnit = (await accounts.findRoles(trx, accountId)).some((r) => r.unitId === unitId);
      const before = inUnit ? await accounts.findById(trx, accountId) : undefined;
      if (!before || before.kind !== 'staff') {
        throw new NotFoundError('account_not_found', 'Không tìm thấy tài khoản.');
      }
      const now = clock.now();
      await accounts.setDisabled(trx, accountId, disabled, now.toISOString());
      if (disabled) {
        await sessions.deleteForAccount(trx, accountId);
      }
      await audit.append(trx, {
        at: now,
        actor,
        unitId,
        action: disabled ? 'account.disable' : 'account.enable',
        entity: 'account',
        entityId: accountId,
        before: { disabled: before.disabled === 1 },
        after: { disabled },
        ip,
      });
    });
  }

  listStaff(unitId: number) {
    return this.deps.accounts.findStaffOfUnit(this.deps.db, unitId);
  }
}
