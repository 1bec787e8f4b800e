import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { eq, inArray, notInArray } from "drizzle-orm";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import type { Database } from "../db/client";
import { openDatabase } from "../db/client";
import { dialect } from "../db/dialect";
import { migrate } from "../db/migrate";
import { activityLog, conversations, deals, leads, messages, partners, tasks } from "../db/schema";
import { PHONE_COLUMNS, phoneRowsQuery } from "../db/search";
import { activityFilters } from "../plugins/activity/service";
import { recentActivityQuery } from "../plugins/companies/service";
import { messageFilters, newestSentFirst } from "../plugins/conversations/messages-service";
import { CONVERSATION_ORDERS } from "../plugins/conversations/service";
import { kpiQueries, periodRange } from "../plugins/kpis/service";
import { partnerFilters } from "../plugins/partners/service";
import { changedTasksQuery, dueWindowQuery } from "../plugins/sla/overdue-job";
import { taskFilters } from "../plugins/tasks/service";
import {
  buildListQueries,
  encodeCursor,
  type ListQueryOptions,
  type PageQuery,
} from "../src/pagination";
import { dueDeliveriesQuery, webhooksWithDueWorkQuery } from "../src/webhooks/claims";
import { type Explainable, fullScans, planOf } from "./helpers/explain";

/**
 * Every list filter, `since`, `cursor` and the KPI aggregates run on an
 * index: EXPLAIN QUERY PLAN of the exact SQL the services build has no
 * `SCAN <table>` (a full table scan), every search is scoped to the tenant,
 * and where a filter has its own index the search uses that column. Tags
 * (a JSON array) cannot be indexed: their lists walk a tenant-scoped index.
 */

let db: Database;
beforeAll(async () => {
  db = await openDatabase(":memory:");
  await migrate(db);
});
afterAll(() => db.close());

const TENANT = "00000000-0000-7000-8000-000000000001";
const NOW = new Date("2026-06-15T12:00:00.000Z");

const plan = (query: Explainable) => planOf(db, query);

/** Index searches on a table that are not scoped to one tenant. */
const unscoped = (steps: string[]) =>
  steps.filter((s) => s.startsWith("SEARCH") && !s.includes("(tenant_id=?"));

type Table = typeof deals | typeof leads | typeof tasks | typeof partners | typeof activityLog;

interface Case {
  name: string;
  table: Table;
  filters: ListQueryOptions["filters"];
  /** Column the index search must constrain (the filter has an index of its own). */
  searches?: string;
}

const MODES: Array<{ mode: string; query: PageQuery; searches?: string; windowEnd?: number }> = [
  { mode: "plain", query: {} },
  { mode: "page 3", query: { page: 3, page_size: 20 } },
  { mode: "since", query: { since: "2026-01-01T00:00:00Z" }, searches: "updated_at|created_at" },
  // a `since` page within its window walks the tenant's sync_seq index up to the window's end
  {
    mode: "since (window)",
    query: { since: "2026-01-01T00:00:00Z" },
    searches: "sync_seq",
    windowEnd: 5000,
  },
  { mode: "cursor from start", query: { cursor: "" } },
  { mode: "cursor", query: { cursor: encodeCursor(1234) }, searches: "sync_seq" },
];

