import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { hasRole, type Actor } from '../modules/accounts/actor.js';
import { accountMessages } from '../modules/accounts/accounts.messages.js';
import type { AccountService } from '../modules/accounts/accounts.service.js';
import type { Role } from '../modules/accounts/roles.js';
import { ForbiddenError } from '../platform/errors.js';
import { common } from '../web/messages.js';
import { adminPaths } from './paths.js';
import { siteOf } from './site.js';

export const SESSION_COOKIE = 'cx_session';

/** Does the request carry `Authorization: Bearer …`? */
export function hasBearer(req: FastifyRequest): boolean {
  return /^Bearer\s+\S/i.test(req.headers.authorization ?? '');
}

const bearerTokenOf = (req: FastifyRequest): string =>
  (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '').trim();

/** The JSON API lives under /api/ at the site root (a unit prefix has already been stripped by rewriteUrl). */
export const isApiPath = (url: string): boolean => url.startsWith('/api/');

/**
 * The actor of the request, loaded once: from an API token on /api/ paths, else from the session cookie.
 *
 * A request with `Authorization: Bearer …` is judged by its token alone and never by a cookie it also carries:
 * it skipped the CSRF check, so a cookie must not ride on it. A token opens only /api/ routes; on any other path
 * (the admin's HTML pages above all) a bearer request is anonymous, so a leaked integration token cannot be used
 * to browse or change anything through the admin, and page guards answer it as they answer a stranger.
 */
export async function loadActor(req: FastifyRequest, accounts: AccountService): Promise<Actor | null> {
  if (req.actor === undefined) {
    if (hasBearer(req)) {
      req.actor = isApiPath(req.url) ? await accounts.tokens.actorForToken(bearerTokenOf(req)) : null;
    } else {
      const token = req.cookies[SESSION_COOKIE];
      req.actor = token ? await accounts.actorForSession(token) : null;
    }
  }
  return req.actor;
}

/**
 * A bearer request to the API: exempt from the CSRF check (app.tsx), as a browser never adds an Authorization
 * header on its own, so a forged cross-site request cannot carry one, and loadActor never lets a cookie
 * authenticate it. Elsewhere a bearer header authenticates nothing and exempts from nothing.
 */
export function isBearerApiRequest(req: FastifyRequest): boolean {
  return hasBearer(req) && isApiPath(req.url);
}

/** A 401 of the JSON API, with the challenge of RFC 6750 §3 (`error="invalid_token"` when a token was refused). */
function apiUnauthorized(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const m = accountMessages.apiTokens;
  const invalid = hasBearer(req);
  return reply
    .code(401)
    .header(
      'www-authenticate',
      invalid ? 'Bearer realm="congxa", error="invalid_token"' : 'Bearer realm="congxa"',
    )
    .header('cache-control', 'no-store')
    .send(
      invalid
        ? { error: 'invalid_token', message: m.invalidToken }
        : { error: 'authentication_required', message: m.authRequired },
    );
}

/**
 * onRequest, for the whole app: an /api/ request that sends a bearer token must send a live one, whatever the
 * route (a public one included), so an integration learns at once that its token was revoked or has expired.
 * It runs before the body is read.
 */
export function refuseInvalidBearer(accounts: AccountService) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (hasBearer(req) && isApiPath(req.url) && !(await loadActor(req, accounts))) {
      return apiUnauthorized(req, reply);
    }
    return undefined;
  };
}

/**
 * The guard of a JSON API route: staff of the request's unit holding one of `roles` (an admin of the unit passes),
 * authenticated by an API token or by a session cookie (a cookie request has passed the CSRF check if unsafe).
 * Answers JSON, never a redirect: 401 with `WWW-Authenticate: Bearer` without credentials or with a refused
 * token, 403 without the role. The unit is the request's: its host name, or a `/<unit-slug>/api/…` prefix, else
 * the default unit. After it, `apiActorOf(req)` is the caller.
 */
export function requireApiRole(accounts: AccountService, roles: readonly Role[]): preHandlerAsyncHookHandler {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const actor = await loadActor(req, accounts);
    if (!actor) {
      return apiUnauthorized(req, reply);
    }
    if (!hasRole(actor, siteOf(req).unit.id, roles)) {
      return reply.code(403).send({ error: 'role_required', message: accountMessages.apiTokens.forbidden });
    }
  };
}

/** The caller of an API route guarded by requireApiRole. */
export function apiActorOf(req: FastifyRequest): Actor {
  if (!req.actor) {
    throw new Error('apiActorOf called on a route without requireApiRole');
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
