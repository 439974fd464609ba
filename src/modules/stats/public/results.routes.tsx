import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../deps.js';
import { loadActor } from '../../../http/auth.js';
import { dossierPaths, statsPaths } from '../../../http/paths.js';
import { render } from '../../../http/render.js';
import { siteOf } from '../../../http/site.js';
import { NotFoundError } from '../../../platform/errors.js';
import { attachmentHeader, writeXlsx, xlsxReply } from '../../../platform/xlsx.js';
import { toPagination } from '../../portal/public/portal.presenter.js';
import { portalShellBuilder } from '../../portal/public/portal-shell.js';
import type { Site } from '../../units/unit-directory.js';
import {
  breakdownTable,
  childrenTable,
  EXPORT_TABLES,
  monthsTable,
  summaryTable,
  toCsv,
  toSheet,
  type ExportTable,
  type Table,
} from './results-export.js';
import { GROUP_SLUGS, RESULT_GROUPS } from './results-groups.js';
import { resultsMessages as m } from './results.messages.js';
import {
  filterWords,
  periodNote,
  toBreakdownView,
  toChildrenView,
  toListRow,
  toMonthsChart,
  toSummary,
  toPeriodForm,
  toTimingChart,
  type ListHref,
} from './results.presenter.js';
import {
  BREAKDOWNS,
  DEFAULT_SORT,
  filterParams,
  parseBreakdown,
  parseList,
  parsePage,
  parsePeriod,
  parseSort,
  periodValues,
  sortParam,
  type Breakdown,
  type FieldErrors,
  type ListFilters,
  type ResultsPeriod,
} from './results.schemas.js';
import { ResultsPageService, type Unit } from './results.service.js';
import { ResultsDossiersPage, type ResultsDossiersView } from './views/ResultsDossiersPage.js';
import { ResultsPage, type ExportLinksView, type ResultsPageView } from './views/ResultsPage.js';

/** Dossiers per page of a list. */
export const LIST_PAGE_SIZE = 50;

const BREAKDOWN_OF_TABLE: Partial<Record<ExportTable, Breakdown>> = {
  'linh-vuc': 'linh-vuc',
  'thu-tuc': 'thu-tuc',
  kenh: 'kenh',
  'can-bo': 'can-bo',
};

/**
 * The public results of the request's unit (issue #4 items 1, 3, 4, 7; docs/statistics.md "The detail page"):
 * /ket-qua-giai-quyet (figures, charts, breakdowns, child units, definitions), /ket-qua-giai-quyet/ho-so (the
 * dossiers behind a figure) and /ket-qua-giai-quyet/<table>.xlsx|csv for the page's own tables. Not in the portal's
 * page cache (their query is any period). Officers' names are staff personal data: the officer breakdown, its lists
 * and its export are for signed-in staff of the unit only, and never stored by a cache (no-store).
 */
