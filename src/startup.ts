import type { Deps } from './deps.js';
import { migrateToLatest } from './platform/migrator.js';

/**
 * Brings a data folder and database up to date before serving: migrations, demo data on an empty database (unless
 * DEMO_DATA=off), the unit directory and the portal's in-memory state.
 */
export async function prepare(deps: Deps, log: (msg: string) => void = () => undefined): Promise<void> {
  const applied = await migrateToLatest(deps.db);
  if (applied.length > 0) {
    log(`Applied migrations: ${applied.join(', ')}`);
  }
  if (deps.config.demoData && (await deps.units.countUnits()) === 0) {
    const { loadDemoData } = await import('./demo/demo-data.js');
    const started = Date.now();
    await loadDemoData(deps);
    log(`Loaded demo data in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  await deps.units.refreshDirectory();
  await deps.portal.start();
}
