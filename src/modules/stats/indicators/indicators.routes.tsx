import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../deps.js';
import { requireRole } from '../../../http/auth.js';
import { statsPaths } from '../../../http/paths.js';
import { render } from '../../../http/render.js';
import { siteOf } from '../../../http/site.js';
import { attachmentHeader, writeXlsx, xlsxReply } from '../../../platform/xlsx.js';
import { ADMIN_AREAS } from '../../../web/admin-nav.js';
import { renderAdmin } from '../../../web/admin-shell.js';
import type { Role } from '../../accounts/roles.js';
import type { LocalDate } from '../../calendar/local-time.js';
import { portalShellBuilder } from '../../portal/public/portal-shell.js';
import type { Site } from '../../units/unit-directory.js';
import { toCsv } from './csv.js';
import { load766Config } from './decision-766.config-file.js';
import { toPeriodForm } from '../public/results.presenter.js';
import {
  CALENDAR_ONLY,
  parsePeriod,
  periodParams,
  periodValues,
  type Parsed,
  type PeriodValues,
  type ResultsPeriod,
} from '../public/results.schemas.js';
import type { PeriodFormView } from '../public/views/PeriodForm.js';
import { indicatorMessages as m } from './indicators.messages.js';
import {
  c01Table,
  d766Table,
  officersTable,
  periodFileLabel,
  periodLabel,
  toC01View,
  toD766View,
  toOfficerRows,
  type ExportTable,
} from './indicators.presenter.js';
import { IndicatorsService, type UnitReport } from './indicators.service.js';
import { IndicatorsPage, type IndicatorsPageView } from './views/IndicatorsPage.js';
import { OfficerEvaluationPage, type OfficerEvaluationView } from './views/OfficerEvaluationPage.js';

/** Who may see the officers' evaluation: the unit's leaders, its one-stop officers and its CCHC focal point. */
export const EVALUATION_ROLES: readonly Role[] = ADMIN_AREAS.evaluation.roles; // the admin menu's entry, one table

/** The export tables at fixed paths beside the results page (the results routes own `/:table.:format`). */
const EXPORTS = { d766: 'chi-so-766', c01: 'danh-gia' } as const;
const FORMATS = ['xlsx', 'csv'] as const;
type Format = (typeof FORMATS)[number];

/** The period of a query, as typed and as read: the results page's parameters, without its ranges of dates. */
type QueryPeriod = { values: PeriodValues; parsed: Parsed<ResultsPeriod> };

function periodOf(query: unknown, today: LocalDate): QueryPeriod {
  const values = periodValues(query, today, CALENDAR_ONLY);
  return { values, parsed: parsePeriod(values, today, CALENDAR_ONLY) };
}

const formOf = (action: string, p: QueryPeriod): PeriodFormView =>
  toPeriodForm(action, p.values, p.parsed.ok ? {} : p.parsed.errors, { choice: CALENDAR_ONLY });

async function sendTable(
  reply: FastifyReply,
  format: Format,
  table: ExportTable,
  sheet: { name: string; title: string; file: string },
): Promise<FastifyReply> {
  if (format === 'xlsx') {
    const bytes = await writeXlsx({
      sheets: [{ name: sheet.name, title: sheet.title, columns: table.columns, rows: table.rows }],
    });
    return xlsxReply(reply, bytes, `${sheet.file}.xlsx`);
  }
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', attachmentHeader(`${sheet.file}.csv`))
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(
      toCsv(
        table.columns.map((c) => c.header),
        table.rows,
      ),
    );
}

/**
 * Decision 766 indicators and the Circular 01/2018 evaluation (issue #4 items 5, 6; docs/statistics-indicators.md):
 * the public page of a unit (rolled up for a parent) with XLSX and CSV exports of its two tables, and the staff-only
 * page of the officers' evaluation. A period that cannot be read answers 400 with the form and its message.
 */
