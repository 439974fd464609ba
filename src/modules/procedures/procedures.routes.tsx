import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.js';

/** The procedure catalogue's public pages and admin: filled in by the catalogue slice of issue #3. */
export function procedureRoutes(_app: FastifyInstance, _deps: Deps): void {}
