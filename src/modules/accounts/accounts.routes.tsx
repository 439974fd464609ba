import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Deps } from '../../deps.js';
import { requireRole, SESSION_COOKIE } from '../../http/auth.js';
import { adminPaths, portalPaths } from '../../http/paths.js';
import { render } from '../../http/render.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.js';
import { ADMIN_AREAS } from '../../web/admin-nav.js';
import { actorOf, renderAdmin, siteOf } from '../../web/admin-shell.js';
import {
  fieldErrors,
  formList,
  formValues,
  type FieldErrors,
  type FormValues,
} from '../../web/components/form-errors.js';
import { accountMessages } from './accounts.messages.js';
import { SESSION_DAYS } from './accounts.service.js';
import { apiTokenRoutes } from './api-tokens.routes.js';
import { citizenAccountRoutes } from './citizen-accounts.routes.js';
import { toAuditRows, toStaffRows, type StaffRow } from './accounts.presenter.js';
import {
  AccountIdParams,
  NewStaffForm,
  SignInForm,
  StaffRolesForm,
  StaffStatusForm,
} from './accounts.schemas.js';
import { safeLocalPath } from './safe-redirect.js';
import { AuditPage } from './views/AuditPage.js';
import { SignInPage } from './views/SignInPage.js';
import { NewUserForm, UserRolesForm } from './views/UserForms.js';
import { UsersPage } from './views/UsersPage.js';

/** The cookie lives as long as the session it carries (SESSION_DAYS, accounts.service.ts). */
const SESSION_MAX_AGE_SECONDS = SESSION_DAYS * 24 * 3600;
const m = accountMessages;

/**
 * Staff sign-in and sign-out, citizens' accounts (citizen-accounts.routes.tsx), the users and roles pages, one's own
 * account and API tokens, the audit trail.
 */
export function accountRoutes(app: FastifyInstance, deps: Deps): void {
  signInRoutes(app, deps);
  citizenAccountRoutes(app, deps);
  userRoutes(app, deps);
  apiTokenRoutes(app, deps);

  app.get(
    adminPaths.audit(''),
    { preHandler: requireRole(deps.accounts, ADMIN_AREAS.audit.roles) },
    async (req, reply) => {
      const rows = await deps.audit.listForUnit(deps.db, siteOf(req).unit.id, 200);
      return renderAdmin(req, reply, deps, { title: m.audit.title, area: 'audit' }, () => (
        <AuditPage rows={toAuditRows(rows)} />
      ));
    },
  );
}

/** GET and POST /quan-tri/dang-nhap (then back to where the user was going) and POST /quan-tri/dang-xuat. */
function signInRoutes(app: FastifyInstance, deps: Deps): void {
  const { accounts, csrf, config } = deps;
  const secureCookie = config.http.publicUrl?.startsWith('https://') ?? false;

  const signInPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    next: string | undefined,
    values: FormValues = {},
    errors: FieldErrors = {},
  ) => {
    const site = siteOf(req);
    const rule = accounts.lockRule();
    return render(
      reply,
      <SignInPage
        lockHint={m.signIn.lockHint(rule.maxFailures, rule.lockMinutes)}
        unitName={site.unit.name}
        publicHref={portalPaths.home(site.basePath)}
        cspNonce={req.cspNonce}
        csrfToken={csrf.tokenFor(req, reply)}
        action={adminPaths.signIn(site.basePath)}
        next={next}
        values={values}
        errors={errors}
      />,
    );
  };

  app.get(adminPaths.signIn(''), async (req, reply) => {
    const { tiep } = req.query as { tiep?: unknown };
    return signInPage(
      req,
      reply,
      typeof tiep === 'string' ? safeLocalPath(tiep, '') || undefined : undefined,
    );
  });

  app.post(adminPaths.signIn(''), async (req, reply) => {
    const site = siteOf(req);
    const values = formValues(req.body);
    const next = safeLocalPath(values.tiep, '') || undefined;
    const form = SignInForm.safeParse(req.body);
    if (!form.success) {
      return signInPage(req, reply.code(422), next, values, fieldErrors(form.error, m.fields));
    }
    const result = await accounts.signIn(form.data.username, form.data.password, req.ip);
    if (!result.ok) {
      const errors: FieldErrors = { password: m.signIn.invalid };
      return signInPage(req, reply.code(422), next, { username: values.username ?? '' }, errors);
    }
    reply.setCookie(SESSION_COOKIE, result.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookie,
      maxAge: SESSION_MAX_AGE_SECONDS,
    });
    return reply.redirect(safeLocalPath(next, adminPaths.dashboard(site.basePath)), 303);
  });

  app.post(adminPaths.signOut(''), async (req, reply) => {
    const site = siteOf(req);
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      await accounts.signOut(token);
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect(adminPaths.signIn(site.basePath), 303);
  });
}

type Guard = { preHandler: preHandlerAsyncHookHandler };

function userRoutes(app: FastifyInstance, deps: Deps): void {
  const guard = { preHandler: requireRole(deps.accounts, ADMIN_AREAS.users.roles) };

  app.get(adminPaths.users(''), guard, async (req, reply) => {
    const rows = await staffOf(deps, req);
    return renderAdmin(req, reply, deps, { title: m.users.title, area: 'users' }, () => (
      <UsersPage rows={rows} newHref={adminPaths.userNew(siteOf(req).basePath)} />
    ));
  });

  newUserRoutes(app, deps, guard);
  userEditRoutes(app, deps, guard);
}

