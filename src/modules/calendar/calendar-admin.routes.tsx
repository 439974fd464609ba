import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.js';
import { requireRole } from '../../http/auth.js';
import { calendarPaths } from '../../http/paths.js';
import { FieldError, ForbiddenError } from '../../platform/errors.js';
import { ADMIN_AREAS } from '../../web/admin-nav.js';
import { actorOf, renderAdmin, siteOf } from '../../web/admin-shell.js';
import {
  fieldErrors,
  formList,
  formValues,
  type FieldErrors,
  type FormValues,
} from '../../web/components/form-errors.js';
import { calendarMessages, confidenceLabels } from './calendar.messages.js';
import type { NoticeRow } from './calendar.repository.js';
import { formatDmy } from './calendar.presenter.js';
import {
  coversOf,
  IdParams,
  NOTICE_FORM_MESSAGES,
  NoticeForm,
  OFFICE_HOURS_FORM_MESSAGES,
  OfficeHoursForm,
  parseYear,
} from './calendar.schemas.js';
import { formatClock, toLocal } from './local-time.js';
import type { OfficeHours } from './office-hours.js';
import {
  NoticeDeletePage,
  NoticeFormPage,
  NoticeListPage,
  OfficeHoursPage,
} from './views/CalendarAdminPages.js';

const a = calendarMessages.admin;

function noticeValues(r: NoticeRow): { values: FormValues; covers: string[] } {
  const makeUp = JSON.parse(r.makeUpWorkdays) as string[]; // written by the service as a JSON array of dates
  return {
    values: {
      year: String(r.year),
      name: r.name,
      offFrom: r.offFrom ?? '',
      offTo: r.offTo ?? '',
      makeUpWorkdays: makeUp.map(formatDmy).join(', '),
      confidence: r.confidence,
      note: r.note ?? '',
      source: r.source ?? '',
    },
    covers: r.covers ? (JSON.parse(r.covers) as string[]) : [],
  };
}

function hoursValues(hours: OfficeHours): FormValues {
  const [morning, afternoon] = hours.working;
  const saturday = hours.receivingOnly[6]?.[0];
  const t = (m: number | undefined) => (m === undefined ? '' : formatClock(m));
  return {
    morningStart: t(morning?.start),
    morningEnd: t(morning?.end),
    afternoonStart: t(afternoon?.start),
    afternoonEnd: t(afternoon?.end),
    saturday: saturday ? '1' : '',
    saturdayStart: t(saturday?.start ?? 7 * 60),
    saturdayEnd: t(saturday?.end ?? 11 * 60 + 30),
  };
}

/**
 * Admin of the working calendar: the national holiday notices (/quan-tri/lich-nghi; every admin sees them, the admin
 * of the root unit edits them) and the unit's office hours (/quan-tri/gio-lam-viec; the unit's admin).
 */
