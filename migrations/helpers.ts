import {
  PostgresAdapter,
  sql,
  type ColumnDefinitionBuilder,
  type CreateTableBuilder,
  type Kysely,
} from 'kysely';

/* Helpers that keep one migration file valid on SQLite and PostgreSQL (ADR 0004). */

// Migrations run against any schema, so they take an untyped Kysely (the schema does not exist yet).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;

export const isPg = (db: AnyDb): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/** An integer primary key the database assigns: identity on PostgreSQL, autoincrement on SQLite. */
export function withId<T extends string>(db: AnyDb) {
  return (tb: CreateTableBuilder<T, never>) =>
    isPg(db)
      ? tb.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      : tb.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** An instant: timestamptz on PostgreSQL, ISO 8601 UTC text on SQLite (ADR 0003). */
export const instantType = (db: AnyDb) => (isPg(db) ? sql`timestamptz` : sql`text`);
/** A calendar date: date on PostgreSQL, YYYY-MM-DD text on SQLite. */
export const dateType = (db: AnyDb) => (isPg(db) ? sql`date` : sql`text`);
/** The current instant as a column default. */
export const nowDefault = (db: AnyDb) =>
  isPg(db) ? sql`now()` : sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/** A 0/1 flag: integer on both dialects, so rows read the same everywhere (ADR 0003). */
export const flag = (name: string) => (c: ColumnDefinitionBuilder) =>
  c
    .notNull()
    .defaultTo(0)
    .check(sql`${sql.ref(name)} in (0, 1)`);
