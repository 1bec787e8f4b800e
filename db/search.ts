import { and, count, eq, inArray, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { Database, WriteTx } from "./client";
import { loadPhoneNumbers, phoneWords } from "./phone-words";

/**
 * Full-text search, SQLite flavour: the FTS5 table `search_index` over
 * contacts, companies, deals, leads, notes, custom objects' records and
 * MLS properties
 * (soft-deleted rows leave it).
 * Triggers queue every changed row's doc_id in `search_pending` inside the
 * writing transaction (migration 0700); catchUpSearchIndex indexes the queue
 * in batches, in the background and before every search. Not part of the
 * drizzle schema: PostgreSQL brings its own index (db/pg/search.ts) behind
 * the same functions and shares the queue.
 */
export const searchIndex = sqliteTable("search_index", {
  tenantId: text("tenant_id").notNull(),
  /** contacts | companies | deals | leads | notes | properties | a custom object's plural */
  entityType: text("entity_type").notNull(),
  entityId: text("entity_id").notNull(),
  title: text("title").notNull(),
  body: text("body").notNull(),
});

const MAX_WORDS = 16;

/**
 * The indexed tables, each with its `<table>_search_text` view (migrations
 * 0400, 1042 and 1331). An entry's type is its table's name, but a custom
 * record's is its object's plural.
 */
export const INDEXED_TABLES = [
  "contacts",
  "companies",
  "deals",
  "leads",
  "notes",
  "custom_records",
  "properties",
] as const;

/** The type a table's entry is indexed under, from its view row `v`. */
export const indexedTypeOf = (table: (typeof INDEXED_TABLES)[number]): SQL =>
  table === "custom_records" ? sql`v.object_type` : sql`${table}`;

/** The indexed tables with phone numbers, and the column holding them. */
export const PHONE_COLUMNS = {
  /** JSON: [{number, type}] */
  contacts: "phones",
  companies: "phone",
  leads: "phone",
} as const;

/** The digits-only form the search views write beside each phone number (migration 0400). */
const viewDigits = (number: string) => number.replace(/[ \-().+]/g, "");

/**
 * The rows of `table` among the index entries `ids` (a JSON array of
 * doc_ids), with their phone column. Looked up by doc_id, the ids bound as
 * one array: one statement a table, compiled once. `entity_type || ''` keeps
 * SQLite off the (entity_type, entity_id) index, which it preferred with a
 * literal id list: every batch then walked the index entries of every
 * contact, company and lead (tests/indexes.test.ts).
 */
export const phoneRowsQuery = (table: keyof typeof PHONE_COLUMNS, ids: string): SQL =>
  sql`select d.doc_id, t.${sql.identifier(PHONE_COLUMNS[table])} as phones
    from search_docs d join ${sql.identifier(table)} t on t.id = d.entity_id
    where d.doc_id in (select cast(value as bigint) from json_each(${ids}))
      and d.entity_type || '' = ${table}`;

/** Where missingPhoneWords looks: by default every table with phones, with phoneRowsQuery. */
export interface PhoneLookup {
  /** The tables the rows `docIds` belong to: the others are not asked. */
  tables?: ReadonlySet<string>;
  /** A dialect's own form of phoneRowsQuery. */
  query?: (table: keyof typeof PHONE_COLUMNS, docIds: number[]) => SQL;
}

/**
 * The phone words (db/phone-words.ts) of the rows `docIds` that their
 * `<table>_search_text` view does not write (it writes each number and its
 * digits), by doc_id: the index adds them to the row's body.
 */
export async function missingPhoneWords(
  tx: WriteTx,
  docIds: number[],
  options: PhoneLookup = {},
): Promise<Map<number, string>> {
  await loadPhoneNumbers();
  const missing = new Map<number, string>();
  const query = options.query ?? ((table, ids) => phoneRowsQuery(table, JSON.stringify(ids)));
  for (const table of Object.keys(PHONE_COLUMNS) as Array<keyof typeof PHONE_COLUMNS>) {
    if (options.tables && !options.tables.has(table)) continue;
    const rows = await tx.all<{ doc_id: number; phones: string | null }>(query(table, docIds));
    for (const row of rows) {
      if (!row.phones) continue;
      const numbers: string[] =
        table === "contacts"
          ? (JSON.parse(row.phones) as { number: string }[]).map((p) => p.number)
          : [row.phones];
      const words = numbers.flatMap((number) =>
        phoneWords(number).filter((word) => word !== viewDigits(number)),
      );
      if (words.length) missing.set(Number(row.doc_id), [...new Set(words)].join(" "));
    }
  }
  return missing;
}

/** Adds words to the bodies of index entries: doc_id → words (rows' missing phone words). */
export async function appendIndexWords(tx: WriteTx, words: Map<number, string>): Promise<void> {
  for (const [docId, added] of words)
    await tx.run(
      sql`update search_index set body = body || ' ' || ${added} where rowid = ${docId}`,
    );
}

/** Queued rows indexed per transaction: bounds how long indexing holds the write lock. */
export const INDEX_BATCH = 500;

/** Indexes up to `limit` queued rows, oldest first; returns how many. */
async function indexQueued(tx: WriteTx, limit: number): Promise<number> {
  const queued = await tx.all<{ doc_id: number }>(
    sql`select doc_id from search_pending order by doc_id limit ${limit}`,
  );
  if (queued.length === 0) return 0;
  const last = queued[queued.length - 1].doc_id;
  // Drop the rows' old entries, then index what each row says now (unless deleted).
  await tx.run(
    sql`delete from search_index where rowid in (select doc_id from search_pending where doc_id <= ${last})`,
  );
  // CROSS JOIN keeps SQLite's join order: from the queue to the rows, never a scan of a table.
  for (const type of INDEXED_TABLES)
    await tx.run(sql`insert into search_index (rowid, tenant_id, entity_type, entity_id, title, body)
      select d.doc_id, v.tenant_id, ${indexedTypeOf(type)}, v.id, v.title, v.body
      from search_pending p
      cross join search_docs d on d.doc_id = p.doc_id and d.entity_type = ${type}
      cross join ${sql.identifier(`${type}_search_text`)} v on v.id = d.entity_id
      where p.doc_id <= ${last} and v.deleted_at is null`);
  await appendIndexWords(
    tx,
    await missingPhoneWords(
      tx,
      queued.map((q) => q.doc_id),
    ),
  );
  await tx.run(sql`delete from search_pending where doc_id <= ${last}`);
  return queued.length;
}

/**
 * Indexes every row queued by writes committed before the call, `batch` rows
 * a transaction, telling `indexed` how many each transaction took off the
 * queue. Concurrent callers need no coordination: each transaction takes
 * what is still queued under the write lock.
 */
export const catchUpSearchIndex = (
  db: Database,
  batch = INDEX_BATCH,
  indexed: (rows: number) => void = () => {},
): Promise<void> => catchUpQueue((fn) => db.transaction(fn), db.read, indexQueued, batch, indexed);

/**
 * Runs `index` (up to `batch` queued rows a transaction, each transaction
 * run by `run`) while `read` still sees queued rows.
 */
export async function catchUpQueue(
  run: (fn: (tx: WriteTx) => Promise<number>) => Promise<number>,
  read: Database["read"],
  index: (tx: WriteTx, limit: number) => Promise<number>,
  batch: number,
  indexed: (rows: number) => void,
): Promise<void> {
  await loadPhoneNumbers();
  const queued = sql`select 1 from search_pending limit 1`;
  while ((await read.all(queued)).length > 0) {
    const rows = await run((tx) => index(tx, batch));
    indexed(rows);
    if (rows < batch) return;
  }
}

/**
 * User text as an FTS5 query: every word must occur, each as a word prefix
 * ("jan smi" finds Jane Smith); text that reads as a phone number also
 * matches its phone words, whatever format the record's number is in. Only
 * letters and digits reach the query, so nothing the user types is FTS
 * syntax. Null when there is no word. Call loadPhoneNumbers first.
 */
export function ftsQuery(text: string): string | null {
  const words = searchWords(text);
  if (words.length === 0) return null;
  const all = words.map((word) => `"${word}"*`).join(" ");
  const phone = phoneWords(text).map((word) => `"${word}"*`);
  return phone.length === 0 ? all : [`(${all})`, ...phone].join(" OR ");
}

/** The words of user text, lower case, letters and digits only, at most MAX_WORDS. */
export const searchWords = (text: string): string[] =>
  (text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);

const matching = (tenantId: string, types: readonly string[], query: string) =>
  and(
    sql`search_index match ${query}`,
    eq(searchIndex.tenantId, tenantId),
    inArray(searchIndex.entityType, [...types]),
  );

/**
 * `idColumn` names a row of `entityType` whose indexed text matches `text`
 * (list `search` filters). Call catchUpSearchIndex first, so the filter sees
 * every committed write.
 */
export function matchesSearch(
  idColumn: SQLWrapper,
  entityType: string,
  tenantId: string,
  text: string,
): SQL {
  const query = ftsQuery(text);
  if (query === null) return sql`0`;
  return sql`${idColumn} in (select ${searchIndex.entityId} from ${searchIndex} where ${matching(tenantId, [entityType], query)})`;
}

export interface SearchHit {
  type: string;
  id: string;
  title: string;
  snippet: string;
  /** Higher is better (negated bm25; the title weighs 4× the body). */
  score: number;
}

export interface SearchRequest {
  tenantId: string;
  types: readonly string[];
  text: string;
  limit: number;
  offset: number;
}

const bm25 = sql<number>`bm25(search_index, 0, 0, 0, 4.0, 1.0)`;

/**
 * What the index puts around each match in a snippet: control characters,
 * so that snippetHtml can escape the record's own text (which may hold
 * `<`, `&` or a literal `</mark>`) and only then mark the matches.
 */
export const MATCH_START = "\u0002";
export const MATCH_END = "\u0003";

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** A raw snippet as the HTML the API answers with: text escaped, matches in <mark>…</mark>. */
export const snippetHtml = (raw: string): string =>
  raw
    .replace(/[&<>"']/g, (c) => HTML_ESCAPES[c])
    .replaceAll(MATCH_START, "<mark>")
    .replaceAll(MATCH_END, "</mark>");

/** Ranked hits of one tenant, best first, and how many there are in all (every committed write included). */
export async function fullTextSearch(
  database: Database,
  request: SearchRequest,
): Promise<{ hits: SearchHit[]; total: number }> {
  await loadPhoneNumbers();
  const query = ftsQuery(request.text);
  if (query === null || request.types.length === 0) return { hits: [], total: 0 };
  await catchUpSearchIndex(database);
  const db = database.read;
  const where = matching(request.tenantId, request.types, query);
  const rows = await db
    .select({
      type: searchIndex.entityType,
      id: searchIndex.entityId,
      // Notes have no title: their first characters stand in.
      title: sql<string>`case when ${searchIndex.title} = '' then substr(${searchIndex.body}, 1, 80) else ${searchIndex.title} end`,
      snippet: sql<string>`snippet(search_index, -1, ${MATCH_START}, ${MATCH_END}, '…', 12)`,
      rank: bm25,
    })
    .from(searchIndex)
    .where(where)
    .orderBy(bm25, searchIndex.entityId)
    .limit(request.limit)
    .offset(request.offset);
  const [{ n }] = await db.select({ n: count() }).from(searchIndex).where(where);
  const hits = rows.map(({ rank, snippet, ...hit }) => ({
    ...hit,
    snippet: snippetHtml(snippet),
    score: Math.round(-rank * 1e6) / 1e6,
  }));
  return { hits, total: n };
}
