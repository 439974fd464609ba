import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.js';
import { HttpError } from '../../http/http-error.js';
import { StrictId } from '../../http/ids.js';
import { citizenPaths, dossierPaths, portalPaths, procedurePaths, withCsrfToken } from '../../http/paths.js';
import { render } from '../../http/render.js';
import { siteOf } from '../../http/site.js';
import type { UploadedFile } from '../../http/uploads.js';
import { ONLINE_MAX_FILES } from '../../http/uploads.js';
import { NotFoundError } from '../../platform/errors.js';
import { formatDateTime } from '../../platform/time.js';
import { attachmentHeader } from '../../platform/xlsx.js';
import { formList, type FieldErrors } from '../../web/components/form-errors.js';
import type { PageShell } from '../../web/layout-view.js';
import type { Actor } from '../accounts/actor.js';
import { citizenOf, requireCitizen } from '../accounts/citizen-auth.js';
import { portalShellBuilder } from '../portal/public/portal-shell.js';
import { checkAttachment } from './attachments.js';
import { dossierMessages } from './dossiers.messages.js';
import { onlineMessages as m } from './online.messages.js';
import {
  returnMethodOptions,
  toDocumentFields,
  toDraftLinks,
  toMyDossierRows,
  toMyDraftRows,
} from './online.presenter.js';
import {
  checkSubmission,
  docField,
  draftErrors,
  FormKey,
  onlineValuesOf,
  type OnlineValues,
} from './online.schemas.js';
import type { Draft, NewFile, OnlineProcedure } from './online.service.js';
import {
  MyDossiersPage,
  OnlineDonePage,
  OnlineFormPage,
  type CitizenBarView,
  type OnlineFormView,
} from './views/OnlinePages.js';

const isUploadedFile = (v: unknown): v is UploadedFile =>
  typeof v === 'object' && v !== null && 'data' in v && Buffer.isBuffer(v.data);

/**
 * Online submission by citizens (issue #3 item 3) inside the unit's portal: the form of a procedure offered online
 * (/nop-truc-tuyen/<code>, multipart, listed in http/uploads.ts so that the citizen guard and the CSRF token are
 * checked before the files are read), the confirmation page, and "my dossiers" (/tai-khoan/ho-so) with the drafts.
 * Files are checked (size, type sniffed from their bytes) before anything is stored.
 */
