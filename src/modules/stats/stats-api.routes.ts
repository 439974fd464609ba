import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.js';

/** GET /api/v1/units/<slug>/dossier-stats (issue #4 item 7): to be written. */
export function statsApiRoutes(_app: FastifyInstance, _deps: Deps): void {}
