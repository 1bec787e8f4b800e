import { and, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { Database, WriteTx } from "./client";
import { catchUpSearchIndex, fullTextSearch, matchesSearch } from "./search";
import { storedText } from "./stored-text";

/**
 * The few SQL differences between backends, kept here so services never
 * write dialect SQL. This is the SQLite/libSQL implementation.
 */
export const dialect = {
  /**
   * Case-insensitive substring match, in every script: SQLite's lower()
   * and LIKE fold ASCII letters only (`école` would not find `École`), so
   * the value becomes a GLOB pattern in which each cased letter matches
   * either case (`*[éÉ][cC][oO][lL][eE]*`).
   */
  containsIgnoreCase: (column: SQLWrapper, value: string): SQL =>
    sql`${column} glob ${`*${caselessGlob(value)}*`}`,
  /** The JSON array column holds every one of `tags`. */
  hasAllTags: (column: SQLWrapper, tags: readonly string[]): SQL | undefined =>
    tags.length === 0
      ? undefined
      : and(
          ...tags.map(
            (tag) => sql`exists (select 1 from json_each(${column}) where value = ${tag})`,
          ),
        ),
  /** True when the error is a unique-constraint violation. */
  isUniqueViolation: (error: unknown): boolean => {
    const text = errorText(error);
    return text.includes("UNIQUE constraint failed") || text.includes("SQLITE_CONSTRAINT_UNIQUE");
  },
  isForeignKeyViolation: (error: unknown): boolean =>
    errorText(error).includes("FOREIGN KEY constraint failed"),
  /** Ranked full-text search over contacts, companies, deals, leads and notes (FTS5 here). */
  fullTextSearch,
  /** List filter: the row's indexed text matches the words of `text` (as prefixes). */
  matchesSearch,
  /** Brings the full-text index up to date with every committed write (before matchesSearch). */
  catchUpSearchIndex,
  /**
   * Of the webhooks `ids`, those a delivery claim may work for now. One
   * writer claims at a time here: all of them.
   */
  lockWebhooksForClaim: async (_tx: WriteTx, ids: string[]): Promise<string[]> => ids,
  /**
   * `column in (subquery)`, for a subquery that refers to the outer query
   * and returns a few rows (a LIMIT): the outer row's values are looked up
   * in `column`'s index.
   */
  inCorrelated: (column: SQLWrapper, subquery: SQLWrapper): SQL => sql`${column} in ${subquery}`,
  /** Before attempt results of the webhooks `ids` are stored: nothing to wait for with one writer. */
  lockWebhooksForResults: async (_tx: WriteTx, _ids: string[]): Promise<void> => {},
  /** A request body with its text as this database stores it (unpaired surrogates as U+FFFD). */
  storedInput: storedText,
  /**
   * After rows were copied in with their own ids (crmd copy): AUTOINCREMENT
   * follows the copied rows by itself, but outbox numbers up to the fan-out
   * cursor were handed out even when retention has pruned those events
   * (event cursors point there), so new events must come after it too.
   */
  afterBulkCopy: async (db: Database): Promise<void> => {
    await db.execute("DELETE FROM sqlite_sequence WHERE name = 'outbox_events'");
    await db.execute(
      `INSERT INTO sqlite_sequence (name, seq) SELECT 'outbox_events', max(
         coalesce((SELECT max(seq) FROM outbox_events), 0),
         coalesce((SELECT value FROM counters WHERE name = 'webhook_fanout'), 0))`,
    );
  },
};

export type Dialect = typeof dialect;

function errorText(error: unknown): string {
  let text = "";
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    text += ` ${(e as { message?: string }).message ?? ""} ${(e as { code?: string }).code ?? ""}`;
    if (text.length > 4000) break;
  }
  return text;
}

/** `value` as a GLOB pattern matching it in any case: GLOB's own `*`, `?` and `[` are literal. */
function caselessGlob(value: string): string {
  let pattern = "";
  for (const char of value) {
    const lower = char.toLowerCase();
    const upper = char.toUpperCase();
    if (lower !== upper && lower.length === 1 && upper.length === 1)
      pattern += `[${lower}${upper}]`;
    else pattern += char === "*" || char === "?" || char === "[" ? `[${char}]` : char;
  }
  return pattern;
}
