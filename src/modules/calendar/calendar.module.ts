import type { AuditLog } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db.js';
import type { UnitDirectory } from '../units/unit-directory.js';

export type CalendarDeps = { db: Db; clock: Clock; audit: AuditLog; directory: UnitDirectory };

/** The working calendar's services (notices in the database, office hours per unit, due dates), wired once. */
export class CalendarModule {
  constructor(readonly deps: CalendarDeps) {}
}
