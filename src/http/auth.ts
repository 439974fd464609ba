import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { hasRole, type Actor } from '../modules/accounts/actor.js';
import type { AccountService } from '../modules/accounts/accounts.service.js';
import type { Role } from '../modules/accounts/roles.js';
import { ForbiddenError } from '../platform/errors.js';
import { common } from '../web/messages.js';
import { adminPaths } from './paths.js';
import { siteOf } from './site.js';

export const SESSION_COOKIE = 'cx_session';

/** The signed-in actor, loaded once per request from the session cookie. */
export async function loadActor(req: FastifyRequest, accounts: AccountService): Promise<Actor | null> {
  if (req.actor === undefined) {
    const token = req.cookies[SESSION_COOKIE];
    req.actor = token ? await accounts.actorForSession(token) : null;
  }
  return req.actor;
}

/**
 * A route guard declared where the route is registered: staff of the request's unit holding one of `roles`
 * (an admin of the unit passes every guard). Not signed in → the sign-in page, then back; signed in without the
 * role → a 403 page that explains, and the session stays.
 */
export function requireRole(accounts: AccountService, roles: readonly Role[]): preHandlerAsyncHookHandler {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const actor = await loadActor(req, accounts);
    const site = siteOf(req);
    if (!actor) {
      const back = encodeURIComponent(`${site.basePath}${req.url}`);
      return reply.redirect(`${adminPaths.signIn(site.basePath)}?tiep=${back}`, 303);
    }
    if (!hasRole(actor, site.unit.id, roles)) {
      throw new ForbiddenError('role_required', common.errors.forbiddenBody);
    }
  };
}

/** Any staff role in the request's unit. */
export const ANY_STAFF_ROLE: readonly Role[] = [
  'editor',
  'chief_editor',
  'one_stop_officer',
  'specialist',
  'leader',
  'cchc_focal_point',
  'appraiser',
  'inspector',
];
