import { Elysia, t } from "elysia";
import { type AppContext, authMacros, errorResponses, JsonInteger } from "../../src/core";
import { CreateTenant, Tenant } from "./model";
import { createTenant, listTenants } from "./service";

export { createTenant, findTenant, listTenants } from "./service";

/** Tenants: created and listed by the operator (admin token). */
export const tenantsPlugin = (ctx: AppContext) =>
  new Elysia({ name: "crmd.tenants", detail: { tags: ["tenants"] } })
    .use(authMacros)
    .post(
      "/tenants",
      async ({ body, set }) => {
        set.status = 201;
        return createTenant(ctx.db, body.name, ctx.clock.now(), (fn) => ctx.write(fn));
      },
      {
        admin: true,
        body: CreateTenant,
        response: { 201: Tenant, ...errorResponses, 409: errorResponses[400] },
        detail: { summary: "Create a tenant", tags: ["tenants"] },
      },
    )
    .get(
      "/tenants",
      async () => {
        const tenants = await listTenants(ctx.db);
        return { tenants, total: tenants.length };
      },
      {
        admin: true,
        response: {
          200: t.Object({ tenants: t.Array(Tenant), total: JsonInteger() }),
          ...errorResponses,
        },
        detail: { summary: "List tenants", tags: ["tenants"] },
      },
    );
