import { type SQL, sql } from "drizzle-orm";
import type { WriteTx } from "../client";
import { dialect as sqlite } from "../dialect";
import { catchUpSearchIndex, fullTextSearch, matchesSearch } from "./search";
import { storedPostgresText } from "./translate";

/** LIKE's own `%`, `_` and escape character, made literal. */
const escapeLike = (value: string): string => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Bun's PostgreSQL errors carry the SQLSTATE in `errno`. */
const sqlState = (error: unknown): string => {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const code = (e as { errno?: unknown }).errno;
    if (typeof code === "string") return code;
  }
  return "";
};

const RESTART_IDENTITIES = `DO $$ DECLARE c record; BEGIN
  FOR c IN SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND is_identity = 'YES' LOOP
    EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L), coalesce((SELECT max(%I) FROM %I), 0) + 1, false)',
      c.table_name, c.column_name, c.column_name, c.table_name);
  END LOOP;
END $$`;

/**
 * Outbox numbers up to the fan-out cursor were handed out even when
 * retention has pruned those events: event cursors and the cursor itself
 * point there, so new events must come after it.
 */
const OUTBOX_AFTER_FANOUT = `SELECT setval(pg_get_serial_sequence('outbox_events', 'seq'),
  greatest((SELECT max(seq) FROM outbox_events), (SELECT value FROM counters WHERE name = 'webhook_fanout'), 0) + 1, false)`;

const lockWebhooks = (tx: WriteTx, ids: string[], skip: SQL) =>
  tx.all<{ id: string }>(
    sql`select id from webhooks where id in (select value from json_each(${JSON.stringify(ids)})) order by id for no key update${skip}`,
  );

/**
 * The PostgreSQL side of db/dialect.ts. Tag filters are written the same
 * way (json_each over the text column: migration 0002 defines
 * json_each(text)); case-insensitive matches fold case with fold_case()
 * (migration 1213); constraint errors are told by
 * SQLSTATE; full-text search is tsvector + GIN (db/pg/search.ts).
 */
export const pgDialect: typeof sqlite = {
  ...sqlite,
  /**
   * fold_case() (migration 1213) lowers under a Unicode collation: lower()
   * under a C-locale database's own folds ASCII letters only.
   */
  containsIgnoreCase: (column, value) =>
    sql`fold_case(${column}) like fold_case(${`%${escapeLike(value)}%`}) escape '\\'`,
  isUniqueViolation: (error) => sqlState(error) === "23505",
  isForeignKeyViolation: (error) => sqlState(error) === "23503",
  fullTextSearch,
  matchesSearch,
  catchUpSearchIndex,
  /**
   * The webhooks this claim could lock: claims of several instances run at
   * once (Database.claimTransaction), each for webhooks no other is claiming
   * for; a webhook's in-flight and hourly limits and per-entity order are
   * decided under its row lock, held until COMMIT (NO KEY UPDATE: the
   * lightest lock that keeps other claims and webhook updates out).
   */
  lockWebhooksForClaim: async (tx, ids) =>
    (await lockWebhooks(tx, ids, sql` skip locked`)).map((row) => row.id),
  /**
   * PostgreSQL cannot turn an IN over a correlated subquery into a join: it
   * runs the subquery as a filter on every row of `column`'s table, each
   * outer row over again (for a delivery claim: every delivery ever logged,
   * times the webhooks claimed for). Over an array the subquery runs once
   * per outer row, and its values are lookups in `column`'s index.
   */
  inCorrelated: (column, subquery) => sql`${column} = any(array${subquery})`,
  /**
   * Before a write stores attempt results (and webhook health): waits for
   * claims holding those webhooks, so both take a webhook before its
   * deliveries and never wait for each other in a circle.
   */
  lockWebhooksForResults: async (tx, ids) => {
    await lockWebhooks(tx, ids, sql``);
  },
  /**
   * NUL characters and unpaired surrogates, which PostgreSQL's text cannot
   * hold, become U+FFFD in the request body as they do when stored
   * (toPostgresParams), so a write's answer, its events and later reads agree.
   */
  storedInput: storedPostgresText,
  /**
   * Identity columns (outbox seq, search doc ids) continue after the largest
   * copied value; the outbox's also after the fan-out cursor.
   */
  afterBulkCopy: async (db) => {
    await db.execute(RESTART_IDENTITIES);
    await db.execute(OUTBOX_AFTER_FANOUT);
  },
};