export function onlineRoutes(app: FastifyInstance, deps: Deps): void {
  const online = deps.dossiers.online;
  const maxBytes = deps.config.uploads.maxBytes;
  const shellOf = portalShellBuilder(app, deps);
  const guard = { preHandler: requireCitizen(deps.accounts) };

  async function page(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    meta: { title: string; href: string },
    body: (shell: PageShell) => ReturnType<typeof OnlineFormPage>,
  ): Promise<FastifyReply> {
    const shell = await shellOf(req, siteOf(req), { ...meta, path: meta.href, noIndex: true }, meta.href);
    return render(reply.code(status).header('cache-control', 'no-store'), body(shell));
  }

  const barOf = (req: FastifyRequest, reply: FastifyReply, citizen: Actor): CitizenBarView => {
    const base = siteOf(req).basePath;
    return {
      name: citizen.name,
      dossiersHref: citizenPaths.dossiers(base),
      signOutAction: citizenPaths.signOut(base),
      csrfToken: deps.csrf.tokenFor(req, reply),
    };
  };

  const formPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    procedure: OnlineProcedure,
    form: {
      key: string;
      values: OnlineValues;
      draft: Draft | undefined;
      errors: FieldErrors;
      notice: OnlineFormView['notice'];
      otherDrafts?: Draft[];
    },
  ) => {
    const base = siteOf(req).basePath;
    const bar = barOf(req, reply, citizenOf(req));
    const href = citizenPaths.online(base, procedure.code);
    const view: OnlineFormView = {
      bar,
      procedureName: procedure.name,
      procedureHref: procedurePaths.detail(base, procedure.code),
      levelLabel: m.form.level[procedure.onlineLevel],
      partlyOnline: procedure.onlineLevel === 'mot_phan',
      action: withCsrfToken(href, bar.csrfToken),
      csrfToken: bar.csrfToken,
      formKey: form.key,
      values: form.values,
      errors: form.errors,
      notice: form.notice,
      documents: toDocumentFields(procedure, form.draft?.files ?? []),
      documentsHint: m.form.documentsHint(Math.round(maxBytes / 1_000_000), ONLINE_MAX_FILES),
      returnOptions: returnMethodOptions(),
      otherDrafts: toDraftLinks(base, form.otherDrafts ?? []),
    };
    return page(req, reply, status, { title: m.form.title(procedure.name), href }, (shell) => (
      <OnlineFormPage shell={shell} view={view} />
    ));
  };

  app.get(citizenPaths.online('', ':code'), guard, async (req, reply) => {
    const site = siteOf(req);
    const citizen = citizenOf(req);
    const procedure = await online.procedure(site.unit.id, (req.params as { code: string }).code);
    const query = req.query as Record<string, unknown>;
    if (query.nhap !== undefined) {
      const id = StrictId.parse(query.nhap);
      const draft = await online.draft(citizen, site.unit.id, procedure.code, id);
      const notice =
        query['da-luu'] === 'co' ? { kind: 'saved' as const, at: formatDateTime(draft.updatedAt) } : null;
      return formPage(req, reply, 200, procedure, {
        key: draft.formKey,
        values: draft.values,
        draft,
        errors: {},
        notice,
      });
    }
    const fresh = await online.newForm(citizen, procedure);
    const otherDrafts = (await online.drafts(citizen, site.unit.id)).filter(
      (d) => d.procedureCode === procedure.code,
    );
    return formPage(req, reply, 200, procedure, {
      ...fresh,
      draft: undefined,
      errors: {},
      notice: null,
      otherDrafts,
    });
  });

  app.post(citizenPaths.online('', ':code'), guard, async (req, reply) => {
    const site = siteOf(req);
    const base = site.basePath;
    const citizen = citizenOf(req);
    const procedure = await online.procedure(site.unit.id, (req.params as { code: string }).code);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const key = FormKey.safeParse(body.key);
    if (!key.success) {
      throw new HttpError(400, 'online_form_key', m.badForm);
    }
    const values = onlineValuesOf(body);
    const remove = formList(body, 'remove')
      .map(Number)
      .filter((i) => Number.isInteger(i) && i >= 0 && i < procedure.documents.length);
    const files = filesOf(procedure, body, maxBytes);
    const refused = { ...files.errors, ...draftErrors(values) };
    if (Object.keys(refused).length > 0) {
      // Nothing is stored: say every problem, and which good files must be chosen again.
      const draft = await online.draftByKey(citizen, site.unit.id, procedure.code, key.data);
      const present = new Set([...(draft?.files ?? []), ...files.good].map((f) => f.document));
      const later = body.action === 'save' ? {} : checkErrors(procedure, values, present);
      return formPage(req, reply, 422, procedure, {
        key: key.data,
        values,
        draft,
        errors: { ...later, ...files.reselect, ...refused },
        notice: { kind: 'nothing' },
      });
    }
    if (body.action === 'save') {
      const saved = await online.saveDraft(
        citizen,
        site.unit.id,
        procedure,
        key.data,
        values,
        files.good,
        remove,
      );
      return saved.kind === 'submitted'
        ? reply.redirect(citizenPaths.submitted(base, saved.dossier.id), 303)
        : reply.redirect(citizenPaths.online(base, procedure.code, saved.draft.id, true), 303);
    }
    const result = await online.submit(
      citizen,
      site.unit.id,
      procedure,
      key.data,
      values,
      files.good,
      remove,
    );
    if (!result.ok) {
      return formPage(req, reply, 422, procedure, {
        key: key.data,
        values,
        draft: result.draft,
        errors: result.errors,
        notice: { kind: 'kept' },
      });
    }
    return reply.redirect(citizenPaths.submitted(base, result.dossier.id), 303);
  });

  app.get('/nop-truc-tuyen/da-nop/:id', guard, async (req, reply) => {
    const site = siteOf(req);
    const citizen = citizenOf(req);
    const id = StrictId.parse((req.params as { id: unknown }).id);
    const d = await online.submitted(citizen, site.unit.id, id);
    const code = d.code ?? '';
    const view = {
      bar: barOf(req, reply, citizen),
      code,
      procedureName: d.procedureName,
      submittedAt: formatDateTime(d.submittedAt),
      status: dossierMessages.status[d.status],
      lookupHref: dossierPaths.lookup(site.basePath, code),
      dossiersHref: citizenPaths.dossiers(site.basePath),
    };
    return page(
      req,
      reply,
      200,
      { title: m.done.title, href: citizenPaths.submitted(site.basePath, id) },
      (shell) => <OnlineDonePage shell={shell} view={view} />,
    );
  });

  app.get(citizenPaths.dossiers(''), guard, async (req, reply) => {
    const site = siteOf(req);
    const citizen = citizenOf(req);
    const [drafts, dossiers] = await Promise.all([
      online.drafts(citizen, site.unit.id),
      online.dossiers(citizen, site.unit.id),
    ]);
    const view = {
      bar: barOf(req, reply, citizen),
      drafts: toMyDraftRows(site.basePath, drafts),
      dossiers: toMyDossierRows(site.basePath, dossiers),
      proceduresHref: portalPaths.procedures(site.basePath),
    };
    return page(
      req,
      reply,
      200,
      { title: m.mine.title, href: citizenPaths.dossiers(site.basePath) },
      (shell) => <MyDossiersPage shell={shell} view={view} />,
    );
  });

  const toMine = (req: FastifyRequest) => citizenPaths.dossiers(siteOf(req).basePath);
  app.get(
    '/tai-khoan/ho-so/:id/ket-qua',
    { preHandler: requireCitizen(deps.accounts, toMine) },
    async (req, reply) => {
      const id = StrictId.parse((req.params as { id: unknown }).id);
      const file = await online.resultFile(citizenOf(req), siteOf(req).unit.id, id);
      const stream = deps.storage.open(file.storageKey);
      if (!stream) {
        throw new NotFoundError('result_not_found', m.dossierNotFound);
      }
      return reply
        .header('content-type', file.mime)
        .header('content-disposition', attachmentHeader(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );
  app.post(
    '/tai-khoan/ho-so/nhap/:id/xoa',
    { preHandler: requireCitizen(deps.accounts, toMine) },
    async (req, reply) => {
      const id = StrictId.parse((req.params as { id: unknown }).id);
      await online.deleteDraft(citizenOf(req), siteOf(req).unit.id, id);
      return reply.redirect(toMine(req), 303);
    },
  );
}

/** What a refused form would also have been told on submission (its text and its required documents). */
function checkErrors(
  procedure: OnlineProcedure,
  values: OnlineValues,
  present: ReadonlySet<number>,
): FieldErrors {
  const check = checkSubmission(procedure.documents, values, present);
  return check.ok ? {} : check.errors;
}

/**
 * The files of the request, one per document field: the good ones ready for the service, a message at the field of
 * each refused one (too large, empty, not PDF/JPEG/PNG by its bytes), and for the good ones a note to choose them
 * again should anything be refused (nothing is stored then).
 */
function filesOf(procedure: OnlineProcedure, body: Record<string, unknown>, maxBytes: number) {
  const good: NewFile[] = [];
  const errors: FieldErrors = {};
  const reselect: FieldErrors = {};
  procedure.documents.forEach((_, document) => {
    const field = docField(document);
    const file = body[field];
    if (!isUploadedFile(file) || (file.filename === '' && file.data.length === 0)) {
      return; // no file chosen in this input
    }
    const checked = checkAttachment(file, maxBytes);
    if (!checked.ok) {
      errors[field] = checked.message;
      return;
    }
    good.push({
      document,
      fileName: checked.fileName,
      mime: checked.mime,
      extension: checked.extension,
      bytes: file.data,
    });
    reselect[field] = m.field.reselect(checked.fileName);
  });
  return { good, errors, reselect };
}
