import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../deps.js';
import { requireRole } from '../../../http/auth.js';
import { dossierPaths } from '../../../http/paths.js';
import { formatDateTime, localDate } from '../../../platform/time.js';
import { actorOf, renderAdmin, siteOf } from '../../../web/admin-shell.js';
import type { Role } from '../../accounts/roles.js';
import { dossierRulesAt } from '../dossier-rules.js';
import { CHANNELS, DOSSIER_STATUSES } from '../dossier-workflow.js';
import { dossierMessages as m } from '../dossiers.messages.js';
import { QUEUES, type Queue } from '../dossiers.repository.js';
import { staffMessages } from './staff.messages.js';
import { urgencyOf } from './staff.presenter.js';
import { StaffQueuePage } from './views/StaffQueuePage.js';
import { toPagination } from '../../portal/public/portal.presenter.js';
import { DOSSIER_ROLES, one, pick } from './staff-http.js';

/** Where each person lands: the officer on incoming dossiers, the specialist on theirs, the leader on approvals. */
function defaultQueue(roles: readonly Role[]): Queue {
  if (roles.includes('one_stop_officer')) {
    return 'incoming';
  }
  if (roles.includes('specialist')) {
    return 'mine';
  }
  return roles.includes('leader') ? 'approval' : 'all';
}

/** The work queues: tabs with counts, filters, and a page of the list (issue #3 item 6). */
export function queueRoutes(app: FastifyInstance, deps: Deps): void {
  const svc = deps.dossiers.service;
  const view = { preHandler: requireRole(deps.accounts, DOSSIER_ROLES) };
  const statusOptions = [
    { value: '', label: staffMessages.queue.any },
    ...DOSSIER_STATUSES.map((s) => ({ value: s, label: m.status[s] })),
  ];
  const channelOptions = [
    { value: '', label: staffMessages.queue.any },
    ...CHANNELS.map((c) => ({ value: c, label: m.channel[c] })),
  ];

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
        pagination={pages > 1 ? toPagination(page, pages, (n) => linkOf(filters.queue, n)) : null}
      />
    ));
  });
}
