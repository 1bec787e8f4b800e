import { companies, contacts, partners } from "../db/schema";
import { newId } from "../src/ids";
import { created } from "./helpers/api";
import type { Api, TestServer } from "./helpers/server";

/** Shared set-up and readers for the pipelines, deals, leads and handoffs tests. */

export const SALES_STAGES = [
  { name: "Discovery", sla_hours: 24, probability: 10 },
  { name: "Proposal", sla_hours: 48 },
  { name: "Won", kind: "won" },
  { name: "Lost", kind: "lost" },
];

export const createPipeline = (api: Api, body: Record<string, unknown>) =>
  created(api, "/pipelines", body);

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

export const createDeal = (api: Api, body: Record<string, unknown> = {}) =>
  created(api, "/deals", { title: "Deal", ...body });

export const createLead = (api: Api, body: Record<string, unknown> = {}) =>
  created(api, "/leads", { name: "Lead", ...body });

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
