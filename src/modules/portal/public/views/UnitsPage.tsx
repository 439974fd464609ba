import { Layout } from '../../../../web/Layout.js';
import { portalMessages as m } from '../portal.messages.js';
import type { PageShell } from '../portal.presenter.js';
import type { UnitsView } from '../portal.service.js';

export function UnitsPage({ shell, view }: { shell: PageShell; view: UnitsView }) {
  return (
    <Layout shell={shell}>
      <h1>{m.unitsPage.heading}</h1>
      <p>{m.unitsPage.intro}</p>
      <ul class="unit-list">
        {view.units.map((u) => (
          <li key={u.href} class={`depth-${Math.min(u.depth, 3)}`}>
            <a href={u.href} aria-current={u.current ? 'page' : undefined}>
              {u.name}
            </a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
