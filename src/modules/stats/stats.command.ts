import type { StatsModule } from './stats.module.js';
import { formatDifference, verify } from './verify.js';

export const STATS_HELP = `  stats verify              recompute every results figure (per unit and month, by procedure, field, channel and
                            officer, and the portal widget) from the dossiers' events and list each difference
                            from the stored aggregates; exit code 1 when there is one (docs/statistics.md)
  stats rebuild             rebuild the results aggregates from the dossiers' events`;

/** Where the command writes: the report to stdout, usage errors to stderr. */
export type Output = { out(line: string): void; err(line: string): void };

const USAGE = 'Usage: congxa stats verify | stats rebuild';

/** `congxa stats …`; the exit code: 0 clean, 1 differences found, 2 usage. */
export async function statsCommand(
  stats: StatsModule,
  sub: string | undefined,
  args: readonly string[],
  io: Output,
): Promise<number> {
  if (args.length > 0) {
    io.err(USAGE);
    return 2;
  }
  if (sub === 'verify') {
    const started = Date.now();
    const report = await verify({
      db: stats.deps.db,
      directory: stats.deps.directory,
      histories: stats.deps.histories,
      repo: stats.repo,
      service: stats.service,
    });
    io.out(
      `Checked ${report.units} units, ${report.dossiers} dossiers, ${report.checked} figures ` +
        `in ${((Date.now() - started) / 1000).toFixed(1)} s: ${report.differences.length} differences.`,
    );
    for (const d of report.differences) {
      io.out(formatDifference(d));
    }
    if (report.differences.length > 0) {
      io.out(
        'The stored aggregates differ from the dossiers\' events: "congxa stats rebuild" recomputes them.',
      );
    }
    return report.differences.length > 0 ? 1 : 0;
  }
  if (sub === 'rebuild') {
    const started = Date.now();
    const r = await stats.service.rebuild(stats.deps.histories);
    io.out(
      `Rebuilt the results aggregates of ${r.units} units from ${r.dossiers} dossiers ` +
        `in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
    return 0;
  }
  io.err(USAGE);
  return 2;
}
