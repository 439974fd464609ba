import type { Role } from './roles.js';

/** Who is acting: a signed-in account with its roles per unit. Pure data, passed to services and policies. */
export type Actor = {
  id: number;
  name: string;
  username: string;
  kind: 'staff' | 'citizen';
  /** unit id → roles held there */
  roles: ReadonlyMap<number, readonly Role[]>;
};

/** Does the actor hold one of `allowed` in the unit? An admin of a unit may do everything in it. */
export function hasRole(actor: Actor | null, unitId: number, allowed: readonly Role[]): boolean {
  const held = actor?.roles.get(unitId) ?? [];
  return held.includes('admin') || held.some((r) => allowed.includes(r));
}
