import { describe, expect, test } from "bun:test";
import { eq } from "drizzle-orm";
import type { WriteTx } from "../db/client";
import { idempotencyKeys } from "../db/schema";
import { ManualClock } from "../src/clock";
import { expect422, expectEnvelope } from "./helpers/api";
import { activityFor, changeCounts, eventsFor } from "./helpers/records";
import { useTestServer } from "./helpers/suite";
import { createDeal, createLead, qualificationPipeline, salesPipeline } from "./sales-fixtures";

const clock = new ManualClock(new Date("2026-03-02T09:00:00.000Z"));
const server = useTestServer({ clock });

const api = (path: string) => `/api/external${path}`;
const tick = () => clock.advance(1000);

describe("deal handoffs", () => {
  test("initiate, then complete: the deal changes owner, pipeline and stage in the same transaction", async () => {
    const { api: client } = await server.tenant();
    const sales = await salesPipeline(client);
    const enterprise = await salesPipeline(client, "Enterprise");
    const deal = await createDeal(client, { owner: "ann" });
    tick();
    const initiated = await client.post(api(`/deals/${deal.id}/handoff`), {
      to_owner: "bob",
      to_pipeline_id: enterprise.id,
      reason: "Enterprise account",
    });
    expect(initiated.status).toBe(201);
    const handoff = initiated.body;
    expect(handoff).toMatchObject({
      entity_type: "deal",
      entity_id: deal.id,
      from_owner: "ann",
      to_owner: "bob",
      from_pipeline_id: sales.id,
      to_pipeline_id: enterprise.id,
      to_stage_id: enterprise.stages[0].id,
      status: "pending",
      reason: "Enterprise account",
      completed_at: null,
      entity: deal,
    });
    const [initiatedEvent] = await eventsFor(server, handoff.id);
    expect(initiatedEvent).toMatchObject({ event_type: "handoff.initiated", data: handoff });

    tick();
    const completed = await client.post(api(`/handoffs/${handoff.id}/complete`));
    expect(completed.status).toBe(200);
    const now = clock.now().toISOString();
    expect(completed.body).toMatchObject({ status: "completed", completed_at: now });
    expect(completed.body.entity).toMatchObject({
      owner: "bob",
      pipeline_id: enterprise.id,
      stage_id: enterprise.stages[0].id,
      stage_entered_at: now,
    });
    expect((await client.get(api(`/deals/${deal.id}`))).body).toEqual(completed.body.entity);

    const dealEvents = await eventsFor(server, deal.id);
    expect(dealEvents.map((e) => e.event_type)).toEqual([
      "deal.created",
      "deal.updated",
      "deal.stage_changed",
    ]);
    expect(dealEvents[1].metadata.changed_fields).toContain("owner");
    expect(dealEvents[2].metadata).toMatchObject({
      old_stage: "Discovery",
      new_stage: "Discovery",
      old_stage_id: sales.stages[0].id,
      new_stage_id: enterprise.stages[0].id,
    });
    const handoffEvents = await eventsFor(server, handoff.id);
    expect(handoffEvents.map((e) => e.event_type)).toEqual([
      "handoff.initiated",
      "handoff.completed",
    ]);
    expect(handoffEvents[1].data).toEqual(completed.body);
    const activity = await activityFor(server, handoff.id);
    expect(activity.map((a) => [a.entityType, a.action])).toEqual([
      ["handoff", "initiated"],
      ["handoff", "completed"],
    ]);
    expect(activity[1].changes.status).toEqual({ old: "pending", new: "completed" });
    expect((await activityFor(server, deal.id)).at(-1)?.changes.owner).toEqual({
      old: "ann",
      new: "bob",
    });

    // completing (or cancelling) twice is a conflict
    expect((await client.post(api(`/handoffs/${handoff.id}/complete`))).status).toBe(409);
    expect((await client.post(api(`/handoffs/${handoff.id}/cancel`))).status).toBe(409);
  });

  test("422 for bad targets, 409 for a second pending handoff, 404 for a missing deal", async () => {
    const { api: client } = await server.tenant();
    const sales = await salesPipeline(client);
    const other = await salesPipeline(client, "Other");
    const qualification = await qualificationPipeline(client);
    const deal = await createDeal(client);
    const url = api(`/deals/${deal.id}/handoff`);
    expect422(await client.post(url, {}), "/to_owner");
    expect422(await client.post(url, { to_owner: "b", to_pipeline_id: "nope" }), "/to_pipeline_id");
    expect422(
      await client.post(url, { to_owner: "b", to_pipeline_id: qualification.id }),
      "/to_pipeline_id",
    );
    expect422(
      await client.post(url, { to_owner: "b", to_stage_id: qualification.stages[0].id }),
      "/to_stage_id",
    );
    expect422(
      await client.post(url, {
        to_owner: "b",
        to_pipeline_id: sales.id,
        to_stage_id: other.stages[0].id,
      }),
      "/to_stage_id",
    );
    const first = await client.post(url, { to_owner: "b", to_stage_id: other.stages[1].id });
    expect(first.body).toMatchObject({ to_pipeline_id: other.id, to_stage_id: other.stages[1].id });
    expect((await client.post(url, { to_owner: "c" })).status).toBe(409);
    expect((await client.post(api("/deals/nope/handoff"), { to_owner: "b" })).status).toBe(404);
  });

  test("a completion that fails leaves the deal, the handoff and the outbox as they were", async () => {
    const { api: client, tenantId } = await server.tenant();
    await salesPipeline(client);
    const target = await salesPipeline(client, "Target");
    const deal = await createDeal(client, { owner: "ann" });
    const handoff = (
      await client.post(api(`/deals/${deal.id}/handoff`), {
        to_owner: "bob",
        to_stage_id: target.stages[1].id,
      })
    ).body;
    // the target stage disappears before the handoff is accepted
    await client.delete(api(`/pipelines/${target.id}/stages/${target.stages[1].id}`));
    const events = (await changeCounts(server, tenantId)).events;
    const activity = (await changeCounts(server, tenantId)).activity;
    const refused = await client.post(api(`/handoffs/${handoff.id}/complete`));
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain("no longer exists");
    expect((await changeCounts(server, tenantId)).events).toBe(events);
    expect((await changeCounts(server, tenantId)).activity).toBe(activity);
    expect((await client.get(api(`/deals/${deal.id}`))).body).toEqual(deal);
    expect((await client.get(api(`/handoffs/${handoff.id}`))).body.status).toBe("pending");
    // so does its target pipeline: still a conflict, not a field of the (bodyless) request
    await client.post(api(`/handoffs/${handoff.id}/cancel`));
    const again = await client.post(api(`/deals/${deal.id}/handoff`), {
      to_owner: "bob",
      to_pipeline_id: target.id,
    });
    await client.delete(api(`/pipelines/${target.id}`));
    expect((await client.post(api(`/handoffs/${again.body.id}/complete`))).status).toBe(409);
  });
});

