import { createHash, randomBytes } from 'node:crypto';
import type { AuditLog } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import { isUniqueViolation, type Db } from '../../platform/db.js';
import { ConflictError, ForbiddenError, NotFoundError, TooManyRequestsError } from '../../platform/errors.js';
import type { Actor } from './actor.js';
import { accountMessages } from './accounts.messages.js';
import type { AccountRepository, ApiTokenRepository, SessionRepository } from './accounts.repository.js';
import { ApiTokenService } from './api-tokens.js';
import { CitizenRepository } from './citizen-accounts.repository.js';
import { CitizenAccountService } from './citizen-accounts.service.js';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './passwords.js';
import { isRole, type Role } from './roles.js';
import { afterFailure, AttemptWindow, lockMinutesLeft, type SignInPolicy } from './sign-in-policy.js';

type Deps = {
  db: Db;
  accounts: AccountRepository;
  sessions: SessionRepository;
  apiTokens: ApiTokenRepository;
  audit: AuditLog;
  clock: Clock;
  policy: SignInPolicy;
};

/**
 * How long a staff session lasts without signing in again: 7 days, absolute (not sliding). OWASP ASVS 4.0 §3.3.2
 * allows long-lived sessions to be re-authenticated every 30 days; a week is a working compromise for a shared office
 * computer. The cookie's Max-Age (accounts.routes.tsx) uses the same number.
 */
export const SESSION_DAYS = 7;

/** Why sign-in failed is not said: see signIn. */
export type SignInResult = { ok: true; token: string; actor: Actor } | { ok: false };

/** What happens in this unit when its admin disables an account (see setDisabled). */
export type DisableOutcome = 'disabled' | 'enabled' | 'removed_from_unit';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export class AccountService {
  private readonly ipWindow: AttemptWindow;
  /** API tokens of staff accounts (api-tokens.ts). */
  readonly tokens: ApiTokenService;
  /** Citizens' accounts: sign-up and profile (citizen-accounts.service.ts); they sign in with signIn(…, 'citizen'). */
  readonly citizens: CitizenAccountService;

  constructor(private readonly deps: Deps) {
    this.ipWindow = new AttemptWindow(deps.policy.perIpAttempts, deps.policy.perIpWindowMinutes * 60_000);
    const { db, accounts, apiTokens, audit, clock } = deps;
    this.tokens = new ApiTokenService({
      db,
      accounts,
      tokens: apiTokens,
      audit,
      clock,
      actorOf: (id) => this.actorOf(id),
    });
    this.citizens = new CitizenAccountService({ db, repo: new CitizenRepository(), audit, clock });
  }

  /**
   * Checks a username and password. Too many failures lock the account for a while; too many attempts from one
   * address are refused with 429 whatever the username.
   *
   * Every failure looks the same (no username enumeration): an unknown or disabled username, a wrong password and
   * a locked account all give `{ ok: false }`, and the password is always verified with argon2 (against a dummy
   * hash when there is no usable account), so the time taken does not tell them apart either. A locked account
   * refuses even the right password, without saying so: telling "locked" only after a correct password would
   * let an attacker keep guessing through the lock. The sign-in page explains the lock rule in its hint instead.
   * `kind` is the sign-in page's: an account of the other kind fails like an unknown username (a citizen never
   * signs in at /quan-tri, a staff member never as a citizen).
   */
  async signIn(
    usernameInput: string,
    password: string,
    ip: string,
    kind: Actor['kind'] = 'staff',
  ): Promise<SignInResult> {
    const { db, accounts, audit, clock, policy } = this.deps;
    const now = clock.now();
    const wait = this.ipWindow.hit(ip, now.getTime());
    if (wait > 0) {
      throw new TooManyRequestsError('sign_in_rate_limited', accountMessages.errors.signInRateLimited, wait);
    }
    const username = usernameInput.trim().toLowerCase();
    const found = await accounts.findByUsername(db, username);
    const account = found && found.disabled === 0 && found.kind === kind ? found : undefined;
    const passwordOk = await verifyPassword(account?.passwordHash ?? (await DUMMY_HASH_PROMISE), password);
    if (!account || lockMinutesLeft(account.lockedUntil, now) > 0) {
      return { ok: false };
    }
    if (!passwordOk) {
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
      return { ok: false };
    }
    const { sessions } = this.deps;
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

  /** The lock rule, for the sign-in page's hint. */
  lockRule(): { maxFailures: number; lockMinutes: number } {
    const { maxFailures, lockMinutes } = this.deps.policy;
    return { maxFailures, lockMinutes };
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
      throw new NotFoundError('account_not_found', accountMessages.errors.accountNotFound);
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
    const taken = () => new ConflictError('username_taken', accountMessages.errors.usernameTaken(username));
    const created = db.transaction().execute(async (trx) => {
      if (await accounts.findByUsername(trx, username)) {
        throw taken();
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
    // Two concurrent requests can both pass the check above; the unique constraint refuses the second.
    return created.catch((err: unknown) => {
      throw isUniqueViolation(err, 'username') ? taken() : err;
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
      throw new ForbiddenError('cannot_demote_self', accountMessages.errors.cannotDemoteSelf);
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
   * Disables or re-enables a staff account of the unit (an admin cannot disable themself). An account is one person
   * across units, so a unit's admin changes its global state only when the unit holds all of its roles: disabling
   * then ends every session of the account at once and revokes its API tokens. When the account also has roles in
   * other units, "disable" removes its roles in this unit only (it leaves the unit's staff list and keeps working
   * elsewhere), and "enable" is refused, since the account is not the unit's alone.
   */
  async setDisabled(
    actor: Actor,
    accountId: number,
    unitId: number,
    disabled: boolean,
    ip: string | null,
  ): Promise<DisableOutcome> {
    const { db, accounts, sessions, audit, clock } = this.deps;
    if (actor.id === accountId && disabled) {
      throw new ForbiddenError('cannot_disable_self', accountMessages.errors.cannotDisableSelf);
    }
    return db.transaction().execute(async (trx) => {
      const roles = await accounts.findRoles(trx, accountId);
      const here = roles.filter((r) => r.unitId === unitId).map((r) => r.role);
      const before = here.length > 0 ? await accounts.findById(trx, accountId) : undefined;
      if (!before || before.kind !== 'staff') {
        throw new NotFoundError('account_not_found', accountMessages.errors.accountNotFound);
      }
      const now = clock.now();
      if (roles.some((r) => r.unitId !== unitId)) {
        if (!disabled) {
          throw new ForbiddenError('account_shared', accountMessages.errors.accountShared);
        }
        await accounts.replaceRoles(trx, accountId, unitId, []);
        await audit.append(trx, {
          at: now,
          actor,
          unitId,
          action: 'account.remove_from_unit',
          entity: 'account',
          entityId: accountId,
          before: { roles: here },
          after: { roles: [] },
          ip,
        });
        return 'removed_from_unit';
      }
      await accounts.setDisabled(trx, accountId, disabled, now.toISOString());
      if (disabled) {
        await sessions.deleteForAccount(trx, accountId);
        await this.tokens.revokeAllOf(trx, actor, accountId, { unitId, ip });
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
      return disabled ? 'disabled' : 'enabled';
    });
  }

  listStaff(unitId: number) {
    return this.deps.accounts.findStaffOfUnit(this.deps.db, unitId);
  }
}
