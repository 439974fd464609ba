import Database from 'better-sqlite3';
import {
  CamelCasePlugin,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type SqliteDatabase,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import type { DbConfig } from '../config.js';
import type { DB } from './db-schema.js';

export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** A connection or a transaction: repository reads accept either. */
export type Conn = Db | Tx;
export type Dialect = DbConfig['dialect'];

// Instants and calendar dates travel as ISO strings on both dialects (ADR 0003): PostgreSQL's parsers are told to
// hand back strings instead of Date objects, so a row reads the same on SQLite and on PostgreSQL.
const PG_TIMESTAMPTZ = 1184;
const PG_TIMESTAMP = 1114;
const PG_DATE = 1082;
const PG_INT8 = 20;
pg.types.setTypeParser(PG_TIMESTAMPTZ, (v) => new Date(v).toISOString());
pg.types.setTypeParser(PG_TIMESTAMP, (v) => new Date(`${v.replace(' ', 'T')}Z`).toISOString());
pg.types.setTypeParser(PG_DATE, (v) => v);
// count(*) and sums are int8: small enough to be a JS number for everything congxa counts.
pg.types.setTypeParser(PG_INT8, (v) => Number(v));

export function createDb(config: DbConfig): Db {
  if (config.dialect === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: 10, options: '-c TimeZone=UTC' });
    // An idle client whose server connection ends (a restart, or a test dropping its database) emits 'error' on the
    // pool; without a listener that would crash the process. The next query gets a fresh connection.
    pool.on('error', (err) => {
      if ((err as Error & { code?: string }).code !== '57P01') {
        console.error('PostgreSQL idle client error:', err.message);
      }
    });
    return new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  }
  const sqlite = new Database(config.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return new Kysely<DB>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    plugins: [new CamelCasePlugin()],
  });
}

/** How many prepared statements a SQLite connection keeps: far more than the distinct queries congxa sends. */
const STATEMENT_CACHE_SIZE = 2000;

/**
 * better-sqlite3 with its prepared statements kept by SQL text: Kysely prepares every query afresh, and preparing was
 * ~40 % of the database time of an intake (bench/dossiers.ts). A statement still being iterated is never handed out
 * twice, and SQLite itself recompiles a kept statement after a schema change.
 */
function withStatementCache(sqlite: Database.Database): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (text: string) => {
      const kept = cache.get(text);
      if (kept && !kept.busy) {
        return kept;
      }
      const statement = sqlite.prepare(text);
      if (cache.size >= STATEMENT_CACHE_SIZE) {
        cache.clear();
      }
      cache.set(text, statement);
      return statement;
    },
  };
}

/**
 * Did a write fail on a UNIQUE (or primary key) constraint? Services check before writing, but two concurrent
 * requests can both pass the check; the loser gets this error and maps it to a form message instead of a 500.
 * `column`, when given, must appear in the error (SQLite: "UNIQUE constraint failed: unit.host"; PostgreSQL: the
 * detail "Key (host)=(…) already exists." or the constraint name), so a violation elsewhere is not mistaken for it.
 */
export function isUniqueViolation(err: unknown, column?: string): boolean {
  if (!err || typeof err !== 'object' || !('code' in err)) {
    return false;
  }
  const e = err as { code?: unknown; message?: unknown; detail?: unknown; constraint?: unknown };
  const unique =
    e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  if (!unique || column === undefined) {
    return unique;
  }
  const said = [e.message, e.detail, e.constraint]
    .filter((v): v is string => typeof v === 'string')
    .join(' ');
  return new RegExp(`(^|[^a-z_])${column}([^a-z_]|$)`, 'i').test(said);
}
