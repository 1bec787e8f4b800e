import { and, count, eq, inArray, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { ReadDb } from "./client";

/**
 * Full-text search, SQLite flavour: the FTS5 table `search_index` that
 * migration 0400 creates and its triggers keep in step with contacts,
 * companies, deals, leads and notes (soft-deleted rows leave it). Not part of
 * the drizzle schema: another backend brings its own index behind the same
 * two functions.
 */
const searchIndex = sqliteTable("search_index", {
  tenantId: text("tenant_id").notNull(),
  /** contacts | companies | deals | leads | notes */
  entityType: text("entity_type").notNull(),
  entityId: text("entity_id").notNull(),
  title: text("title").notNull(),
  body: text("body").notNull(),
});

const MAX_WORDS = 16;

/**
 * User text as an FTS5 query: every word must occur, each as a word prefix
 * ("jan smi" finds Jane Smith). Only letters and digits reach the query, so
 * nothing the user types is FTS syntax. Null when there is no word.
 */
export function ftsQuery(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words
    .slice(0, MAX_WORDS)
    .map((word) => `"${word}"*`)
    .join(" ");
}

const matching = (tenantId: string, types: readonly string[], query: string) =>
  and(
    sql`search_index match ${query}`,
    eq(searchIndex.tenantId, tenantId),
    inArray(searchIndex.entityType, [...types]),
  );

/** `idColumn` names a row of `entityType` whose indexed text matches `text` (list `search` filters). */
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

/** Ranked hits of one tenant, best first, and how many there are in all. */
export async function fullTextSearch(
  db: ReadDb,
  request: SearchRequest,
): Promise<{ hits: SearchHit[]; total: number }> {
  const query = ftsQuery(request.text);
  if (query === null || request.types.length === 0) return { hits: [], total: 0 };
  const where = matching(request.tenantId, request.types, query);
  const rows = await db
    .select({
      type: searchIndex.entityType,
      id: searchIndex.entityId,
      // Notes have no title: their first characters stand in.
      title: sql<string>`case when ${searchIndex.title} = '' then substr(${searchIndex.body}, 1, 80) else ${searchIndex.title} end`,
      snippet: sql<string>`snippet(search_index, -1, '<mark>', '</mark>', '…', 12)`,
      rank: bm25,
    })
    .from(searchIndex)
    .where(where)
    .orderBy(bm25, searchIndex.entityId)
    .limit(request.limit)
    .offset(request.offset);
  const [{ n }] = await db.select({ n: count() }).from(searchIndex).where(where);
  const hits = rows.map(({ rank, ...hit }) => ({ ...hit, score: Math.round(-rank * 1e6) / 1e6 }));
  return { hits, total: n };
}
