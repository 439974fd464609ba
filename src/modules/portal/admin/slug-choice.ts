import { FieldError } from '../../../platform/errors.js';
import { slugify } from '../../../platform/fold.js';
import { adminMessages } from './admin.messages.js';

/**
 * The slug to store: the one the user typed (refused at the field when the unit already uses it), or, when left
 * empty, one made from the title with -2, -3… appended until it is free.
 */
export async function chooseSlug(
  wanted: string,
  title: string,
  fallback: string,
  taken: (slug: string) => Promise<boolean>,
): Promise<string> {
  if (wanted) {
    if (await taken(wanted)) {
      throw new FieldError('slug', 'slug_taken', adminMessages.fields.slug_taken);
    }
    return wanted;
  }
  const base = slugify(title) || fallback;
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base.slice(0, 90)}-${n}`;
    if (!(await taken(candidate))) {
      return candidate;
    }
  }
  throw new FieldError('slug', 'slug_taken', adminMessages.fields.slug_taken);
}
