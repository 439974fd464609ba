import { ConfigError, loadConfig } from './config.js';
import { buildApp } from './app.js';
import { createDeps } from './deps.js';
import { prepare } from './startup.js';

/** `npm start`: config → deps → prepare (migrate, demo data) → app → listen; a clean stop flushes and closes. */
export async function serve(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const deps = createDeps(config);
  await prepare(deps, (msg) => console.log(msg));
  const app = await buildApp(deps);
  let closing = false;
  const stop = async (signal: string) => {
    if (closing) {
      return;
    }
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await deps.notifications.stop();
    await app.close();
    await deps.db.destroy();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  await app.listen({ port: config.http.port, host: config.http.host });
  // After listen, never in prepare(): tests build the app without the timer and run the dispatcher themselves.
  deps.notifications.start((msg) => app.log.info(msg));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await serve();
}
