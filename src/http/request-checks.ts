import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './http-error.js';
import { httpMessages as m } from './http.messages.js';

/** Does a string anywhere in a parsed value (path params, query, form body; file bytes excluded) hold a NUL? */
export function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') {
    return value.includes('\u0000');
  }
  if (depth > 4 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) {
    return false;
  }
  const items: unknown[] = Array.isArray(value)
    ? value
    : Object.entries(value as Record<string, unknown>).flat();
  return items.some((v) => holdsNul(v, depth + 1));
}

/** onRequest: a NUL (%00) in the path or query is refused before routing reaches a query. */
export async function refuseNulInUrl(req: FastifyRequest): Promise<void> {
  if (/%00/i.test(req.raw.url ?? '')) {
    throw new HttpError(400, 'nul_byte', m.nulByte);
  }
}

/**
 * preValidation: no NUL in params, query or the text fields of the body. PostgreSQL cannot store it in a text
 * column ("invalid byte sequence for encoding UTF8: 0x00", a 500 otherwise), and no form has a use for it.
 */
export async function refuseNul(req: FastifyRequest): Promise<void> {
  if (holdsNul(req.params) || holdsNul(req.query) || holdsNul(req.body)) {
    throw new HttpError(400, 'nul_byte', m.nulByte);
  }
}

/** onSend: the admin (sign-in included) is never stored by a browser or a shared cache. */
export async function noStoreForAdmin(
  req: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  if (/^\/quan-tri(\/|\?|$)/.test(req.url)) {
    reply.header('cache-control', 'no-store');
  }
  return payload;
}
