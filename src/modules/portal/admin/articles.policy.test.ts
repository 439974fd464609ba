import { describe, expect, it } from 'vitest';
import type { Actor } from '../../accounts/actor.js';
import type { Role } from '../../accounts/roles.js';
import { can, type ArticleAction } from './articles.policy.js';

const actor = (roles: Record<number, Role[]>, kind: Actor['kind'] = 'staff'): Actor => ({
  id: 7,
  name: 'A',
  username: 'a',
  kind,
  roles: new Map(Object.entries(roles).map(([k, v]) => [Number(k), v])),
});
const article = { unitId: 1, status: 'draft' as const, authorId: 7 };
const actions: ArticleAction[] = ['create', 'edit', 'publish', 'delete'];

describe('can (articles)', () => {
  it.each([
    ['editor', true],
    ['chief_editor', true],
    ['admin', true],
    ['specialist', false],
    ['one_stop_officer', false],
    ['inspector', false],
  ] as const)('%s in the unit → %s for every action', (role, allowed) => {
    for (const action of actions) {
      expect(can(actor({ 1: [role] }), action, article)).toBe(allowed);
    }
  });

  it('gives nothing to an editor of another unit, a citizen or nobody', () => {
    expect(can(actor({ 2: ['editor', 'admin'] }), 'edit', article)).toBe(false);
    expect(can(actor({ 1: ['editor'] }, 'citizen'), 'edit', article)).toBe(false);
    expect(can(null, 'create', article)).toBe(false);
  });
});
