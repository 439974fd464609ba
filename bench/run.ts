/*
 * `npm run bench [-- portal|calendar|dossiers|intake|lists|results [--pg]]`: every benchmark but `results` (or the one
 * named), each printing its table, then the budgets of the issues with PASS/FAIL. Figures are compared with baselines
 * measured in the same run, because these machines are noisy. `dossiers` is `intake` and `lists`; `--pg` runs them and
 * `results` on PostgreSQL.
 * Benchmarks are not part of .ci/run.
 */
import { benchCalendar } from './calendar.js';
import { benchIntake, benchLists } from './dossiers.js';
import { benchPortal, type Check } from './portal.js';
import { benchResults } from './results.js';

const only = process.argv[2];
const budgets: [string, Check[]][] = [];

if (!only || only === 'calendar') {
  const c = benchCalendar();
  console.log(`\ncalendar: ${c.n} due dates (mixed kinds and amounts, 2023–2030, seed notices)`);
  console.log(`${'operation'.padEnd(34)}per second`);
  console.log(`${'computeDueAt'.padEnd(34)}${c.perSecond.toFixed(0)}`);
  console.log(`${'baseline: parse + format instant'.padEnd(34)}${c.baselinePerSecond.toFixed(0)}`);
  budgets.push([
    'issue #3',
    [[`due dates ≥ 100 000 per second (${c.perSecond.toFixed(0)})`, c.perSecond >= 100_000]],
  ]);
}
if (!only || only === 'portal') {
  budgets.push(['issue #2', await benchPortal()]);
}
const pg = process.argv.includes('--pg');
if (!only || only === 'dossiers' || only === 'intake') {
  budgets.push(['issue #3', await benchIntake(pg)]);
}
if (!only || only === 'dossiers' || only === 'lists') {
  budgets.push(['issue #3', await benchLists(pg)]);
}
// Only by name: the first run generates its 1 000 000 dossiers with their events (several minutes).
if (only === 'results') {
  budgets.push(['issue #4', await benchResults(pg)]);
}

for (const [issue, checks] of budgets) {
  console.log(`\nbudgets (${issue}):`);
  for (const [label, ok] of checks) {
    console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${label}`);
  }
}
process.exitCode = budgets.every(([, checks]) => checks.every(([, ok]) => ok)) ? 0 : 1;
