import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * CSRF protection for every form: a random per-browser secret in an httpOnly cookie, and in each form a token that
 * is the HMAC of that secret under the server's key (the "signed double-submit cookie" of the OWASP cheat sheet).
 * Checked in a preHandler, after the body (urlencoded or multipart) is parsed. JSON APIs under /api use tokens, not
 * cookies, and are not subject to it.
 */
export const CSRF_COOKIE = 'cx_csrf';
export const CSRF_FIELD = '_csrf';

export class Csrf {
  constructor(
    private readonly key: string,
    private readonly secureCookie: boolean,
  ) {}

  private sign(secret: string): string {
    return createHmac('sha256', this.key).update(secret).digest('base64url');
  }

  /** The token to put in a form, setting the cookie when the browser has none yet. */
  tokenFor(req: FastifyRequest, reply: FastifyReply): string {
    let secret = req.cookies[CSRF_COOKIE];
    if (!secret || secret.length < 20) {
      secret = randomBytes(24).toString('base64url');
      req.cookies[CSRF_COOKIE] = secret;
      reply.setCookie(CSRF_COOKIE, secret, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: this.secureCookie,
      });
    }
    return this.sign(secret);
  }

  /** Does the request carry a token that matches its cookie? */
  verify(req: FastifyRequest): boolean {
    const secret = req.cookies[CSRF_COOKIE];
    const body = req.body as Record<string, unknown> | undefined; // form bodies are flat objects (formbody, multipart keyValues)
    const sent =
      (typeof body?.[CSRF_FIELD] === 'string' ? body[CSRF_FIELD] : undefined) ?? req.headers['x-csrf-token'];
    if (!secret || typeof sent !== 'string') {
      return false;
    }
    const expected = Buffer.from(this.sign(secret));
    const given = Buffer.from(sent);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
