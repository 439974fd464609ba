import { CsrfField, FormActions } from '../../../../web/components/forms.js';
import { common } from '../../../../web/messages.js';

export type ConfirmDeleteView = {
  heading: string;
  itemTitle: string;
  question: string;
  yes: string;
  action: string;
  backHref: string;
  csrfToken: string;
  /** Why the item cannot be deleted, shown instead of the button. */
  refusal?: string | undefined;
};

/** "Are you sure?" before a delete; the delete itself is a POST with the CSRF token. */
export function ConfirmDeletePage(v: ConfirmDeleteView) {
  return (
    <div class="narrow">
      <h1>{v.heading}</h1>
      <p class="item-title">{v.itemTitle}</p>
      {v.refusal ? (
        <div class="notice notice--warning" role="alert">
          <p>{v.refusal}</p>
        </div>
      ) : (
        <p>{v.question}</p>
      )}
      <form method="post" action={v.action}>
        <CsrfField token={v.csrfToken} />
        <FormActions>
          {!v.refusal && (
            <button type="submit" class="button button--warning">
              {v.yes}
            </button>
          )}
          <a href={v.backHref}>{common.back}</a>
        </FormActions>
      </form>
    </div>
  );
}
