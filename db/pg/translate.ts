/**
 * crmd's services build their queries once, with drizzle's SQLite builder;
 * what it writes is standard SQL apart from a few spellings, translated here
 * for PostgreSQL:
 * - `?` placeholders become `$1, $2, …` (quoted text is left alone);
 * - `json_each(x)` over a JSON array in a text column or parameter is the
 *   migration's `json_each(text)` function (key, value), as in SQLite;
 * - in an INSERT's VALUES, drizzle writes `null` for a column it has no
 *   value for (SQLite has no DEFAULT there); PostgreSQL gets `default`, so
 *   identity columns (outbox seq) and column defaults apply;
 * - an ON CONFLICT target names bare columns (drizzle qualifies them);
 * - a subquery in FROM gets the alias PostgreSQL 15 requires;
 * - booleans bind as 1/0, as bun:sqlite binds them.
 * Anything else dialect-specific lives in db/pg/dialect.ts, never in a service.
 */
import { cleanText, wellFormed } from "../stored-text";

const cache = new Map<string, string>();
const CACHE_LIMIT = 2000;

export function toPostgres(sql: string): string {
  const hit = cache.get(sql);
  if (hit !== undefined) return hit;
  const translated = defaultsForMissingValues(numberPlaceholders(sql))
    .replace(/\bfrom \(select 1\)(?! as)/g, "from (select 1) as one")
    .replace(
      / on conflict \(([^)]*)\)/g,
      (_, target: string) => ` on conflict (${target.replace(/"[^"]+"\./g, "")})`,
    );
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(sql, translated);
  return translated;
}

function numberPlaceholders(sql: string): string {
  let out = "";
  let n = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      const end = closingQuote(sql, i, c);
      out += sql.slice(i, end + 1);
      i = end;
    } else if (c === "$" && sql[i + 1] === "$") {
      const end = sql.indexOf("$$", i + 2);
      const stop = end < 0 ? sql.length : end + 2;
      out += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === "?") out += `$${++n}`;
    else out += c;
  }
  return out;
}

function defaultsForMissingValues(sql: string): string {
  if (!/^insert into /i.test(sql)) return sql;
  const start = sql.indexOf(" values (");
  if (start < 0) return sql;
  const rest = sql.slice(start);
  const end = rest.search(/ on conflict | returning /i);
  const values = end < 0 ? rest : rest.slice(0, end);
  return (
    sql.slice(0, start) + values.replace(/\bnull\b/g, "default") + (end < 0 ? "" : rest.slice(end))
  );
}

function closingQuote(sql: string, start: number, quote: string): number {
  for (let i = start + 1; i < sql.length; i++) {
    if (sql[i] !== quote) continue;
    if (sql[i + 1] === quote) i++;
    else return i;
  }
  return sql.length - 1;
}

/**
 * Values as PostgreSQL takes them: booleans as 1/0, and what its text cannot
 * hold (SQLite's can) as U+FFFD, so such input is stored and matched like
 * any other odd character instead of failing the statement: a NUL
 * character, and in JSON text (an object or array: what JSON columns
 * hold) an escaped NUL or unpaired surrogate (which PostgreSQL's JSON
 * functions refuse to read). Other text keeps such escapes as written: in
 * a name or note, `\u0000` is six characters someone typed.
 */
export function toPostgresParams(params: readonly unknown[]): unknown[] {
  return params.map((p) =>
    typeof p === "boolean" ? (p ? 1 : 0) : typeof p === "string" ? storableText(p) : p,
  );
}

/** `\u0000` or an unpaired `\udXXX` escape, preceded by an even run of backslashes. */
const UNREADABLE_ESCAPE =
  /(?<=(?:^|[^\\])(?:\\\\)*)(?:\\u0000|\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f][0-9a-f]{2})|(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f][0-9a-f]{2})/gi;

function storableText(text: string): string {
  const plain = text.includes("\0") ? text.replaceAll("\0", "\uFFFD") : text;
  return plain.includes("\\u") && isJsonContainer(plain)
    ? plain.replace(UNREADABLE_ESCAPE, "\\ufffd")
    : plain;
}

function isJsonContainer(text: string): boolean {
  const trimmed = text.trim();
  const [first, last] = [trimmed[0], trimmed[trimmed.length - 1]];
  return (first === "{" && last === "}") || (first === "[" && last === "]");
}

/**
 * A request body as PostgreSQL stores its text: unpaired surrogates (as
 * everywhere, db/stored-text.ts) and NUL characters as U+FFFD, changed in place.
 */
export const storedPostgresText = (body: unknown): unknown =>
  cleanText(body, (text) => {
    const plain = wellFormed(text);
    return plain.includes("\0") ? plain.replaceAll("\0", "\uFFFD") : plain;
  });

/** PostgreSQL type ids whose values come back as text but are numbers to crmd. */
const INT8 = 20;
const NUMERIC = 1700;
const BOOL = 16;

/**
 * Driver values as bun:sqlite would give them: bigint and numeric columns
 * (counts, sums, epoch milliseconds) as numbers, booleans as 1/0.
 */
export function fromPostgres(
  rows: unknown[],
  columns: ReadonlyArray<{ name: string; type: number }> | undefined,
  arrays: boolean,
): void {
  if (!columns) return;
  for (let c = 0; c < columns.length; c++) {
    const type = columns[c].type;
    if (type !== INT8 && type !== NUMERIC && type !== BOOL) continue;
    const key: string | number = arrays ? c : columns[c].name;
    for (const row of rows as Record<string | number, unknown>[]) {
      const value = row[key];
      if (value === null || value === undefined) continue;
      row[key] = type === BOOL ? (value ? 1 : 0) : Number(value);
    }
  }
}
