import type { Config } from '../../config.js';
import type { AuditLog } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db.js';
import type { FileStorage } from '../../platform/storage.js';
import type { UnitDirectory } from '../units/unit-directory.js';

export type PortalDeps = {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  storage: FileStorage;
  directory: UnitDirectory;
  config: Config;
};

/** The portal's services, wired once. */
export class PortalModule {
  constructor(readonly deps: PortalDeps) {}

  /** Loads what the portal keeps in memory (visit counts). */
  async start(): Promise<void> {}

  /** Flushes what the portal keeps in memory; called on a clean shutdown. */
  async close(): Promise<void> {}
}
