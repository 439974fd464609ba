import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../deps.js';
import { dossierPageRoutes } from './dossier.routes.js';
import { intakeRoutes } from './intake.routes.js';
import { queueRoutes } from './queue.routes.js';

export { DOSSIER_ROLES, INTAKE_FILE_FIELDS } from './staff-http.js';

/** The staff pages of the one-stop shop under /quan-tri/ho-so (docs/dossiers.md, "Staff pages"). */
export function staffDossierRoutes(app: FastifyInstance, deps: Deps): void {
  queueRoutes(app, deps);
  intakeRoutes(app, deps);
  dossierPageRoutes(app, deps);
}
