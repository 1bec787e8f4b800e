import { expect } from "bun:test";
import { and, asc, eq } from "drizzle-orm";
import { activityLog, companies, contacts, outboxEvents, partners } from "../db/schema";
import { newId } from "../src/ids";
import type { Api, TestServer } from "./helpers/server";

/** Shared set-up and readers for the pipelines, deals, leads and handoffs tests. */

export const SALES_STAGES = [
  { name: "Discovery", sla_hours: 24, probability: 10 },
  { name: "Proposal", sla_hours: 48 },
  { name: "Won", kind: "won" },
  { name: "Lost", kind: "lost" },
];

export async function createPipeline(api: Api, body: Record<string, unknown>) {
  const reply = await api.post("/api/external/pipelines", body);
  expect(reply.status).toBe(201);
  return reply.body;
}

/** A sales pipeline Discovery → Proposal → Won / Lost. */
export const salesPipeline = (api: Api, name = "Sales", extra: Record<string, unknown> = {}) =>
  createPipeline(api, { name, pipeline_type: "sales", stages: SALES_STAGES, ...extra });

/** A qualification pipeline Inbox → Working. */
export const qualificationPipeline = (api: Api, name = "Qualification") =>
  createPipeline(api, {
    name,
    pipeline_type: "qualification",
    first_response_hours: 4,
    stages: [{ name: "Inbox", sla_hours: 2 }, { name: "Working" }],
  });

export async function createDeal(api: Api, body: Record<string, unknown> = {}) {
  const reply = await api.post("/api/external/deals", { title: "Deal", ...body });
  expect(reply.status).toBe(201);
  return reply.body;
}

export async function createLead(api: Api, body: Record<string, unknown> = {}) {
  const reply = await api.post("/api/external/leads", { name: "Lead", ...body });
  expect(reply.status).toBe(201);
  return reply.body;
}

export interface StoredEvent {
  event_type: string;
  tenant_id: string;
  data: any;
  metadata: Record<string, any>;
}

/** Outbox events about one entity, in commit order, as webhook consumers get them. */
export async function eventsOf(server: TestServer, entityId: string): Promise<StoredEvent[]> {
  const rows = await server.ctx.db.read
    .select({ body: outboxEvents.body })
    .from(outboxEvents)
    .where(eq(outboxEvents.entityId, entityId))
    .orderBy(asc(outboxEvents.seq));
  return rows.map((r) => JSON.parse(r.body));
}

export async function eventCount(server: TestServer, tenantId: string): Promise<number> {
  const rows = await server.ctx.db.read
    .select({ seq: outboxEvents.seq })
    .from(outboxEvents)
    .where(eq(outboxEvents.tenantId, tenantId));
  return rows.length;
}

/** Activity rows about one entity, oldest first. */
export function activityOf(server: TestServer, tenantId: string, entityId: string) {
  return server.ctx.db.read
    .select()
    .from(activityLog)
    .where(and(eq(activityLog.tenantId, tenantId), eq(activityLog.entityId, entityId)))
    .orderBy(asc(activityLog.syncSeq));
}

export async function activityCount(server: TestServer, tenantId: string): Promise<number> {
  const rows = await server.ctx.db.read
    .select({ id: activityLog.id })
    .from(activityLog)
    .where(eq(activityLog.tenantId, tenantId));
  return rows.length;
}

/** The exact seed 001 list envelope (plus next_cursor). */
export function expectEnvelope(body: any, resource: string) {
  expect(Object.keys(body).sort()).toEqual(
    [resource, "total", "page", "page_size", "has_more", "next_cursor"].sort(),
  );
  expect(Array.isArray(body[resource])).toBe(true);
}

/** A 422 whose first field error points at `path`. */
export function expect422(reply: { status: number; body: any }, path: string) {
  expect(reply.status).toBe(422);
  expect(reply.body.code).toBe("VALIDATION_ERROR");
  expect(reply.body.errors[0].path).toBe(path);
}

/**
 * A partner, a contact and a company of the tenant, written straight to the
 * database: their plugins live elsewhere, the links only need the rows.
 */
export async function linkTargets(server: TestServer, tenantId: string) {
  const now = server.ctx.clock.now();
  const row = () => ({ id: newId(), tenantId, createdAt: now, updatedAt: now, syncSeq: 0 });
  const partner = { ...row(), name: `Partner ${newId()}` };
  const contact = { ...row(), firstName: "Cleo" };
  const company = { ...row(), name: "Acme" };
  await server.ctx.write(async (tx) => {
    await tx.insert(partners).values(partner);
    await tx.insert(contacts).values(contact);
    await tx.insert(companies).values(company);
  });
  return { partnerId: partner.id, contactId: contact.id, companyId: company.id };
}
