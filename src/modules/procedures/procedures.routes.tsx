import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.js';
import { requireRole } from '../../http/auth.js';
import { citizenPaths, portalPaths, procedureAdminPaths, procedurePaths } from '../../http/paths.js';
import { render } from '../../http/render.js';
import { NotFoundError } from '../../platform/errors.js';
import { ADMIN_AREAS } from '../../web/admin-nav.js';
import { actorOf, renderAdmin, siteOf } from '../../web/admin-shell.js';
import {
  fieldErrors,
  formValues,
  type FieldErrors,
  type FormValues,
} from '../../web/components/form-errors.js';
import { normaliseQuery, toPagination } from '../portal/public/portal.presenter.js';
import { portalShellBuilder } from '../portal/public/portal-shell.js';
import type { UploadedFile } from '../../http/uploads.js';
import { catalogueFileOf } from './csv-file.js';
import { CSV_COLUMNS } from './procedure-csv.js';
import { confidenceLabels, onlineLevelLabels, procedureMessages } from './procedures.messages.js';
import {
  CONFIDENCES,
  FEE_KINDS,
  isProcedureCode,
  ONLINE_LEVELS,
  TIME_LIMIT_KINDS,
  type OnlineLevel,
} from './procedures.model.js';
import { formValuesOf, PROCEDURE_FORM_MESSAGES, ProcedureForm } from './procedures.schemas.js';
import { toDetailView } from './procedures.presenter.js';
import { MAX_CSV_CHARS } from './procedures.service.js';
import { ProcedureDetailPage, ProcedureListPage } from './views/ProcedurePublicPages.js';
import {
  ProcedureFormPage,
  ProcedureAdminListPage,
  ProcedureImportPage,
  ProcedureImportReportPage,
} from './views/ProcedureAdminPages.js';

const a = procedureMessages.admin;
const im = procedureMessages.import;

/** A query value given once as a string, trimmed; anything else → ''. */
function one(query: unknown, key: string): string {
  const v = (query as Record<string, unknown>)[key];
  return typeof v === 'string' ? v.trim() : '';
}

/** ?trang=N: absent → 1; not a whole number from 1 → undefined (404). */
function pageOf(query: unknown): number | undefined {
  const raw = (query as Record<string, unknown>).trang;
  if (raw === undefined) {
    return 1;
  }
  return typeof raw === 'string' && /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : undefined;
}

const isLevel = (s: string): s is OnlineLevel => (ONLINE_LEVELS as readonly string[]).includes(s);

/**
 * The procedure catalogue: public list and detail inside the unit's portal (/thu-tuc-hanh-chinh), and the staff's
 * list and import from CSV or Excel (/quan-tri/thu-tuc; the unit's admin or one-stop officer).
 */
export function procedureRoutes(app: FastifyInstance, deps: Deps): void {
  const service = deps.procedures.service;
  const shellOf = portalShellBuilder(app, deps);

  const publicPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    meta: { title: string; href: string; noIndex: boolean },
    body: (shell: Awaited<ReturnType<typeof shellOf>>) => ReturnType<typeof ProcedureListPage>,
  ) => {
    const site = siteOf(req);
    deps.portal.visitors.record(site.unit.id, req.ip, req.headers['user-agent']);
    const shell = await shellOf(
      req,
      site,
      { title: meta.title, path: meta.href, noIndex: meta.noIndex },
      meta.href,
    );
    return render(reply.header('cache-control', 'no-cache'), body(shell));
  };

  app.get(portalPaths.procedures(''), async (req, reply) => {
    const site = siteOf(req);
    const base = site.basePath;
    const q = normaliseQuery((req.query as Record<string, unknown>).q);
    const field = one(req.query, 'linh-vuc');
    const levelText = one(req.query, 'muc-do');
    const page = pageOf(req.query);
    const fields = await service.fields(site.unit.id);
    const level = isLevel(levelText) ? levelText : undefined;
    const fieldKnown = field === '' || fields.includes(field);
    const result =
      page === undefined || !fieldKnown
        ? undefined
        : await service.search(site.unit.id, { q, field: field || undefined, level, page });
    if (!result || (levelText !== '' && !level)) {
      throw new NotFoundError('procedure_page', procedureMessages.list.none);
    }
    const filters = { q, field, level: level ?? '' };
    const current = page ?? 1;
    const view = {
      action: procedurePaths.list(base),
      ...filters,
      fieldOptions: fields.map((f) => ({ value: f, label: f })),
      levelOptions: ONLINE_LEVELS.map((v) => ({ value: v, label: onlineLevelLabels[v] })),
      total: result.total,
      rows: result.rows.map((r) => ({
        code: r.code,
        name: r.name,
        href: procedurePaths.detail(base, r.code),
        field: r.field,
        level: onlineLevelLabels[r.onlineLevel],
      })),
      pagination:
        result.pages > 1
          ? toPagination(current, result.pages, (n) => procedurePaths.list(base, { ...filters, page: n }))
          : null,
    };
    const href = procedurePaths.list(base, { ...filters, page: current });
    return publicPage(
      req,
      reply,
      { title: procedureMessages.list.title, href, noIndex: href !== procedurePaths.list(base) },
      (shell) => <ProcedureListPage shell={shell} view={view} />,
    );
  });

  app.get(`${portalPaths.procedures('')}/:code`, async (req, reply) => {
    const site = siteOf(req);
    const { code } = req.params as { code: string };
    const p = await service.byCode(site.unit.id, code);
    const view = {
      ...toDetailView(p, procedurePaths.list(site.basePath)),
      onlineHref: p.onlineLevel === 'truc_tiep' ? null : citizenPaths.online(site.basePath, p.code),
    };
    return publicPage(
      req,
      reply,
      { title: p.name, href: procedurePaths.detail(site.basePath, p.code), noIndex: false },
      (shell) => <ProcedureDetailPage shell={shell} view={view} />,
    );
  });

  adminRoutes(app, deps);
}

