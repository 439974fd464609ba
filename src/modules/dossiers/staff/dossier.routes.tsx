import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../deps.js';
import { requireRole } from '../../../http/auth.js';
import { dossierPaths, withCsrfToken } from '../../../http/paths.js';
import type { UploadedFile } from '../../../http/uploads.js';
import { StrictId } from '../../../http/ids.js';
import { AppError, FieldError, NotFoundError } from '../../../platform/errors.js';
import { formatDateTime } from '../../../platform/time.js';
import { attachmentHeader } from '../../../platform/xlsx.js';
import { actorOf, renderAdmin, siteOf } from '../../../web/admin-shell.js';
import { formValues, type FieldErrors, type FormValues } from '../../../web/components/form-errors.js';
import { checkAttachment } from '../attachments.js';
import { slipPdf, SLIPS } from '../slips.js';
import { originOf } from '../../../http/origin.js';
import { ACTIONS, RETURN_METHODS, type DossierAction } from '../dossier-workflow.js';
import { dossierMessages as m } from '../dossiers.messages.js';
import { ActionInput } from '../dossiers.schemas.js';
import { RESULT_STATUSES } from '../dossiers.service.js';
import { hasRole } from '../../accounts/actor.js';
import { staffPaymentLine } from '../payments/payments.presenter.js';
import { dossierFacts } from './staff-facts.js';
import { staffMessages } from './staff.messages.js';
import { actionsFor, documentsOf, eventView, fileView, slipsOf } from './staff.presenter.js';
import { StaffDossierPage } from './views/StaffDossierPage.js';
import { DOSSIER_ROLES, one, pick, zodErrors } from './staff-http.js';

