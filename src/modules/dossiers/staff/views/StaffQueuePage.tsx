import { Pagination, type PaginationLinks } from '../../../../web/components/Pagination.js';
import { TableWrap } from '../../../../web/components/TableWrap.js';
import { Select, TextField, type SelectOption } from '../../../../web/components/forms.js';
import { staffMessages as s } from '../staff.messages.js';

export type QueueRow = {
  id: number;
  code: string;
  href: string;
  procedure: string;
  applicant: string;
  channel: string;
  receivedAt: string;
  dueAt: string;
  urgency: string;
  urgencyLabel: string;
  status: string;
};

export type QueueView = {
  tabs: { href: string; label: string; count: number; current: boolean }[];
  filters: { q: string; status: string; procedure: string; channel: string; queue: string };
  statusOptions: SelectOption[];
  procedureOptions: SelectOption[];
  channelOptions: SelectOption[];
  action: string;
  intakeHref: string | null;
  bookHref: { pdf: string; xlsx: string } | null;
  title: string;
  total: number;
  rows: QueueRow[];
  pagination: PaginationLinks | null;
};

/** The staff work queues: tabs with counts, filters, and the list, the most urgent first. */
export function StaffQueuePage(v: QueueView) {
  return (
    <>
      <div class="page-head">
        <h1>{s.queue.title}</h1>
        {v.intakeHref && (
          <a class="button" href={v.intakeHref}>
            {s.queue.intake}
          </a>
        )}
      </div>
      <nav aria-label={s.queue.tabsLabel}>
        <ul class="tabs">
          {v.tabs.map((t) => (
            <li key={t.href}>
              <a href={t.href} aria-current={t.current ? 'page' : undefined}>
                {t.label} <span class="count">({t.count})</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action={v.action} class="filters" role="search" aria-label={s.queue.filtersLabel}>
        <input type="hidden" name="hang" value={v.filters.queue} />
        <TextField name="q" label={s.queue.search} hint={s.queue.searchHint} value={v.filters.q} />
        <Select name="trang-thai" label={s.queue.status} value={v.filters.status} options={v.statusOptions} />
        <Select
          name="thu-tuc"
          label={s.queue.procedure}
          value={v.filters.procedure}
          options={v.procedureOptions}
        />
        <Select name="kenh" label={s.queue.channel} value={v.filters.channel} options={v.channelOptions} />
        <button type="submit" class="button">
          {s.queue.filter}
        </button>
      </form>
      <h2>{v.title}</h2>
      <p>{s.queue.count(v.total)}</p>
      {v.rows.length === 0 ? (
        <p>{s.queue.none}</p>
      ) : (
        <TableWrap label={v.title}>
          <table>
            <thead>
              <tr>
                <th scope="col">{s.col.code}</th>
                <th scope="col">{s.col.procedure}</th>
                <th scope="col">{s.col.applicant}</th>
                <th scope="col">{s.col.received}</th>
                <th scope="col">{s.col.due}</th>
                <th scope="col">{s.col.status}</th>
              </tr>
            </thead>
            <tbody>
              {v.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <a href={r.href}>{r.code}</a>
                  </td>
                  <td>{r.procedure}</td>
                  <td>{r.applicant}</td>
                  <td>
                    {r.receivedAt}
                    <br />
                    <span class="hint">{r.channel}</span>
                  </td>
                  <td>
                    {r.dueAt}
                    {r.urgencyLabel && (
                      <>
                        <br />
                        <strong class={`urgency urgency--${r.urgency}`}>{r.urgencyLabel}</strong>
                      </>
                    )}
                  </td>
                  <td>{r.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <Pagination p={v.pagination} />
      {v.bookHref && (
        <p>
          {s.queue.book}: <a href={v.bookHref.pdf}>PDF</a> · <a href={v.bookHref.xlsx}>Excel (XLSX)</a>
        </p>
      )}
    </>
  );
}
