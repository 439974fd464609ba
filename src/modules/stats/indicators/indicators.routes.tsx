import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../deps.js';

/** Decision 766 indicators and the Circular 01/2018 evaluation (issue #4 items 5, 6): to be written. */
export function indicatorRoutes(_app: FastifyInstance, _deps: Deps): void {}
