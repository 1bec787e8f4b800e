import { Elysia, t } from "elysia";
import { contacts } from "../../db/schema";
import {
  type AppContext,
  asReplacement,
  authMacros,
  BulkResult,
  bulkRequest,
  errorResponses,
  IdParams,
  includeAssociations,
  linkedListResponse,
  listWithLinks,
  RecordQuery,
  registerCustomFieldObject,
  registerEventTypes,
  registerVersionedRecords,
  runBulk,
  upsert,
  withAssociations,
  writeScope,
} from "../../src/core";
import { Contact, ContactInput, ContactListQuery } from "./model";
import {
  applyContactUpdate,
  createContact,
  deleteContact,
  findContactByEmail,
  getContact,
  insertContact,
  listContacts,
  updateContact,
} from "./service";

export {
  recordSuppressionChanges,
  Suppression,
  type SuppressionRow,
  type SuppressionView,
  suppressionView,
  textedStop,
} from "./consent";
export { Contact, ContactInput, ContactListQuery } from "./model";
export {
  applyContactUpdate,
  type ContactView,
  contactsOfCompany,
  contactsWithEmail,
  contactView,
  findContactByEmail,
  getContact,
  insertContact,
  listContacts,
  removeContact,
  updateContact,
} from "./service";

/** PATCH, PUT, DELETE and actions on `/contacts/:id` honour If-Match on its version. */
registerVersionedRecords("/contacts/:id", contacts);

registerEventTypes(["contact.created", "contact.updated", "contact.deleted"]);
// The tenant's suppression list, which contacts' opt-outs write (its API: plugins/interactions).
registerEventTypes(["suppression.created", "suppression.deleted"]);

const tags = ["contacts"];

registerCustomFieldObject({ name: "contacts", table: contacts });

/** Contacts (people): seed 004's shape, several emails and phones, tags, sync feed, bulk upsert. */
export const contactsPlugin = (ctx: AppContext) =>
  new Elysia({ name: "crmd.contacts" })
    .use(authMacros)
    .get(
      "/contacts",
      async ({ query, tenantId, request, scopes }) => {
        return listWithLinks(ctx.db.read, tenantId, scopes, "contacts", query, () =>
          listContacts(ctx, tenantId, query, request.url),
        );
      },
      {
        scope: "contacts:read",
        query: ContactListQuery,
        response: { 200: linkedListResponse("contacts", Contact), ...errorResponses },
        detail: { summary: "List contacts (filters: email, search, company_id, tags)", tags },
      },
    )
    .post(
      "/contacts",
      async ({ body, tenantId, actor, set }) => {
        set.status = 201;
        return createContact(ctx, writeScope(ctx, tenantId, actor), body);
      },
      {
        scope: "contacts:write",
        body: ContactInput,
        response: { 201: Contact, ...errorResponses },
        detail: { summary: "Create a contact (needs a name or an email)", tags },
      },
    )
    .post(
      "/contacts/bulk",
      async ({ body, tenantId, actor }) => {
        const scope = writeScope(ctx, tenantId, actor);
        return runBulk(ctx, body.records, ContactInput, async (tx, record) => {
          const email = record.email?.[0]?.email;
          const existing = email ? await findContactByEmail(tx, tenantId, email) : undefined;
          return upsert(
            existing,
            (row) => applyContactUpdate(tx, scope, row, record),
            () => insertContact(tx, scope, record),
          );
        });
      },
      {
        scope: "contacts:write",
        body: bulkRequest("A contact, as in POST /contacts", ContactInput.examples[0]),
        response: { 200: BulkResult, ...errorResponses },
        detail: {
          operationId: "bulkUpsertContacts",
          summary: "Create or update up to 500 contacts, matched by their first email",
          description:
            "A record whose first email (case-insensitive) belongs to a live contact updates that contact (fields absent stay); other records create contacts. One transaction; each record succeeds or fails alone, with per-record results.",
          tags,
        },
      },
    )
    .get(
      "/contacts/:id",
      async ({ params, query, tenantId, scopes }) =>
        includeAssociations(
          ctx.db.read,
          tenantId,
          scopes,
          "contacts",
          await getContact(ctx, tenantId, params.id),
          query.include,
        ),
      {
        scope: "contacts:read",
        params: IdParams,
        query: RecordQuery,
        response: { 200: withAssociations(Contact), ...errorResponses },
        detail: { summary: "Get a contact", tags },
      },
    )
    .patch(
      "/contacts/:id",
      ({ params, body, tenantId, actor }) =>
        updateContact(ctx, writeScope(ctx, tenantId, actor), params.id, body),
      {
        scope: "contacts:write",
        params: IdParams,
        body: ContactInput,
        response: { 200: Contact, ...errorResponses },
        detail: { summary: "Update a contact (fields absent stay as they are)", tags },
      },
    )
    .put(
      "/contacts/:id",
      ({ params, body, tenantId, actor }) => {
        const input = asReplacement(ContactInput, body);
        return updateContact(ctx, writeScope(ctx, tenantId, actor), params.id, input, true);
      },
      {
        scope: "contacts:write",
        params: IdParams,
        body: ContactInput,
        response: { 200: Contact, ...errorResponses },
        detail: {
          summary:
            "Replace a contact (seed 000's PUT of a client: fields left out are emptied, except the opt-out flags, which are kept)",
          tags,
        },
      },
    )
    .delete(
      "/contacts/:id",
      async ({ params, tenantId, actor, set }) => {
        await deleteContact(ctx, writeScope(ctx, tenantId, actor), params.id);
        set.status = 204;
      },
      {
        scope: "contacts:write",
        params: IdParams,
        response: { 204: t.Void(), ...errorResponses },
        detail: { summary: "Delete a contact (a tombstone stays in sync feeds)", tags },
      },
    );
