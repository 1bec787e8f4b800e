import { afterAll, beforeAll, expect, test } from "bun:test";
import type { Database } from "../db/client";
import { openDatabase } from "../db/client";
import { migrate } from "../db/migrate";
import { customFieldDefinitions, deals } from "../db/schema";
import { customFieldFilters } from "../src/custom-fields";
import { buildListQueries, encodeCursor, type PageQuery } from "../src/pagination";
import { type Explainable, fullScans, planOf } from "./helpers/explain";

/**
 * A list filtered on a custom field reads the value index: EXPLAIN QUERY
 * PLAN of the SQL the deals list builds for `cf.*` parameters searches
 * custom_field_values by tenant, object, key and value, and never scans a
 * table, in every paging mode.
 */

let db: Database;
const TENANT = "00000000-0000-7000-8000-000000000001";
beforeAll(async () => {
  db = await openDatabase(":memory:");
  await migrate(db);
  const now = new Date("2026-06-15T12:00:00.000Z");
  const field = (key: string, type: string, options: string[] | null = null) => ({
    id: `def-${key}`,
    tenantId: TENANT,
    objectType: "deals",
    key,
    label: key,
    type,
    options,
    createdAt: now,
    updatedAt: now,
  });
  await db.transaction(async (tx) => {
    await tx
      .insert(customFieldDefinitions)
      .values([
        field("region", "select", ["emea", "amer"]),
        field("score", "number"),
        field("renewal_date", "date"),
        field("city", "text"),
      ]);
  });
});
afterAll(() => db.close());

const plan = (query: Explainable) => planOf(db, query);

const MODES: PageQuery[] = [
  {},
  { page: 3, page_size: 20 },
  { since: "2026-01-01T00:00:00Z" },
  { cursor: encodeCursor(1234) },
];

test.each([
  ["cf.region=emea", "value_text=?)"],
  ["cf.score[gte]=50", "value_text=? AND value_num>?)"],
  ["cf.score[lt]=50", "value_text=? AND value_num<?)"],
  ["cf.renewal_date[lt]=2026-07-01", "value_text<?)"],
  ["cf.region[in]=emea,amer", "value_text=?)"],
  // text compares in any letter case through the lower-case index: still a search by value
  ["cf.city=Z%C3%BCrich", "value_text=?)"],
])("%s searches the value index by %s", async (params, constraint) => {
  const filters = await customFieldFilters(db.read, TENANT, "deals", deals.id, `/deals?${params}`);
  expect(filters).toHaveLength(1);
  for (const query of MODES) {
    const built = buildListQueries({ db, table: deals, tenantId: TENANT, filters, query });
    for (const q of [built.rows, built.count]) {
      const steps = plan(q);
      expect({ query, scans: fullScans(steps) }).toEqual({ query, scans: [] });
      const search = steps.find((s) => s.includes("SEARCH custom_field_values USING PRIMARY KEY"));
      expect(search).toContain(`(tenant_id=? AND object_type=? AND field_key=? AND ${constraint}`);
    }
  }
});
