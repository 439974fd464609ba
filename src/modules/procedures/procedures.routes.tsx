import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.js';
import { requireRole } from '../../http/auth.js';
import { citizenPaths, portalPaths, procedureAdminPaths, procedurePaths } from '../../http/paths.js';
import { StrictId } from '../../http/ids.js';
import { render } from '../../http/render.js';
import { NotFoundError } from '../../platform/errors.js';
import { attachmentHeader } from '../../platform/xlsx.js';
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
import { CSV_COLUMNS, OPTIONAL_CSV_COLUMNS } from './procedure-csv.js';
import { checkTemplate } from './template-file.js';
import { confidenceLabels, onlineLevelLabels, procedureMessages } from './procedures.messages.js';
import {
  CONFIDENCES,
  FEE_KINDS,
  isProcedureCode,
  ONLINE_LEVELS,
  TEMPLATE_TYPES,
  TIME_LIMIT_KINDS,
  type OnlineLevel,
} from './procedures.model.js';
import { formValuesOf, PROCEDURE_FORM_MESSAGES, ProcedureForm } from './procedures.schemas.js';
import { fileSizeText, toDetailView } from './procedures.presenter.js';
import { MAX_CSV_CHARS, type ProcedureTemplate } from './procedures.service.js';
import { ProcedureDetailPage, ProcedureListPage } from './views/ProcedurePublicPages.js';
import {
  ProcedureFormPage,
  ProcedureAdminListPage,
  ProcedureImportPage,
  ProcedureImportReportPage,
  ProcedureDeletePage,
  ProcedureTemplatesPage,
  type TemplateRowView,
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
      ...toDetailView(p, procedurePaths.list(site.basePath), await service.templates(p.id), (id) =>
        procedurePaths.template(site.basePath, p.code, id),
      ),
      onlineHref: p.onlineLevel === 'truc_tiep' ? null : citizenPaths.online(site.basePath, p.code),
    };
    return publicPage(
      req,
      reply,
      { title: p.name, href: procedurePaths.detail(site.basePath, p.code), noIndex: false },
      (shell) => <ProcedureDetailPage shell={shell} view={view} />,
    );
  });

  // A document's template, as an attachment: its type was sniffed at upload; nosniff and a sandbox keep a browser
  // from treating it as anything else.
  app.get(`${portalPaths.procedures('')}/:code/mau/:id`, async (req, reply) => {
    const site = siteOf(req);
    const { code, id } = req.params as { code: string; id: string };
    const { template, stream } = await service.templateFile(site.unit.id, code, StrictId.parse(id));
    return sendTemplate(reply, template, stream, 'public, max-age=300');
  });

  adminRoutes(app, deps);
}

