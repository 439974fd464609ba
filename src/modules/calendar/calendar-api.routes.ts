import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.js';
import { calendarPaths } from '../../http/paths.js';
import { FieldError } from '../../platform/errors.js';
import type { Site } from '../units/unit-directory.js';
import { calendarMessages } from './calendar.messages.js';
import { daysOffJson, dueDateJson, officeHoursJson } from './calendar.presenter.js';
import { parseDueDateQuery, parseYear } from './calendar.schemas.js';
import { toLocal } from './local-time.js';

const m = calendarMessages.api;

function invalid(reply: FastifyReply, fields: Record<string, string>): FastifyReply {
  return reply.code(400).send({ error: 'invalid_request', message: m.invalidRequest, fields });
}

/**
 * The calendar's public JSON API at the site root. Bad input is a 400 with a Vietnamese message per parameter, an
 * unknown unit a 404; answers depend only on the stored notices and office hours (no personal data).
 */
export function calendarApiRoutes(app: FastifyInstance, deps: Deps): void {
  const { directory } = deps;
  const service = deps.calendar.service;

  /** The unit named by `?unit=<slug>`, else the request's (the host's unit or the deployment's default unit). */
  const unitOf = (req: FastifyRequest, slug: string | undefined): Site['unit'] | undefined =>
    slug ? directory.getBySlug(slug) : req.site?.unit;
  const unitNotFound = (reply: FastifyReply, slug: string | undefined) => {
    const message = slug ? m.unitNotFound(slug) : m.noUnit;
    return reply.code(404).send({ error: 'unit_not_found', message, fields: { unit: message } });
  };

  app.get(calendarPaths.apiDueDate(), async (req, reply) => {
    const parsed = parseDueDateQuery(req.query as Record<string, unknown>);
    if (!parsed.ok) {
      return invalid(reply, parsed.fields);
    }
    const q = parsed.value;
    const unit = unitOf(req, q.unit);
    if (!unit) {
      return unitNotFound(reply, q.unit);
    }
    try {
      const r = await service.dueDate({ unitId: unit.id, ...q });
      return reply.header('cache-control', 'no-cache').send(dueDateJson(r, q.receivedAt, unit.slug));
    } catch (err) {
      if (err instanceof FieldError) {
        return invalid(reply, { [err.field]: err.message });
      }
      throw err;
    }
  });

  app.get(calendarPaths.apiDaysOff(), async (req, reply) => {
    const query = req.query as Record<string, unknown>;
    const year =
      query.year === undefined ? Number(toLocal(deps.clock.now()).date.slice(0, 4)) : parseYear(query.year);
    if (year === undefined) {
      return invalid(reply, { year: m.yearInvalid });
    }
    const slug = typeof query.unit === 'string' && query.unit ? query.unit : undefined;
    const unit = unitOf(req, slug);
    if (!unit) {
      return unitNotFound(reply, slug);
    }
    const [own, before, after] = await Promise.all([
      service.yearCalendar(year),
      service.yearCalendar(year - 1),
      service.yearCalendar(year + 1),
    ]);
    const hours = await service.officeHoursOf(unit.id, deps.clock.now());
    return reply.header('cache-control', 'no-cache').send({
      ...daysOffJson(year, own, [before, after], unit.slug, await service.noticeRevision()),
      officeHours: officeHoursJson(hours.hours),
    });
  });
}
