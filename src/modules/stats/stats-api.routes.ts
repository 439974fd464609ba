import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../deps.js';
import { statsPaths } from '../../http/paths.js';
import { formatVnIso, isLocalDate } from '../calendar/local-time.js';
import { statsMessages } from './stats.messages.js';

const m = statsMessages.api;

/** The route, with the slug as a parameter (the path builder gives real addresses). */
export const API_STATS_ROUTE = statsPaths.api(':slug');

/** The longest range the API answers: ten years of days. */
const MAX_DAYS = 3660;

/**
 * GET /api/v1/units/<slug>/dossier-stats?from=YYYY-MM-DD&to=YYYY-MM-DD (issue #4 item 7): the unit's results over
 * the period (default: the year to date), rolled up over the units under it — the same figures as the widget and the
 * detail page. Public, like the widget.
 */
export function statsApiRoutes(app: FastifyInstance, deps: Deps): void {
  const stats = deps.stats.service;
  const fail = (reply: FastifyReply, status: number, error: string, message: string, field?: string) =>
    reply.code(status).send({ error, message, ...(field ? { field } : {}) });

  app.get(API_STATS_ROUTE, async (req, reply) => {
    const unit = deps.directory.getBySlug((req.params as { slug: string }).slug);
    if (!unit) {
      return fail(reply, 404, 'unit_not_found', m.unknownUnit, 'slug');
    }
    const query = req.query as Record<string, unknown>;
    const today = stats.today();
    const dates: Record<'from' | 'to', string> = { from: `${today.slice(0, 4)}-01-01`, to: today };
    for (const field of ['from', 'to'] as const) {
      const v = query[field];
      if (v !== undefined && v !== '') {
        if (typeof v !== 'string' || !isLocalDate(v)) {
          return fail(reply, 400, 'invalid_date', m.badDate, field);
        }
        dates[field] = v;
      }
    }
    if (dates.from > dates.to) {
      return fail(reply, 400, 'invalid_range', m.badRange, 'from');
    }
    if ((Date.parse(dates.to) - Date.parse(dates.from)) / 86_400_000 > MAX_DAYS) {
      return fail(reply, 400, 'range_too_long', m.rangeTooLong, 'from');
    }
    const period = { from: dates.from, to: dates.to };
    const [f, updatedAt] = await Promise.all([
      stats.figures(unit.id, period),
      stats.updatedAt(unit.id, period),
    ]);
    return reply.header('cache-control', 'no-store').send({
      unit: { slug: unit.slug, name: unit.name },
      from: period.from,
      to: period.to,
      asOf: f.to,
      received: f.received,
      receivedByChannel: { counter: f.receivedCounter, online: f.receivedOnline, post: f.receivedPost },
      carriedOver: f.carriedOver,
      processed: f.processed,
      early: f.early,
      onTime: f.onTime,
      late: f.late,
      onTimeRate: f.onTimeRate,
      lateRate: f.lateRate,
      resolved: f.resolved,
      refused: f.refused,
      withdrawn: f.withdrawn,
      stopped: f.stopped,
      inProgress: f.inProgress,
      inProgressWithinTime: f.inProgressWithinTime,
      inProgressOverdue: f.inProgressOverdue,
      waitingSupplement: f.waitingSupplement,
      averageDays: f.averageDays,
      updatedAt: updatedAt === null ? null : formatVnIso(updatedAt),
    });
  });
}
