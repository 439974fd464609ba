/**
 * Folds Vietnamese text for search: strips diacritics and maps đ/Đ to d, lower-cases and collapses spaces.
 * NFD decomposition does not split đ (U+0111), hence the explicit replacement (stack.md, 4d).
 */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A URL slug from a Vietnamese title: "Cải cách hành chính" → "cai-cach-hanh-chinh". */
export function slugify(s: string, maxLength = 80): string {
  const slug = fold(s).replace(/ /g, '-');
  return slug.slice(0, maxLength).replace(/-+$/, '');
}
