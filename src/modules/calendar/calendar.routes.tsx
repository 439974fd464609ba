import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.js';

/** The calendar's public API and pages, and the admin of yearly notices: filled in by slice 2 of issue #3. */
export function calendarRoutes(_app: FastifyInstance, _deps: Deps): void {}