export function calendarAdminRoutes(app: FastifyInstance, deps: Deps): void {
  const { accounts, directory, clock } = deps;
  const service = deps.calendar.service;
  const guard = { preHandler: requireRole(accounts, ADMIN_AREAS.calendarNotices.roles) };
  const hoursGuard = { preHandler: requireRole(accounts, ADMIN_AREAS.officeHours.roles) };

  const assertCanEdit = (req: FastifyRequest) => {
    if (!service.canEditNotices(actorOf(req), siteOf(req).unit.id)) {
      throw new ForbiddenError('notice_root_admin_only', a.rootOnly);
    }
  };

  app.get(calendarPaths.adminNotices(''), guard, async (req, reply) => {
    const site = siteOf(req);
    const base = site.basePath;
    const current = Number(toLocal(clock.now()).date.slice(0, 4));
    const nam = (req.query as Record<string, unknown>).nam;
    const year = nam === undefined ? current : parseYear(nam);
    if (year === undefined) {
      return reply.redirect(calendarPaths.adminNotices(base), 303);
    }
    const canEdit = service.canEditNotices(actorOf(req), site.unit.id);
    const rows = await service.noticesOfYear(year);
    const years = [...new Set([...(await service.noticeYears()), current, current + 1, year])].sort(
      (x, y) => x - y,
    );
    const root = directory.all().find((u) => u.parentId === null);
    return renderAdmin(req, reply, deps, { title: a.noticesTitle, area: 'calendarNotices' }, () => (
      <NoticeListPage
        year={year}
        rows={rows.map((r) => ({
          id: r.id,
          name: r.name,
          off: r.offFrom && r.offTo ? `${formatDmy(r.offFrom)} – ${formatDmy(r.offTo)}` : a.noOff,
          makeUp: (JSON.parse(r.makeUpWorkdays) as string[]).map(formatDmy).join(', '),
          confidence: confidenceLabels[r.confidence],
          source: r.source ?? '',
          href: canEdit ? calendarPaths.adminNoticeEdit(base, r.id) : null,
        }))}
        years={years.map((y) => ({
          year: y,
          href: calendarPaths.adminNotices(base, y),
          current: y === year,
        }))}
        newHref={canEdit ? calendarPaths.adminNoticeNew(base, year) : null}
        readOnlyNote={canEdit ? null : a.readOnlyNote(root?.name ?? '')}
        publicHref={calendarPaths.daysOff(base, year)}
      />
    ));
  });

  const formPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    id: number | null,
    values: FormValues,
    covers: string[],
    errors: FieldErrors,
    status?: number,
  ) => {
    const base = siteOf(req).basePath;
    const heading = id === null ? a.newTitle : a.editTitle;
    const year = parseYear(values.year);
    return renderAdmin(req, reply, deps, { title: heading, area: 'calendarNotices', status }, (shell) => (
      <NoticeFormPage
        heading={heading}
        action={id === null ? calendarPaths.adminNoticeNew(base) : calendarPaths.adminNoticeEdit(base, id)}
        csrfToken={shell.csrfToken}
        values={values}
        covers={covers}
        errors={errors}
        backHref={calendarPaths.adminNotices(base, year)}
        deleteHref={id === null ? null : calendarPaths.adminNoticeDelete(base, id)}
      />
    ));
  };

  const save = async (req: FastifyRequest, reply: FastifyReply, id: number | null) => {
    const site = siteOf(req);
    const values = formValues(req.body);
    const covers = formList(req.body, 'covers');
    const form = NoticeForm.safeParse(values);
    if (!form.success) {
      return formPage(req, reply, id, values, covers, fieldErrors(form.error, NOTICE_FORM_MESSAGES), 422);
    }
    const result = await service.saveNotice(
      actorOf(req),
      site.unit.id,
      id,
      { ...form.data, covers: coversOf(covers) },
      req.ip,
    );
    if (!result.ok) {
      return formPage(req, reply, id, values, covers, result.errors, 422);
    }
    return reply.redirect(calendarPaths.adminNotices(site.basePath, form.data.year), 303);
  };

  app.get('/quan-tri/lich-nghi/moi', guard, async (req, reply) => {
    assertCanEdit(req);
    const year =
      parseYear((req.query as Record<string, unknown>).nam) ?? Number(toLocal(clock.now()).date.slice(0, 4));
    return formPage(req, reply, null, { year: String(year), confidence: 'sourced' }, [], {});
  });
  app.post('/quan-tri/lich-nghi/moi', guard, async (req, reply) => {
    assertCanEdit(req);
    return save(req, reply, null);
  });

  app.get('/quan-tri/lich-nghi/:id', guard, async (req, reply) => {
    assertCanEdit(req);
    const { id } = IdParams.parse(req.params);
    const { values, covers } = noticeValues(await service.getNotice(id));
    return formPage(req, reply, id, values, covers, {});
  });
  app.post('/quan-tri/lich-nghi/:id', guard, async (req, reply) => {
    assertCanEdit(req);
    const { id } = IdParams.parse(req.params);
    await service.getNotice(id);
    return save(req, reply, id);
  });

  app.get('/quan-tri/lich-nghi/:id/xoa', guard, async (req, reply) => {
    assertCanEdit(req);
    const { id } = IdParams.parse(req.params);
    const row = await service.getNotice(id);
    const base = siteOf(req).basePath;
    return renderAdmin(req, reply, deps, { title: a.deleteTitle, area: 'calendarNotices' }, (shell) => (
      <NoticeDeletePage
        itemTitle={`${row.name} (${row.year})`}
        action={calendarPaths.adminNoticeDelete(base, id)}
        backHref={calendarPaths.adminNoticeEdit(base, id)}
        csrfToken={shell.csrfToken}
      />
    ));
  });
  app.post('/quan-tri/lich-nghi/:id/xoa', guard, async (req, reply) => {
    assertCanEdit(req);
    const { id } = IdParams.parse(req.params);
    const row = await service.getNotice(id);
    await service.deleteNotice(actorOf(req), siteOf(req).unit.id, id, req.ip);
    return reply.redirect(calendarPaths.adminNotices(siteOf(req).basePath, row.year), 303);
  });

  const hoursPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: FormValues | null,
    errors: FieldErrors,
    status?: number,
  ) => {
    const site = siteOf(req);
    const current = await service.officeHoursOf(site.unit.id, clock.now());
    return renderAdmin(
      req,
      reply,
      deps,
      { title: calendarMessages.hours.title, area: 'officeHours', status },
      (shell) => (
        <OfficeHoursPage
          action={calendarPaths.adminOfficeHours(site.basePath)}
          csrfToken={shell.csrfToken}
          values={values ?? hoursValues(current.hours)}
          errors={errors}
          custom={current.custom}
        />
      ),
    );
  };

  app.get(calendarPaths.adminOfficeHours(''), hoursGuard, async (req, reply) =>
    hoursPage(req, reply, null, {}),
  );
  app.post(calendarPaths.adminOfficeHours(''), hoursGuard, async (req, reply) => {
    const site = siteOf(req);
    const values = formValues(req.body);
    const form = OfficeHoursForm.safeParse(values);
    if (!form.success) {
      return hoursPage(req, reply, values, fieldErrors(form.error, OFFICE_HOURS_FORM_MESSAGES), 422);
    }
    const f = form.data;
    const working = [{ start: f.morningStart ?? 0, end: f.morningEnd ?? 0 }];
    if (f.afternoonStart !== null && f.afternoonEnd !== null) {
      working.push({ start: f.afternoonStart, end: f.afternoonEnd });
    }
    const receivingOnly =
      f.saturday && f.saturdayStart !== null && f.saturdayEnd !== null
        ? { 6: [{ start: f.saturdayStart, end: f.saturdayEnd }] }
        : {};
    try {
      await service.setOfficeHours(actorOf(req), site.unit.id, { working, receivingOnly }, req.ip);
    } catch (err) {
      if (err instanceof FieldError) {
        return hoursPage(req, reply, values, { [err.field]: err.message }, 422);
      }
      throw err;
    }
    return reply.redirect(calendarPaths.adminOfficeHours(site.basePath), 303);
  });
}
