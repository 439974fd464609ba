import { accountMessages } from '../accounts.messages.js';
import { TableWrap } from '../../../web/components/TableWrap.js';
import type { AuditRow } from '../accounts.presenter.js';

const m = accountMessages.audit;

export function AuditPage({ rows }: { rows: AuditRow[] }) {
  return (
    <>
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      {rows.length === 0 ? (
        <p>{m.none}</p>
      ) : (
        <TableWrap label={m.title}>
          <table class="audit">
            <thead>
              <tr>
                <th scope="col">{m.at}</th>
                <th scope="col">{m.who}</th>
                <th scope="col">{m.action}</th>
                <th scope="col">{m.entity}</th>
                <th scope="col">{m.details}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td class="nowrap">{r.at}</td>
                  <td>{r.who}</td>
                  <td>
                    <code>{r.action}</code>
                  </td>
                  <td>{r.entity}</td>
                  <td>
                    {(r.before !== null || r.after !== null) && (
                      <details>
                        <summary>{m.details}</summary>
                        {r.before !== null && (
                          <>
                            <p>{m.before}</p>
                            <pre>{r.before}</pre>
                          </>
                        )}
                        {r.after !== null && (
                          <>
                            <p>{m.after}</p>
                            <pre>{r.after}</pre>
                          </>
                        )}
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
