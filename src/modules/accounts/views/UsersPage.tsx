import { accountMessages } from '../accounts.messages.js';
import { TableWrap } from '../../../web/components/TableWrap.js';
import type { StaffRow } from '../accounts.presenter.js';

const m = accountMessages.users;

export function UsersPage({ rows, newHref }: { rows: StaffRow[]; newHref: string }) {
  return (
    <>
      <div class="page-head">
        <h1>{m.title}</h1>
        <a class="button" href={newHref}>
          {m.add}
        </a>
      </div>
      {rows.length === 0 ? (
        <p>{m.none}</p>
      ) : (
        <TableWrap label={m.title}>
          <table>
            <thead>
              <tr>
                <th scope="col">{m.fullName}</th>
                <th scope="col">{m.username}</th>
                <th scope="col">{m.roles}</th>
                <th scope="col">{m.status}</th>
                <th scope="col">{m.lastSignIn}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <a href={r.href}>{r.fullName}</a>
                  </td>
                  <td>{r.username}</td>
                  <td>{r.rolesLabel}</td>
                  <td>{r.disabled ? m.disabled : m.active}</td>
                  <td>{r.lastSignIn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