describe("deal handoffs accepted after the deal closed", () => {
  test("a move is 409 once the deal was won or lost after the handoff began: accepting never reopens it", async () => {
    const { api: client, tenantId } = await server.tenant();
    await salesPipeline(client);
    const enterprise = await salesPipeline(client, "Enterprise");
    const deal = await createDeal(client, { owner: "ann" });
    const handoff = (
      await client.post(api(`/deals/${deal.id}/handoff`), {
        to_owner: "bob",
        to_pipeline_id: enterprise.id,
      })
    ).body;
    tick();
    const won = (await client.patch(api(`/deals/${deal.id}`), { stage: "Won" })).body;
    expect(won).toMatchObject({ status: "won", won_at: clock.now().toISOString() });
    tick();
    const before = await changeCounts(server, tenantId);
    const refused = await client.post(api(`/handoffs/${handoff.id}/complete`));
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain("won after");
    expect((await client.get(api(`/deals/${deal.id}`))).body).toEqual(won);
    expect(await changeCounts(server, tenantId)).toEqual(before);
    expect((await client.post(api(`/handoffs/${handoff.id}/cancel`))).status).toBe(200);

    // A change of owner alone still completes on a closed deal.
    const lost = await createDeal(client, { owner: "ann" });
    const ownerOnly = (await client.post(api(`/deals/${lost.id}/handoff`), { to_owner: "cy" }))
      .body;
    tick();
    await client.patch(api(`/deals/${lost.id}`), { stage: "Lost", lost_reason: "price" });
    const reassigned = await client.post(api(`/handoffs/${ownerOnly.id}/complete`));
    expect(reassigned.status).toBe(200);
    expect(reassigned.body.entity).toMatchObject({ owner: "cy", status: "lost" });

    // A deal already lost when handed to another pipeline moves as asked (a win-back).
    tick();
    const winBack = (
      await client.post(api(`/deals/${lost.id}/handoff`), {
        to_owner: "dee",
        to_pipeline_id: enterprise.id,
      })
    ).body;
    const moved = await client.post(api(`/handoffs/${winBack.id}/complete`));
    expect(moved.status).toBe(200);
    expect(moved.body.entity).toMatchObject({
      owner: "dee",
      status: "open",
      pipeline_id: enterprise.id,
    });
  });
});

