import type { PageShell } from '../../../web/layout-view.js';
import { Layout } from '../../../web/Layout.js';
import { TableWrap } from '../../../web/components/TableWrap.js';
import { Pagination } from '../../../web/components/Pagination.js';
import type { PaginationView } from '../../portal/public/portal.presenter.js';
import { procedureMessages } from '../procedures.messages.js';

const l = procedureMessages.list;
const d = procedureMessages.detail;

type Option = { value: string; label: string };

export type ProcedureListView = {
  action: string;
  q: string;
  field: string;
  level: string;
  fieldOptions: Option[];
  levelOptions: Option[];
  total: number;
  rows: { code: string; name: string; href: string; field: string; level: string }[];
  pagination: PaginationView | null;
};

function FilterSelect({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string;
  options: Option[];
}) {
  return (
    <div class="field">
      <label for={name}>{label}</label>
      <select id={name} name={name}>
        <option value="" selected={value === ''}>
          {l.all}
        </option>
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The catalogue: a search box and two filters in one GET form (works without JavaScript), then the results. */
export function ProcedureListPage({ shell, view }: { shell: PageShell; view: ProcedureListView }) {
  return (
    <Layout shell={shell}>
      <div class="procedure-page">
        <h1>{l.title}</h1>
        <p>{l.lead}</p>
        <form method="get" action={view.action} role="search" class="procedure-search">
          <div class="field">
            <label for="q">{l.searchLabel}</label>
            <p id="q-hint" class="hint">
              {l.searchHint}
            </p>
            <input id="q" name="q" type="search" value={view.q} maxLength={200} aria-describedby="q-hint" />
          </div>
          <FilterSelect name="linh-vuc" label={l.fieldLabel} value={view.field} options={view.fieldOptions} />
          <FilterSelect name="muc-do" label={l.levelLabel} value={view.level} options={view.levelOptions} />
          <button type="submit">{l.submit}</button>
        </form>
        <p role="status">{view.total === 0 ? l.none : l.count(view.total)}</p>
        {view.rows.length > 0 && (
          <TableWrap label={l.title}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{l.colCode}</th>
                  <th scope="col">{l.colName}</th>
                  <th scope="col">{l.colField}</th>
                  <th scope="col">{l.colLevel}</th>
                </tr>
              </thead>
              <tbody>
                {view.rows.map((r) => (
                  <tr key={r.code}>
                    <td>{r.code}</td>
                    <td>
                      <a href={r.href}>{r.name}</a>
                    </td>
                    <td>{r.field}</td>
                    <td>{r.level}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        <Pagination p={view.pagination} />
      </div>
    </Layout>
  );
}

export type ProcedureDetailView = {
  code: string;
  name: string;
  field: string;
  level: string;
  timeLimit: string;
  /** The time limit of online dossiers when it differs, as text. */
  onlineTimeLimit: string | null;
  fee: string;
  feeNote: string | null;
  documents: {
    name: string;
    kind: string | null;
    /** The document's template: its link, the document's name (for screen readers), type and size. */
    template: { href: string; document: string; info: string } | null;
  }[];
  legalBasis: string | null;
  resultType: string | null;
  steps: { name: string; share: string }[];
  confidence: string;
  backHref: string;
  /** The online form of a procedure offered online (citizen accounts, dossiers/online.routes.tsx), else absent. */
  onlineHref?: string | null;
};

/** One procedure: what to bring, how long it takes, what it costs, on what legal basis. */
export function ProcedureDetailPage({ shell, view }: { shell: PageShell; view: ProcedureDetailView }) {
  return (
    <Layout shell={shell}>
      <article class="procedure-page">
        <h1>{view.name}</h1>
        <dl class="procedure-facts">
          <dt>{d.code}</dt>
          <dd>{view.code}</dd>
          <dt>{d.field}</dt>
          <dd>{view.field}</dd>
          <dt>{d.level}</dt>
          <dd>{view.level}</dd>
          <dt>{d.timeLimit}</dt>
          <dd>{view.timeLimit}</dd>
          {view.onlineTimeLimit && (
            <>
              <dt>{d.onlineTimeLimit}</dt>
              <dd>{view.onlineTimeLimit}</dd>
            </>
          )}
          <dt>{d.fee}</dt>
          <dd>
            {view.fee}
            {view.feeNote && <span class="hint"> ({view.feeNote})</span>}
          </dd>
          {view.resultType && (
            <>
              <dt>{d.resultType}</dt>
              <dd>{view.resultType}</dd>
            </>
          )}
        </dl>
        {view.onlineHref && (
          <p>
            <a class="button" href={view.onlineHref}>
              {d.submitOnline}
            </a>
          </p>
        )}
        <h2>{d.documents}</h2>
        {view.documents.length === 0 ? (
          <p>{d.noDocuments}</p>
        ) : (
          <ol class="procedure-documents">
            {view.documents.map((doc, i) => (
              <li key={i}>
                {doc.name}
                {doc.kind && ` (${doc.kind})`}
                {doc.template && (
                  <>
                    {' '}
                    <a class="template-link" href={doc.template.href} download>
                      {d.download}
                      <span class="visually-hidden">{d.downloadOf(doc.template.document)}</span>
                    </a>{' '}
                    <span class="hint">{doc.template.info}</span>
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
        {view.steps.length > 0 && (
          <>
            <h2>{d.steps}</h2>
            <ol>
              {view.steps.map((s, i) => (
                <li key={i}>
                  {s.name}: {s.share}
                </li>
              ))}
            </ol>
          </>
        )}
        {view.legalBasis && (
          <>
            <h2>{d.legalBasis}</h2>
            <p>{view.legalBasis}</p>
          </>
        )}
        <p class="hint">
          {d.confidence}: {view.confidence}
        </p>
        <p>
          <a href={view.backHref}>{d.back}</a>
        </p>
      </article>
    </Layout>
  );
}
