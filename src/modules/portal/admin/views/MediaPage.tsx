import { CsrfField, ErrorSummary, FileField, TextField } from '../../../../web/components/forms.js';
import type { FieldErrors, FormValues } from '../../../../web/components/form-errors.js';
import { adminMessages } from '../admin.messages.js';
import type { MediaView } from '../admin.presenter.js';
import { Pagination, type PaginationLinks } from '../../../../web/components/Pagination.js';

const m = adminMessages.media;

export type MediaPageView = {
  action: string;
  csrfToken: string;
  maxMb: string;
  values: FormValues;
  errors: FieldErrors;
  items: MediaView[];
  pagination: PaginationLinks | null;
};

/** The unit's image library, with the upload form that works without JavaScript. */
export function MediaPage(v: MediaPageView) {
  return (
    <>
      <ErrorSummary errors={v.errors} />
      <h1>{m.title}</h1>
      <section aria-labelledby="tai-anh" class="panel">
        <h2 id="tai-anh">{m.uploadTitle}</h2>
        <form method="post" action={v.action} enctype="multipart/form-data" novalidate>
          <CsrfField token={v.csrfToken} />
          <FileField name="file" label={m.file} hint={m.fileHint(v.maxMb)} error={v.errors.file} />
          <TextField name="alt" label={m.alt} hint={m.altHint} value={v.values.alt} error={v.errors.alt} />
          <TextField name="caption" label={m.caption} value={v.values.caption} error={v.errors.caption} />
          <button type="submit" class="button">
            {m.upload}
          </button>
        </form>
      </section>
      {v.items.length === 0 ? (
        <p>{m.none}</p>
      ) : (
        <ul class="media-grid">
          {v.items.map((x) => (
            <li key={x.id}>
              <figure>
                <img src={x.url} alt={x.alt} loading="lazy" />
                <figcaption>
                  {x.caption && <span class="media-grid__caption">{x.caption}</span>}
                  <span class="muted">
                    {x.fileName} · {x.dimensions} {x.size}
                  </span>
                  <span class="muted">
                    {m.address}: <code>{x.url}</code>
                  </span>
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      )}
      <Pagination p={v.pagination} />
    </>
  );
}