describe("lead handoffs and cancel", () => {
  test("a lead changes owner on completion (lead.updated); a cancelled handoff changes nothing", async () => {
    const { api: client } = await server.tenant();
    const qualification = await qualificationPipeline(client);
    const lead = await createLead(client, { owner: "ann" });
    const handoff = (
      await client.post(api(`/leads/${lead.id}/handoff`), {
        to_owner: "bob",
        to_stage_id: qualification.stages[1].id,
      })
    ).body;
    expect(handoff).toMatchObject({ entity_type: "lead", entity: lead, status: "pending" });
    const completed = await client.post(api(`/handoffs/${handoff.id}/complete`));
    expect(completed.body.entity).toMatchObject({ owner: "bob", stage: "Working" });
    const leadEvents = await eventsFor(server, lead.id);
    expect(leadEvents.at(-1)).toMatchObject({
      event_type: "lead.updated",
      metadata: { old_stage: "Inbox", new_stage: "Working" },
    });

    const second = (await client.post(api(`/leads/${lead.id}/handoff`), { to_owner: "cy" })).body;
    const cancelled = await client.post(api(`/handoffs/${second.id}/cancel`));
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: "cancelled", completed_at: null });
    expect((await eventsFor(server, second.id)).map((e) => e.event_type)).toEqual([
      "handoff.initiated",
      "handoff.cancelled",
    ]);
    expect((await client.post(api(`/handoffs/${second.id}/complete`))).status).toBe(409);
    expect((await client.get(api(`/leads/${lead.id}`))).body.owner).toBe("bob");
  });

  test("a handoff of a deleted deal cannot complete", async () => {
    const { api: client } = await server.tenant();
    await salesPipeline(client);
    const deal = await createDeal(client);
    const handoff = (await client.post(api(`/deals/${deal.id}/handoff`), { to_owner: "b" })).body;
    await client.delete(api(`/deals/${deal.id}`));
    expect((await client.post(api(`/handoffs/${handoff.id}/complete`))).status).toBe(409);
    expect((await client.get(api(`/handoffs/${handoff.id}`))).body.entity).toBeNull();
  });
});

