import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodError } from 'zod';
import type { Deps } from '../../deps.js';
import { apiActorOf, requireApiRole } from '../../http/auth.js';
import { siteOf } from '../../http/site.js';
import { AppError, FieldError } from '../../platform/errors.js';
import { formatVnIso } from '../calendar/local-time.js';
import { normaliseDossierCode } from './dossier-code.js';
import type { Role } from '../accounts/roles.js';
import { availableActions, NATIONAL_STATUS } from './dossier-workflow.js';
import { dossierMessages as m } from './dossiers.messages.js';
import { QUEUES, type DossierRow, type Queue } from './dossiers.repository.js';
import { ActionInput, IntakeInput } from './dossiers.schemas.js';
import { DOSSIER_ROLES } from './staff/staff.routes.js';

/*
 * The staff API for integrations (issue #3 item 9): intake, the work queues and the workflow actions over /api/v1,
 * with an API token (docs/api.md) or a staff session. The same service and rules as the staff pages.
 */

export const STAFF_API = {
  dossiers: '/api/v1/dossiers',
  actions: '/api/v1/dossiers/:code/actions',
} as const;

const iso = (s: string | null) => (s === null ? null : formatVnIso(s));

/** What staff see of a dossier over the API (the applicant's details included: the caller is staff of the unit). */
export function staffDossierJson(d: DossierRow, actor: { id: number; roles: readonly Role[] }) {
  return {
    id: d.id,
    code: d.code,
    status: { code: d.status, nationalCode: NATIONAL_STATUS[d.status], label: m.status[d.status] },
    procedure: { code: d.procedureCode, name: d.procedureName },
    channel: d.channel,
    applicant: {
      name: d.applicantName,
      idNumber: d.applicantIdNumber,
      phone: d.applicantPhone,
      email: d.applicantEmail,
      address: d.applicantAddress,
    },
    submittedAt: iso(d.submittedAt),
    receivedAt: iso(d.receivedAt),
    dueAt: iso(d.dueAt),
    dueRuleVersion: d.dueRuleVersion,
    dueProvisional: d.dueProvisional === 1,
    assigneeId: d.assigneeId,
    supplementCount: d.supplementCount,
    apologyCount: d.apologyCount,
    endedAt: iso(d.endedAt),
    returnedAt: iso(d.returnedAt),
    version: d.version,
    availableActions: availableActions(d, actor),
  };
}

function invalid(reply: FastifyReply, error: ZodError) {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_body';
    fields[key] ??= issue.message;
  }
  const [field, message] = Object.entries(fields)[0] ?? ['_body', m.api.invalid];
  return reply.code(422).send({ error: 'invalid_request', message, field, fields });
}

function failed(reply: FastifyReply, err: unknown) {
  if (err instanceof FieldError) {
    return reply.code(422).send({ error: err.code, message: err.message, field: err.field });
  }
  if (err instanceof AppError) {
    return reply.code(err.status).send({ error: err.code, message: err.message });
  }
  throw err;
}

export function staffApiRoutes(app: FastifyInstance, deps: Deps): void {
  const svc = deps.dossiers.service;
  const rolesOf = (unitId: number, actor: { roles: ReadonlyMap<number, readonly Role[]> }) =>
    actor.roles.get(unitId) ?? [];

  app.post(
    STAFF_API.dossiers,
    { preHandler: requireApiRole(deps.accounts, ['one_stop_officer']) },
    async (req, reply) => {
      const site = siteOf(req);
      const actor = apiActorOf(req);
      const header = req.headers['idempotency-key'];
      const body = {
        ...(req.body as object | null),
        ...(typeof header === 'string' ? { idempotencyKey: header } : {}),
      };
      const parsed = IntakeInput.safeParse(body);
      if (!parsed.success) {
        return invalid(reply, parsed.error);
      }
      try {
        const { dossier, created } = await svc.intake(actor, site.unit.id, parsed.data);
        const roles = { id: actor.id, roles: rolesOf(site.unit.id, actor) };
        return reply.code(created ? 201 : 200).send(staffDossierJson(dossier, roles));
      } catch (err) {
        return failed(reply, err);
      }
    },
  );

  app.get(
    STAFF_API.dossiers,
    { preHandler: requireApiRole(deps.accounts, DOSSIER_ROLES) },
    async (req, reply) => {
      const site = siteOf(req);
      const actor = apiActorOf(req);
      const q = req.query as Record<string, unknown>;
      const queue = typeof q.queue === 'string' ? q.queue : 'all';
      const page = typeof q.page === 'string' && /^[1-9]\d{0,5}$/.test(q.page) ? Number(q.page) : 1;
      if (!(QUEUES as readonly string[]).includes(queue)) {
        return reply.code(400).send({ error: 'invalid_request', message: m.api.queue, field: 'queue' });
      }
      const result = await svc.list(actor, site.unit.id, {
        queue: queue as Queue,
        q: typeof q.q === 'string' ? q.q.slice(0, 100) : undefined,
        page,
      });
      return reply.header('cache-control', 'no-store').send({
        queue,
        page,
        total: result.total,
        counts: result.counts,
        items: result.rows.map((r) => ({
          id: r.id,
          code: r.code,
          status: { code: r.status, nationalCode: NATIONAL_STATUS[r.status], label: m.status[r.status] },
          procedure: { code: r.procedureCode, name: r.procedureName },
          applicantName: r.applicantName,
          receivedAt: iso(r.receivedAt),
          dueAt: iso(r.dueAt),
          assigneeId: r.assigneeId,
        })),
      });
    },
  );

  app.post<{ Params: { code: string } }>(
    STAFF_API.actions,
    { preHandler: requireApiRole(deps.accounts, DOSSIER_ROLES) },
    async (req, reply) => {
      const site = siteOf(req);
      const actor = apiActorOf(req);
      const code = normaliseDossierCode(req.params.code);
      const found = code === null ? undefined : await svc.byCode(code);
      if (!found || found.unitId !== site.unit.id) {
        return reply.code(404).send({ error: 'dossier_not_found', message: m.notFound });
      }
      const parsed = ActionInput.safeParse(req.body ?? {});
      if (!parsed.success) {
        return invalid(reply, parsed.error);
      }
      try {
        const d = await svc.act(actor, site.unit.id, found.id, parsed.data);
        return reply.send(staffDossierJson(d, { id: actor.id, roles: rolesOf(site.unit.id, actor) }));
      } catch (err) {
        return failed(reply, err);
      }
    },
  );
}