function sendTemplate(
  reply: FastifyReply,
  t: ProcedureTemplate,
  stream: NodeJS.ReadableStream,
  cacheControl: string,
) {
  return reply
    .header('content-type', t.mime)
    .header('content-length', String(t.size))
    .header('content-disposition', attachmentHeader(t.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', cacheControl)
    .send(stream);
}

/** ?da=<done>: what the last admin action did, shown once after its redirect. */
const DONE = ['luu', 'xoa', 'ngung-cong-khai', 'tai-mau', 'xoa-mau'] as const;
type Done = (typeof DONE)[number];
const doneOf = (query: unknown): Done | undefined => {
  const v = one(query, 'da');
  return DONE.find((d) => d === v);
};

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
    const done = doneOf(req.query);
    const notice =
      done === 'luu'
        ? a.saved
        : done === 'xoa'
          ? a.deleted
          : done === 'ngung-cong-khai'
            ? a.unpublished
            : null;
    return renderAdmin(req, reply, deps, { title: a.title, area: 'procedures' }, () => (
      <ProcedureAdminListPage
        notice={notice}
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
        optionalColumns={im.optionalColumnsHint(OPTIONAL_CSV_COLUMNS.join(', '))}
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
    onlineTimeLimitKind: [
      { value: '', label: fm.onlineSame },
      ...TIME_LIMIT_KINDS.map((v) => ({ value: v, label: fm.timeLimitKinds[v] })),
    ],
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
        templatesHref={code === null ? undefined : procedureAdminPaths.templates(base, code)}
        deleteHref={code === null ? undefined : procedureAdminPaths.delete(base, code)}
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
    return reply.redirect(`${procedurePaths.admin(site.basePath)}?da=luu`, 303);
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

  templateRoutes(app, deps, guard, codeParam);
  deleteRoutes(app, deps, guard, codeParam);
}

type Guard = { preHandler: ReturnType<typeof requireRole> };

/** The templates of a procedure's documents: list, upload (multipart), remove, and the staff's own download. */
function templateRoutes(
  app: FastifyInstance,
  deps: Deps,
  guard: Guard,
  codeParam: (req: FastifyRequest) => string,
): void {
  const service = deps.procedures.service;
  const tm = procedureMessages.templates;
  const maxBytes = deps.config.uploads.maxBytes;

  const page = async (
    req: FastifyRequest,
    reply: FastifyReply,
    code: string,
    values: FormValues,
    errors: FieldErrors,
    status?: number,
  ) => {
    const site = siteOf(req);
    const base = site.basePath;
    const p = await service.byCode(site.unit.id, code, false);
    const templates = await service.templates(p.id);
    const row = (t: ProcedureTemplate): TemplateRowView => ({
      id: t.id,
      fileName: t.fileName,
      info: procedureMessages.detail.fileInfo(TEMPLATE_TYPES[t.mime].label, fileSizeText(t.size)),
      href: procedureAdminPaths.template(base, code, t.id),
      removeAction: procedureAdminPaths.templateRemove(base, code, t.id),
    });
    const names = new Set(p.documents.map((d) => d.name));
    const done = doneOf(req.query);
    return renderAdmin(req, reply, deps, { title: tm.title, area: 'procedures', status }, (shell) => (
      <ProcedureTemplatesPage
        name={p.name}
        code={p.code}
        notice={done === 'tai-mau' ? tm.uploaded : done === 'xoa-mau' ? tm.removed : null}
        csrfToken={shell.csrfToken}
        uploadAction={procedureAdminPaths.templates(base, code)}
        documents={p.documents.map((d) => {
          const t = templates.find((x) => x.documentName === d.name);
          return { name: d.name, template: t ? row(t) : null };
        })}
        orphans={templates
          .filter((t) => !names.has(t.documentName))
          .map((t) => ({ ...row(t), document: t.documentName }))}
        values={values}
        errors={errors}
        maxSize={fileSizeText(maxBytes)}
        backHref={procedureAdminPaths.edit(base, code)}
      />
    ));
  };

  app.get(`${procedurePaths.admin('')}/:code/mau`, guard, async (req, reply) =>
    page(req, reply, codeParam(req), {}, {}),
  );

  app.post(procedureAdminPaths.templates('', ':code'), guard, async (req, reply) => {
    const site = siteOf(req);
    const code = codeParam(req);
    const values = formValues(req.body);
    // http/uploads.ts puts each file field of an upload route in the body as an UploadedFile.
    const file = (req.body as Record<string, unknown> | undefined)?.file as UploadedFile | undefined;
    const upload = file ?? { filename: '', data: Buffer.alloc(0), truncated: false };
    const checked = checkTemplate(upload, maxBytes);
    if (!checked.ok) {
      return page(req, reply, code, values, { file: checked.message }, 422);
    }
    const result = await service.saveTemplate(
      actorOf(req),
      site.unit.id,
      code,
      values.document ?? '',
      { data: upload.data, mime: checked.mime, fileName: checked.fileName },
      req.ip,
    );
    if (!result.ok) {
      return page(req, reply, code, values, result.errors, 422);
    }
    return reply.redirect(`${procedureAdminPaths.templates(site.basePath, code)}?da=tai-mau`, 303);
  });

  app.post(`${procedurePaths.admin('')}/:code/mau/:id/xoa`, guard, async (req, reply) => {
    const site = siteOf(req);
    const code = codeParam(req);
    const id = StrictId.parse((req.params as { id: string }).id);
    await service.removeTemplate(actorOf(req), site.unit.id, code, id, req.ip);
    return reply.redirect(`${procedureAdminPaths.templates(site.basePath, code)}?da=xoa-mau`, 303);
  });

  // Staff download a template whatever the procedure's state (unpublished, or its document gone).
  app.get(`${procedurePaths.admin('')}/:code/mau/:id`, guard, async (req, reply) => {
    const code = codeParam(req);
    const id = StrictId.parse((req.params as { id: string }).id);
    const { template, stream } = await service.templateFile(siteOf(req).unit.id, code, id, false);
    return sendTemplate(reply, template, stream, 'private, no-store');
  });
}

/**
 * Deleting a procedure: a confirmation page, then the deletion (CSRF-checked POST, audited). A procedure with
 * dossiers is not deleted: the page offers to unpublish it (see ProcedureDeletePage for why).
 */
function deleteRoutes(
  app: FastifyInstance,
  deps: Deps,
  guard: Guard,
  codeParam: (req: FastifyRequest) => string,
): void {
  const service = deps.procedures.service;

  /** Dossiers made for the procedure, whatever their state, as the dossiers module counts them. */
  const dossiersOf = async (req: FastifyRequest, code: string): Promise<number> => {
    const list = await deps.dossiers.service.list(actorOf(req), siteOf(req).unit.id, {
      queue: 'all',
      procedureCode: code,
      page: 1,
    });
    return list.total;
  };

  const page = async (
    req: FastifyRequest,
    reply: FastifyReply,
    code: string,
    problem: string | null = null,
    status?: number,
  ) => {
    const site = siteOf(req);
    const base = site.basePath;
    const p = await service.byCode(site.unit.id, code, false);
    const dossiers = await dossiersOf(req, code);
    return renderAdmin(
      req,
      reply,
      deps,
      { title: procedureMessages.remove.title, area: 'procedures', status },
      (shell) => (
        <ProcedureDeletePage
          name={p.name}
          code={p.code}
          csrfToken={shell.csrfToken}
          dossiers={dossiers}
          published={p.published}
          deleteAction={procedureAdminPaths.delete(base, code)}
          unpublishAction={procedureAdminPaths.unpublish(base, code)}
          backHref={procedureAdminPaths.edit(base, code)}
          problem={problem}
        />
      ),
    );
  };

  app.get(`${procedurePaths.admin('')}/:code/xoa`, guard, async (req, reply) =>
    page(req, reply, codeParam(req)),
  );

  app.post(`${procedurePaths.admin('')}/:code/xoa`, guard, async (req, reply) => {
    const site = siteOf(req);
    const code = codeParam(req);
    const result = await service.remove(
      actorOf(req),
      site.unit.id,
      code,
      await dossiersOf(req, code),
      req.ip,
    );
    if (!result.ok) {
      return page(req, reply, code, procedureMessages.remove.refused(result.dossiers), 409);
    }
    return reply.redirect(`${procedurePaths.admin(site.basePath)}?da=xoa`, 303);
  });

  app.post(`${procedurePaths.admin('')}/:code/ngung-cong-khai`, guard, async (req, reply) => {
    const site = siteOf(req);
    await service.unpublish(actorOf(req), site.unit.id, codeParam(req), req.ip);
    return reply.redirect(`${procedurePaths.admin(site.basePath)}?da=ngung-cong-khai`, 303);
  });
}
