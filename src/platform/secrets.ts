import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export type Secrets = { sessionSecret: string };

/**
 * Secrets not given in the environment are generated once and kept in DATA_DIR/secrets.json (mode 0600), so a
 * restart keeps sessions valid and the quick start needs no set-up.
 */
export function loadSecrets(dataDir: string, given: Partial<Secrets>): Secrets {
  const file = join(dataDir, 'secrets.json');
  let stored: Partial<Secrets> = {};
  if (existsSync(file)) {
    stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<Secrets>; // our own file, written below
  }
  const secrets: Secrets = {
    sessionSecret: given.sessionSecret ?? stored.sessionSecret ?? randomBytes(32).toString('base64url'),
  };
  if (!given.sessionSecret && secrets.sessionSecret !== stored.sessionSecret) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify({ ...stored, ...secrets }, null, 2), { mode: 0o600 });
  }
  return secrets;
}