/** One dossier: its page, the workflow actions, its files, its slips and the electronic result (issue #3 item 4). */
export function dossierPageRoutes(app: FastifyInstance, deps: Deps): void {
  const svc = deps.dossiers.service;
  const view = { preHandler: requireRole(deps.accounts, DOSSIER_ROLES) };
  const returnOptions = RETURN_METHODS.map((r) => ({ value: r, label: m.returnMethod[r] }));

  async function dossierPage(
    req: FastifyRequest,
    reply: FastifyReply,
    id: number,
    state: {
      flash?: string | null;
      problem?: string | null;
      failedAction?: DossierAction | null;
      values?: FormValues;
      errors?: FieldErrors;
      status?: number;
    },
  ) {
    const site = siteOf(req);
    const base = site.basePath;
    const actor = actorOf(req);
    const d = await svc.get(site.unit.id, id);
    const [events, files, assignees, warning, payments] = await Promise.all([
      svc.events(d.id),
      svc.files(d.id),
      svc.assignees(site.unit.id),
      svc.deadlineWarning(d),
      deps.payments.service.forDossier(d.id),
    ]);
    const due = d.dueAt ? formatDateTime(d.dueAt) : '';
    const warningText = warning
      ? [
          warning.kind === 'overdue' ? staffMessages.detail.overdue(due) : staffMessages.detail.dueSoon(due),
          warning.apologyUntil ? staffMessages.detail.apologyUntil(formatDateTime(warning.apologyUntil)) : '',
        ]
          .filter(Boolean)
          .join(' ')
      : null;
    const roles = actor.roles.get(site.unit.id) ?? [];
    return renderAdmin(
      req,
      reply,
      deps,
      { title: `${staffMessages.detail.code} ${d.code ?? ''}`, area: 'dossiers', status: state.status },
      () => (
        <StaffDossierPage
          code={d.code ?? '—'}
          flash={state.flash ?? null}
          warning={warningText}
          resultAction={
            RESULT_STATUSES.includes(d.status) &&
            hasRole(actor, site.unit.id, ['one_stop_officer', 'specialist', 'leader'])
              ? withCsrfToken(dossierPaths.adminResult(base, d.id), deps.csrf.tokenFor(req, reply))
              : null
          }
          problem={state.problem ?? null}
          backHref={dossierPaths.admin(base)}
          facts={dossierFacts(d, assignees, payments.map(staffPaymentLine))}
          documents={documentsOf(d)}
          files={files.map((f) => ({ ...fileView(f), href: dossierPaths.adminFile(base, d.id, f.id) }))}
          slips={slipsOf(d).map((slip) => ({
            label: slip.label,
            href: dossierPaths.adminForm(base, d.id, slip.form),
          }))}
          history={events.map(eventView)}
          actions={actionsFor(d, { id: actor.id, roles })}
          actionHref={dossierPaths.adminAction(base, d.id)}
          csrfToken={deps.csrf.tokenFor(req, reply)}
          version={d.version}
          assigneeOptions={assignees.map((a) => ({ value: String(a.id), label: a.name }))}
          returnOptions={returnOptions}
          feeMethodOptions={Object.entries(staffMessages.detail.feeMethods).map(([value, label]) => ({
            value,
            label,
          }))}
          failedAction={state.failedAction ?? null}
          values={state.values ?? {}}
          errors={state.errors ?? {}}
        />
      ),
    );
  }

  app.get<{ Params: { id: string } }>('/quan-tri/ho-so/:id', view, async (req, reply) => {
    const id = StrictId.parse(req.params.id);
    const done = pick(ACTIONS, one(req.query, 'da'));
    const d = await svc.get(siteOf(req).unit.id, id);
    const flash =
      one(req.query, 'moi') === '1'
        ? staffMessages.detail.created(d.code ?? '')
        : done
          ? staffMessages.detail.done(m.action[done])
          : null;
    return dossierPage(req, reply, id, { flash });
  });

  app.post<{ Params: { id: string } }>('/quan-tri/ho-so/:id/xu-ly', view, async (req, reply) => {
    const site = siteOf(req);
    const id = StrictId.parse(req.params.id);
    const values = formValues(req.body);
    const action = pick(ACTIONS, values.action ?? '');
    if (!action) {
      throw new NotFoundError('unknown_action', m.notFound);
    }
    const field = (k: string) => values[`${action}-${k}`] || undefined;
    const parsed = ActionInput.safeParse({
      action,
      version: values.version,
      reason: field('reason'),
      assigneeId: field('assigneeId'),
      documents: (field('documents') ?? '')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
      newDueAt: field('newDueAt'),
      returnedVia: field('returnedVia'),
      feeVnd: field('feeVnd'),
      feeMethod: field('feeMethod'),
    });
    if (!parsed.success) {
      return dossierPage(req, reply, id, {
        failedAction: action,
        values,
        errors: zodErrors(parsed.error, `${action}-`),
        status: 422,
      });
    }
    try {
      await svc.act(actorOf(req), site.unit.id, id, parsed.data);
    } catch (err) {
      if (err instanceof FieldError) {
        return dossierPage(req, reply, id, {
          failedAction: action,
          values,
          errors: { [`${action}-${err.field}`]: err.message },
          status: 422,
        });
      }
      if (err instanceof AppError && (err.status === 409 || err.status === 403)) {
        return dossierPage(req, reply, id, { problem: err.message, status: err.status });
      }
      throw err;
    }
    return reply.redirect(`${dossierPaths.adminDetail(site.basePath, id)}?da=${action}`, 303);
  });

  app.get<{ Params: { id: string; fileId: string } }>(
    '/quan-tri/ho-so/:id/tep/:fileId',
    view,
    async (req, reply) => {
      const d = await svc.get(siteOf(req).unit.id, StrictId.parse(req.params.id));
      const f = await svc.file(d.id, StrictId.parse(req.params.fileId));
      const stream = f ? deps.storage.open(f.storageKey) : undefined;
      if (!f || !stream) {
        throw new NotFoundError('file_not_found', m.notFound);
      }
      return reply
        .header('content-type', f.mime)
        .header('content-disposition', attachmentHeader(f.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );

  app.get<{ Params: { id: string; file: string } }>(
    '/quan-tri/ho-so/:id/mau/:file',
    view,
    async (req, reply) => {
      const site = siteOf(req);
      const slip = pick(SLIPS, req.params.file.replace(/\.pdf$/, ''));
      const d = await svc.get(site.unit.id, StrictId.parse(req.params.id));
      const hosts = deps.directory.all().flatMap((u) => (u.host ? [u.host] : []));
      const { origin } = originOf(req, deps.config.http.publicUrl, hosts);
      const pdf =
        slip && req.params.file.endsWith('.pdf')
          ? await slipPdf(slip, d, await svc.events(d.id), {
              unit: site.unit,
              parent: site.unit.parentId === null ? undefined : deps.directory.get(site.unit.parentId),
              lookupUrl: `${origin}${dossierPaths.lookup(site.basePath, d.code ?? '')}`,
            })
          : undefined;
      if (!pdf) {
        throw new NotFoundError('slip_not_found', m.notFound);
      }
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          attachmentHeader(`${d.code ?? 'ho-so'}-${slip}.pdf`).replace(/^attachment/, 'inline'),
        )
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.post<{ Params: { id: string } }>('/quan-tri/ho-so/:id/ket-qua', view, async (req, reply) => {
    const site = siteOf(req);
    const id = StrictId.parse(req.params.id);
    const file = (req.body as Record<string, unknown> | undefined)?.result as UploadedFile | undefined;
    if (!file || (file.filename === '' && file.data.length === 0)) {
      return dossierPage(req, reply, id, { errors: { result: m.field.resultFile }, status: 422 });
    }
    const checked = checkAttachment(file, deps.config.uploads.maxBytes);
    if (!checked.ok) {
      return dossierPage(req, reply, id, { errors: { result: checked.message }, status: 422 });
    }
    try {
      await svc.attachResult(actorOf(req), site.unit.id, id, {
        documentName: null,
        fileName: checked.fileName,
        mime: checked.mime,
        extension: checked.extension,
        bytes: file.data,
      });
    } catch (err) {
      if (err instanceof AppError && (err.status === 409 || err.status === 403)) {
        return dossierPage(req, reply, id, { problem: err.message, status: err.status });
      }
      throw err;
    }
    return reply.redirect(`${dossierPaths.adminDetail(site.basePath, id)}?ket-qua=1`, 303);
  });
}
