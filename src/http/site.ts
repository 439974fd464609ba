import type { FastifyRequest } from 'fastify';
import type { Site } from '../modules/units/unit-directory.js';
import { NotFoundError } from '../platform/errors.js';
import { common } from '../web/messages.js';

/** The request's unit, or a 404 when the deployment has none yet. */
export function siteOf(req: FastifyRequest): Site {
  if (!req.site) {
    throw new NotFoundError('no_unit', common.errors.noUnit);
  }
  return req.site;
}
