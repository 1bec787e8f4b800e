import { count } from "drizzle-orm";
import { tenants } from "../db/schema";
import { seedTenant } from "../db/seed";
import { createKey } from "../plugins/api-keys";
import { createTenant } from "../plugins/tenants";
import type { AppContext } from "./context";
import { ApiError } from "./errors";

/** What the demo tenant starts with: enough to explore every endpoint. */
export const DEMO_DATA = { pipelines: 2, deals: 25, leads: 40, tasks: 30, partners: 5 };

/** The demo tenant's SMS sender: the fictional number (555-01xx) the API's SMS example sends from. */
const DEMO_SMS_NUMBERS = ["+14155550100"];

/**
 * On first start with an empty database: a `demo` tenant, sample data and one
 * API key, printed once with a ready curl line.
 */
export async function createDemoTenant(ctx: AppContext, baseUrl: string): Promise<string | null> {
  const [row] = await ctx.db.read.select({ n: count() }).from(tenants);
  if (row.n > 0) return null;
  const now = ctx.clock.now();
  let tenant: Awaited<ReturnType<typeof createTenant>>;
  try {
    tenant = await createTenant(ctx.db, "demo", now, undefined, DEMO_SMS_NUMBERS);
  } catch (error) {
    // Another instance starting on the same database made it first.
    if (error instanceof ApiError && error.status === 409) return null;
    throw error;
  }
  await seedTenant(ctx.db, tenant.id, DEMO_DATA, undefined, { now });
  const key = await createKey(
    ctx.db,
    { tenantId: tenant.id, name: "demo key", permissions: ["*"] },
    now,
  );
  const banner = [
    "",
    "crmd: created the demo tenant with sample data. Its API key (shown only this once):",
    "",
    `  ${key.key}`,
    "",
    "Try it:",
    `  curl -H "X-API-Key: ${key.key}" ${baseUrl}/api/external/deals`,
    `  Swagger UI: ${baseUrl}/swagger`,
    "",
  ].join("\n");
  // stderr: stdout carries only JSON log lines.
  process.stderr.write(`${banner}\n`);
  ctx.logger.info("demo tenant created", { tenant_id: tenant.id, key_prefix: key.key_prefix });
  return key.key;
}
