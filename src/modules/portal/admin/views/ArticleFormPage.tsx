import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  FileField,
  SaveActions,
  Select,
  TextArea,
  TextField,
  type SelectOption,
} from '../../../../web/components/forms.js';
import { adminMessages } from '../admin.messages.js';
import type { RecordFormView } from './record-form-view.js';
import { publishedAtInputValue, type MediaView } from '../admin.presenter.js';

const m = adminMessages.articles;

export type ArticleFormView = RecordFormView & {
  categories: SelectOption[];
  media: MediaView[];
  cover: MediaView | null;
  publicHref: string | null;
  newCategoryHref: string | null;
};

/**
 * The article form. Without JavaScript the body is a textarea; admin.js swaps in Trix (data-rich-text) and sends
 * editor images to `uploadUrl`. The form is multipart so a cover image can be uploaded with it.
 */
export function ArticleFormPage(v: ArticleFormView) {
  const val = v.values;
  const e = v.errors;
  return (
    <>
      <ErrorSummary errors={e} />
      <h1>{v.heading}</h1>
      {v.publicHref && (
        <p>
          <a href={v.publicHref}>{m.view}</a>
        </p>
      )}
      {v.categories.length === 0 ? (
        <p>
          {m.noCategories} {v.newCategoryHref && <a href={v.newCategoryHref}>{m.createCategory}</a>}
        </p>
      ) : (
        <form
          method="post"
          action={v.action}
          enctype="multipart/form-data"
          novalidate
          class="editor-form"
          data-upload-url={v.uploadUrl}
        >
          <CsrfField token={v.csrfToken} />
          <TextField name="title" label={m.fTitle} value={val.title} error={e.title} />
          <TextField name="slug" label={m.fSlug} hint={m.fSlugHint} value={val.slug} error={e.slug} />
          <Select
            name="categoryId"
            label={m.fCategory}
            value={val.categoryId}
            error={e.categoryId}
            options={[{ value: '', label: m.fCategoryChoose }, ...v.categories]}
          />
          <TextArea name="summary" label={m.fSummary} value={val.summary} error={e.summary} rows={3} />
          <TextArea
            name="body"
            label={m.fBody}
            hint={m.fBodyHint}
            editorHint={m.fBodyEditorHint}
            value={val.body}
            error={e.body}
            rows={16}
            richText
          />
          <fieldset class="field-group">
            <legend>{m.coverLegend}</legend>
            {v.cover && (
              <figure class="cover-preview">
                <img src={v.cover.url} alt={v.cover.alt} />
                {v.cover.caption && <figcaption>{v.cover.caption}</figcaption>}
              </figure>
            )}
            <Select
              name="coverMediaId"
              label={m.fCover}
              value={val.coverMediaId}
              error={e.coverMediaId}
              options={[
                { value: '', label: m.fCoverNone },
                ...v.media.map((x) => ({ value: String(x.id), label: x.label })),
              ]}
            />
            <p class="hint">{m.fCoverUploadLegend}:</p>
            <FileField name="coverFile" label={m.fCoverFile} error={e.coverFile} />
            <TextField
              name="coverAlt"
              label={m.fCoverAlt}
              hint={m.fCoverAltHint}
              value={val.coverAlt}
              error={e.coverAlt}
            />
            <TextField
              name="coverCaption"
              label={m.fCoverCaption}
              value={val.coverCaption}
              error={e.coverCaption}
            />
          </fieldset>
          <Checkbox
            name="featured"
            label={m.fFeatured}
            checked={val.featured === '1' || val.featured === 'on'}
          />
          <Select
            name="status"
            label={m.fStatus}
            value={val.status}
            error={e.status}
            options={[
              { value: 'draft', label: adminMessages.statusChoice.draft ?? 'draft' },
              { value: 'published', label: adminMessages.statusChoice.published ?? 'published' },
            ]}
          />
          <TextField
            name="publishedAt"
            label={m.fPublishedAt}
            hint={m.fPublishedAtHint}
            type="datetime-local"
            value={publishedAtInputValue(val.publishedAt)}
            error={e.publishedAt}
          />
          <SaveActions
            save={m.save}
            backHref={v.backHref}
            back={m.cancel}
            deleteHref={v.deleteHref}
            deleteLabel={m.delete}
          />
        </form>
      )}
    </>
  );
}