function adminRoutes(app: FastifyInstance, deps: Deps): void {
  const service = deps.procedures.service;
  const guard = { preHandler: requireRole(deps.accounts, ADMIN_AREAS.procedures.roles) };

  app.get(procedurePaths.admin(''), guard, async (req, reply) => {
    const site = siteOf(req);
    const base = site.basePath;
    const page = pageOf(req.query);
    const result =
      page === undefined ? undefined : await service.search(site.unit.id, { q: '', page }, false);
    if (!result || page === undefined) {
      throw new NotFoundError('procedure_page', procedureMessages.list.none);
    }
    return renderAdmin(req, reply, deps, { title: a.title, area: 'procedures' }, () => (
      <ProcedureAdminListPage
        total={result.total}
        rows={result.rows.map((r) => ({
          code: r.code,
          name: r.name,
          field: r.field,
          level: onlineLevelLabels[r.onlineLevel],
          published: r.published === 1 ? a.yes : a.no,
          editHref: procedureAdminPaths.edit(base, r.code),
        }))}
        importHref={procedurePaths.adminImport(base)}
        newHref={procedureAdminPaths.new(base)}
        publicHref={procedurePaths.list(base)}
        pagination={
          result.pages > 1 ? toPagination(page, result.pages, (n) => procedurePaths.admin(base, n)) : null
        }
      />
    ));
  });

  const importForm = (
    req: FastifyRequest,
    reply: FastifyReply,
    values: FormValues,
    errors: FieldErrors,
    status?: number,
  ) => {
    const base = siteOf(req).basePath;
    return renderAdmin(req, reply, deps, { title: a.importTitle, area: 'procedures', status }, (shell) => (
      <ProcedureImportPage
        action={procedurePaths.adminImport(base)}
        csrfToken={shell.csrfToken}
        values={values}
        errors={errors}
        columns={CSV_COLUMNS.join(', ')}
        backHref={procedurePaths.admin(base)}
      />
    ));
  };

  app.get(procedurePaths.adminImport(''), guard, async (req, reply) => importForm(req, reply, {}, {}));

  app.post(procedurePaths.adminImport(''), guard, async (req, reply) => {
    const site = siteOf(req);
    const values = formValues(req.body);
    const file = (req.body as Record<string, unknown> | undefined)?.file as UploadedFile | undefined;
    const pasted = values.csv ?? '';
    let csv = pasted;
    let fileName = (values.fileName ?? '').trim();
    let workbook: Buffer | undefined;
    if (file && file.data.length > 0) {
      const read = catalogueFileOf(file);
      if (!read.ok) {
        return importForm(req, reply, values, { file: read.message }, 422);
      }
      if (read.kind === 'xlsx') {
        workbook = read.data;
      } else {
        csv = read.text;
      }
      fileName ||= file.filename;
    } else if (pasted.trim() === '') {
      return importForm(req, reply, values, { file: im.empty }, 422);
    }
    if (!workbook && csv.length > MAX_CSV_CHARS) {
      return importForm(req, reply, { fileName }, { file: im.tooLarge }, 422);
    }
    const name = fileName.slice(0, 200) || null;
    const outcome = workbook
      ? await service.importXlsx(actorOf(req), site.unit.id, workbook, name, req.ip)
      : await service.importCsv(actorOf(req), site.unit.id, csv, name, req.ip);
    if (!outcome.ok) {
      return importForm(
        req,
        reply,
        values,
        { [file && file.data.length > 0 ? 'file' : 'csv']: outcome.message },
        422,
      );
    }
    return reply.redirect(procedurePaths.adminImportReport(site.basePath, outcome.importId), 303);
  });

  app.get(`${procedurePaths.adminImport('')}/:id`, guard, async (req, reply) => {
    const site = siteOf(req);
    const raw = (req.params as { id: string }).id;
    if (!/^[1-9]\d{0,9}$/.test(raw)) {
      throw new NotFoundError('import_not_found', a.reportTitle);
    }
    const report = await service.importReport(site.unit.id, Number(raw));
    return renderAdmin(req, reply, deps, { title: a.reportTitle, area: 'procedures' }, () => (
      <ProcedureImportReportPage
        summary={a.reportSummary(
          report.rowCount,
          report.createdCount,
          report.updatedCount,
          report.rejected.length,
        )}
        rejected={report.rejected}
        backHref={procedurePaths.admin(site.basePath)}
      />
    ));
  });

  const fm = procedureMessages.form;
  const options = {
    onlineLevel: ONLINE_LEVELS.map((v) => ({ value: v, label: onlineLevelLabels[v] })),
    timeLimitKind: TIME_LIMIT_KINDS.map((v) => ({ value: v, label: fm.timeLimitKinds[v] })),
    feeKind: FEE_KINDS.map((v) => ({ value: v, label: fm.feeKinds[v] })),
    confidence: CONFIDENCES.map((v) => ({ value: v, label: confidenceLabels[v] })),
  };

  const formPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    code: string | null,
    values: FormValues,
    errors: FieldErrors,
    status?: number,
  ) => {
    const base = siteOf(req).basePath;
    const heading = code === null ? fm.newTitle : fm.editTitle;
    return renderAdmin(req, reply, deps, { title: heading, area: 'procedures', status }, (shell) => (
      <ProcedureFormPage
        heading={heading}
        action={code === null ? procedureAdminPaths.new(base) : procedureAdminPaths.edit(base, code)}
        csrfToken={shell.csrfToken}
        values={code === null ? values : { ...values, code }}
        errors={errors}
        codeFixed={code !== null}
        backHref={procedurePaths.admin(base)}
        options={options}
      />
    ));
  };

  const save = async (req: FastifyRequest, reply: FastifyReply, code: string | null) => {
    const site = siteOf(req);
    const values = formValues(req.body);
    const form = ProcedureForm.safeParse(code === null ? values : { ...values, code });
    if (!form.success) {
      return formPage(req, reply, code, values, fieldErrors(form.error, PROCEDURE_FORM_MESSAGES), 422);
    }
    const result = await service.save(actorOf(req), site.unit.id, code, form.data, req.ip);
    if (!result.ok) {
      return formPage(req, reply, code, values, result.errors, 422);
    }
    return reply.redirect(procedurePaths.admin(site.basePath), 303);
  };

  const codeParam = (req: FastifyRequest): string => {
    const { code } = req.params as { code: string };
    if (!isProcedureCode(code)) {
      throw new NotFoundError('procedure_not_found', a.title);
    }
    return code;
  };

  app.get(procedureAdminPaths.new(''), guard, async (req, reply) =>
    formPage(
      req,
      reply,
      null,
      {
        onlineLevel: 'mot_phan',
        timeLimitKind: 'working_days',
        feeKind: 'fixed',
        confidence: 'unverified',
        published: '1',
      },
      {},
    ),
  );
  app.post(procedureAdminPaths.new(''), guard, async (req, reply) => save(req, reply, null));

  app.get(`${procedurePaths.admin('')}/:code`, guard, async (req, reply) => {
    const code = codeParam(req);
    const p = await service.byCode(siteOf(req).unit.id, code, false);
    return formPage(req, reply, code, formValuesOf(p), {});
  });
  app.post(`${procedurePaths.admin('')}/:code`, guard, async (req, reply) =>
    save(req, reply, codeParam(req)),
  );
}
