import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { loadActor } from '../../http/auth.js';
import { citizenPaths } from '../../http/paths.js';
import { siteOf } from '../../http/site.js';
import { ForbiddenError } from '../../platform/errors.js';
import type { Actor } from './actor.js';
import type { AccountService } from './accounts.service.js';
import { citizenMessages as m } from './citizen-accounts.messages.js';

/**
 * The guard of a citizen's page (online submission, "my dossiers"): not signed in → the citizens' sign-in page, then
 * back (`back`: where to, by default the page itself; a form post goes back to the page of the form, its query
 * dropped); signed in as staff → a 403 that explains (a staff account is not a citizen account, and the session
 * stays). Also the guard of the online form's upload route, run before its body is read (http/uploads.ts).
 */
export function requireCitizen(
  accounts: AccountService,
  back?: (req: FastifyRequest) => string,
): preHandlerAsyncHookHandler {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const actor = await loadActor(req, accounts);
    const site = siteOf(req);
    if (!actor) {
      const here = req.method === 'GET' ? req.url : (req.url.split('?')[0] ?? '/');
      return reply.redirect(
        citizenPaths.signIn(site.basePath, back?.(req) ?? `${site.basePath}${here}`),
        303,
      );
    }
    if (actor.kind !== 'citizen') {
      throw new ForbiddenError('citizen_only', m.errors.notCitizen);
    }
  };
}

/** The citizen of a route guarded by requireCitizen. */
export function citizenOf(req: FastifyRequest): Actor {
  if (req.actor?.kind !== 'citizen') {
    throw new Error('citizenOf called on a route without requireCitizen');
  }
  return req.actor;
}
