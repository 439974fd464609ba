import { createHash, randomBytes } from 'node:crypto';
import type { AuditLog } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Db, Tx } from '../../platform/db.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.js';
import type { Actor } from './actor.js';
import { accountMessages } from './accounts.messages.js';
import type { AccountRepository, ApiTokenRepository } from './accounts.repository.js';
import type { NewApiTokenForm } from './accounts.schemas.js';

/**
 * API tokens of staff accounts (issue #3 item 9). A token is `cx_` and 32 random bytes in base64url (256 bits, so a
 * fast hash is enough: only its SHA-256 is stored, and the text is shown once, when it is created). It stands for
 * its account on /api/ routes only (http/auth.ts), with the account's roles as they are at each request; it stops
 * working when revoked, when it expires, and when its account is disabled (which also revokes it, so re-enabling
 * the account does not bring it back).
 */
export const API_TOKEN_PREFIX = 'cx_';
const TOKEN_SHAPE = /^cx_[A-Za-z0-9_-]{43}$/;
/** The characters kept to tell tokens apart: 'cx_' and 7 more (42 bits, far from enough to guess the rest). */
const SHOWN_LENGTH = 10;
/** last_used_at is written at most this often per token, so a busy integration does not write on every call. */
const TOUCH_EVERY_MS = 60_000;

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export type ApiTokenState = 'active' | 'expired' | 'revoked';

export type ApiTokenRow = {
  id: number;
  accountId: number;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  state: ApiTokenState;
};

/** A token just created: `token` is its only copy, to show once. */
export type CreatedApiToken = { id: number; token: string; prefix: string; expiresAt: string | null };

/** Where a write comes from: the unit it is audited under (else the account's only unit) and the address. */
export type TokenContext = { unitId?: number | null; ip?: string | null };

type Deps = {
  db: Db;
  accounts: AccountRepository;
  tokens: ApiTokenRepository;
  audit: AuditLog;
  clock: Clock;
  /** The account's actor with its roles; throws when the account is missing or disabled. */
  actorOf: (accountId: number) => Promise<Actor>;
};

export function tokenState(
  t: { expiresAt: string | null; revokedAt: string | null },
  now: Date,
): ApiTokenState {
  if (t.revokedAt !== null) {
    return 'revoked';
  }
  return t.expiresAt !== null && Date.parse(t.expiresAt) <= now.getTime() ? 'expired' : 'active';
}

export class ApiTokenService {
  constructor(private readonly deps: Deps) {}

  /** Creates a token for a staff account and returns its text, the only time it is seen. Audited. */
  async create(
    actor: Actor | null,
    accountId: number,
    input: NewApiTokenForm,
    context: TokenContext = {},
  ): Promise<CreatedApiToken> {
    const { db, accounts, tokens, audit, clock } = this.deps;
    if (actor && actor.id !== accountId) {
      throw new ForbiddenError('token_not_own', accountMessages.errors.tokenNotFound);
    }
    const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const prefix = token.slice(0, SHOWN_LENGTH);
    const now = clock.now();
    const expiresAt =
      input.days === null ? null : new Date(now.getTime() + input.days * 86_400_000).toISOString();
    const id = await db.transaction().execute(async (trx) => {
      const account = await accounts.findById(trx, accountId);
      if (!account || account.kind !== 'staff' || account.disabled === 1) {
        throw new ForbiddenError('token_staff_only', accountMessages.errors.tokenStaffOnly);
      }
      const created = await tokens.insert(trx, {
        accountId,
        name: input.name,
        prefix,
        tokenHash: hashToken(token),
        createdAt: now.toISOString(),
        createdBy: actor?.id ?? null,
        expiresAt,
      });
      await audit.append(trx, {
        at: now,
        actor,
        unitId: await this.auditUnit(trx, accountId, context),
        action: 'api_token.create',
        entity: 'api_token',
        entityId: created,
        after: { account: account.username, name: input.name, prefix, expiresAt },
        ip: context.ip ?? null,
      });
      return created;
    });
    return { id, token, prefix, expiresAt };
  }

