/** Staff roles, granted per unit (issue #2, item 5). Labels live in accounts.messages.ts. */
export const ROLES = [
  'admin',
  'editor',
  'chief_editor',
  'one_stop_officer',
  'specialist',
  'leader',
  'cchc_focal_point',
  'appraiser',
  'inspector',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s);
}
