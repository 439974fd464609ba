import type { Deps } from '../src/deps.js';
import { slugify } from '../src/platform/fold.js';
import { searchTextOf } from '../src/modules/portal/search-text.js';

/**
 * Bulk-generates `count` published articles for a unit (benchmark data only: plain multi-row inserts, no audit).
 * Spread over the unit's categories and the last two years.
 */
export async function seedArticles(deps: Deps, unitId: number, count: number): Promise<void> {
  const categories = await deps.db.selectFrom('category').select('id').where('unitId', '=', unitId).execute();
  if (categories.length === 0) {
    throw new Error('the unit has no category: load the demo data first');
  }
  const media = await deps.db.selectFrom('media').select('id').where('unitId', '=', unitId).execute();
  const now = deps.clock.now().getTime();
  const chunk = 400;
  for (let start = 0; start < count; start += chunk) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + chunk); i++) {
      const title = `Bài viết thử tải số ${i + 1}: tình hình cải cách hành chính và đời sống nhân dân`;
      const summary = `Tóm tắt bài viết thử tải số ${i + 1} về hoạt động của Ủy ban nhân dân xã trong tháng.`;
      const body =
        `<p>${'Nội dung đoạn văn mô tả hoạt động của xã, đường làng ngõ xóm, sản xuất nông nghiệp và dịch vụ công trực tuyến. '.repeat(6)}</p>`.repeat(
          4,
        );
      rows.push({
        unitId,
        categoryId: categories[i % categories.length]!.id, // non-empty, checked above
        slug: `${slugify(title, 60)}-b${i + 1}`,
        title,
        summary,
        bodyHtml: body,
        coverMediaId: media.length ? media[i % media.length]!.id : null, // index within bounds
        status: 'published' as const,
        featured: 0,
        publishedAt: new Date(now - (i + 1) * 3_600_000 * 1.7).toISOString(),
        authorName: 'Ban biên tập (thử tải)',
        searchText: searchTextOf(title, summary, body),
      });
    }
    await deps.db.insertInto('article').values(rows).execute();
  }
}
