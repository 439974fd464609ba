import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.js';
import { NotFoundError } from '../../platform/errors.js';
import { isStorageKey } from '../../platform/storage.js';
import { adminMessages } from './admin/admin.messages.js';

const ONE_YEAR = 365 * 24 * 3600;

/**
 * GET /media/<key>: uploaded files, served with the type recorded at upload (sniffed from the bytes). Keys are
 * random and never reused, so the answer can be cached for a year. Unknown keys, and anything that is not shaped
 * like a storage key, are a 404 (the latter before any query).
 */
export function mediaRoutes(app: FastifyInstance, deps: Deps): void {
  const { media } = deps.portalAdmin;

  app.get('/media/*', async (req, reply) => {
    const key = (req.params as { '*'?: string })['*'] ?? '';
    const info = key.length <= 200 && isStorageKey(key) ? await media.forServing(key) : undefined;
    const stream = info ? media.open(key) : undefined;
    if (!info || !stream) {
      throw new NotFoundError('media_not_found', adminMessages.notFound.media);
    }
    return reply
      .header('content-type', info.mime)
      .header('content-length', String(info.size))
      .header('cache-control', `public, max-age=${ONE_YEAR}, immutable`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(stream);
  });
}
