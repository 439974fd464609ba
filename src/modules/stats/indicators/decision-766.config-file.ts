import { readFileSync } from 'node:fs';
import { DEFAULT_766_CONFIG, withOverride, type Decision766Config } from './decision-766.config.js';

/**
 * The Decision 766 scoring table of the deployment: the provisional defaults, with the JSON file named by
 * STATS_766_CONFIG laid over them (docs/statistics-indicators.md). Read once at start-up; a file that cannot be read
 * or is not valid stops the start with the problems listed, rather than scoring with a table nobody meant.
 */
export function load766Config(path: string | undefined): Decision766Config {
  if (path === undefined) {
    return DEFAULT_766_CONFIG;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(
      `STATS_766_CONFIG: cannot read ${path} as JSON: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  try {
    return withOverride(DEFAULT_766_CONFIG, json);
  } catch (e) {
    throw new Error(`STATS_766_CONFIG (${path}): ${e instanceof Error ? e.message : String(e)}`);
  }
}
