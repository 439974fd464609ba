import { BareLayout } from '../../../../web/components/BareLayout.js';
import { CsrfField } from '../../../../web/components/forms.js';
import { paymentMessages } from '../payments.messages.js';

const m = paymentMessages.sandbox;

export type SandboxPaymentView = {
  ref: string;
  dossierCode: string;
  description: string;
  /** '10.000 đồng'. */
  amount: string;
  /** The sealed order, carried by both forms. */
  order: string;
  payAction: string;
  cancelAction: string;
  csrfToken: string;
};

/** The sandbox's label, loud: on top of every page the sandbox serves. */
function SandboxBanner() {
  return (
    <p class="sandbox-banner" role="note">
      <strong>{m.label}</strong>
    </p>
  );
}

/**
 * The sandbox gateway's own page (sandbox-gateway.ts): the order and two buttons, each a POST form with the CSRF
 * token; no JavaScript. It stands apart from the portal's layout, as an outside gateway's page would.
 */
export function SandboxPaymentPage({ view }: { view: SandboxPaymentView }) {
  const f = m.facts;
  return (
    <BareLayout title={m.title}>
      <div class="sandbox-pay">
        <SandboxBanner />
        <h1>{m.title}</h1>
        <p>{m.banner}</p>
        <dl class="lookup-facts">
          <dt>{f.ref}</dt>
          <dd>{view.ref}</dd>
          <dt>{f.dossier}</dt>
          <dd>{view.dossierCode}</dd>
          <dt>{f.description}</dt>
          <dd>{view.description}</dd>
          <dt>{f.amount}</dt>
          <dd>
            <strong>{view.amount}</strong>
          </dd>
        </dl>
        <div class="sandbox-actions">
          <form method="post" action={view.payAction}>
            <CsrfField token={view.csrfToken} />
            <input type="hidden" name="don" value={view.order} />
            <button type="submit">{m.pay}</button>
          </form>
          <form method="post" action={view.cancelAction}>
            <CsrfField token={view.csrfToken} />
            <input type="hidden" name="don" value={view.order} />
            <button type="submit" class="button-secondary">
              {m.cancel}
            </button>
          </form>
        </div>
      </div>
    </BareLayout>
  );
}

/** What the sandbox says when its order is broken or its notification was refused. */
export function SandboxErrorPage({ message, backHref }: { message: string; backHref: string }) {
  return (
    <BareLayout title={m.title}>
      <div class="sandbox-pay">
        <SandboxBanner />
        <h1>{m.title}</h1>
        <p role="alert">{message}</p>
        <p>
          <a href={backHref}>{m.back}</a>
        </p>
      </div>
    </BareLayout>
  );
}
