import { Elysia, t } from "elysia";
import { notes } from "../../db/schema";
import {
  type AppContext,
  authMacros,
  errorResponses,
  IdParams,
  listJson,
  listResponse,
  registerEventTypes,
  registerVersionedRecords,
  writeScope,
} from "../../src/core";
import { CreateNote, Note, NoteListQuery, UpdateNote } from "./model";
import { createNote, deleteNote, getNote, listNotes, updateNote } from "./service";

/** PATCH, PUT, DELETE and actions on `/notes/:id` honour If-Match on its version. */
registerVersionedRecords("/notes/:id", notes);

registerEventTypes(["note.created", "note.updated", "note.deleted"]);

const tags = ["notes"];

/** Notes on contacts, companies, deals, leads and tasks (seed 004's activities), with attachment links. */
export const notesPlugin = (ctx: AppContext) =>
  new Elysia({ name: "crmd.notes" })
    .use(authMacros)
    .get(
      "/notes",
      async ({ query, tenantId }) => {
        return listJson("notes", await listNotes(ctx, tenantId, query));
      },
      {
        scope: "notes:read",
        query: NoteListQuery,
        response: { 200: listResponse("notes", Note), ...errorResponses },
        detail: {
          summary:
            "List notes, all or one entity's (contact_id, company_id, deal_id, lead_id or task_id)",
          tags,
        },
      },
    )
    .post(
      "/notes",
      async ({ body, tenantId, actor, set }) => {
        set.status = 201;
        return createNote(ctx, writeScope(ctx, tenantId, actor), body);
      },
      {
        scope: "notes:write",
        body: CreateNote,
        response: { 201: Note, ...errorResponses },
        detail: {
          summary: "Attach a note to a contact, company, deal, lead or task",
          description:
            "Give exactly one of contact_id, company_id, deal_id, lead_id, task_id. `status` is for contact and company notes. seed 004's `activities:write` permission is accepted for notes:write.",
          tags,
        },
      },
    )
    .get("/notes/:id", ({ params, tenantId }) => getNote(ctx, tenantId, params.id), {
      scope: "notes:read",
      params: IdParams,
      response: { 200: Note, ...errorResponses },
      detail: { summary: "Get a note", tags },
    })
    .patch(
      "/notes/:id",
      ({ params, body, tenantId, actor }) =>
        updateNote(ctx, writeScope(ctx, tenantId, actor), params.id, body),
      {
        scope: "notes:write",
        params: IdParams,
        body: UpdateNote,
        response: { 200: Note, ...errorResponses },
        detail: { summary: "Update a note's text, status or attachments", tags },
      },
    )
    .delete(
      "/notes/:id",
      async ({ params, tenantId, actor, set }) => {
        await deleteNote(ctx, writeScope(ctx, tenantId, actor), params.id);
        set.status = 204;
      },
      {
        scope: "notes:write",
        params: IdParams,
        response: { 204: t.Void(), ...errorResponses },
        detail: { summary: "Delete a note (a tombstone stays in sync feeds)", tags },
      },
    );