export function indicatorRoutes(app: FastifyInstance, deps: Deps): void {
  const service = new IndicatorsService({
    stats: deps.stats.service,
    procedures: deps.procedures.service,
    accounts: deps.accounts,
    config: load766Config(deps.config.stats.indicators766File),
  });
  const shellOf = portalShellBuilder(app, deps);
  const staffGuard = { preHandler: requireRole(deps.accounts, EVALUATION_ROLES) };
  const today = () => deps.stats.service.today();

  async function publicPage(req: FastifyRequest, reply: FastifyReply, site: Site, q: QueryPeriod) {
    const base = site.basePath;
    const p = q.parsed;
    const query = periodParams(q.values, p);
    const link = (table: string, format: Format) => statsPaths.resultsExport(base, table, format, query);
    let report: IndicatorsPageView['report'] = null;
    if (p.ok) {
      const r = await service.unitReport(site.unit.id, p.value.period);
      report = {
        periodLabel: periodLabel(p.value, r.period),
        d766: toD766View(r.decision766, service.config),
        c01: toC01View(r.evaluation),
        downloads: {
          d766: { label: m.d766.heading, xlsx: link(EXPORTS.d766, 'xlsx'), csv: link(EXPORTS.d766, 'csv') },
          c01: { label: m.c01.heading, xlsx: link(EXPORTS.c01, 'xlsx'), csv: link(EXPORTS.c01, 'csv') },
        },
      };
    }
    const units = deps.stats.service.subtree(site.unit.id).length;
    const resultsHref = app.hasRoute({ method: 'GET', url: statsPaths.results('') })
      ? statsPaths.results(base, query)
      : null;
    const view: IndicatorsPageView = {
      unitName: site.unit.name,
      rollUp: units > 1 ? m.page.rollUp(units - 1) : null,
      form: formOf(statsPaths.indicators(base), q),
      report,
      resultsHref,
      staffHref: statsPaths.evaluation(base, query),
    };
    const href = statsPaths.indicators(base);
    const shell = await shellOf(req, site, { title: m.page.title, path: href, noIndex: !p.ok }, href);
    return render(
      reply.code(p.ok ? 200 : 400).header('cache-control', 'no-cache'),
      <IndicatorsPage shell={shell} view={view} />,
    );
  }

  app.get(statsPaths.indicators(''), async (req, reply) => {
    const site = siteOf(req);
    deps.portal.visitors.record(site.unit.id, req.ip, req.headers['user-agent']);
    return publicPage(req, reply, site, periodOf(req.query, today()));
  });

  // The two public tables of the page, each as XLSX and CSV.
  const tables = [
    {
      path: EXPORTS.d766,
      table: (r: UnitReport) => d766Table(r.decision766),
      sheet: m.exports.d766Sheet,
      heading: m.d766.heading,
      file: m.exports.d766File,
    },
    {
      path: EXPORTS.c01,
      table: (r: UnitReport) => c01Table(r.evaluation),
      sheet: m.exports.c01Sheet,
      heading: m.c01.heading,
      file: m.exports.c01File,
    },
  ];
  for (const format of FORMATS) {
    for (const t of tables) {
      app.get(statsPaths.resultsExport('', t.path, format), async (req, reply) => {
        const site = siteOf(req);
        const q = periodOf(req.query, today());
        if (!q.parsed.ok) {
          return publicPage(req, reply, site, q);
        }
        const p = q.parsed.value;
        const r = await service.unitReport(site.unit.id, p.period);
        return sendTable(reply, format, t.table(r), {
          name: t.sheet,
          title: m.exports.title(t.heading, site.unit.name, periodLabel(p, r.period)),
          file: t.file(site.unit.name, periodFileLabel(p)),
        });
      });
    }
  }

  // Staff only: officers' names are their personal data. `?dinh-dang=xlsx|csv` downloads the table.
  app.get(statsPaths.evaluation(''), staffGuard, async (req, reply) => {
    const site = siteOf(req);
    const q = periodOf(req.query, today());
    const p = q.parsed;
    const format = FORMATS.find((f) => f === (req.query as Record<string, unknown>)['dinh-dang']);
    const base = site.basePath;
    const query = periodParams(q.values, p);
    let report: OfficerEvaluationView['report'] = null;
    if (p.ok) {
      const r = await service.officers(site.unit.id, p.value.period);
      const label = periodLabel(p.value, r.period);
      if (format) {
        return sendTable(reply, format, officersTable(r.rows), {
          name: m.exports.officersSheet,
          title: m.exports.title(m.officers.title, site.unit.name, label),
          file: m.exports.officersFile(site.unit.name, periodFileLabel(p.value)),
        });
      }
      report = {
        periodLabel: label,
        indices: r.rows[0]?.evaluation.indices.map((i) => i.index) ?? [1, 2, 3, 4, 7],
        rows: toOfficerRows(r.rows),
        xlsx: statsPaths.evaluation(base, { ...query, 'dinh-dang': 'xlsx' }),
        csv: statsPaths.evaluation(base, { ...query, 'dinh-dang': 'csv' }),
      };
    }
    const view: OfficerEvaluationView = {
      unitName: site.unit.name,
      form: formOf(statsPaths.evaluation(base), q),
      report,
      publicHref: statsPaths.indicators(base, query),
    };
    reply.header('cache-control', 'private, no-store');
    return renderAdmin(
      req,
      reply,
      deps,
      { title: m.officers.title, area: null, status: p.ok ? 200 : 400 },
      () => <OfficerEvaluationPage view={view} />,
    );
  });
}