  /** An account's tokens, newest first, with their state now. */
  async list(accountId: number): Promise<ApiTokenRow[]> {
    const now = this.deps.clock.now();
    const rows = await this.deps.tokens.findForAccount(this.deps.db, accountId);
    return rows.map((r) => ({ ...r, state: tokenState(r, now) }));
  }

  /**
   * Revokes a token. With `ownerId` (a staff member on their own page), a token of another account is not found.
   * Revoking twice is refused (409) so that the audit trail holds one revocation per token.
   */
  async revoke(
    actor: Actor | null,
    tokenId: number,
    context: TokenContext & { ownerId?: number } = {},
  ): Promise<ApiTokenRow> {
    const { db, tokens, audit, clock } = this.deps;
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      const token = await tokens.findById(trx, tokenId);
      if (!token || (context.ownerId !== undefined && token.accountId !== context.ownerId)) {
        throw new NotFoundError('token_not_found', accountMessages.errors.tokenNotFound);
      }
      if (!(await tokens.revoke(trx, tokenId, now.toISOString()))) {
        throw new ConflictError('token_already_revoked', accountMessages.errors.tokenAlreadyRevoked);
      }
      await audit.append(trx, {
        at: now,
        actor,
        unitId: await this.auditUnit(trx, token.accountId, context),
        action: 'api_token.revoke',
        entity: 'api_token',
        entityId: tokenId,
        before: { name: token.name, prefix: token.prefix, revokedAt: null },
        after: { revokedAt: now.toISOString() },
        ip: context.ip ?? null,
      });
      return { ...token, revokedAt: now.toISOString(), state: 'revoked' };
    });
  }

  /** Inside the transaction that disables an account: revokes its live tokens, audited when there were any. */
  async revokeAllOf(trx: Tx, actor: Actor | null, accountId: number, context: TokenContext): Promise<void> {
    const now = this.deps.clock.now();
    const ids = await this.deps.tokens.revokeAllForAccount(trx, accountId, now.toISOString());
    if (ids.length > 0) {
      await this.deps.audit.append(trx, {
        at: now,
        actor,
        unitId: await this.auditUnit(trx, accountId, context),
        action: 'api_token.revoke_all',
        entity: 'account',
        entityId: accountId,
        after: { revokedTokens: ids },
        ip: context.ip ?? null,
      });
    }
  }

  /**
   * The actor a bearer token stands for, or null when the text is not a live token of an enabled staff account.
   * Text that cannot be a token is refused without a query.
   */
  async actorForToken(text: string): Promise<Actor | null> {
    const { db, tokens, clock } = this.deps;
    if (!TOKEN_SHAPE.test(text)) {
      return null;
    }
    const row = await tokens.findByHash(db, hashToken(text));
    const now = clock.now();
    if (!row || row.kind !== 'staff' || row.disabled === 1 || tokenState(row, now) !== 'active') {
      return null;
    }
    if (row.lastUsedAt === null || Date.parse(row.lastUsedAt) <= now.getTime() - TOUCH_EVERY_MS) {
      const since = new Date(now.getTime() - TOUCH_EVERY_MS).toISOString();
      await tokens.touch(db, row.id, now.toISOString(), since);
    }
    return this.deps.actorOf(row.accountId).catch(() => null);
  }

  /** A staff account's id by username (for `congxa token`), or undefined. */
  async staffIdOf(username: string): Promise<number | undefined> {
    const account = await this.deps.accounts.findByUsername(this.deps.db, username.trim().toLowerCase());
    return account?.kind === 'staff' ? account.id : undefined;
  }

  /** The unit an audit row goes under: the caller's, else the account's only unit, else none. */
  private async auditUnit(trx: Tx, accountId: number, context: TokenContext): Promise<number | null> {
    if (context.unitId !== undefined) {
      return context.unitId;
    }
    const units = new Set((await this.deps.accounts.findRoles(trx, accountId)).map((r) => r.unitId));
    return units.size === 1 ? ([...units][0] ?? null) : null;
  }
}
