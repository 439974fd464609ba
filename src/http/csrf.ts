import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './auth.js';

/**
 * CSRF protection for every form: a random per-browser secret in an httpOnly cookie, and in each form a token that
 * is the HMAC, under the server's key, of that secret and of the hash of the session cookie (the "signed
 * double-submit cookie" of the OWASP cheat sheet, bound to the session). A token is therefore worthless once the
 * session changes, and the secret itself is replaced whenever a response sets or clears the session cookie (at
 * sign-in and sign-out, `rotateOnSessionChange`). The cookie is `__Host-` prefixed on HTTPS deployments, so a
 * sibling subdomain cannot plant it.
 *
 * The token travels in the form field `_csrf`, the `x-csrf-token` header (admin.js), or the `_csrf` query parameter
 * (multipart forms carry it in their action URL so that it is checked before their body is read, http/uploads.ts).
 * Requests that authenticate with `Authorization: Bearer …` carry no ambient credential and are not subject to it.
 */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const sha256 = (s: string): string => createHash('sha256').update(s).digest('base64url');

export class Csrf {
  /** `cx_csrf`, or `__Host-cx_csrf` when cookies are Secure (PUBLIC_URL is https). */
  readonly cookieName: string;

  constructor(
    private readonly key: string,
    private readonly secureCookie: boolean,
  ) {
    this.cookieName = secureCookie ? '__Host-cx_csrf' : 'cx_csrf';
  }

  private sign(secret: string, session: string | undefined): string {
    return createHmac('sha256', this.key)
      .update(`${secret}|${session ? sha256(session) : ''}`)
      .digest('base64url');
  }

  private cookieOptions() {
    return { path: '/', httpOnly: true, sameSite: 'lax', secure: this.secureCookie } as const;
  }

  /** The token to put in a form, setting the cookie when the browser has none yet. */
  tokenFor(req: FastifyRequest, reply: FastifyReply): string {
    let secret = req.cookies[this.cookieName];
    if (!secret || secret.length < 20) {
      secret = randomBytes(24).toString('base64url');
      req.cookies[this.cookieName] = secret;
      reply.setCookie(this.cookieName, secret, this.cookieOptions());
    }
    return this.sign(secret, req.cookies[SESSION_COOKIE]);
  }

  /** The token the request sent: form field, then header, then query parameter. */
  private sentToken(req: FastifyRequest): unknown {
    const body = req.body as Record<string, unknown> | undefined; // form bodies are flat objects (formbody, uploads.ts)
    const fromBody = body && typeof body === 'object' ? body[CSRF_FIELD] : undefined;
    if (typeof fromBody === 'string') {
      return fromBody;
    }
    const fromHeader = req.headers[CSRF_HEADER];
    if (typeof fromHeader === 'string') {
      return fromHeader;
    }
    return (req.query as Record<string, unknown> | undefined)?.[CSRF_FIELD];
  }

  /** Does the request carry a token that matches its cookie and its session? */
  verify(req: FastifyRequest): boolean {
    const secret = req.cookies[this.cookieName];
    const sent = this.sentToken(req);
    if (!secret || typeof sent !== 'string') {
      return false;
    }
    const expected = Buffer.from(this.sign(secret, req.cookies[SESSION_COOKIE]));
    const given = Buffer.from(sent);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  /**
   * An onSend hook (registered after @fastify/cookie, so the response's Set-Cookie headers are already written):
   * when the response sets or clears the session cookie, it also gets a fresh CSRF secret, so nothing a page
   * handed out before sign-in or sign-out stays valid after it.
   */
  rotateOnSessionChange(
    serialize: (name: string, value: string, options: Record<string, unknown>) => string,
  ): (req: FastifyRequest, reply: FastifyReply, payload: unknown) => Promise<unknown> {
    return async (_req, reply, payload) => {
      const header = reply.getHeader('set-cookie');
      const list = Array.isArray(header) ? header.map(String) : header ? [String(header)] : [];
      if (list.some((c) => c.startsWith(`${SESSION_COOKIE}=`))) {
        const fresh = serialize(this.cookieName, randomBytes(24).toString('base64url'), this.cookieOptions());
        reply.removeHeader('set-cookie'); // header('set-cookie') appends
        reply.header('set-cookie', [...list.filter((c) => !c.startsWith(`${this.cookieName}=`)), fresh]);
      }
      return payload;
    };
  }
}

/**
 * A server-to-server callback (a payment gateway's notification, dossiers/payments/payments.routes.tsx) carries no
 * cookie and no token: it proves itself with a signature its handler checks on the raw body before anything else.
 * Its route sets `config: { signedCallback: true }` and the CSRF check (app.tsx) lets it through. Such a route must
 * never read the session cookie (it does not load an actor).
 */
export function isSignedCallback(req: FastifyRequest): boolean {
  return req.routeOptions.config.signedCallback === true;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** See isSignedCallback (http/csrf.ts). */
    signedCallback?: boolean;
  }
}
