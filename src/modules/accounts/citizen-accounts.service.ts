import type { AuditLog } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import { isUniqueViolation, type Db } from '../../platform/db.js';
import { FieldError, NotFoundError, TooManyRequestsError } from '../../platform/errors.js';
import { citizenMessages as m } from './citizen-accounts.messages.js';
import type { CitizenRepository } from './citizen-accounts.repository.js';
import { hashPassword } from './passwords.js';
import { AttemptWindow } from './sign-in-policy.js';

/**
 * Citizens' accounts (issue #3 item 3): one per person, named by their citizen ID (CCCD), for online submission.
 * A citizen account holds no role anywhere, so no /quan-tri page opens to it; sign-in, its lock policy and sessions
 * are AccountService's (`signIn(…, 'citizen')`), which never lets a staff account in as a citizen or the other way.
 */

/**
 * The account's username: its CCCD in a namespace staff usernames cannot enter (they allow no ':'), so a staff
 * account can never hold a citizen's number and the two kinds never collide.
 */
export const citizenUsername = (idNumber: string): string => `cccd:${idNumber}`;

/** What a citizen's forms are prefilled with. */
export type CitizenProfile = {
  id: number;
  fullName: string;
  idNumber: string;
  phone: string | null;
  email: string | null;
};

/** Sign-ups allowed per address and hour (each costs an argon2 hash): a family sharing a connection fits. */
export const SIGN_UPS_PER_IP_PER_HOUR = 10;

type Deps = { db: Db; repo: CitizenRepository; audit: AuditLog; clock: Clock };

export class CitizenAccountService {
  private readonly window = new AttemptWindow(SIGN_UPS_PER_IP_PER_HOUR, 3_600_000);

  constructor(private readonly deps: Deps) {}

  /**
   * Creates a citizen account. A CCCD that already has an account is refused at the field (FieldError on idNumber);
   * too many sign-ups from one address are refused with 429.
   */
  async signUp(
    input: { fullName: string; idNumber: string; phone: string; email: string | null; password: string },
    ip: string,
    unitId: number | null,
  ): Promise<number> {
    const { db, repo, audit, clock } = this.deps;
    const now = clock.now();
    const wait = this.window.hit(ip, now.getTime());
    if (wait > 0) {
      throw new TooManyRequestsError('sign_up_rate_limited', m.errors.signUpRateLimited, wait);
    }
    const username = citizenUsername(input.idNumber);
    const taken = () => new FieldError('idNumber', 'id_number_taken', m.fields.id_number_taken);
    if (await repo.exists(db, username)) {
      throw taken();
    }
    const passwordHash = await hashPassword(input.password);
    try {
      return await db.transaction().execute(async (trx) => {
        const id = await repo.insert(trx, {
          username,
          fullName: input.fullName,
          email: input.email,
          phone: input.phone,
          passwordHash,
        });
        // The audit row says who signed up, not their ID or phone number (the unit's admin reads the trail).
        await audit.append(trx, {
          at: now,
          actor: { id, name: input.fullName },
          unitId,
          action: 'account.citizen_sign_up',
          entity: 'account',
          entityId: id,
          ip,
        });
        return id;
      });
    } catch (err) {
      // Two sign-ups with one number at once: the unique username refuses the second.
      throw isUniqueViolation(err) ? taken() : err;
    }
  }

  /** The citizen behind an account id; NotFoundError for a staff, disabled or unknown account. */
  async profile(accountId: number): Promise<CitizenProfile> {
    const row = await this.deps.repo.findCitizen(this.deps.db, accountId);
    if (!row) {
      throw new NotFoundError('citizen_not_found', m.errors.accountNotFound);
    }
    return {
      id: row.id,
      fullName: row.fullName,
      idNumber: row.username.replace(/^cccd:/, ''),
      phone: row.phone,
      email: row.email,
    };
  }
}
