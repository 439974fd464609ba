import type { AuditLog } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db.js';
import type { FileStorage } from '../../platform/storage.js';
import type { UnitDirectory } from '../units/unit-directory.js';
import { ProceduresService } from './procedures.service.js';

export type ProceduresDeps = {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  directory: UnitDirectory;
  /** Where the documents' template files are kept. */
  storage: FileStorage;
};

/** The procedure catalogue's services, wired once. */
export class ProceduresModule {
  readonly service: ProceduresService;

  constructor(readonly deps: ProceduresDeps) {
    this.service = new ProceduresService(deps);
  }
}
