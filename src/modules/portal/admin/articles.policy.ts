import { hasRole, type Actor } from '../../accounts/actor.js';
import type { Role } from '../../accounts/roles.js';
import type { ArticleStatus } from '../../../platform/db-schema.js';

/**
 * Who may do what to an article. Pure; ArticleAdminService asks it before every write.
 * Today editors and the chief editor (and the unit's admin) may do everything. The editorial workflow (next issue)
 * changes this table: e.g. `publish: ['chief_editor']` makes publishing the chief editor's decision, and a `review`
 * state joins ArticleStatus. Nothing else has to change.
 */
export type ArticleAction = 'create' | 'edit' | 'publish' | 'delete';

export type ArticleRef = { unitId: number; status: ArticleStatus; authorId: number | null };

export const ARTICLE_PERMISSIONS: Readonly<Record<ArticleAction, readonly Role[]>> = {
  create: ['editor', 'chief_editor'],
  edit: ['editor', 'chief_editor'],
  publish: ['editor', 'chief_editor'],
  delete: ['editor', 'chief_editor'],
};

export function can(actor: Actor | null, action: ArticleAction, article: ArticleRef): boolean {
  if (!actor || actor.kind !== 'staff') {
    return false;
  }
  return hasRole(actor, article.unitId, ARTICLE_PERMISSIONS[action]);
}
