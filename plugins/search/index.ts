import { Elysia } from "elysia";
import {
  type AppContext,
  allows,
  authMacros,
  errorResponses,
  forbidden,
  invalid,
  readyJson,
  type Scope,
  tenantObjectNames,
} from "../../src/core";
import { searchIndexer } from "./indexer";
import { SEARCH_TYPES, SearchQuery, SearchResults, type SearchType } from "./model";

const BUILT_IN = Object.keys(SEARCH_TYPES) as SearchType[];

/** The read scope a type needs: a built-in type's, or a custom object's `<plural>:read`. */
const readScopeOf = (type: string) =>
  type in SEARCH_TYPES ? SEARCH_TYPES[type as SearchType] : `${type}:read`;

/**
 * The types to search: those named (each needs its read scope: 403
 * otherwise), or by default every type the key may read. The tenant's
 * custom objects are types too, under their plurals. The scope is checked
 * before the name, and errors list only readable types, so no answer tells
 * which object types the tenant has beyond those the key reads.
 */
function typesFor(value: string | undefined, scopes: Set<Scope>, objects: string[]): string[] {
  const all = [...BUILT_IN, ...objects];
  const readable = all.filter((type) => allows(scopes, readScopeOf(type)));
  if (value === undefined) return readable;
  const named = [
    ...new Set(
      value
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean),
    ),
  ];
  if (named.length === 0) throw invalid("/types", `name at least one of ${readable.join(", ")}`);
  for (const type of named) {
    const needed = readScopeOf(type);
    if (!allows(scopes, needed))
      throw forbidden(`Searching ${type} needs the ${needed} permission`);
    if (!all.includes(type))
      throw invalid("/types", `unknown type "${type}"; use ${readable.join(", ")}`);
  }
  return named;
}

/** Full-text search over contacts, companies, deals, leads, notes, MLS properties and custom objects' records, ranked; the background indexer with it. */
export const searchPlugin = (ctx: AppContext) => {
  ctx.workers.push(searchIndexer(ctx));
  return new Elysia({ name: "crmd.search" }).use(authMacros).get(
    "/search",
    async ({ query, tenantId, scopes }) => {
      if (!/[\p{L}\p{N}]/u.test(query.q)) throw invalid("/q", "needs a letter or a digit");
      const types = typesFor(
        query.types,
        scopes,
        await tenantObjectNames(ctx.db.primaryRead, tenantId),
      );
      const page = query.page ?? 1;
      const pageSize = query.page_size ?? 20;
      const { hits, total } = await ctx.db.dialect.fullTextSearch(ctx.db, {
        tenantId,
        types,
        text: query.q,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      const hasMore = page * pageSize < total;
      const answer: typeof SearchResults.static = {
        results: hits as typeof SearchResults.static.results,
        total,
        page,
        page_size: pageSize,
        has_more: hasMore,
      };
      return readyJson(answer, { page, has_more: hasMore, next_cursor: null });
    },
    {
      scope: "search:read",
      query: SearchQuery,
      response: { 200: SearchResults, ...errorResponses },
      detail: {
        operationId: "search",
        summary:
          "Search contacts, companies, deals, leads, notes, MLS properties and custom objects' records",
        description:
          "Names, emails, phone numbers, deal titles and descriptions, lead company names, note texts, MLS properties' titles, numbers, addresses, agents and descriptions, and the text values of custom objects' records (type: the object's plural), best match first. Needs search:read plus the read scope of each type searched.",
        tags: ["search"],
      },
    },
  );
};
