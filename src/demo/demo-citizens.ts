import type { Deps } from '../deps.js';
import type { Actor } from '../modules/accounts/actor.js';
import { CitizenRepository } from '../modules/accounts/citizen-accounts.repository.js';
import { CitizenAccountService } from '../modules/accounts/citizen-accounts.service.js';
import { DemoRandom } from './demo-random.js';
import { demoEmail, demoPeople, type DemoCommune } from './demo-units.js';

/*
 * The demo communes' citizens with an account (issue #3 item 3): the people who submit the demo's online dossiers
 * (demo-dossiers.ts). They sign up through CitizenAccountService on a simulated clock early on 1 January, one after
 * the other, so that the audit trail shows each sign-up before the citizen's first dossier. Their ID numbers start with
 * 000 (no province has that code), like every demo applicant's.
 */

/** The documented demo citizen (README): xã Tân Hồng's first, who can sign in at /tai-khoan/dang-nhap. */
export const DEMO_CITIZEN = { idNumber: '000185901000', fullName: 'Phạm Thị Hương' } as const;

/**
 * Citizens with an account per commune: few, as each sign-up hashes a password (about 20 ms of CPU), and never more
 * than the ten sign-ups an address may make in an hour (they may all fall in one when "now" is early on 1 January).
 */
export const demoCitizenCount = (commune: DemoCommune): number => (commune.isDefault ? 8 : 2);

/** A documentation address (RFC 5737): the demo's sign-ups came from no real network. */
const SIGN_UP_IP = '192.0.2.10';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export type DemoCitizen = {
  actor: Actor;
  /** The hamlet the citizen lives in: the address typed on their forms. */
  hamlet: string;
};

/**
 * Signs up the demo citizens of one commune (`index`: its place in DEMO_COMMUNES) with `password`, from 06:00 on
 * 1 January every 5 minutes (before the first online submission at 07:00; closer together when `now` is earlier),
 * and returns them in order.
 */
export async function signUpDemoCitizens(
  deps: Deps,
  opts: {
    commune: DemoCommune;
    index: number;
    unitId: number;
    hamlets: readonly string[];
    password: string;
    yearStart: Date;
    now: Date;
  },
): Promise<DemoCitizen[]> {
  const { commune, index, unitId, hamlets, password, yearStart, now } = opts;
  const count = demoCitizenCount(commune);
  const rnd = new DemoRandom(`congxa-demo:citizens:${commune.slug}`);
  const people = demoPeople(rnd, count);
  const clock = { at: yearStart.getTime() };
  const service = new CitizenAccountService({
    db: deps.db,
    repo: new CitizenRepository(),
    audit: deps.audit,
    clock: { now: () => new Date(clock.at) },
  });
  const elapsed = Math.max(0, now.getTime() - yearStart.getTime());
  const citizens: DemoCitizen[] = [];
  for (const [k, person] of people.entries()) {
    const documented = commune.isDefault && k === 0;
    const born = documented ? 1985 : rnd.int(1960, 2004);
    const female = documented || person.female;
    const century = (born >= 2000 ? 2 : 0) + (female ? 1 : 0);
    // 000, the century and sex, the year of birth, then 9, the commune and the citizen: unique, never a real one.
    const serial = `9${String(index + 1).padStart(2, '0')}${String(k).padStart(3, '0')}`;
    const idNumber = documented
      ? DEMO_CITIZEN.idNumber
      : `000${century}${String(born % 100).padStart(2, '0')}${serial}`;
    const fullName = documented ? DEMO_CITIZEN.fullName : person.name;
    clock.at = yearStart.getTime() + Math.min(6 * HOUR + 5 * MINUTE * k, (elapsed * (k + 1)) / (count + 1));
    const id = await service.signUp(
      {
        fullName,
        idNumber,
        phone: `0900${String(rnd.int(0, 999_999)).padStart(6, '0')}`,
        email:
          documented || rnd.next() < 0.5
            ? demoEmail(`congdan${k + 1}.${commune.slug.replaceAll('-', '')}`)
            : null,
        password,
      },
      SIGN_UP_IP,
      unitId,
    );
    citizens.push({ actor: await deps.accounts.actorOf(id), hamlet: rnd.pick(hamlets) });
  }
  return citizens;
}
