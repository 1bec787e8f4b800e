import { and, count, eq, inArray, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { Database, WriteTx } from "../client";
import { loadPhoneNumbers, phoneWords } from "../phone-words";
import {
  catchUpQueue,
  INDEX_BATCH,
  INDEXED_TABLES,
  indexedTypeOf,
  MATCH_END,
  MATCH_START,
  missingPhoneWords,
  PHONE_COLUMNS,
  type SearchHit,
  type SearchRequest,
  searchIndex,
  searchWords,
  snippetHtml,
} from "../search";

/**
 * Full-text search, PostgreSQL flavour: `search_index` holds each indexed
 * row's title and body with a weighted tsvector (title A, body B) under a
 * GIN index (migration 0002). The triggers queue changed rows in
 * `search_pending` exactly as on SQLite, and the queue is indexed in
 * batches, each in a transaction of its own that does not take the
 * writers' lock (a batch's tsvectors and GIN entries took that lock from
 * every write for ~14 ms in turn): indexers take turns under a lock of
 * their own, and claim queue entries with FOR UPDATE SKIP LOCKED, which
 * skips the entries of writes not committed yet (a write locks the entry
 * it queues, migration 1820) and makes such a write wait for a claimed
 * entry's batch to commit and then queue its row again. Whatever was
 * committed before an indexer took its turn is claimable, so a search
 * that first catches up finds every committed change.
 */

/** ts_headline's options: marks as SQLite's snippet() writes them, about 12 words. */
const HEADLINE = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=12, MinWords=4, FragmentDelimiter=…`;

/**
 * `column` is one of `ids`, bound as one bigint array: PostgreSQL probes
 * the primary key once per id. (Through json_each it took the list for 100
 * rows and scanned search_index and search_docs whole, every batch.)
 */
const amongIds = (column: string, ids: readonly number[]): SQL =>
  sql`${sql.raw(column)} = any(cast(${`{${ids.join(",")}}`} as bigint[]))`;

/** Indexers on every instance take turns, a batch each: not the writers' lock (7411002). */
const INDEXER_LOCK = "SELECT pg_advisory_xact_lock(7411003)";

/**
 * Takes up to `limit` queued rows, oldest first, out of the queue (until
 * the batch commits, their entries are locked) and answers their doc_ids
 * and tables. Entries a write in progress has locked are left for later.
 */
const CLAIMED = (limit: number) =>
  sql`with claimed as (
      delete from search_pending where doc_id in (
        select doc_id from search_pending order by doc_id limit ${limit} for update skip locked)
      returning doc_id)
    select c.doc_id, d.entity_type from claimed c
    left join search_docs d on d.doc_id = c.doc_id
    order by c.doc_id`;

/** As phoneRowsQuery (db/search.ts), with the ids as one array. */
const phoneRows = (table: keyof typeof PHONE_COLUMNS, docIds: number[]): SQL =>
  sql`select d.doc_id, t.${sql.identifier(PHONE_COLUMNS[table])} as phones
    from search_docs d join ${sql.identifier(table)} t on t.id = d.entity_id
    where ${amongIds("d.doc_id", docIds)} and d.entity_type = ${table}`;

/**
 * Indexes up to `limit` queued rows, claimed: their old entries dropped,
 * then one insert per table that has rows among them (a batch of deals:
 * one) and their phone words.
 */
async function indexQueued(tx: WriteTx, limit: number): Promise<number> {
  const queued = await tx.all<{ doc_id: number; entity_type: string | null }>(CLAIMED(limit));
  if (queued.length === 0) return 0;
  const docIds = queued.map((q) => Number(q.doc_id));
  const tables = new Set(queued.flatMap((q) => (q.entity_type ? [q.entity_type] : [])));
  await tx.run(sql`delete from search_index where ${amongIds("doc_id", docIds)}`);
  for (const type of INDEXED_TABLES) {
    if (!tables.has(type)) continue;
    await tx.run(sql`insert into search_index (doc_id, tenant_id, entity_type, entity_id, title, body, words)
      select d.doc_id, v.tenant_id, ${indexedTypeOf(type)}, v.id, v.title, v.body, search_words(v.title, v.body)
      from search_docs d join ${sql.identifier(`${type}_search_text`)} v on v.id = d.entity_id
      where ${amongIds("d.doc_id", docIds)} and d.entity_type = ${type} and v.deleted_at is null`);
  }
  await appendIndexWords(tx, await missingPhoneWords(tx, docIds, { tables, query: phoneRows }));
  return queued.length;
}

/** A PostgreSQL text[] literal: each element quoted, `"` and `\` escaped. */
const textArray = (values: readonly string[]): string =>
  `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`;

/** Adds words to the bodies of index entries and to their tsvectors, in one statement: doc_id → words. */
export async function appendIndexWords(tx: WriteTx, words: Map<number, string>): Promise<void> {
  if (words.size === 0) return;
  const ids = `{${[...words.keys()].join(",")}}`;
  const added = textArray([...words.values()]);
  await tx.run(sql`update search_index s set body = s.body || ' ' || w.value,
    words = search_words(s.title, s.body || ' ' || w.value)
    from unnest(cast(${ids} as bigint[]), cast(${added} as text[])) as w(doc_id, value)
    where s.doc_id = w.doc_id`);
}

export const catchUpSearchIndex = (
  db: Database,
  batch = INDEX_BATCH,
  indexed: (rows: number) => void = () => {},
): Promise<void> => catchUpQueue(indexerTurn(db), db.primaryRead, indexQueued, batch, indexed);

/** Runs a batch in a transaction of its own, in the indexers' turn (INDEXER_LOCK). */
const indexerTurn =
  (db: Database) =>
  (fn: (tx: WriteTx) => Promise<number>): Promise<number> => {
    if (!db.claimTransaction) throw new Error("PostgreSQL's indexer needs claimTransaction");
    return db.claimTransaction(async (tx) => {
      await tx.run(sql.raw(INDEXER_LOCK));
      return fn(tx);
    });
  };

/**
 * User text as a tsquery: every word as a prefix, folded as the index folds
 * them (search_query: lower case, diacritics dropped as SQLite's FTS5 drops
 * them, migration 1440), computed once per statement; text that reads as a
 * phone number also matches its phone words (as ftsQuery). `fn` builds each
 * part: search_query to match, search_headline_query to mark snippets.
 * Call loadPhoneNumbers first.
 */
export function tsQuery(text: string, fn = "search_query"): SQL | null {
  const words = searchWords(text);
  if (words.length === 0) return null;
  const query = (value: string) => sql`${sql.raw(fn)}(${value})`;
  const phone = phoneWords(text).map((word) => sql` || ${query(word)}`);
  return sql`(select ${query(words.join(" "))}${sql.join(phone)})`;
}

const matching = (tenantId: string, types: readonly string[], query: SQL) =>
  and(
    sql`words @@ ${query}`,
    eq(searchIndex.tenantId, tenantId),
    inArray(searchIndex.entityType, [...types]),
  );

export function matchesSearch(
  idColumn: SQLWrapper,
  entityType: string,
  tenantId: string,
  text: string,
): SQL {
  const query = tsQuery(text);
  if (query === null) return sql`false`;
  return sql`${idColumn} in (select ${searchIndex.entityId} from ${searchIndex} where ${matching(tenantId, [entityType], query)})`;
}

export async function fullTextSearch(
  database: Database,
  request: SearchRequest,
): Promise<{ hits: SearchHit[]; total: number }> {
  await loadPhoneNumbers();
  const query = tsQuery(request.text);
  if (query === null || request.types.length === 0) return { hits: [], total: 0 };
  await catchUpSearchIndex(database);
  const db = database.primaryRead;
  const where = matching(request.tenantId, request.types, query);
  const rank = sql<number>`ts_rank(words, ${query})`;
  const marked = tsQuery(request.text, "search_headline_query") as SQL;
  const rows = await db
    .select({
      type: searchIndex.entityType,
      id: searchIndex.entityId,
      title: sql<string>`case when ${searchIndex.title} = '' then substr(${searchIndex.body}, 1, 80) else ${searchIndex.title} end`,
      // The column that matches, as SQLite's snippet() picks it: the title, else the body;
      // words marked through unaccent (crmd_headline, migration 1212): a search for
      // "nunez" marks Núñez, one for "straß" Straße.
      snippet: sql<string>`ts_headline('crmd_headline', case when search_words(${searchIndex.title}, '') @@ ${query} then ${searchIndex.title} else ${searchIndex.body} end, ${marked}, ${HEADLINE})`,
      rank,
    })
    .from(searchIndex)
    .where(where)
    .orderBy(sql`${rank} desc`, searchIndex.entityId)
    .limit(request.limit)
    .offset(request.offset);
  const [{ n }] = await db.select({ n: count() }).from(searchIndex).where(where);
  const hits = rows.map(({ rank: r, snippet, ...hit }) => ({
    ...hit,
    snippet: snippetHtml(snippet),
    score: Math.round(r * 1e6) / 1e6,
  }));
  return { hits, total: n };
}
