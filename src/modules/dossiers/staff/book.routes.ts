import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../../deps.js';
import { requireRole } from '../../../http/auth.js';
import { dossierPaths } from '../../../http/paths.js';
import { localDate } from '../../../platform/time.js';
import { attachmentHeader, writeXlsx, xlsxReply } from '../../../platform/xlsx.js';
import { siteOf } from '../../../web/admin-shell.js';
import { dossierMessages as m } from '../dossiers.messages.js';
import { trackingBookPdf } from '../forms/form-pdfs.js';
import { unitHeaderOf } from '../slips.js';
import { bookPeriodOf } from '../tracking-book.js';
import { DOSSIER_ROLES } from './staff.routes.js';

/** The tracking book (Mẫu 06) of the unit for a period, as the A4 PDF of the form set and as a spreadsheet. */
export function bookRoutes(app: FastifyInstance, deps: Deps): void {
  const guard = { preHandler: requireRole(deps.accounts, DOSSIER_ROLES) };

  async function book(req: FastifyRequest) {
    const site = siteOf(req);
    const q = req.query as Record<string, unknown>;
    const text = (k: string) => (typeof q[k] === 'string' ? q[k].trim() : '');
    const now = deps.clock.now();
    const period = bookPeriodOf(text('tu'), text('den'), localDate(now));
    const rows = await deps.dossiers.service.trackingBook(site.unit, period);
    const parent = site.unit.parentId === null ? undefined : deps.directory.get(site.unit.parentId);
    return { site, period, rows, now, header: unitHeaderOf(site.unit, parent) };
  }

  app.get(dossierPaths.adminBook('', 'pdf'), guard, async (req, reply) => {
    const b = await book(req);
    const pdf = await trackingBookPdf({ unit: b.header, period: b.period, rows: b.rows }, b.now);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', attachmentHeader(`${m.book.title} ${b.period.from} ${b.period.to}.pdf`))
      .header('cache-control', 'private, no-store')
      .send(pdf);
  });

  app.get(dossierPaths.adminBook('', 'xlsx'), guard, async (req, reply) => {
    const b = await book(req);
    const bytes = await writeXlsx({
      sheets: [
        {
          name: m.book.title,
          title: `${m.book.title} — ${b.site.unit.name} — ${b.period.from} đến ${b.period.to}`,
          columns: m.book.columns.map((header, i) => ({
            header,
            width: [6, 26, 40, 10, 24, 30, 24, 17, 17, 17, 17, 17, 20][i] ?? 16,
            kind:
              i === 0 || i === 3
                ? ('integer' as const)
                : i >= 7 && i <= 11
                  ? ('datetime' as const)
                  : ('text' as const),
          })),
          rows: b.rows.map((r) => [
            r.sequence,
            r.dossierCode,
            r.procedureName,
            r.sets,
            r.applicantName,
            [r.applicantAddress, r.applicantPhone].filter(Boolean).join(', '),
            r.leadAgency,
            r.receivedAt,
            r.dueAt,
            r.transferredAt,
            r.resultReceivedAt,
            r.returnedAt,
            r.note,
          ]),
        },
      ],
    });
    return xlsxReply(reply, bytes, `${m.book.title} ${b.period.from} ${b.period.to}.xlsx`);
  });
}
