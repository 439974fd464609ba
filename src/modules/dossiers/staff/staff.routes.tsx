import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodError } from 'zod';
import type { Deps } from '../../../deps.js';
import { requireRole } from '../../../http/auth.js';
import { dossierPaths, withCsrfToken } from '../../../http/paths.js';
import type { UploadedFile } from '../../../http/uploads.js';
import { StrictId } from '../../../http/ids.js';
import { AppError, FieldError, NotFoundError } from '../../../platform/errors.js';
import { formatDateTime, localDate } from '../../../platform/time.js';
import { attachmentHeader } from '../../../platform/xlsx.js';
import { actorOf, renderAdmin, siteOf } from '../../../web/admin-shell.js';
import { common } from '../../../web/messages.js';
import {
  formList,
  formValues,
  type FieldErrors,
  type FormValues,
} from '../../../web/components/form-errors.js';
import type { Role } from '../../accounts/roles.js';
import { timeLimitText } from '../../procedures/procedures.presenter.js';
import { checkAttachment } from '../attachments.js';
import { slipPdf, SLIPS } from '../slips.js';
import { originOf } from '../../../http/origin.js';
import { dossierRulesAt } from '../dossier-rules.js';
import {
  ACTIONS,
  CHANNELS,
  DOSSIER_STATUSES,
  RETURN_METHODS,
  type DossierAction,
} from '../dossier-workflow.js';
import { dossierMessages as m } from '../dossiers.messages.js';
import { QUEUES, type Queue } from '../dossiers.repository.js';
import { ActionInput, IntakeInput } from '../dossiers.schemas.js';
import { RESULT_STATUSES, type IncomingFile } from '../dossiers.service.js';
import { hasRole } from '../../accounts/actor.js';
import { staffPaymentLine } from '../payments/payments.presenter.js';
import { dossierFacts } from './staff-facts.js';
import { staffMessages } from './staff.messages.js';
import { actionsFor, documentsOf, eventView, fileView, slipsOf, urgencyOf } from './staff.presenter.js';
import { StaffDossierPage } from './views/StaffDossierPage.js';
import { StaffIntakePage } from './views/StaffIntakePage.js';
import { StaffQueuePage } from './views/StaffQueuePage.js';

/** Who works on dossiers: the one-stop officer, specialists, leaders, and those who inspect (read only). */
export const DOSSIER_ROLES: readonly Role[] = [
  'one_stop_officer',
  'specialist',
  'leader',
  'cchc_focal_point',
  'inspector',
];
/** The file fields of the intake form: one scan per document, for up to this many documents. */
export const INTAKE_FILE_FIELDS = Array.from({ length: 8 }, (_, i) => `file${i}`);

const one = (query: unknown, key: string): string => {
  const v = (query as Record<string, unknown>)[key];
  return typeof v === 'string' ? v.trim() : '';
};
const pick = <T extends string>(list: readonly T[], v: string): T | undefined =>
  (list as readonly string[]).includes(v) ? (v as T) : undefined;

/** The form field a service FieldError or a zod path belongs to. */
const INTAKE_FIELD: Record<string, string> = {
  'applicant.name': 'applicantName',
  'applicant.idNumber': 'idNumber',
  'applicant.phone': 'phone',
  'applicant.email': 'email',
  'applicant.address': 'address',
};
function zodErrors(error: ZodError, prefix = ''): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    const field = prefix + (INTAKE_FIELD[path] ?? String(issue.path[0] ?? '_form'));
    // zod's own (English) message means the field was missing or of the wrong type.
    out[field] ??= issue.message.startsWith('Invalid input') ? common.field.required : issue.message;
  }
  return out;
}

function defaultQueue(roles: readonly Role[]): Queue {
  if (roles.includes('one_stop_officer')) {
    return 'incoming';
  }
  if (roles.includes('specialist')) {
    return 'mine';
  }
  return roles.includes('leader') ? 'approval' : 'all';
}

