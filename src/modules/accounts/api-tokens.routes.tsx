import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.js';
import { ANY_STAFF_ROLE, requireRole } from '../../http/auth.js';
import { IdParams } from '../../http/ids.js';
import { adminPaths, apiPaths } from '../../http/paths.js';
import { ConflictError } from '../../platform/errors.js';
import { actorOf, renderAdmin, siteOf } from '../../web/admin-shell.js';
import {
  fieldErrors,
  formValues,
  type FieldErrors,
  type FormValues,
} from '../../web/components/form-errors.js';
import { ROLE_LABELS, accountMessages } from './accounts.messages.js';
import { toTokenRows } from './accounts.presenter.js';
import { NewApiTokenForm } from './accounts.schemas.js';
import { AccountPage } from './views/AccountPage.js';

/**
 * /quan-tri/tai-khoan: the signed-in staff member's own account, with their API tokens: the list (name, prefix,
 * created, last used, expiry, state), a form that creates one and shows it once (in the answer to the POST, never
 * in a URL; the admin is never cached, request-checks.ts), and a revoke button per live token. A member sees and
 * revokes only their own tokens.
 */
export function apiTokenRoutes(app: FastifyInstance, deps: Deps): void {
  const guard = { preHandler: requireRole(deps.accounts, ANY_STAFF_ROLE) };
  const tokens = deps.accounts.tokens;

  const page = async (
    req: FastifyRequest,
    reply: FastifyReply,
    form: { values?: FormValues; errors?: FieldErrors; created?: { name: string; token: string } } = {},
    status?: number,
  ) => {
    const site = siteOf(req);
    const actor = actorOf(req);
    const rows = toTokenRows(await tokens.list(actor.id), site.basePath);
    const roles = (actor.roles.get(site.unit.id) ?? []).map((r) => ROLE_LABELS[r]).join(', ');
    return renderAdmin(
      req,
      reply,
      deps,
      { title: accountMessages.account.title, area: null, status },
      (shell) => (
        <AccountPage
          fullName={actor.name}
          username={actor.username}
          rolesLabel={roles}
          tokens={rows}
          createAction={adminPaths.accountTokens(site.basePath)}
          docsHref={apiPaths.docs()}
          csrfToken={shell.csrfToken}
          values={form.values ?? {}}
          errors={form.errors ?? {}}
          created={form.created}
        />
      ),
    );
  };

  app.get(adminPaths.account(''), guard, async (req, reply) => page(req, reply));

  app.post(adminPaths.accountTokens(''), guard, async (req, reply) => {
    const values = formValues(req.body);
    const form = NewApiTokenForm.safeParse(values);
    if (!form.success) {
      return page(req, reply, { values, errors: fieldErrors(form.error, accountMessages.fields) }, 422);
    }
    const actor = actorOf(req);
    const created = await tokens.create(actor, actor.id, form.data, {
      unitId: siteOf(req).unit.id,
      ip: req.ip,
    });
    return page(req, reply, { created: { name: form.data.name, token: created.token } });
  });

  app.post('/quan-tri/tai-khoan/khoa-api/:id/thu-hoi', guard, async (req, reply) => {
    const { id } = IdParams.parse(req.params);
    const actor = actorOf(req);
    try {
      await tokens.revoke(actor, id, { ownerId: actor.id, unitId: siteOf(req).unit.id, ip: req.ip });
    } catch (err) {
      // Revoked already (a second tab, a double click): the page shows it revoked.
      if (!(err instanceof ConflictError)) {
        throw err;
      }
    }
    return reply.redirect(adminPaths.account(siteOf(req).basePath), 303);
  });
}