describe("GET /handoffs", () => {
  test("the list envelope with entities, filters, since and cursor; another tenant sees nothing", async () => {
    const { api: client } = await server.tenant();
    const other = await server.tenant();
    await salesPipeline(client);
    await qualificationPipeline(client);
    const deal = await createDeal(client);
    const lead = await createLead(client);
    const dealHandoff = (await client.post(api(`/deals/${deal.id}/handoff`), { to_owner: "b" }))
      .body;
    tick();
    const since = clock.now().toISOString();
    const leadHandoff = (await client.post(api(`/leads/${lead.id}/handoff`), { to_owner: "b" }))
      .body;
    tick();
    await client.post(api(`/handoffs/${dealHandoff.id}/complete`));

    const all = await client.get(api("/handoffs"));
    expect(all.status).toBe(200);
    expectEnvelope(all.body, "handoffs");
    expect(all.body.total).toBe(2);
    expect(all.body.handoffs.map((h: any) => [h.id, h.entity.id])).toEqual([
      [leadHandoff.id, lead.id],
      [dealHandoff.id, deal.id],
    ]);
    const ids = async (query: string) =>
      (await client.get(api(`/handoffs?${query}`))).body.handoffs.map((h: any) => h.id);
    expect(await ids("status=pending")).toEqual([leadHandoff.id]);
    expect(await ids("status=completed")).toEqual([dealHandoff.id]);
    expect(await ids("entity_type=deal")).toEqual([dealHandoff.id]);
    expect(await ids(`entity_id=${lead.id}`)).toEqual([leadHandoff.id]);
    expect(await ids("page=2&page_size=1")).toEqual([dealHandoff.id]);
    // change feed: the lead handoff (created after `since`), then the completed deal handoff
    const feed = await client.get(api(`/handoffs?since=${encodeURIComponent(since)}`));
    expect(feed.body.handoffs.map((h: any) => h.id)).toEqual([leadHandoff.id, dealHandoff.id]);
    const firstPage = await client.get(api("/handoffs?cursor=&page_size=1"));
    const nextPage = await client.get(api(`/handoffs?cursor=${firstPage.body.next_cursor}`));
    expect([...firstPage.body.handoffs, ...nextPage.body.handoffs].map((h: any) => h.id)).toEqual([
      leadHandoff.id,
      dealHandoff.id,
    ]);
    expect422(await client.get(api("/handoffs?status=open")), "/status");
    expect422(await client.get(api("/handoffs?entity_type=task")), "/entity_type");
    expect422(await client.get(api("/handoffs?page_size=501")), "/page_size");

    expect((await client.get(api(`/handoffs/${leadHandoff.id}`))).body).toEqual(
      all.body.handoffs[0],
    );
    expect((await other.api.get(api(`/handoffs/${leadHandoff.id}`))).status).toBe(404);
    expect((await other.api.post(api(`/handoffs/${leadHandoff.id}/complete`))).status).toBe(404);
    expect((await other.api.post(api(`/handoffs/${leadHandoff.id}/cancel`))).status).toBe(404);
    expect((await other.api.post(api(`/deals/${deal.id}/handoff`), { to_owner: "x" })).status).toBe(
      404,
    );
    expect((await other.api.get(api("/handoffs"))).body.total).toBe(0);
  });
});

describe("scopes", () => {
  test("401 without a key; 403 for writes with handoffs:read and for a deals-only key", async () => {
    const { api: client, tenantId } = await server.tenant();
    await salesPipeline(client);
    const deal = await createDeal(client);
    const handoff = (await client.post(api(`/deals/${deal.id}/handoff`), { to_owner: "b" })).body;
    const reader = await server.keyFor(tenantId, ["handoffs:read", "deals:read"]);
    const dealsOnly = await server.keyFor(tenantId, ["deals:read", "deals:write"]);
    expect((await server.anonymous.get(api("/handoffs"))).status).toBe(401);
    expect((await reader.get(api("/handoffs"))).status).toBe(200);
    expect((await reader.get(api(`/handoffs/${handoff.id}`))).status).toBe(200);
    for (const key of [reader, dealsOnly]) {
      expect((await key.post(api(`/deals/${deal.id}/handoff`), { to_owner: "c" })).status).toBe(
        403,
      );
      expect((await key.post(api(`/handoffs/${handoff.id}/complete`))).status).toBe(403);
      expect((await key.post(api(`/handoffs/${handoff.id}/cancel`))).status).toBe(403);
    }
    expect((await dealsOnly.get(api("/handoffs"))).status).toBe(403);
  });
});

