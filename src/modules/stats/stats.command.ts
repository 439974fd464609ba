import { parseArgs } from 'node:util';
import type { StatsModule } from './stats.module.js';
import { formatDifference, verify } from './verify.js';

export const STATS_HELP = `  stats verify [--unit SLUG]
                            recompute every results figure (per unit and month, by procedure, field, channel and
                            officer, and the portal widget) from the dossiers' events and list each difference
                            from the stored aggregates, of every unit or of SLUG and the units under it; exit code
                            1 when there is one (docs/statistics.md)
  stats rebuild             rebuild the results aggregates from the dossiers' events (with the server stopped)`;

/** Where the command writes: the report to stdout; progress and usage errors to stderr. */
export type Output = { out(line: string): void; err(line: string): void };

const USAGE = 'Usage: congxa stats verify [--unit SLUG] | stats rebuild';

const seconds = (since: number): string => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** `congxa stats …`; the exit code: 0 clean, 1 differences found, 2 usage. */
export async function statsCommand(
  stats: StatsModule,
  sub: string | undefined,
  args: string[],
  io: Output,
): Promise<number> {
  if (sub === 'verify') {
    let slug: string | undefined;
    try {
      slug = parseArgs({ args, options: { unit: { type: 'string' } } }).values.unit;
    } catch {
      io.err(USAGE);
      return 2;
    }
    const unit = slug === undefined ? undefined : stats.deps.directory.getBySlug(slug);
    if (slug !== undefined && !unit) {
      io.err(`No unit with slug "${slug}".`);
      return 2;
    }
    const started = Date.now();
    const report = await verify(
      {
        db: stats.deps.db,
        directory: stats.deps.directory,
        histories: stats.deps.histories,
        repo: stats.repo,
        service: stats.service,
      },
      {
        unitId: unit?.id,
        progress: (done, n, total) => io.err(`[${n}/${total}] ${done} (${seconds(started)})`),
      },
    );
    io.out(
      `Checked ${report.units} units, ${report.dossiers} dossiers, ${report.checked} figures ` +
        `in ${seconds(started)}: ${report.differences.length} differences.`,
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
  if (sub === 'rebuild' && args.length === 0) {
    const started = Date.now();
    const r = await stats.service.rebuild(stats.deps.histories);
    io.out(
      `Rebuilt the results aggregates of ${r.units} units from ${r.dossiers} dossiers in ${seconds(started)}.`,
    );
    return 0;
  }
  io.err(USAGE);
  return 2;
}
