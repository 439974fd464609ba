import type { AuditLog } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db.js';
import type { UnitDirectory } from '../units/unit-directory.js';
import { CalendarRepository } from './calendar.repository.js';
import { CalendarService } from './calendar.service.js';

export type CalendarDeps = { db: Db; clock: Clock; audit: AuditLog; directory: UnitDirectory };

/**
 * The working calendar's services (notices in the database, office hours per unit, due dates), wired once. Nothing
 * is read at start-up: the service loads the notices and office hours on first use.
 */
export class CalendarModule {
  readonly service: CalendarService;

  constructor(readonly deps: CalendarDeps) {
    this.service = new CalendarService({ ...deps, repo: new CalendarRepository() });
  }
}
