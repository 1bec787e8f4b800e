/**
 * What creating deals costs PostgreSQL, counted, not timed: the creates of
 * one group-commit batch share one transaction (no subtransaction each) and
 * one INSERT a table for the deals, their activity rows and their events,
 * and their triggers one statement a table for the search queue and the
 * tenant's open value.
 * Runs in the PostgreSQL run.
 */
import { describe, expect, test } from "bun:test";
import { createDealInTx } from "../plugins/deals/service";
import { writeScope } from "../src/core";
import { testPostgresUrl } from "./helpers/database";
import { insertStatements } from "./helpers/statements";
import { useTestServer } from "./helpers/suite";
import { salesPipeline } from "./sales-fixtures";

/** The tables a create writes: itself, its activity row, its event; its triggers' search queue and open value. */
const TABLES = [
  "deals",
  "activity_log",
  "outbox_events",
  "search_docs",
  "search_pending",
  "tenant_deal_totals",
];

describe.skipIf(!testPostgresUrl)("deal creates on PostgreSQL", () => {
  const server = useTestServer();

  test("the creates of one batch: one transaction, one INSERT a table; feeds and events in create order", async () => {
    const { api, tenantId } = await server.tenant();
    await salesPipeline(api);
    const { ctx } = server;
    const scope = writeScope(ctx, tenantId, { type: "system", id: null, name: null });
    const titles = ["d-1", "d-2", "d-3", "d-4", "d-5", "d-6"];
    let created: Array<{ id: string; title: string }> = [];
    // All queue in this turn of the event loop, so they share one batch.
    const statements = await insertStatements(server.ctx.db, TABLES, async () => {
      created = await Promise.all(
        titles.map((title, i) =>
          ctx.write((tx) => createDealInTx(tx, scope, { title, value: 100 * (i + 1) })),
        ),
      );
    });
    expect(statements).toEqual({
      activity_log: 1,
      deals: 1,
      outbox_events: 1,
      search_docs: 1,
      search_pending: 1,
      tenant_deal_totals: 1,
    });
    const writers = await ctx.db.execute(
      "SELECT count(DISTINCT xmin::text)::int AS n FROM deals WHERE tenant_id = ?",
      [tenantId],
    );
    expect(Number(writers[0].n)).toBe(1);
    // The sync feed and the outbox follow the creates' order.
    const feed = await api.get(`/api/external/deals?since=2000-01-01T00:00:00Z&page_size=50`);
    expect(feed.body.deals.map((d: { title: string }) => d.title)).toEqual(titles);
    const events = await ctx.db.execute(
      "SELECT entity_id FROM outbox_events WHERE tenant_id = ? AND event_type = 'deal.created' ORDER BY seq",
      [tenantId],
    );
    expect(events.map((row) => row.entity_id)).toEqual(created.map((d) => d.id));
    // Each deal is queued for search and counted in the open value, as one by one.
    const totals = await ctx.db.execute(
      "SELECT (SELECT count(*)::int FROM search_docs d JOIN deals x ON x.id = d.entity_id WHERE x.tenant_id = ?) AS queued",
      [tenantId],
    );
    expect(Number(totals[0].queued)).toBe(titles.length);
    const kpis = await api.get("/api/external/kpis?period=month");
    expect(kpis.body.pipeline.value).toBe(2100);
  });
});
