import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../deps.js';
import { requireRole } from '../../../http/auth.js';
import { dossierPaths, withCsrfToken } from '../../../http/paths.js';
import type { UploadedFile } from '../../../http/uploads.js';
import { FieldError } from '../../../platform/errors.js';
import { actorOf, renderAdmin, siteOf } from '../../../web/admin-shell.js';
import {
  formList,
  formValues,
  type FieldErrors,
  type FormValues,
} from '../../../web/components/form-errors.js';
import { timeLimitText } from '../../procedures/procedures.presenter.js';
import { checkAttachment } from '../attachments.js';
import { RETURN_METHODS } from '../dossier-workflow.js';
import { dossierMessages as m } from '../dossiers.messages.js';
import { IntakeInput } from '../dossiers.schemas.js';
import { type IncomingFile } from '../dossiers.service.js';
import { staffMessages } from './staff.messages.js';
import { StaffIntakePage } from './views/StaffIntakePage.js';
import { INTAKE_FIELD, INTAKE_FILE_FIELDS, one, zodErrors } from './staff-http.js';

/** Counter intake: choose the procedure, then the dossier with its scans (issue #3 item 3). */
export function intakeRoutes(app: FastifyInstance, deps: Deps): void {
  const svc = deps.dossiers.service;
  const intakeGuard = { preHandler: requireRole(deps.accounts, ['one_stop_officer']) };
  const returnOptions = RETURN_METHODS.map((r) => ({ value: r, label: m.returnMethod[r] }));

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
}
