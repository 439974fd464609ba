import { isUniqueViolation } from '../../../platform/db.js';
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
      throw slugTaken();
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
  throw slugTaken();
}

/** Attempts for an automatic slug when concurrent saves keep taking the one chosen (each retry sees them). */
const AUTOMATIC_SLUG_ATTEMPTS = 10;

/**
 * Runs a save transaction that chooses a slug with `chooseSlug`, covering the race between the check and the insert:
 * when another request stored the same slug first, the unique constraint fails the transaction. A slug the user
 * typed is then refused at the field (422, as if the check had seen it); an automatic one is chosen again in a new
 * transaction, which sees the other row and takes the next suffix.
 */
export async function saveWithSlug<T>(wanted: string, run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (!isUniqueViolation(err, 'slug')) {
        throw err;
      }
      if (wanted !== '' || attempt >= AUTOMATIC_SLUG_ATTEMPTS) {
        throw slugTaken();
      }
    }
  }
}

const slugTaken = () => new FieldError('slug', 'slug_taken', adminMessages.fields.slug_taken);
