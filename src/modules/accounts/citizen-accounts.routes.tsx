import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.js';
import { loadActor, SESSION_COOKIE } from '../../http/auth.js';
import { citizenPaths, portalPaths } from '../../http/paths.js';
import { render } from '../../http/render.js';
import { siteOf } from '../../http/site.js';
import { FieldError } from '../../platform/errors.js';
import {
  fieldErrors,
  formValues,
  type FieldErrors,
  type FormValues,
} from '../../web/components/form-errors.js';
import type { PageShell } from '../../web/layout-view.js';
import { portalShellBuilder } from '../portal/public/portal-shell.js';
import { accountMessages } from './accounts.messages.js';
import { SESSION_DAYS } from './accounts.service.js';
import { citizenMessages as m } from './citizen-accounts.messages.js';
import { CitizenSignInForm, CitizenSignUpForm } from './citizen-accounts.schemas.js';
import { citizenUsername } from './citizen-accounts.service.js';
import { safeLocalPath } from './safe-redirect.js';
import { CitizenSignInPage, CitizenSignUpPage, type CitizenFormView } from './views/CitizenAccountPages.js';

const SESSION_MAX_AGE_SECONDS = SESSION_DAYS * 24 * 3600;

/**
 * Citizens' accounts inside the unit's portal (issue #3 item 3): sign-up (/tai-khoan/dang-ky), sign-in
 * (/tai-khoan/dang-nhap, the staff sign-in's rate limit and lock policy) and sign-out. Every page works without
 * JavaScript; every form carries the CSRF token. After signing in or up the citizen goes back to `tiep` (a path on
 * this site) or to "my dossiers".
 */
export function citizenAccountRoutes(app: FastifyInstance, deps: Deps): void {
  const { accounts, csrf, config } = deps;
  const secureCookie = config.http.publicUrl?.startsWith('https://') ?? false;
  const shellOf = portalShellBuilder(app, deps);

  const nextOf = (raw: unknown): string | undefined => safeLocalPath(raw, '') || undefined;

  async function page(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    title: string,
    href: string,
    body: (shell: PageShell) => ReturnType<typeof CitizenSignInPage>,
  ): Promise<FastifyReply> {
    const site = siteOf(req);
    const shell = await shellOf(req, site, { title, path: href, noIndex: true }, href);
    return render(reply.code(status).header('cache-control', 'no-store'), body(shell));
  }

  const view = (
    req: FastifyRequest,
    reply: FastifyReply,
    action: string,
    otherHref: string,
    next: string | undefined,
    values: FormValues,
    errors: FieldErrors,
  ): CitizenFormView => ({
    action,
    csrfToken: csrf.tokenFor(req, reply),
    next,
    values,
    errors,
    otherHref,
  });

  const signInPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    next: string | undefined,
    values: FormValues = {},
    errors: FieldErrors = {},
  ) => {
    const base = siteOf(req).basePath;
    const rule = accounts.lockRule();
    const v = view(
      req,
      reply,
      citizenPaths.signIn(base),
      citizenPaths.signUp(base, next),
      next,
      values,
      errors,
    );
    return page(req, reply, status, m.signIn.title, citizenPaths.signIn(base), (shell) => (
      <CitizenSignInPage
        shell={shell}
        view={v}
        lockHint={accountMessages.signIn.lockHint(rule.maxFailures, rule.lockMinutes)}
      />
    ));
  };

  const signUpPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    next: string | undefined,
    values: FormValues = {},
    errors: FieldErrors = {},
  ) => {
    const base = siteOf(req).basePath;
    const v = view(
      req,
      reply,
      citizenPaths.signUp(base),
      citizenPaths.signIn(base, next),
      next,
      values,
      errors,
    );
    return page(req, reply, status, m.signUp.title, citizenPaths.signUp(base), (shell) => (
      <CitizenSignUpPage shell={shell} view={v} />
    ));
  };

  /** Sets the session cookie and goes on to `next` or "my dossiers". */
  const signedIn = (req: FastifyRequest, reply: FastifyReply, token: string, next: string | undefined) => {
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookie,
      maxAge: SESSION_MAX_AGE_SECONDS,
    });
    return reply.redirect(safeLocalPath(next, citizenPaths.dossiers(siteOf(req).basePath)), 303);
  };

  /** A citizen already signed in needs no sign-in or sign-up page. */
  const alreadyIn = async (req: FastifyRequest, reply: FastifyReply, next: string | undefined) => {
    const actor = await loadActor(req, accounts);
    return actor?.kind === 'citizen'
      ? reply.redirect(safeLocalPath(next, citizenPaths.dossiers(siteOf(req).basePath)), 303)
      : undefined;
  };

  app.get(citizenPaths.signIn(''), async (req, reply) => {
    const next = nextOf((req.query as { tiep?: unknown }).tiep);
    return (await alreadyIn(req, reply, next)) ?? signInPage(req, reply, 200, next);
  });

  app.post(citizenPaths.signIn(''), async (req, reply) => {
    const values = formValues(req.body);
    const next = nextOf(values.tiep);
    const form = CitizenSignInForm.safeParse(req.body);
    if (!form.success) {
      return signInPage(req, reply, 422, next, values, fieldErrors(form.error, m.fields));
    }
    const idNumber = form.data.idNumber.replace(/\s/g, '');
    const result = await accounts.signIn(citizenUsername(idNumber), form.data.password, req.ip, 'citizen');
    if (!result.ok) {
      return signInPage(
        req,
        reply,
        422,
        next,
        { idNumber: values.idNumber ?? '' },
        { password: m.signIn.invalid },
      );
    }
    return signedIn(req, reply, result.token, next);
  });

  app.get(citizenPaths.signUp(''), async (req, reply) => {
    const next = nextOf((req.query as { tiep?: unknown }).tiep);
    return (await alreadyIn(req, reply, next)) ?? signUpPage(req, reply, 200, next);
  });

  app.post(citizenPaths.signUp(''), async (req, reply) => {
    const values = formValues(req.body);
    const kept = { ...values, password: '', passwordConfirm: '' };
    const next = nextOf(values.tiep);
    const form = CitizenSignUpForm.safeParse(req.body);
    if (!form.success) {
      return signUpPage(req, reply, 422, next, kept, fieldErrors(form.error, m.fields));
    }
    try {
      await accounts.citizens.signUp(form.data, req.ip, siteOf(req).unit.id);
    } catch (err) {
      if (err instanceof FieldError) {
        return signUpPage(req, reply, 422, next, kept, { [err.field]: err.message });
      }
      throw err;
    }
    const result = await accounts.signIn(
      citizenUsername(form.data.idNumber),
      form.data.password,
      req.ip,
      'citizen',
    );
    if (!result.ok) {
      // Only if the account was disabled or locked in between: the sign-in page says what to do.
      return reply.redirect(citizenPaths.signIn(siteOf(req).basePath, next), 303);
    }
    return signedIn(req, reply, result.token, next);
  });

  app.post(citizenPaths.signOut(''), async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      await accounts.signOut(token);
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect(portalPaths.home(siteOf(req).basePath), 303);
  });
}
