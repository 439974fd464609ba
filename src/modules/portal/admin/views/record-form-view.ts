import type { FieldErrors, FormValues } from '../../../../web/components/form-errors.js';

/** What every new/edit form of the admin is drawn from (record-routes.tsx builds it). */
export type RecordFormView = {
  heading: string;
  action: string;
  csrfToken: string;
  /** Where the rich-text editor sends images (forms without an editor ignore it). */
  uploadUrl: string;
  values: FormValues;
  errors: FieldErrors;
  backHref: string;
  deleteHref: string | null;
};