/** A tenant with both pipelines, one deal and one lead. */
async function tenantWithDealAndLead() {
  const { api: client, tenantId } = await server.tenant();
  await salesPipeline(client);
  await qualificationPipeline(client);
  return { client, tenantId, deal: await createDeal(client), lead: await createLead(client) };
}

describe("completing a handoff writes its record", () => {
  test("it needs deals:write (leads:write) besides handoffs:write; cancelling does not", async () => {
    const { client, tenantId, deal, lead } = await tenantWithDealAndLead();
    const dealHandoff = (await client.post(api(`/deals/${deal.id}/handoff`), { to_owner: "b" }))
      .body;
    const leadHandoff = (await client.post(api(`/leads/${lead.id}/handoff`), { to_owner: "b" }))
      .body;
    const handsOff = await server.keyFor(tenantId, ["handoffs:write", "deals:read", "leads:read"]);
    for (const [handoff, writes] of [
      [dealHandoff, "deals:write"],
      [leadHandoff, "leads:write"],
    ]) {
      const refused = await handsOff.post(api(`/handoffs/${handoff.id}/complete`));
      expect(refused.status).toBe(403);
      expect(refused.body.detail).toContain(writes);
    }
    expect((await client.get(api(`/deals/${deal.id}`))).body).toEqual(deal);
    expect((await client.get(api(`/handoffs/${dealHandoff.id}`))).body.status).toBe("pending");
    // Only the deal's write scope opens the deal's handoff.
    const dealWriter = await server.keyFor(tenantId, [
      "handoffs:write",
      "deals:read",
      "leads:read",
      "deals:write",
    ]);
    expect((await dealWriter.post(api(`/handoffs/${leadHandoff.id}/complete`))).status).toBe(403);
    const completed = await dealWriter.post(api(`/handoffs/${dealHandoff.id}/complete`));
    expect(completed.status).toBe(200);
    expect(completed.body.entity.owner).toBe("b");
    // A settled handoff is still 403 to a key that may not write its record, then 409.
    expect((await handsOff.post(api(`/handoffs/${dealHandoff.id}/complete`))).status).toBe(403);
    expect((await dealWriter.post(api(`/handoffs/${dealHandoff.id}/complete`))).status).toBe(409);
    expect((await handsOff.post(api(`/handoffs/${leadHandoff.id}/cancel`))).status).toBe(200);
  });
});

