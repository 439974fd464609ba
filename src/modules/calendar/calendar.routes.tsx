import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.js';
import { calendarAdminRoutes } from './calendar-admin.routes.js';
import { calendarApiRoutes } from './calendar-api.routes.js';
import { calendarPublicRoutes } from './calendar-public.routes.js';

/** The calendar's public API and pages, and the admin of yearly notices and office hours. */
export function calendarRoutes(app: FastifyInstance, deps: Deps): void {
  calendarApiRoutes(app, deps);
  calendarPublicRoutes(app, deps);
  calendarAdminRoutes(app, deps);
}