export function staffDossierRoutes(app: FastifyInstance, deps: Deps): void {
  const svc = deps.dossiers.service;
  const view = { preHandler: requireRole(deps.accounts, DOSSIER_ROLES) };
  const intakeGuard = { preHandler: requireRole(deps.accounts, ['one_stop_officer']) };
  const statusOptions = [
    { value: '', label: staffMessages.queue.any },
    ...DOSSIER_STATUSES.map((s) => ({ value: s, label: m.status[s] })),
  ];
  const channelOptions = [
    { value: '', label: staffMessages.queue.any },
    ...CHANNELS.map((c) => ({ value: c, label: m.channel[c] })),
  ];
  const returnOptions = RETURN_METHODS.map((r) => ({ value: r, label: m.returnMethod[r] }));

  app.get(dossierPaths.admin(''), view, async (req, reply) => {
    const site = siteOf(req);
    const actor = actorOf(req);
    const roles = actor.roles.get(site.unit.id) ?? [];
    const q = req.query;
    const page = /^[1-9]\d{0,5}$/.test(one(q, 'trang')) ? Number(one(q, 'trang')) : 1;
    const filters = {
      queue: pick(QUEUES, one(q, 'hang')) ?? defaultQueue(roles),
      q: one(q, 'q').slice(0, 100),
      status: pick(DOSSIER_STATUSES, one(q, 'trang-thai')),
      procedure: one(q, 'thu-tuc').slice(0, 20) || undefined,
      channel: pick(CHANNELS, one(q, 'kenh')),
    };
    const result = await svc.list(actor, site.unit.id, {
      queue: filters.queue,
      q: filters.q || undefined,
      status: filters.status,
      procedureCode: filters.procedure,
      channel: filters.channel,
      page,
    });
    const procedures = await deps.procedures.service.options(site.unit.id);
    const base = site.basePath;
    const linkOf = (queue: Queue, p?: number) =>
      dossierPaths.admin(base, {
        queue,
        q: filters.q,
        status: filters.status,
        procedure: filters.procedure,
        channel: filters.channel,
        page: p,
      });
    const pages = Math.max(1, Math.ceil(result.total / 20));
    const rules = dossierRulesAt(localDate(result.now));
    const month = localDate(result.now).slice(0, 7);
    return renderAdmin(req, reply, deps, { title: staffMessages.queue.title, area: 'dossiers' }, () => (
      <StaffQueuePage
        title={staffMessages.queue.tabs[filters.queue]}
        tabs={QUEUES.map((queue) => ({
          href: linkOf(queue),
          label: staffMessages.queue.tabs[queue],
          count: result.counts[queue],
          current: queue === filters.queue,
        }))}
        filters={{
          q: filters.q,
          status: filters.status ?? '',
          procedure: filters.procedure ?? '',
          channel: filters.channel ?? '',
          queue: filters.queue,
        }}
        statusOptions={statusOptions}
        procedureOptions={[
          { value: '', label: staffMessages.queue.any },
          ...procedures.map((p) => ({ value: p.code, label: p.name })),
        ]}
        channelOptions={channelOptions}
        action={dossierPaths.admin(base)}
        intakeHref={
          roles.includes('one_stop_officer') || roles.includes('admin')
            ? dossierPaths.adminIntake(base)
            : null
        }
        bookHref={{
          pdf: dossierPaths.adminBook(base, 'pdf', { from: `${month}-01` }),
          xlsx: dossierPaths.adminBook(base, 'xlsx', { from: `${month}-01` }),
        }}
        total={result.total}
        rows={result.rows.map((r) => {
          const u = urgencyOf(r, result.now, rules.dueSoonHours);
          return {
            id: r.id,
            code: r.code ?? '—',
            href: dossierPaths.adminDetail(base, r.id),
            procedure: r.procedureName,
            applicant: r.applicantName,
            channel: m.channel[r.channel],
            receivedAt: r.receivedAt ? formatDateTime(r.receivedAt) : formatDateTime(r.submittedAt),
            dueAt: r.dueAt ? formatDateTime(r.dueAt) : '—',
            urgency: u.urgency,
            urgencyLabel: u.label,
            status: m.status[r.status],
          };
        })}
        pagination={
          pages > 1
            ? {
                label: `Trang ${page}/${pages}`,
                previousHref: page > 1 ? linkOf(filters.queue, page - 1) : null,
                nextHref: page < pages ? linkOf(filters.queue, page + 1) : null,
                pages: [],
              }
            : null
        }
      />
    ));
  });

  async function intakePage(
    req: FastifyRequest,
    reply: FastifyReply,
    code: string,
    values: FormValues,
    errors: FieldErrors,
    status?: number,
  ) {
    const site = siteOf(req);
    const base = site.basePath;
    const options = await deps.procedures.service.options(site.unit.id);
    const procedure = code
      ? await deps.procedures.service.byCode(site.unit.id, code).catch(() => undefined)
      : undefined;
    if (code && !procedure) {
      errors = { 'thu-tuc': m.field.procedureNotOffered, ...errors };
    }
    const provided = new Set(values.provided === undefined ? [] : values.provided.split('\u0000'));
    const token = deps.csrf.tokenFor(req, reply);
    return renderAdmin(
      req,
      reply,
      deps,
      {
        title: staffMessages.intake.title,
        area: 'dossiers',
        status: status ?? (code && !procedure ? 404 : undefined),
      },
      () => (
        <StaffIntakePage
          chooseAction={dossierPaths.adminIntake(base)}
          procedureOptions={options.map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }))}
          procedure={
            procedure
              ? {
                  code: procedure.code,
                  name: procedure.name,
                  timeLimit: timeLimitText(
                    procedure.timeLimit.kind,
                    procedure.timeLimit.amount,
                    procedure.timeLimit.after15,
                  ),
                }
              : null
          }
          action={withCsrfToken(dossierPaths.adminIntake(base), token)}
          csrfToken={token}
          idempotencyKey={values.idempotencyKey ?? randomBytes(16).toString('base64url')}
          documents={(procedure?.documents ?? []).map((d, i) => ({
            name: d.name,
            label: `${d.name}${d.required ? ` (${staffMessages.intake.required})` : ''}${d.original === true ? `, ${staffMessages.intake.original}` : d.original === false ? `, ${staffMessages.intake.copy}` : ''}`,
            required: d.required,
            checked: provided.has(d.name),
            fileField: INTAKE_FILE_FIELDS[i] ?? null,
          }))}
          channelOptions={(['counter', 'post'] as const).map((c) => ({ value: c, label: m.channel[c] }))}
          returnOptions={returnOptions}
          values={values}
          errors={errors}
        />
      ),
    );
  }

  app.get(dossierPaths.adminIntake(''), intakeGuard, async (req, reply) =>
    intakePage(req, reply, one(req.query, 'thu-tuc'), {}, {}),
  );

  app.post(dossierPaths.adminIntake(''), intakeGuard, async (req, reply) => {
    const site = siteOf(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values = formValues(body);
    const provided = formList(body, 'provided');
    const keep = { ...values, provided: provided.join('\u0000') };
    const parsed = IntakeInput.safeParse({
      procedureCode: values.procedureCode ?? '',
      channel: values.channel || undefined,
      applicant: {
        name: values.applicantName ?? '',
        idNumber: values.idNumber,
        phone: values.phone,
        email: values.email,
        address: values.address ?? '',
      },
      requestSummary: values.requestSummary ?? '',
      provided,
      sets: values.sets || undefined,
      returnMethod: values.returnMethod || undefined,
      idempotencyKey: values.idempotencyKey,
    });
    const errors: FieldErrors = parsed.success ? {} : zodErrors(parsed.error);
    const procedure = await deps.procedures.service
      .byCode(site.unit.id, values.procedureCode ?? '')
      .catch(() => undefined);
    const files: IncomingFile[] = [];
    INTAKE_FILE_FIELDS.forEach((field, i) => {
      const f = body[field] as UploadedFile | undefined;
      if (!f || (f.filename === '' && f.data.length === 0)) {
        return;
      }
      const checked = checkAttachment(f, deps.config.uploads.maxBytes);
      if (!checked.ok) {
        errors[field] = checked.message;
        return;
      }
      files.push({
        documentName: procedure?.documents[i]?.name ?? null,
        fileName: checked.fileName,
        mime: checked.mime,
        extension: checked.extension,
        bytes: f.data,
      });
    });
    if (!parsed.success || Object.keys(errors).length > 0) {
      return intakePage(req, reply, values.procedureCode ?? '', keep, errors, 422);
    }
    try {
      const { dossier } = await svc.intake(actorOf(req), site.unit.id, parsed.data, files);
      return reply.redirect(`${dossierPaths.adminDetail(site.basePath, dossier.id)}?moi=1`, 303);
    } catch (err) {
      if (err instanceof FieldError) {
        return intakePage(
          req,
          reply,
          values.procedureCode ?? '',
          keep,
          { [INTAKE_FIELD[err.field] ?? err.field]: err.message },
          422,
        );
      }
      throw err;
    }
  });

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
