import type { AuditLog } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db.js';
import type { FileStorage } from '../../platform/storage.js';
import type { AccountService } from '../accounts/accounts.service.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import type { ProceduresService } from '../procedures/procedures.service.js';
import type { StatsRecorder } from '../stats/stats-recorder.js';
import type { UnitDirectory } from '../units/unit-directory.js';
import { DossierRepository } from './dossiers.repository.js';
import { DossierService, type DossierNotifier } from './dossiers.service.js';
import { OnlineRepository } from './online.repository.js';
import { OnlineIntakeService } from './online.service.js';

export type DossiersDeps = {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  storage: FileStorage;
  directory: UnitDirectory;
  calendar: CalendarService;
  procedures: ProceduresService;
  accounts: AccountService;
  notifier?: DossierNotifier;
  /** Keeps the results aggregates current in every dossier transaction (issue #4). */
  stats: StatsRecorder;
};

/** The one-stop dossiers' services, wired once. */
export class DossiersModule {
  readonly service: DossierService;
  /** Online submission by citizens: drafts and the submitted dossier (online.service.ts). */
  readonly online: OnlineIntakeService;
  readonly repo: DossierRepository;

  constructor(readonly deps: DossiersDeps) {
    const repo = new DossierRepository(deps.stats);
    this.repo = repo;
    this.service = new DossierService({ ...deps, repo });
    this.online = new OnlineIntakeService({ ...deps, repo, online: new OnlineRepository() });
  }

  /** Every dossier of the unit with its events (the results statistics' rebuild and verify). */
  histories(unitId: number) {
    return this.repo.histories(this.deps.db, unitId);
  }
}
