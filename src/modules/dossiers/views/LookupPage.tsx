import { CsrfField, ErrorSummary, TextField } from '../../../web/components/forms.js';
import type { PageShell } from '../../../web/layout-view.js';
import { Layout } from '../../../web/Layout.js';
import { lookupMessages } from '../lookup.messages.js';
import type { LookupResultView, TimeView } from '../lookup.presenter.js';
import type { LookupFeeView } from '../payments/payments.presenter.js';

const m = lookupMessages.page;

export type LookupPageView = {
  action: string;
  /** What the citizen typed (kept on an error). */
  value: string;
  errors: { ma?: string };
  result: LookupResultView | null;
  /** The fee line (paid, or payable online with its button); null when the page says nothing of the fee. */
  fee: LookupFeeView | null;
};

const Time = ({ t }: { t: TimeView }) => <time dateTime={t.iso}>{t.label}</time>;

function Facts({ r, fee }: { r: LookupResultView; fee: LookupFeeView | null }) {
  const f = m.facts;
  return (
    <dl class="lookup-facts">
      <dt>{f.procedure}</dt>
      <dd>{r.procedure}</dd>
      <dt>{f.applicant}</dt>
      <dd>{r.applicant}</dd>
      <dt>{f.unit}</dt>
      <dd>{r.unit}</dd>
      <dt>{f.channel}</dt>
      <dd>{r.channel}</dd>
      <dt>{f.status}</dt>
      <dd>
        <strong>{r.status}</strong>
      </dd>
      <dt>{f.submittedAt}</dt>
      <dd>
        <Time t={r.submittedAt} />
      </dd>
      {r.receivedAt && (
        <>
          <dt>{f.receivedAt}</dt>
          <dd>
            <Time t={r.receivedAt} />
          </dd>
        </>
      )}
      <dt>{f.dueAt}</dt>
      <dd>
        {r.dueAt ? (
          <>
            <Time t={r.dueAt} />
            {r.dueProvisional && <span class="tag-provisional"> ({m.provisional})</span>}
          </>
        ) : (
          r.dueNote
        )}
      </dd>
      {r.endedAt && (
        <>
          <dt>{f.endedAt}</dt>
          <dd>
            <Time t={r.endedAt} />
          </dd>
        </>
      )}
      {r.timing && (
        <>
          <dt>{f.timing}</dt>
          <dd>{r.timing}</dd>
        </>
      )}
      {r.returnedAt && (
        <>
          <dt>{f.returnedAt}</dt>
          <dd>
            <Time t={r.returnedAt} />
          </dd>
        </>
      )}
      {fee && (
        <>
          <dt>{fee.label}</dt>
          <dd>{fee.text}</dd>
        </>
      )}
    </dl>
  );
}

/** The button that starts paying the fee online (a POST form with the CSRF token; no JavaScript). */
function PayFee({ fee }: { fee: LookupFeeView }) {
  if (fee.state !== 'payable') {
    return null;
  }
  return (
    <form class="lookup-pay" method="post" action={fee.action}>
      <CsrfField token={fee.csrfToken} />
      <input type="hidden" name="ma" value={fee.code} />
      <button type="submit">{fee.button}</button>
      {fee.hint && <p class="hint">{fee.hint}</p>}
    </form>
  );
}

function History({ r }: { r: LookupResultView }) {
  return (
    <>
      <h3 id="qua-trinh">{m.historyHeading}</h3>
      <ol class="lookup-history" aria-labelledby="qua-trinh">
        {r.history.map((e, i) => (
          <li key={i}>
            <p class="lookup-when">
              <Time t={e.at} /> — <strong>{e.status}</strong>
            </p>
            <p>{e.text}</p>
            {e.reason && (
              <p>
                {m.reason}: {e.reason}
              </p>
            )}
            {e.documents.length > 0 && (
              <>
                <p>{m.documents}:</p>
                <ul>
                  {e.documents.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </ul>
              </>
            )}
            {e.newDueAt && (
              <p>
                {m.newDueAt}: <Time t={e.newDueAt} />
              </p>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

/**
 * The public dossier look-up: a GET form (works without JavaScript) and, for a known code, the dossier's public
 * view. The receipt's QR code opens this page with `?ma=<code>`, which shows the result directly.
 */
export function LookupPage({ shell, view }: { shell: PageShell; view: LookupPageView }) {
  const r = view.result;
  return (
    <Layout shell={shell}>
      <div class="lookup-page">
        <ErrorSummary errors={view.errors} />
        <h1>{m.title}</h1>
        <p>{m.lead}</p>
        {r && (
          <section class="lookup-result" aria-labelledby="ket-qua">
            <h2 id="ket-qua">{m.resultHeading(r.code)}</h2>
            <Facts r={r} fee={view.fee} />
            {view.fee && <PayFee fee={view.fee} />}
            {r.dueProvisional && <p class="provisional-note">{m.provisionalNote}</p>}
            <History r={r} />
            <p class="hint">{m.privacy}</p>
          </section>
        )}
        <form class="lookup-form" method="get" action={view.action} novalidate>
          {r && <h2>{m.anotherHeading}</h2>}
          <TextField
            name="ma"
            label={m.codeLabel}
            hint={m.codeHint}
            value={view.value}
            error={view.errors.ma}
            autocomplete="off"
            maxLength={40}
            required
          />
          <button type="submit">{m.submit}</button>
        </form>
      </div>
    </Layout>
  );
}
