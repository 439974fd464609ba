import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Security headers on every response. Scripts only from our own origin (no inline script anywhere); styles from our
 * origin plus the per-request nonce that the rich-text editor uses for the style element it injects.
 */
export function securityHeaders(req: FastifyRequest, reply: FastifyReply, https: boolean): void {
  const nonce = randomBytes(16).toString('base64');
  req.cspNonce = nonce;
  reply.header(
    'content-security-policy',
    [
      "default-src 'self'",
      "script-src 'self'",
      `style-src 'self' 'nonce-${nonce}'`,
      "img-src 'self' data: blob:",
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
  );
  reply.header('x-content-type-options', 'nosniff');
  reply.header('x-frame-options', 'DENY');
  reply.header('referrer-policy', 'strict-origin-when-cross-origin');
  reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  reply.header('cross-origin-opener-policy', 'same-origin');
  if (https) {
    reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  }
}
