import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Deps } from '../../deps.js';
import { calendarPaths } from '../../http/paths.js';
import { render } from '../../http/render.js';
import { siteOf } from '../../http/site.js';
import { FieldError, NotFoundError } from '../../platform/errors.js';
import { portalShellBuilder } from '../portal/public/portal-shell.js';
import type { Site } from '../units/unit-directory.js';
import { calendarMessages } from './calendar.messages.js';
import { daysOffBetween, toDaysOffView, toDueDateResultView } from './calendar.presenter.js';
import { dueDateFormValues, parseDueDateForm, parseYear } from './calendar.schemas.js';
import { TIME_LIMIT_KINDS } from './due-date.js';
import { formatClock, toLocal } from './local-time.js';
import { SUPPORTED_YEARS } from './working-calendar.js';
import { DaysOffPage } from './views/DaysOffPage.js';
import { DueDatePage, type DueDatePageView } from './views/DueDatePage.js';

const m = calendarMessages;

/**
 * Public pages of the working calendar inside the unit's portal: /han-giai-quyet (when is my result due?) and
 * /ngay-nghi (the year's days off). Not kept in the page cache: they are cheap (the calendar is in memory) and the
 * due-date page depends on its query.
 */
export function calendarPublicRoutes(app: FastifyInstance, deps: Deps): void {
  const service = deps.calendar.service;
  const shellOf = portalShellBuilder(app, deps);

  const countView = (req: FastifyRequest, site: Site) =>
    deps.portal.visitors.record(site.unit.id, req.ip, req.headers['user-agent']);

  app.get(calendarPaths.dueDate(''), async (req, reply) => {
    const site = siteOf(req);
    const query = req.query as Record<string, unknown>;
    const asked = ['ngay', 'gio', 'so', 'loai'].some((k) => k in query);
    const now = toLocal(deps.clock.now());
    const values = asked
      ? dueDateFormValues(query)
      : { ngay: now.date, gio: formatClock(now.minutes), so: '', loai: 'working_days', sau15: false };
    const view: DueDatePageView = {
      unitName: site.unit.name,
      action: calendarPaths.dueDate(site.basePath),
      values,
      errors: {},
      kindOptions: TIME_LIMIT_KINDS.map((k) => ({ value: k, label: m.dueDatePage.kinds[k] })),
      result: null,
    };
    let status = 200;
    if (asked) {
      const parsed = parseDueDateForm(values);
      if (parsed.ok) {
        try {
          view.result = await answer(site, parsed.value);
        } catch (err) {
          if (!(err instanceof FieldError)) {
            throw err;
          }
          view.errors = { ngay: m.dueDatePage.dateRange };
        }
      } else {
        view.errors = parsed.fields;
      }
      status = Object.keys(view.errors).length > 0 ? 422 : 200;
    }
    countView(req, site);
    return page(req, reply, site, status, {
      title: m.dueDatePage.title,
      href: calendarPaths.dueDate(site.basePath),
      noIndex: asked,
      body: (shell) => <DueDatePage shell={shell} view={view} />,
    });
  });

  async function answer(
    site: Site,
    input: { receivedAt: Date; kind: (typeof TIME_LIMIT_KINDS)[number]; amount: number; after15: boolean },
  ): Promise<NonNullable<DueDatePageView['result']>> {
    const r = await service.dueDate({ unitId: site.unit.id, ...input });
    const from = r.countedFromDate;
    const to = toLocal(r.dueAt).date;
    const years = [];
    for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)) + 1; y++) {
      years.push(await service.yearCalendar(y));
    }
    const hours = await service.officeHoursOf(site.unit.id, input.receivedAt);
    const received = toLocal(input.receivedAt).date;
    const view = toDueDateResultView(r, input.receivedAt, hours.hours, daysOffBetween(years, received, to));
    const year = Number(to.slice(0, 4));
    return {
      ...view,
      daysOffHref: calendarPaths.daysOff(site.basePath, year),
      daysOffLabel: `${m.dueDatePage.daysOffLink} ${year}`,
    };
  }

  app.get(calendarPaths.daysOff(''), async (req, reply) => {
    const site = siteOf(req);
    const nam = (req.query as Record<string, unknown>).nam;
    const current = Number(toLocal(deps.clock.now()).date.slice(0, 4));
    const year = nam === undefined ? current : parseYear(nam);
    if (year === undefined) {
      throw new NotFoundError('year_invalid', m.api.yearInvalid);
    }
    const [own, before, after] = await Promise.all([
      service.yearCalendar(year),
      service.yearCalendar(year - 1),
      service.yearCalendar(year + 1),
    ]);
    const years = new Set([...(await service.noticeYears()), current, year - 1, year, year + 1]);
    const view = {
      ...toDaysOffView(year, own, [before, after]),
      years: [...years]
        .filter((y) => y >= SUPPORTED_YEARS.min && y <= SUPPORTED_YEARS.max)
        .sort((a, b) => a - b)
        .map((y) => ({ year: y, href: calendarPaths.daysOff(site.basePath, y), current: y === year })),
      dueDateHref: calendarPaths.dueDate(site.basePath),
    };
    countView(req, site);
    return page(req, reply, site, 200, {
      title: m.daysOffPage.title(year),
      href: calendarPaths.daysOff(site.basePath, nam === undefined ? undefined : year),
      noIndex: false,
      body: (shell) => <DaysOffPage shell={shell} view={view} />,
    });
  });

  async function page(
    req: FastifyRequest,
    reply: FastifyReply,
    site: Site,
    status: number,
    p: {
      title: string;
      href: string;
      noIndex: boolean;
      body: (shell: Awaited<ReturnType<typeof shellOf>>) => VNode;
    },
  ): Promise<FastifyReply> {
    const shell = await shellOf(req, site, { title: p.title, path: p.href, noIndex: p.noIndex }, p.href);
    return render(reply.code(status).header('cache-control', 'no-cache'), p.body(shell));
  }
}
