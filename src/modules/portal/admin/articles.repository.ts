import type { Insertable, Updateable } from 'kysely';
import type { Conn, Tx } from '../../../platform/db.js';
import type { ArticleStatus, ArticleTable } from '../../../platform/db-schema.js';

const EDIT_COLUMNS = [
  'id',
  'unitId',
  'categoryId',
  'slug',
  'title',
  'summary',
  'bodyHtml',
  'coverMediaId',
  'status',
  'featured',
  'publishedAt',
  'authorId',
  'authorName',
  'createdAt',
  'updatedAt',
] as const;

/** The admin's reads and writes of articles. Every query is bounded to one unit. */
export class ArticleRepository {
  listForAdmin(db: Conn, unitId: number, status: ArticleStatus | undefined, limit: number, offset: number) {
    let q = db
      .selectFrom('article')
      .innerJoin('category', 'category.id', 'article.categoryId')
      .select([
        'article.id',
        'article.title',
        'article.slug',
        'article.status',
        'article.featured',
        'article.publishedAt',
        'article.updatedAt',
        'article.authorName',
        'category.name as categoryName',
      ])
      .where('article.unitId', '=', unitId);
    if (status) {
      q = q.where('article.status', '=', status);
    }
    return q
      .orderBy('article.updatedAt', 'desc')
      .orderBy('article.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
  }

  async countForAdmin(db: Conn, unitId: number, status: ArticleStatus | undefined): Promise<number> {
    let q = db
      .selectFrom('article')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('unitId', '=', unitId);
    if (status) {
      q = q.where('status', '=', status);
    }
    return Number((await q.executeTakeFirstOrThrow()).n);
  }

  countByStatus(db: Conn, unitId: number) {
    return db
      .selectFrom('article')
      .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
      .where('unitId', '=', unitId)
      .groupBy('status')
      .execute();
  }

  findById(db: Conn, unitId: number, id: number) {
    return db
      .selectFrom('article')
      .select(EDIT_COLUMNS)
      .where('unitId', '=', unitId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async slugTaken(db: Conn, unitId: number, slug: string, exceptId?: number): Promise<boolean> {
    let q = db.selectFrom('article').select('id').where('unitId', '=', unitId).where('slug', '=', slug);
    if (exceptId !== undefined) {
      q = q.where('id', '!=', exceptId);
    }
    return (await q.executeTakeFirst()) !== undefined;
  }

  async countInCategory(db: Conn, unitId: number, categoryId: number): Promise<number> {
    const row = await db
      .selectFrom('article')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('unitId', '=', unitId)
      .where('categoryId', '=', categoryId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insert(trx: Tx, values: Insertable<ArticleTable>): Promise<number> {
    const row = await trx.insertInto('article').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async update(trx: Tx, unitId: number, id: number, values: Updateable<ArticleTable>): Promise<void> {
    await trx
      .updateTable('article')
      .set(values)
      .where('unitId', '=', unitId)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  }

  async delete(trx: Tx, unitId: number, id: number): Promise<void> {
    await trx.deleteFrom('article').where('unitId', '=', unitId).where('id', '=', id).execute();
  }
}

export type ArticleEditRow = NonNullable<Awaited<ReturnType<ArticleRepository['findById']>>>;
export type ArticleListRow = Awaited<ReturnType<ArticleRepository['listForAdmin']>>[number];
