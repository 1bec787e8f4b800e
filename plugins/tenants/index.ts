import { Elysia, t } from "elysia";
import { type AppContext, authMacros, errorResponses, JsonInteger } from "../../src/core";
import { CreateTenant, Tenant, TenantParams, UpdateTenant } from "./model";
import { createTenant, findTenant, listTenants, setSmsNumbers } from "./service";

export { MAX_SMS_NUMBERS } from "./model";
export {
  createTenant,
  findTenant,
  listTenants,
  setSmsNumbers,
  smsNumberOwner,
  smsNumbersOf,
} from "./service";

/** Tenants: created, listed and given their SMS sender numbers by the operator (admin token). */
export const tenantsPlugin = (ctx: AppContext) =>
  new Elysia({ name: "crmd.tenants", detail: { tags: ["tenants"] } })
    .use(authMacros)
    .post(
      "/tenants",
      async ({ body, set }) => {
        set.status = 201;
        return createTenant(
          ctx.db,
          body.name,
          ctx.clock.now(),
          (fn) => ctx.write(fn),
          body.sms_numbers,
        );
      },
      {
        admin: true,
        body: CreateTenant,
        response: { 201: Tenant, ...errorResponses, 409: errorResponses[400] },
        detail: {
          summary: "Create a tenant",
          description: "A name taken, or a sender number recorded for another tenant, is 409.",
          tags: ["tenants"],
        },
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
    )
    .get("/tenants/:tenant_id", async ({ params }) => findTenant(ctx.db, params.tenant_id), {
      admin: true,
      params: TenantParams,
      response: { 200: Tenant, ...errorResponses },
      detail: { summary: "Get a tenant", tags: ["tenants"] },
    })
    .patch(
      "/tenants/:tenant_id",
      async ({ params, body }) => {
        if (body.sms_numbers === undefined) return findTenant(ctx.db, params.tenant_id);
        return setSmsNumbers(ctx.db, params.tenant_id, body.sms_numbers, ctx.clock.now(), (fn) =>
          ctx.write(fn),
        );
      },
      {
        admin: true,
        params: TenantParams,
        body: UpdateTenant,
        response: { 200: Tenant, ...errorResponses, 409: errorResponses[400] },
        detail: {
          summary: "Update a tenant: its SMS sender numbers",
          description:
            "sms_numbers replaces the tenant's sender numbers (in E.164, in the order given; the first is its default sender). The tenant then sends SMS only from these (422 at /from otherwise), and an inbound SMS to one of them is accepted only at this tenant's webhook URL. A number recorded for another tenant is 409; release it there first.",
          tags: ["tenants"],
        },
      },
    );
