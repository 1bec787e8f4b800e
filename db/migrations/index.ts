/**
 * Migrations, embedded into the binary as text. Append new files here in
 * order; an applied migration is never edited. Statements are separated by
 * `--> statement-breakpoint` (drizzle-kit's convention).
 */
import core from "./0001_core.sql" with { type: "text" };
import sales from "./0002_sales.sql" with { type: "text" };
import crm from "./0003_crm.sql" with { type: "text" };
import workIndexes from "./0110_work_indexes.sql" with { type: "text" };
import partnerNames from "./0111_partner_names.sql" with { type: "text" };
import dealLeadFilterIndexes from "./0112_deal_lead_filter_indexes.sql" with { type: "text" };

export interface Migration {
  id: string;
  sql: string;
}

export const migrations: Migration[] = [
  { id: "0001_core", sql: core },
  { id: "0002_sales", sql: sales },
  { id: "0003_crm", sql: crm },
  { id: "0110_work_indexes", sql: workIndexes },
  { id: "0111_partner_names", sql: partnerNames },
  { id: "0112_deal_lead_filter_indexes", sql: dealLeadFilterIndexes },
];
