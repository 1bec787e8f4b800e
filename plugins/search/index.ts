import { Elysia } from "elysia";
import {
  type AppContext,
  authMacros,
  errorResponses,
  forbidden,
  invalid,
  type Scope,
} from "../../src/core";
import { searchIndexer } from "./indexer";
import { SEARCH_TYPES, SearchQuery, SearchResults, type SearchType } from "./model";

/**
 * The types to search: those named (each needs its read scope: 403
 * otherwise), or by default every type the key may read.
 */
function typesFor(value: string | undefined, scopes: Set<Scope>): SearchType[] {
  const all = Object.keys(SEARCH_TYPES) as SearchType[];
  if (value === undefined) return all.filter((type) => scopes.has(SEARCH_TYPES[type]));
  const named = [
    ...new Set(
      value
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean),
    ),
  ];
  if (named.length === 0) throw invalid("/types", `name at least one of ${all.join(", ")}`);
  for (const type of named) {
    if (!(type in SEARCH_TYPES))
      throw invalid("/types", `unknown type "${type}"; use ${all.join(", ")}`);
    const needed = SEARCH_TYPES[type as SearchType];
    if (!scopes.has(needed)) throw forbidden(`Searching ${type} needs the ${needed} permission`);
  }
  return named as SearchType[];
}

/** Full-text search over contacts, companies, deals, leads and notes, ranked; the background indexer with it. */
export const searchPlugin = (ctx: AppContext) => {
  ctx.workers.push(searchIndexer(ctx));
  return new Elysia({ name: "crmd.search" }).use(authMacros).get(
    "/search",
    async ({ query, tenantId, scopes }) => {
      if (!/[\p{L}\p{N}]/u.test(query.q)) throw invalid("/q", "needs a letter or a digit");
      const types = typesFor(query.types, scopes);
      const page = query.page ?? 1;
      const pageSize = query.page_size ?? 20;
      const { hits, total } = await ctx.db.dialect.fullTextSearch(ctx.db, {
        tenantId,
        types,
        text: query.q,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return {
        results: hits as typeof SearchResults.static.results,
        total,
        page,
        page_size: pageSize,
        has_more: page * pageSize < total,
      };
    },
    {
      scope: "search:read",
      query: SearchQuery,
      response: { 200: SearchResults, ...errorResponses },
      detail: {
        summary: "Search contacts, companies, deals, leads and notes",
        description:
          "Names, emails, phone numbers, deal titles and descriptions, lead company names and note texts, best match first. Needs search:read plus the read scope of each type searched.",
        tags: ["search"],
      },
    },
  );
};
