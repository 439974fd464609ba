import type { Config } from './config.js';
import type { Deps } from './deps.js';
import { migrateToLatest } from './platform/migrator.js';

/** Printed when a production start skips the demo data only because DEMO_DATA was not set. */
export const DEMO_DATA_PRODUCTION_NOTICE =
  'Demo data not loaded: NODE_ENV=production and DEMO_DATA is not set. The demo staff accounts share a password ' +
  'published in the README, so production needs DEMO_DATA=on to load them (a trial server only). Set DEMO_DATA=off ' +
  'to silence this notice, and add your unit and first admin with `npx congxa unit add` and `npx congxa user add`.';

/** Whether to load the demo data set: when asked, or by default outside production. */
export function wantsDemoData(config: Pick<Config, 'env' | 'demoData'>): boolean {
  return config.demoData === 'on' || (config.demoData === 'unset' && config.env !== 'production');
}

/**
 * Brings a data folder and database up to date before serving: migrations, demo data on an empty database (see
 * wantsDemoData), the unit directory and the portal's in-memory state.
 */
export async function prepare(deps: Deps, log: (msg: string) => void = () => undefined): Promise<void> {
  const applied = await migrateToLatest(deps.db);
  if (applied.length > 0) {
    log(`Applied migrations: ${applied.join(', ')}`);
  }
  if (deps.config.demoData !== 'off' && (await deps.units.countUnits()) === 0) {
    if (wantsDemoData(deps.config)) {
      const { loadDemoData } = await import('./demo/demo-data.js');
      const started = Date.now();
      await loadDemoData(deps);
      log(`Loaded demo data in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } else {
      log(DEMO_DATA_PRODUCTION_NOTICE);
    }
  }
  await deps.units.refreshDirectory();
  // A database upgraded with dossiers in it gets its results aggregates built once (docs/statistics.md).
  if (await deps.stats.service.ensureBuilt(deps.stats.deps.histories)) {
    log('Built the results aggregates from the dossiers');
  }
  await deps.portal.start();
}
