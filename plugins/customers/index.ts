import { Elysia } from "elysia";
import { contacts } from "../../db/schema";
import {
  type AppContext,
  answerStatus,
  asReplacement,
  authMacros,
  errorResponses,
  IdParams,
  linkedListResponse,
  listWithLinks,
  registerVersionedRecords,
  writeScope,
} from "../../src/core";
import { updateContact } from "../contacts";
import { Customer, CustomerListQuery, IdentifyCustomer, UpdateCustomer } from "./model";
import {
  assertIdentity,
  customerView,
  getCustomer,
  identifyCustomer,
  listCustomers,
} from "./service";

export { Customer, IdentifyCustomer } from "./model";
export {
  assertIdentity,
  type CustomerView,
  identifyCustomer,
  removeAnonymousCustomer,
} from "./service";

/** PATCH, PUT, DELETE and actions on `/customers/:id` honour If-Match on its version. */
registerVersionedRecords("/customers/:id", contacts);

const tags = ["customers"];

/** Seed 003's customers: crmd contacts, found or created by email or external id. */
export const customersPlugin = (ctx: AppContext) =>
  new Elysia({ name: "crmd.customers" })
    .use(authMacros)
    .post(
      "/customers/identify",
      async ({ body, tenantId, actor, request, set }) => {
        assertIdentity(body);
        const scope = writeScope(ctx, tenantId, actor);
        let created = false;
        // The write returns the answer and its status: an Idempotency-Key's replay is stored with it.
        const customer = await ctx.write(async (tx) => {
          const identified = await identifyCustomer(tx, scope, body);
          created = identified.created;
          answerStatus(request, created ? 201 : 200);
          return identified.customer;
        });
        set.status = created ? 201 : 200;
        return customer;
      },
      {
        scope: "contacts:write",
        body: IdentifyCustomer,
        response: { 200: Customer, 201: Customer, ...errorResponses },
        detail: {
          operationId: "identifyCustomer",
          summary: "Find or create the customer with this email and/or external id",
          description:
            "The contact linked to `external_id`, else the contact with this email (any of its emails), else a new contact (201). An `external_id` given is linked to the contact found. Calling it again with the same identity answers the same customer (200).",
          tags,
        },
      },
    )
    .get(
      "/customers",
      async ({ query, tenantId, request, scopes }) =>
        listWithLinks(
          ctx.db.read,
          tenantId,
          scopes,
          "contacts",
          query,
          () => listCustomers(ctx, tenantId, query, request.url),
          "customers",
        ),
      {
        scope: "contacts:read",
        query: CustomerListQuery,
        response: { 200: linkedListResponse("customers", Customer), ...errorResponses },
        detail: { summary: "List customers (the contacts, with their external ids)", tags },
      },
    )
    .get("/customers/:id", ({ params, tenantId }) => getCustomer(ctx, tenantId, params.id), {
      scope: "contacts:read",
      params: IdParams,
      response: { 200: Customer, ...errorResponses },
      detail: { summary: "Get a customer (a contact)", tags },
    })
    .patch(
      "/customers/:id",
      async ({ params, body, tenantId, actor }) =>
        customerView(
          ctx.db.read,
          tenantId,
          await updateContact(ctx, writeScope(ctx, tenantId, actor), params.id, body),
        ),
      {
        scope: "contacts:write",
        params: IdParams,
        body: UpdateCustomer,
        response: { 200: Customer, ...errorResponses },
        detail: { summary: "Update a customer (as PATCH /contacts/{id})", tags },
      },
    )
    .put(
      "/customers/:id",
      async ({ params, body, tenantId, actor }) => {
        const input = asReplacement(UpdateCustomer, body);
        const scope = writeScope(ctx, tenantId, actor);
        const contact = await updateContact(ctx, scope, params.id, input, true);
        return customerView(ctx.db.read, tenantId, contact);
      },
      {
        scope: "contacts:write",
        params: IdParams,
        body: UpdateCustomer,
        response: { 200: Customer, ...errorResponses },
        detail: {
          summary:
            "Replace a customer (as PUT /contacts/{id}: fields left out are emptied, except the opt-out flags)",
          tags,
        },
      },
    );