/** The staff of the request's unit, as listed on the users page. */
async function staffOf(deps: Deps, req: FastifyRequest): Promise<StaffRow[]> {
  const site = siteOf(req);
  return toStaffRows(await deps.accounts.listStaff(site.unit.id), site.basePath);
}

/** The staff member named by the :id parameter, or a 404 when they are not staff of the request's unit. */
async function findStaff(deps: Deps, req: FastifyRequest): Promise<StaffRow> {
  const { id } = AccountIdParams.parse(req.params);
  const staff = (await staffOf(deps, req)).find((s) => s.id === id);
  if (!staff) {
    throw new NotFoundError('account_not_found', accountMessages.errors.staffNotFound);
  }
  return staff;
}

/** GET and POST /quan-tri/nguoi-dung/moi: a new staff account with its roles in the unit. */
function newUserRoutes(app: FastifyInstance, deps: Deps, guard: Guard): void {
  const newForm = (
    req: FastifyRequest,
    reply: FastifyReply,
    values: FormValues,
    roles: string[],
    errors: FieldErrors,
    status?: number,
  ) => {
    const base = siteOf(req).basePath;
    return renderAdmin(req, reply, deps, { title: m.users.newTitle, area: 'users', status }, (shell) => (
      <NewUserForm
        action={adminPaths.userNew(base)}
        backHref={adminPaths.users(base)}
        csrfToken={shell.csrfToken}
        values={values}
        roles={roles}
        errors={errors}
      />
    ));
  };

  app.get(adminPaths.userNew(''), guard, async (req, reply) => newForm(req, reply, {}, [], {}));

  app.post(adminPaths.userNew(''), guard, async (req, reply) => {
    const site = siteOf(req);
    const values = formValues(req.body);
    const roles = formList(req.body, 'roles');
    const form = NewStaffForm.safeParse({ ...values, roles });
    if (!form.success) {
      return newForm(req, reply, values, roles, fieldErrors(form.error, m.fields), 422);
    }
    try {
      await deps.accounts.createStaff(
        actorOf(req),
        { ...form.data, email: form.data.email || null, unitId: site.unit.id },
        req.ip,
      );
    } catch (err) {
      if (err instanceof ConflictError && err.code === 'username_taken') {
        return newForm(req, reply, values, roles, { username: m.fields.username_taken }, 422);
      }
      throw err;
    }
    return reply.redirect(adminPaths.users(site.basePath), 303);
  });
}

/** A staff member's roles in the unit (/quan-tri/nguoi-dung/:id) and disabling or enabling their account. */
function userEditRoutes(app: FastifyInstance, deps: Deps, guard: Guard): void {
  const rolesForm = (
    req: FastifyRequest,
    reply: FastifyReply,
    staff: StaffRow,
    roles: string[],
    errors: FieldErrors,
    status?: number,
  ) => {
    const base = siteOf(req).basePath;
    return renderAdmin(req, reply, deps, { title: m.users.editTitle, area: 'users', status }, (shell) => (
      <UserRolesForm
        staff={staff}
        action={adminPaths.userEdit(base, staff.id)}
        backHref={adminPaths.users(base)}
        csrfToken={shell.csrfToken}
        roles={roles}
        errors={errors}
        isSelf={actorOf(req).id === staff.id}
      />
    ));
  };

  app.get('/quan-tri/nguoi-dung/:id', guard, async (req, reply) => {
    const staff = await findStaff(deps, req);
    return rolesForm(req, reply, staff, staff.roles, {});
  });

  app.post('/quan-tri/nguoi-dung/:id', guard, async (req, reply) => {
    const site = siteOf(req);
    const staff = await findStaff(deps, req);
    const roles = formList(req.body, 'roles');
    const form = StaffRolesForm.safeParse({ roles });
    if (!form.success) {
      return rolesForm(req, reply, staff, roles, fieldErrors(form.error, m.fields), 422);
    }
    try {
      await deps.accounts.setRoles(actorOf(req), staff.id, site.unit.id, form.data.roles, req.ip);
    } catch (err) {
      if (err instanceof ForbiddenError && err.code === 'cannot_demote_self') {
        return rolesForm(req, reply, staff, roles, { roles: err.message }, 422);
      }
      throw err;
    }
    return reply.redirect(adminPaths.users(site.basePath), 303);
  });

  app.post('/quan-tri/nguoi-dung/:id/trang-thai', guard, async (req, reply) => {
    const site = siteOf(req);
    const staff = await findStaff(deps, req);
    const form = StaffStatusForm.parse(req.body);
    const outcome = await deps.accounts.setDisabled(
      actorOf(req),
      staff.id,
      site.unit.id,
      form.disabled === '1',
      req.ip,
    );
    // Removed from the unit only (roles elsewhere): the account is no longer on this unit's pages.
    return reply.redirect(
      outcome === 'removed_from_unit'
        ? adminPaths.users(site.basePath)
        : adminPaths.userEdit(site.basePath, staff.id),
      303,
    );
  });
}