export function resultsRoutes(app: FastifyInstance, deps: Deps): void {
  const shellOf = portalShellBuilder(app, deps);
  const stats = deps.stats.service;
  const svc = new ResultsPageService({
    stats,
    dossiers: deps.dossiers.service,
    directory: deps.directory,
    accounts: deps.accounts,
    procedures: deps.procedures.service,
  });

  /** Signed-in staff holding any role in the unit. */
  async function isStaffOf(req: FastifyRequest, unitId: number): Promise<boolean> {
    const actor = await loadActor(req, deps.accounts);
    return actor?.kind === 'staff' && (actor.roles.get(unitId)?.length ?? 0) > 0;
  }

  /** The period of the query, and the form's values and errors. */
  function periodOf(req: FastifyRequest) {
    const today = stats.today();
    const values = periodValues(req.query, today);
    const parsed = parsePeriod(values, today);
    return { today, values, parsed };
  }

  const byOptions = (staff: boolean) =>
    BREAKDOWNS.filter((b) => staff || b !== 'can-bo').map((b) => ({ value: b, label: m.by[b] }));

  const listHrefOf =
    (base: string, period: ResultsPeriod): ListHref =>
    (group, filters = {}) =>
      statsPaths.resultsDossiers(base, {
        ...period.params,
        nhom: GROUP_SLUGS[group],
        ...filterParams(filters),
      });

  const exportsOf = (
    base: string,
    table: ExportTable,
    params: Record<string, string | undefined>,
  ): ExportLinksView => ({
    table: m.exports.tables[table],
    xlsx: statsPaths.resultsExport(base, table, 'xlsx', params),
    csv: statsPaths.resultsExport(base, table, 'csv', params),
  });

  async function sendPage(
    req: FastifyRequest,
    reply: FastifyReply,
    site: Site,
    status: number,
    view: ResultsPageView,
    cache: string,
  ): Promise<FastifyReply> {
    deps.portal.visitors.record(site.unit.id, req.ip, req.headers['user-agent']);
    const href = statsPaths.results(site.basePath);
    const shell = await shellOf(
      req,
      site,
      { title: m.title, path: href, noIndex: req.url.includes('?') },
      href,
    );
    return render(
      reply.code(status).header('cache-control', cache).header('vary', 'cookie'),
      <ResultsPage shell={shell} view={view} />,
    );
  }

  app.get(statsPaths.results(''), async (req, reply) => {
    const site = siteOf(req);
    const unit = site.unit;
    const base = site.basePath;
    const staff = await isStaffOf(req, unit.id);
    const { today, values, parsed } = periodOf(req);
    const by = parseBreakdown(req.query);
    const errors: FieldErrors = { ...(parsed.ok ? {} : parsed.errors), ...(by.ok ? {} : by.errors) };
    let status = Object.keys(errors).length > 0 ? 400 : 200;
    if (by.ok && by.value === 'can-bo' && !staff) {
      errors.theo = m.errors.byStaffOnly;
      status = status === 200 ? 403 : status;
    }
    const theo = by.ok ? by.value : 'linh-vuc';
    const view: ResultsPageView = {
      unitName: unit.name,
      rolledUp: deps.directory.children(unit.id).length > 0,
      form: toPeriodForm(statsPaths.results(base), values, errors, {
        extra: { name: 'theo', label: m.period.by, value: theo, options: byOptions(staff) },
      }),
      result: null,
      links: { indicators: statsPaths.indicators(base), evaluation: statsPaths.evaluation(base) },
    };
    if (status !== 200 || !parsed.ok) {
      return sendPage(req, reply, site, status, view, 'no-store');
    }
    const period = parsed.value;
    const data = await svc.page(unit, period.period, theo);
    const effective = stats.effective(period.period);
    const list = listHrefOf(base, period);
    const sort = parseSort(req.query);
    const pageParams = { ...period.params, theo: theo === 'linh-vuc' ? undefined : theo };
    // The indicator pages take a month, a quarter or a year with the same parameters: the link keeps the period.
    if (period.params.ky !== 'khoang') {
      view.links = {
        indicators: statsPaths.indicators(base, period.params),
        evaluation: statsPaths.evaluation(base, period.params),
      };
    }
    view.result = {
      periodLabel: period.label,
      periodNote: periodNote(period.period, effective, today),
      summary: toSummary(data.figures, list),
      summaryExports: exportsOf(base, 'tong-hop', period.params),
      timing: toTimingChart(data.figures, period.label),
      months: toMonthsChart(data.months),
      monthsExports: exportsOf(base, 'theo-thang', period.params),
      breakdown: toBreakdownView(data.breakdown, list),
      breakdownExports: exportsOf(base, theo, period.params),
      officerNote: theo === 'can-bo' ? m.officerNote : null,
      children: data.children && {
        ...toChildrenView(data.children, unit.name, sort, {
          sort: (s) => `${statsPaths.results(base, { ...pageParams, 'sap-xep': s })}#don-vi`,
          unit: (u: Unit) => statsPaths.results(deps.directory.basePathOf(u), period.params),
          unitList: (u: Unit) => listHrefOf(deps.directory.basePathOf(u), period),
        }),
        // The export follows the page's order.
        exports: exportsOf(base, 'don-vi', {
          ...period.params,
          'sap-xep': sort === DEFAULT_SORT ? undefined : sortParam(sort),
        }),
      },
    };
    return sendPage(req, reply, site, 200, view, staff ? 'private, no-store' : 'no-cache');
  });

  app.get(statsPaths.resultsDossiers(''), async (req, reply) => {
    const site = siteOf(req);
    const unit = site.unit;
    const base = site.basePath;
    const { today, values, parsed } = periodOf(req);
    const list = parseList(req.query);
    const page = parsePage(req.query);
    const errors: FieldErrors = { ...(parsed.ok ? {} : parsed.errors), ...(list.ok ? {} : list.errors) };
    let status = Object.keys(errors).length > 0 ? 400 : 200;
    const officerFilter = list.ok && list.value.filters.officerId !== undefined;
    const staff = officerFilter && (await isStaffOf(req, unit.id));
    if (officerFilter && !staff) {
      errors['can-bo'] = m.errors.officerStaffOnly;
      status = status === 200 ? 403 : status;
    }
    const raw = req.query as Record<string, unknown>;
    const kept = (['linh-vuc', 'thu-tuc', 'kenh', 'can-bo'] as const).flatMap((name) =>
      typeof raw[name] === 'string' ? [{ name, value: String(raw[name]).slice(0, 200) }] : [],
    );
    const groupValue = typeof raw.nhom === 'string' ? raw.nhom : '';
    const view: ResultsDossiersView = {
      form: toPeriodForm(statsPaths.resultsDossiers(base), values, errors, {
        extra: {
          name: 'nhom',
          label: m.list.group,
          value: groupValue,
          options: RESULT_GROUPS.map((g) => ({ value: GROUP_SLUGS[g], label: m.groups[g] })),
        },
        hidden: kept,
      }),
      backHref: statsPaths.results(base, parsed.ok ? parsed.value.params : {}),
      result: null,
    };
    const cache = officerFilter ? 'private, no-store' : 'no-cache';
    if (status !== 200 || !parsed.ok || !list.ok) {
      return sendList(req, reply, site, status, view, 'no-store');
    }
    const period = parsed.value;
    const { group, filters } = list.value;
    const data = await svc.dossiers(unit, period.period, group, filters, page, LIST_PAGE_SIZE);
    const pages = Math.max(1, Math.ceil(data.total / LIST_PAGE_SIZE));
    const params = { ...period.params, nhom: GROUP_SLUGS[group], ...filterParams(filters) };
    view.result = {
      heading: m.list.heading(m.groups[group], period.label),
      periodNote: periodNote(period.period, data.effective, today),
      filters: filterWords(filters, await namesOfFilters(unit, filters, data.rows[0]?.procedureName)),
      count: m.list.count(data.total.toLocaleString('vi-VN')),
      rows: data.rows.map((d) => toListRow(d, (code) => dossierPaths.lookup(base, code))),
      pagination:
        pages > 1
          ? toPagination(Math.min(page, pages), pages, (n) =>
              statsPaths.resultsDossiers(base, { ...params, trang: n === 1 ? undefined : String(n) }),
            )
          : null,
    };
    return sendList(req, reply, site, 200, view, cache);
  });

  async function namesOfFilters(unit: Unit, f: ListFilters, procedureName: string | undefined) {
    return {
      ...(procedureName ? { procedure: procedureName } : {}),
      ...(f.officerId !== undefined ? { officer: await svc.officerName(unit, f.officerId) } : {}),
    };
  }

  async function sendList(
    req: FastifyRequest,
    reply: FastifyReply,
    site: Site,
    status: number,
    view: ResultsDossiersView,
    cache: string,
  ): Promise<FastifyReply> {
    deps.portal.visitors.record(site.unit.id, req.ip, req.headers['user-agent']);
    const href = statsPaths.resultsDossiers(site.basePath);
    const title = view.result?.heading ?? m.list.title;
    const shell = await shellOf(
      req,
      site,
      { title, path: href, noIndex: true },
      statsPaths.results(site.basePath),
    );
    return render(
      reply.code(status).header('cache-control', cache).header('vary', 'cookie'),
      <ResultsDossiersPage shell={shell} view={view} />,
    );
  }

  /** The rows of one of the page's tables for the period. */
  async function tableOf(
    unit: Unit,
    table: ExportTable,
    period: ResultsPeriod,
    req: FastifyRequest,
  ): Promise<Table> {
    switch (table) {
      case 'tong-hop':
        return summaryTable(await svc.figures(unit, period.period));
      case 'theo-thang':
        return monthsTable(await svc.months(unit.id, period.period));
      case 'don-vi': {
        const children = await svc.children(unit, period.period);
        if (children === null) {
          throw new NotFoundError('no_child_units', m.errors.noChildren);
        }
        return childrenTable(children, unit.name, parseSort(req.query));
      }
      case 'linh-vuc':
      case 'thu-tuc':
      case 'kenh':
      case 'can-bo':
        return breakdownTable(await svc.breakdown(unit, period.period, table));
    }
  }

  for (const table of EXPORT_TABLES) {
    for (const format of ['xlsx', 'csv'] as const) {
      app.get(statsPaths.resultsExport('', table, format), async (req, reply) => {
        const site = siteOf(req);
        const unit = site.unit;
        const { values, parsed } = periodOf(req);
        const officers = table === 'can-bo';
        const staff = officers && (await isStaffOf(req, unit.id));
        if (!parsed.ok || (officers && !staff)) {
          const errors = parsed.ok ? { theo: m.errors.byStaffOnly } : parsed.errors;
          const view: ResultsPageView = {
            unitName: unit.name,
            rolledUp: deps.directory.children(unit.id).length > 0,
            form: toPeriodForm(statsPaths.results(site.basePath), values, errors, {
              extra: {
                name: 'theo',
                label: m.period.by,
                value: BREAKDOWN_OF_TABLE[table] ?? 'linh-vuc',
                options: byOptions(staff),
              },
            }),
            result: null,
            links: {
              indicators: statsPaths.indicators(site.basePath),
              evaluation: statsPaths.evaluation(site.basePath),
            },
          };
          return sendPage(req, reply, site, parsed.ok ? 403 : 400, view, 'no-store');
        }
        const period = parsed.value;
        const effective = stats.effective(period.period);
        const data = await tableOf(unit, table, period, req);
        const name = `ket-qua-giai-quyet-${unit.slug}-${table}-${period.period.from}-${effective.to}.${format}`;
        if (format === 'xlsx') {
          const title = m.exports.title(m.exports.tables[table], unit.name, period.label);
          const bytes = await writeXlsx({ sheets: [toSheet(data, m.exports.tables[table], title)] });
          return xlsxReply(reply, bytes, name);
        }
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', attachmentHeader(name))
          .header('cache-control', 'private, no-store')
          .header('x-content-type-options', 'nosniff')
          .send(toCsv(data));
      });
    }
  }
}