const stageIds = ["s1", "s2"];
const cases: Case[] = [
  // deals: the expressions the deals plugin filters with
  { name: "deals", table: deals, filters: [] },
  { name: "deals status", table: deals, filters: [eq(deals.status, "open")], searches: "status" },
  { name: "deals stage", table: deals, filters: [eq(deals.stageId, "s1")], searches: "stage_id" },
  // a stage name can match one stage per pipeline; with several ids SQLite prefers
  // walking the created_at index to merging the ranges (no full scan either way)
  { name: "deals stage by name", table: deals, filters: [inArray(deals.stageId, stageIds)] },
  {
    name: "deals pipeline",
    table: deals,
    filters: [eq(deals.pipelineId, "p1")],
    searches: "pipeline_id",
  },
  { name: "deals owner", table: deals, filters: [eq(deals.owner, "ann")], searches: "owner" },
  {
    name: "deals partner",
    table: deals,
    filters: [eq(deals.partnerId, "x")],
    searches: "partner_id",
  },
  { name: "deals tags", table: deals, filters: [tagFilter(deals.tags)] },
  // leads
  { name: "leads", table: leads, filters: [] },
  { name: "leads status", table: leads, filters: [eq(leads.status, "new")], searches: "status" },
  { name: "leads tier", table: leads, filters: [eq(leads.tier, "A")], searches: "tier" },
  { name: "leads stage", table: leads, filters: [eq(leads.stageId, "s1")], searches: "stage_id" },
  {
    name: "leads pipeline",
    table: leads,
    filters: [eq(leads.pipelineId, "p1")],
    searches: "pipeline_id",
  },
  { name: "leads owner", table: leads, filters: [eq(leads.owner, "ann")], searches: "owner" },
  {
    name: "leads partner",
    table: leads,
    filters: [eq(leads.partnerId, "x")],
    searches: "partner_id",
  },
  { name: "leads tags", table: leads, filters: [tagFilter(leads.tags)] },
];

/** The dialect's tag filter, as the plugins build it. */
function tagFilter(column: typeof deals.tags | typeof leads.tags) {
  return dialect.hasAllTags(column, ["vip", "emea"]);
}

/** The plugins' own filter builders, one case per filter. */
function pluginCases(): Case[] {
  const task = (name: string, query: Record<string, string>, searches?: string): Case => ({
    name: `tasks ${name}`,
    table: tasks,
    filters: taskFilters(query, NOW, db),
    searches,
  });
  const partner = (name: string, query: Record<string, string>): Case => ({
    name: `partners ${name}`,
    table: partners,
    filters: partnerFilters(query as never, db),
  });
  const activity = (name: string, query: Record<string, string>, searches?: string): Case => ({
    name: `activity ${name}`,
    table: activityLog,
    // As for a seed 001 `read` key: a list that could hold webhooks' and SLA rows leaves them out.
    filters: activityFilters(
      query,
      query.entity_type || query.entity_id
        ? undefined
        : notInArray(activityLog.entityType, ["webhook", "sla"]),
    ),
    searches,
  });
  return [
    task("", {}),
    task("pending", { status: "pending" }, "status"),
    task("completed", { status: "completed" }, "status"),
    task("overdue", { status: "overdue" }, "status"),
    task("priority", { priority: "high" }, "priority"),
    task("owner", { owner: "ann" }, "owner"),
    task("deal", { deal_id: "d" }, "deal_id"),
    task("lead", { lead_id: "l" }, "lead_id"),
    task("contact", { contact_id: "c" }, "contact_id"),
    task("company", { company_id: "c" }, "company_id"),
    task("due before", { due_before: "2026-07-01T00:00:00Z" }),
    task("due after", { due_after: "2026-07-01T00:00:00Z" }),
    task("tags", { tags: "a,b" }),
    // a tenant has few partners: status, type and tags filters ride the tenant's index
    partner("", {}),
    partner("status", { status: "active" }),
    partner("type", { partner_type: "reseller" }),
    partner("tags", { tags: "gold" }),
    activity("", {}),
    activity("entity type", { entity_type: "deal" }, "entity_type"),
    activity("entity id", { entity_id: "e" }, "entity_id"),
    activity("entity", { entity_type: "deal", entity_id: "e" }, "entity_id"),
    activity("action", { action: "updated" }),
  ];
}

