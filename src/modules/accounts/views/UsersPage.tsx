import { accountMessages } from '../accounts.messages.js';
import { DataTable } from '../../../web/components/DataTable.js';
import { PageHead } from '../../../web/components/PageHead.js';
import type { StaffRow } from '../accounts.presenter.js';

const m = accountMessages.users;

export function UsersPage({ rows, newHref }: { rows: StaffRow[]; newHref: string }) {
  return (
    <>
      <PageHead title={m.title} actionHref={newHref} actionLabel={m.add} />
      <DataTable
        label={m.title}
        empty={m.none}
        columns={[m.fullName, m.username, m.roles, m.status, m.lastSignIn]}
        rows={rows}
        rowKey={(r) => r.id}
        cells={(r) => (
          <>
            <td>
              <a href={r.href}>{r.fullName}</a>
            </td>
            <td>{r.username}</td>
            <td>{r.rolesLabel}</td>
            <td>{r.disabled ? m.disabled : m.active}</td>
            <td>{r.lastSignIn}</td>
          </>
        )}
      />
    </>
  );
}
