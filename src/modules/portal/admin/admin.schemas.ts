import { z } from 'zod';
import { IdParams } from '../../../http/ids.js';
import { requiredText } from '../../../platform/required-text.js';
import { parseLocalDateTime } from './local-datetime.js';

/** Forms, params and queries of the portal admin. Messages are codes, mapped to Vietnamese in admin.messages.ts. */

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/** A slug typed by the user, or '' for "make one from the title". */
const slugField = z
  .string()
  .trim()
  .toLowerCase()
  .max(100, 'too_long')
  .regex(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/, 'slug_format')
  .default('');

/** A checkbox: present ("1"/"on") is true, absent is false. */
const checkbox = z.preprocess((v) => v === '1' || v === 'on' || v === 'true', z.boolean());

const position = z.preprocess(
  (v) => (v === '' || v === undefined ? 0 : v),
  z.coerce
    .number({ error: 'position_format' })
    .int('position_format')
    .min(0, 'position_format')
    .max(9999, 'position_format'),
);

/** Route params with one `:id`, strict digits (http/ids.ts). */
export { IdParams };

export const PageQuery = z.object({ trang: z.coerce.number().int().min(1).max(100_000).default(1) });

export const ArticleListQuery = PageQuery.extend({
  'trang-thai': z.preprocess(emptyToUndefined, z.enum(['draft', 'published']).optional()),
});

export const ArticleForm = z.object({
  title: requiredText(300, 'title_required'),
  slug: slugField,
  categoryId: z.coerce
    .number({ error: 'category_required' })
    .int('category_required')
    .positive('category_required')
    .max(2_147_483_647, 'category_required'),
  summary: z.string().trim().max(1000, 'too_long').default(''),
  body: z.string().max(500_000, 'too_long'),
  coverMediaId: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().positive().max(2_147_483_647).optional(),
  ),
  coverAlt: z.string().trim().max(300, 'too_long').default(''),
  coverCaption: z.string().trim().max(500, 'too_long').default(''),
  featured: checkbox,
  status: z.enum(['draft', 'published'], 'status_invalid'),
  /** null: not given (now); an ISO instant otherwise. */
  publishedAt: z
    .string()
    .default('')
    .transform((s, ctx) => {
      const v = parseLocalDateTime(s);
      if (v === undefined) {
        ctx.addIssue({ code: 'custom', message: 'datetime_format' });
        return z.NEVER;
      }
      return v;
    }),
});
export type ArticleForm = z.infer<typeof ArticleForm>;

export const CategoryForm = z.object({
  name: requiredText(120, 'name_required'),
  slug: slugField,
  description: z.string().trim().max(1000, 'too_long').default(''),
  position,
  showOnHome: checkbox,
  showInMenu: checkbox,
});
export type CategoryForm = z.infer<typeof CategoryForm>;

export const PageForm = z.object({
  title: requiredText(300, 'title_required'),
  slug: slugField,
  body: z.string().max(500_000, 'too_long'),
  position,
  showInMenu: checkbox,
});
export type PageForm = z.infer<typeof PageForm>;

export const MediaTextForm = z.object({
  alt: requiredText(300, 'alt_required'),
  caption: z.string().trim().max(500, 'too_long').default(''),
});
export type MediaTextForm = z.infer<typeof MediaTextForm>;

/** The editor's upload: alt text optional there (the caption is used when it is empty). */
export const EditorUploadForm = z.object({
  alt: z.string().trim().max(300, 'too_long').default(''),
  caption: z.string().trim().max(500, 'too_long').default(''),
});