describe("list queries use indexes", () => {
  test("every filter in every paging mode, page and count queries", () => {
    const failures: string[] = [];
    for (const c of [...cases, ...pluginCases()]) {
      for (const { mode, query, searches: modeSearch, windowEnd } of MODES) {
        const built = buildListQueries(
          { db, table: c.table, tenantId: TENANT, filters: c.filters, query },
          windowEnd,
        );
        for (const [kind, q] of [
          ["page", built.rows],
          ["count", built.count],
        ] as const) {
          const steps = plan(q);
          const label = `${c.name} / ${mode} / ${kind}: ${steps.join(" | ")}`;
          if (fullScans(steps).length) failures.push(`full scan: ${label}`);
          if (!steps.some((s) => s.startsWith("SEARCH"))) failures.push(`no search: ${label}`);
          if (unscoped(steps).length) failures.push(`not tenant-scoped: ${label}`);
          // Plain lists (page and count) search on the filter's own index. A feed page
          // searches on updated_at (since) or sync_seq (cursor), or on the filter's index;
          // a feed count (no cursor bound) only needs to be tenant-scoped. Tag filters
          // cannot be indexed: with since, SQLite walks the tenant's sync_seq index.
          const feed = mode.startsWith("since") || mode.startsWith("cursor");
          const tagsSince = c.name.endsWith("tags") && mode === "since";
          const expected = !feed
            ? c.searches
            : kind === "page" && !tagsSince && modeSearch
              ? [modeSearch, c.searches].filter(Boolean).join("|")
              : undefined;
          if (expected && !steps.some((s) => new RegExp(`\\b(${expected})[=<>]`).test(s)))
            failures.push(`search not on ${expected}: ${label}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

describe("message lists", () => {
  test("newest sent first without sorting: a conversation's on its own index, page and count", () => {
    const build = (query: Record<string, string>) =>
      buildListQueries({
        db,
        table: messages,
        tenantId: TENANT,
        filters: messageFilters(query),
        query,
        order: newestSentFirst,
      });
    const all = build({});
    expect(plan(all.rows)).toEqual([
      "SEARCH messages USING INDEX messages_tenant_sent_idx (tenant_id=?)",
    ]);
    const thread = build({ conversation_id: "c" });
    const onThread =
      "SEARCH messages USING INDEX messages_conversation_sent_idx (tenant_id=? AND conversation_id=?)";
    expect(plan(thread.rows)).toEqual([onThread]);
    expect(plan(thread.count)).toEqual([onThread]);
  });
});

describe("conversation lists", () => {
  test("by latest activity, either way, on their own index without sorting", () => {
    for (const sort of ["-last_message_at", "last_message_at"] as const) {
      const { rows } = buildListQueries({
        db,
        table: conversations,
        tenantId: TENANT,
        filters: [eq(conversations.status, "open")],
        query: { page: 2 },
        order: CONVERSATION_ORDERS[sort],
      });
      expect({ sort, plan: plan(rows) }).toEqual({
        sort,
        plan: ["SEARCH conversations USING INDEX conversations_tenant_activity_idx (tenant_id=?)"],
      });
    }
  });
});

describe("KPI queries use indexes", () => {
  test("one aggregate query per table, each part a search on an index", () => {
    for (const period of ["week", "month", "quarter", "year"] as const) {
      const queries = kpiQueries(db.read, TENANT, periodRange(period, NOW), NOW);
      for (const [table, query] of Object.entries(queries)) {
        const steps = plan(query);
        expect({ table, scans: fullScans(steps) }).toEqual({ table, scans: [] });
        const searches = steps.filter((s) => s.startsWith("SEARCH"));
        // deals: open count + won + lost + open value + won value; leads and tasks: two parts
        expect({ table, searches: searches.length }).toEqual({
          table,
          searches: table === "deals" ? 5 : 2,
        });
        expect(
          searches.every(
            (s) => / USING (COVERING |PRIMARY KEY )?INDEX \w+ /.test(s) || /PRIMARY KEY/.test(s),
          ),
        ).toBe(true);
      }
    }
  });

  test("the deal parts read the live-row partial indexes; open value is one row of the totals", () => {
    const steps = plan(kpiQueries(db.read, TENANT, periodRange("month", NOW), NOW).deals);
    const indexes = steps.flatMap((s) => /USING (?:COVERING )?INDEX (\w+)/.exec(s)?.[1] ?? []);
    expect(indexes).toEqual([
      "deals_tenant_status_idx",
      "deals_tenant_status_idx",
      "deals_tenant_status_idx",
      "sqlite_autoindex_tenant_deal_totals_1",
      "deals_tenant_won_idx",
    ]);
  });
});

describe("webhook claims", () => {
  /** Placeholders stay unbound: these plans do not depend on their values. */
  const unboundPlan = (query: Explainable): string[] => {
    const rows = db.raw?.query(`EXPLAIN QUERY PLAN ${query.toSQL().sql}`).all() ?? [];
    return (rows as Array<{ detail: string }>).map((r) => r.detail);
  };

  test("a claim's reads search the pending-only delivery indexes, never every delivery", () => {
    const withWork = unboundPlan(webhooksWithDueWorkQuery(db.read));
    expect(withWork.join("\n")).toContain("USING COVERING INDEX webhook_deliveries_due_idx");
    const picks = unboundPlan(dueDeliveriesQuery(db.read, db.dialect));
    expect(picks.join("\n")).toContain("USING INDEX webhook_deliveries_due_idx");
    expect(picks.join("\n")).toContain("USING COVERING INDEX webhook_deliveries_entity_idx");
    expect(fullScans([...withWork, ...picks])).toEqual([]);
  });
});

describe("search indexing", () => {
  test("the phone words of a batch look its rows up by doc_id, not through every record of the type", () => {
    const dialect = new SQLiteSyncDialect();
    for (const table of Object.keys(PHONE_COLUMNS) as Array<keyof typeof PHONE_COLUMNS>) {
      const query = phoneRowsQuery(table, JSON.stringify([1, 2, 3]));
      const steps = plan({ toSQL: () => dialect.sqlToQuery(query) });
      expect({ table, doc: steps.find((s) => / d /.test(s)) }).toEqual({
        table,
        doc: "SEARCH d USING INTEGER PRIMARY KEY (rowid=?)",
      });
      expect(fullScans(steps)).toEqual([]);
    }
  });
});

describe("overdue scheduler", () => {
  test("its reads walk the due and sync_seq indexes and leave out emitted tasks with a probe of the claims' unique index", () => {
    const since = new Date(NOW.getTime() - 60_000);
    const reads = {
      window: plan(dueWindowQuery(db.read, since, NOW)),
      first: plan(dueWindowQuery(db.read, null, NOW)),
      changed: plan(changedTasksQuery(db.read, 100, 5000, 2000)),
    };
    expect(reads.window.join("\n")).toMatch(/SEARCH tasks USING INDEX tasks_(tenant_)?due_idx/);
    expect(reads.changed.join("\n")).toContain("SEARCH tasks USING INDEX tasks_seq_idx");
    for (const steps of Object.values(reads)) {
      expect(steps.join("\n")).toContain(
        "sla_emissions USING COVERING INDEX sla_emissions_clock_idx",
      );
      expect(fullScans(steps)).toEqual([]);
    }
  });
});

describe("activity log", () => {
  test("five indexes: an entity's rows, with or without its type, in list and in feed order", () => {
    const names = (
      (db.raw?.query("PRAGMA index_list(activity_log)").all() ?? []) as Array<{ name: string }>
    )
      .map((r) => r.name)
      .filter((name) => !name.startsWith("sqlite_autoindex"))
      .sort();
    expect(names).toEqual([
      "activity_tenant_created_idx",
      "activity_tenant_entity_created_idx",
      "activity_tenant_entity_seq_idx",
      "activity_tenant_seq_idx",
      "activity_tenant_type_created_idx",
    ]);
  });

  test("one entity's change feed is read on its own index, not by walking the tenant's log", () => {
    for (const filter of [{ entity_id: "e" }, { entity_type: "deal", entity_id: "e" }]) {
      for (const query of [{ cursor: encodeCursor(1234) }, { cursor: "" }]) {
        const built = buildListQueries({
          db,
          table: activityLog,
          tenantId: TENANT,
          filters: activityFilters(filter),
          query,
        });
        expect(plan(built.rows)[0]).toStartWith(
          "SEARCH activity_log USING INDEX activity_tenant_entity_seq_idx (tenant_id=? AND entity_id=?",
        );
      }
    }
  });

  test("a company's latest rows are read in order on the entity's feed index", () => {
    expect(plan(recentActivityQuery(db.read, TENANT, "c"))).toEqual([
      "SEARCH activity_log USING INDEX activity_tenant_entity_seq_idx (tenant_id=? AND entity_id=?)",
    ]);
  });
});