describe("what a key may read of a handoff", () => {
  test("a handoff shows only to keys that read its deal (lead): listed, fetched, completed or cancelled", async () => {
    const { client, tenantId, deal, lead } = await tenantWithDealAndLead();
    const dealHandoff = (await client.post(api(`/deals/${deal.id}/handoff`), { to_owner: "b" }))
      .body;
    const leadHandoff = (await client.post(api(`/leads/${lead.id}/handoff`), { to_owner: "b" }))
      .body;
    const seen = async (scopes: string[]) => {
      const key = await server.keyFor(tenantId, scopes);
      const list = await key.get(api("/handoffs"));
      const one = async (id: string) => {
        const got = await key.get(api(`/handoffs/${id}`));
        return got.status === 200 ? got.body.entity.id : got.status;
      };
      return {
        list: list.body.handoffs.map((h: any) => h.entity.id),
        total: list.body.total,
        deal: await one(dealHandoff.id),
        lead: await one(leadHandoff.id),
      };
    };
    expect(await seen(["handoffs:read"])).toEqual({ list: [], total: 0, deal: 404, lead: 404 });
    expect(await seen(["handoffs:read", "deals:read"])).toEqual({
      list: [deal.id],
      total: 1,
      deal: deal.id,
      lead: 404,
    });
    expect(await seen(["handoffs:read", "leads:read"])).toEqual({
      list: [lead.id],
      total: 1,
      deal: 404,
      lead: lead.id,
    });
    expect(await seen(["handoffs:read", "deals:read", "leads:read"])).toEqual({
      list: [lead.id, deal.id],
      total: 2,
      deal: deal.id,
      lead: lead.id,
    });
    // filters name no hidden type: 403, not an empty list
    const dealReader = await server.keyFor(tenantId, ["handoffs:read", "deals:read"]);
    expect((await dealReader.get(api("/handoffs?entity_type=lead"))).status).toBe(403);
    expect((await dealReader.get(api(`/handoffs?entity_id=${lead.id}`))).body.total).toBe(0);

    // a key that may hand off but not read deals learns nothing of them: 403 before the
    // deal is looked up (a missing one too), 404 for another's handoff of a deal
    const writer = await server.keyFor(tenantId, ["handoffs:write", "leads:read", "leads:write"]);
    const missing = Bun.randomUUIDv7();
    for (const id of [deal.id, missing])
      expect((await writer.post(api(`/deals/${id}/handoff`), { to_owner: "c" })).status).toBe(403);
    expect((await writer.post(api(`/handoffs/${dealHandoff.id}/complete`))).status).toBe(404);
    expect((await writer.post(api(`/handoffs/${dealHandoff.id}/cancel`))).status).toBe(404);
    expect((await client.get(api(`/handoffs/${dealHandoff.id}`))).body.status).toBe("pending");
    const completed = await writer.post(api(`/handoffs/${leadHandoff.id}/complete`));
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ status: "completed", entity: { owner: "b" } });
  });

  test("the event log shows handoff events only with handoffs:read and the entity's read scope", async () => {
    const { client, tenantId, deal, lead } = await tenantWithDealAndLead();
    await client.post(api(`/deals/${deal.id}/handoff`), { to_owner: "b" });
    await client.post(api(`/leads/${lead.id}/handoff`), { to_owner: "b" });
    const handoffEvents = async (scopes: string[]) => {
      const key = await server.keyFor(tenantId, ["events:read", ...scopes]);
      const { events } = (await key.get(api("/events?types=handoff.*"))).body;
      return events.map((e: any) => e.data.entity_type);
    };
    expect(await handoffEvents(["handoffs:read"])).toEqual([]);
    expect(await handoffEvents(["deals:read", "leads:read"])).toEqual([]);
    expect(await handoffEvents(["handoffs:read", "deals:read"])).toEqual(["deal"]);
    expect(await handoffEvents(["handoffs:read", "leads:read"])).toEqual(["lead"]);
    expect(await handoffEvents(["webhooks:manage"])).toEqual(["deal", "lead"]);
  });
});

describe("an Idempotency-Key replay of a handoff", () => {
  test("stored with the write, as the key (which reads the deal) got it", async () => {
    const { api: client, tenantId } = await server.tenant();
    await salesPipeline(client);
    const deal = await createDeal(client);
    const writer = await server.keyFor(tenantId, ["handoffs:write", "deals:read"]);
    const key = `handoff-${Bun.randomUUIDv7()}`;
    const original = server.ctx.write;
    const write = original.bind(server.ctx);
    let storedAtCommit: string | null = null;
    server.ctx.write = async <T>(fn: (tx: WriteTx) => Promise<T>): Promise<T> => {
      const result = await write(fn);
      const [row] = await server.ctx.db.read
        .select()
        .from(idempotencyKeys)
        .where(eq(idempotencyKeys.key, key));
      storedAtCommit ??= row?.body ?? null;
      return result;
    };
    try {
      const started = await writer.post(
        api(`/deals/${deal.id}/handoff`),
        { to_owner: "c" },
        { "idempotency-key": key },
      );
      expect(started.status).toBe(201);
      expect(started.body.entity).toEqual(deal);
    } finally {
      server.ctx.write = original;
    }
    expect(storedAtCommit).not.toBeNull();
    expect(JSON.parse(storedAtCommit ?? "null")).toMatchObject({
      entity_id: deal.id,
      entity: deal,
    });
  });
});
