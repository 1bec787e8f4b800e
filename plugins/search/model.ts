import { t } from "elysia";
import { JsonInteger, MAX_PAGE } from "../../src/core";

/** What search covers, each with the read scope a caller needs to see it. */
export const SEARCH_TYPES = {
  contacts: "contacts:read",
  companies: "companies:read",
  deals: "deals:read",
  leads: "leads:read",
  notes: "notes:read",
  properties: "mls:read",
} as const;
export type SearchType = keyof typeof SEARCH_TYPES;

export const SearchQuery = t.Object({
  q: t.String({
    minLength: 1,
    maxLength: 200,
    description: "Words to find; each matches as a word prefix, all must occur",
    examples: ["ada"],
  }),
  types: t.Optional(
    t.String({
      description:
        "Comma-separated subset of contacts, companies, deals, leads, notes, properties (MLS) and the tenant's custom objects' plurals. Default: every type the key may read; naming a type the key may not read is 403",
      examples: ["contacts,companies"],
    }),
  ),
  page: t.Optional(JsonInteger({ minimum: 1, maximum: MAX_PAGE, default: 1 })),
  page_size: t.Optional(JsonInteger({ minimum: 1, maximum: 100, default: 20 })),
});

export const SearchResults = t.Object({
  results: t.Array(
    t.Object({
      type: t.String({
        description:
          "contacts, companies, deals, leads, notes, properties, or a custom object's plural",
      }),
      id: t.String(),
      title: t.String({
        description: "Name or title (a note's first characters; a custom record's display)",
      }),
      snippet: t.String({
        description:
          "Matching text as HTML: the record's text escaped, matches wrapped in <mark></mark>",
      }),
      score: t.Number({ description: "Relevance, higher is better (bm25)" }),
    }),
  ),
  total: JsonInteger(),
  page: JsonInteger(),
  page_size: JsonInteger(),
  has_more: t.Boolean(),
});
