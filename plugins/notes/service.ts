import { eq } from "drizzle-orm";
import type { Static } from "elysia";
import { companies, contacts, deals, leads, notes, tasks } from "../../db/schema";
import {
  type AppContext,
  assertLinked,
  findLive,
  insertRow,
  invalid,
  lifecycleFields,
  listPage,
  newId,
  presentFields,
  type ReadDb,
  type SyncedTable,
  softDelete,
  updateRow,
  versioned,
  type WriteScope,
  type WriteTx,
} from "../../src/core";
import {
  type CreateNote,
  type Note,
  type NoteListQuery,
  PARENTS,
  type Parent,
  type UpdateNote,
} from "./model";

type Row = typeof notes.$inferSelect;
export type NoteView = Static<typeof Note>;

const PARENT_TABLES: Record<Parent, SyncedTable> = {
  contact: contacts,
  company: companies,
  deal: deals,
  lead: leads,
  task: tasks,
};

/** Only these parents' notes carry a status (seed 004). */
const WITH_STATUS: readonly Parent[] = ["contact", "company"];

const idField = (parent: Parent) => `${parent}_id` as const;

export function noteView(row: Row): NoteView {
  const parent = row.entityType as Parent;
  const links = Object.fromEntries(
    PARENTS.map((p) => [idField(p), p === parent ? row.entityId : null]),
  ) as Record<`${Parent}_id`, string | null>;
  return versioned(row, {
    id: row.id,
    type: `${parent}_note`,
    ...links,
    text: row.text,
    status: row.status,
    attachments: row.attachments,
    ...lifecycleFields(row),
  });
}

/** The one parent named by `*_id` fields; 422 unless exactly one is given. */
function parentOf(
  input: Partial<Record<`${Parent}_id`, string>>,
): { parent: Parent; id: string } | null {
  const given = PARENTS.filter((p) => input[idField(p)] !== undefined);
  if (given.length > 1)
    throw invalid(`/${idField(given[1])}`, `give only one of ${PARENTS.map(idField).join(", ")}`);
  return given.length ? { parent: given[0], id: input[idField(given[0])] as string } : null;
}

function assertStatusAllowed(parent: Parent, status: string | null | undefined) {
  if (status !== undefined && status !== null && !WITH_STATUS.includes(parent))
    throw invalid("/status", "only contact and company notes have a status");
}

const cleanAttachments = (attachments: Static<typeof CreateNote>["attachments"]) =>
  (attachments ?? []).map((a) => ({
    url: a.url,
    name: a.name ?? null,
    mime_type: a.mime_type ?? null,
  }));

const findNote = (db: ReadDb | WriteTx, tenantId: string, id: string): Promise<Row> =>
  findLive(db, notes, tenantId, id, "Note");

export const getNote = async (ctx: AppContext, tenantId: string, id: string) =>
  noteView(await findNote(ctx.db.read, tenantId, id));

export async function createNote(
  ctx: AppContext,
  scope: WriteScope,
  input: Static<typeof CreateNote>,
): Promise<NoteView> {
  const target = parentOf(input);
  if (!target) throw invalid("/contact_id", `give one of ${PARENTS.map(idField).join(", ")}`);
  if (input.type !== undefined && input.type !== `${target.parent}_note`)
    throw invalid(
      "/type",
      `must be ${target.parent}_note for a note with ${idField(target.parent)}`,
    );
  assertStatusAllowed(target.parent, input.status);
  return ctx.write(async (tx) => {
    await assertLinked(
      tx,
      PARENT_TABLES[target.parent],
      scope.tenantId,
      target.id,
      `/${idField(target.parent)}`,
    );
    const row = {
      id: newId(),
      entityType: target.parent,
      entityId: target.id,
      text: input.text,
      status: input.status ?? null,
      attachments: cleanAttachments(input.attachments),
    };
    return (await insertRow(tx, scope, { table: notes, row, entityType: "note", view: noteView }))
      .view;
  });
}

export async function updateNote(
  ctx: AppContext,
  scope: WriteScope,
  id: string,
  input: Static<typeof UpdateNote>,
): Promise<NoteView> {
  return ctx.write(async (tx) => {
    const before = await findNote(tx, scope.tenantId, id);
    assertStatusAllowed(before.entityType as Parent, input.status);
    const columns = presentFields({
      text: input.text,
      status: input.status,
      attachments: input.attachments && cleanAttachments(input.attachments),
    });
    const update = { table: notes, row: before, columns, entityType: "note", view: noteView };
    return (await updateRow(tx, scope, update)).view;
  });
}

/** Soft delete: the tombstone stays for sync feeds; note.deleted carries it. */
export async function deleteNote(ctx: AppContext, scope: WriteScope, id: string): Promise<void> {
  await ctx.write(async (tx) => {
    const row = await findNote(tx, scope.tenantId, id);
    await softDelete(tx, scope, { table: notes, row, entityType: "note", view: noteView });
  });
}

/** A tenant's notes, or one entity's notes when a `*_id` filter is given. */
export function listNotes(ctx: AppContext, tenantId: string, query: Static<typeof NoteListQuery>) {
  const target = parentOf(query);
  return listPage({
    db: ctx.db,
    cache: ctx.cache,
    table: notes,
    tenantId,
    query,
    map: noteView,
    filters: target ? [eq(notes.entityType, target.parent), eq(notes.entityId, target.id)] : [],
  });
}
