import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.js';
import { Csrf } from './http/csrf.js';
import {
  AccountRepository,
  ApiTokenRepository,
  SessionRepository,
} from './modules/accounts/accounts.repository.js';
import { AccountService } from './modules/accounts/accounts.service.js';
import { DEFAULT_SIGN_IN_POLICY } from './modules/accounts/sign-in-policy.js';
import { CalendarModule } from './modules/calendar/calendar.module.js';
import { dossierNotifier } from './modules/dossiers/dossier-notifier.js';
import { DossiersModule } from './modules/dossiers/dossiers.module.js';
import { StatsModule } from './modules/stats/stats.module.js';
import type { DossierHistory } from './modules/stats/stats-recorder.js';
import { PaymentsModule } from './modules/dossiers/payments/payments.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { ProceduresModule } from './modules/procedures/procedures.module.js';
import { PortalAdminModule } from './modules/portal/portal-admin.module.js';
import { PortalModule } from './modules/portal/portal.module.js';
import { UnitDirectory } from './modules/units/unit-directory.js';
import { UnitRepository } from './modules/units/units.repository.js';
import { UnitService } from './modules/units/units.service.js';
import { AuditLog } from './platform/audit.js';
import { systemClock, type Clock } from './platform/clock.js';
import { createDb, type Db } from './platform/db.js';
import { loadSecrets } from './platform/secrets.js';
import { LocalFileStorage, type FileStorage } from './platform/storage.js';

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export type Deps = Readonly<{
  config: Config;
  version: string;
  db: Db;
  clock: Clock;
  audit: AuditLog;
  storage: FileStorage;
  csrf: Csrf;
  directory: UnitDirectory;
  units: UnitService;
  accounts: AccountService;
  portal: PortalModule;
  portalAdmin: PortalAdminModule;
  calendar: CalendarModule;
  procedures: ProceduresModule;
  dossiers: DossiersModule;
  /** The results of administrative procedures (docs/statistics.md). */
  stats: StatsModule;
  /** Online payment of dossier fees (docs/dossiers.md, "Fees and payments"). */
  payments: PaymentsModule;
  notifications: NotificationsModule;
}>;

/** Wires every service from the config. Nothing here touches the network or the database yet. */
export function createDeps(config: Config, overrides: { clock?: Clock; db?: Db } = {}): Deps {
  mkdirSync(config.dataDir, { recursive: true });
  const secrets = loadSecrets(config.dataDir, { sessionSecret: config.sessionSecret });
  const clock = overrides.clock ?? systemClock;
  const db = overrides.db ?? createDb(config.db);
  const audit = new AuditLog();
  const storage = new LocalFileStorage(join(config.dataDir, 'files'), () => clock.now());
  const directory = new UnitDirectory();
  const units = new UnitService({ db, units: new UnitRepository(), directory, audit, clock });
  const accounts = new AccountService({
    db,
    accounts: new AccountRepository(),
    sessions: new SessionRepository(),
    apiTokens: new ApiTokenRepository(),
    audit,
    clock,
    policy: DEFAULT_SIGN_IN_POLICY,
  });
  const https = config.http.publicUrl?.startsWith('https://') ?? false;
  const csrf = new Csrf(secrets.sessionSecret, https);
  const portalDeps = {
    db,
    clock,
    audit,
    storage,
    directory,
    config,
    sidebarWidget: config.portal.resultsWidget
      ? (unitId: number, basePath: string) => stats.widgetHtml.render(unitId, basePath)
      : undefined,
  };
  const portal = new PortalModule(portalDeps);
  const portalAdmin = new PortalAdminModule(portalDeps, portal.pageCache);
  const procedures = new ProceduresModule({ db, clock, audit, directory, storage });
  const calendar = new CalendarModule({ db, clock, audit, directory });
  const notifications = new NotificationsModule({ db, clock, storage, directory, config });
  const stats: StatsModule = new StatsModule({
    db,
    clock,
    directory,
    histories: (unitId): AsyncIterable<DossierHistory> => dossiers.histories(unitId),
  });
  const dossiers: DossiersModule = new DossiersModule({
    db,
    clock,
    audit,
    storage,
    directory,
    calendar: calendar.service,
    procedures: procedures.service,
    accounts,
    stats: stats.recorder,
    notifier: dossierNotifier({
      directory,
      publicUrl: config.http.publicUrl,
      notify: (trx, n) => notifications.service.notifyDossier(trx, n),
    }),
  });
  const payments = new PaymentsModule({
    db,
    clock,
    audit,
    gateway: config.payments.gateway,
    secret: secrets.sessionSecret,
    stats: stats.recorder,
  });
  return Object.freeze({
    config,
    version: VERSION,
    db,
    clock,
    audit,
    storage,
    csrf,
    directory,
    units,
    accounts,
    portal,
    portalAdmin,
    calendar,
    procedures,
    dossiers,
    payments,
    notifications,
    stats,
  });
}
