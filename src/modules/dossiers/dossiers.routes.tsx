import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.js';
import { lookupRoutes } from './lookup.routes.js';
import { onlineRoutes } from './online.routes.js';
import { paymentRoutes } from './payments/payments.routes.js';
import { bookRoutes } from './staff/book.routes.js';
import { staffApiRoutes } from './staff-api.routes.js';
import { staffDossierRoutes } from './staff/staff.routes.js';

/**
 * Every route of the one-stop dossiers, registered by app.tsx. Each surface has its own file: the staff work pages
 * (intake, queues, the dossier and its actions, slips), the public look-up and its API, online submission.
 */
export function dossierRoutes(app: FastifyInstance, deps: Deps): void {
  staffDossierRoutes(app, deps);
  bookRoutes(app, deps);
  staffApiRoutes(app, deps);
  lookupRoutes(app, deps);
  onlineRoutes(app, deps);
  paymentRoutes(app, deps);
}
