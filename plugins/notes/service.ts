import { and, eq, isNull } from "drizzle-orm";
import type { Static } from "elysia";
import { companies, contacts, deals, leads, notes, tasks } from "../../db/schema";
import {
  type AppContext,
  assertLinked,
  diff,
  invalid,
  iso,
  listPage,
  newId,
  nextSyncSeq,
  notFound,
  type ReadDb,
  recordChange,
  type SyncedTable,
  type WriteCall,
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
  return {
    id: row.id,
    type: `${parent}_note`,
    ...links,
    text: row.text,
    status: row.status,
    attachments: row.attachments,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    deleted_at: iso(row.deletedAt),
  };
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

async function findNote(db: ReadDb | WriteTx, tenantId: string, id: string): Promise<Row> {
  const [row] = await (db as ReadDb)
    .select()
    .from(notes)
    .where(and(eq(notes.id, id), eq(notes.tenantId, tenantId), isNull(notes.deletedAt)));
  if (!row) throw notFound("Note");
  return row;
}

export const getNote = async (ctx: AppContext, tenantId: string, id: string) =>
  noteView(await findNote(ctx.db.read, tenantId, id));

export async function createNote(
  ctx: AppContext,
  call: WriteCall,
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
      call.tenantId,
      target.id,
      `/${idField(target.parent)}`,
    );
    const row: Row = {
      id: newId(),
      tenantId: call.tenantId,
      entityType: target.parent,
      entityId: target.id,
      text: input.text,
      status: input.status ?? null,
      attachments: cleanAttachments(input.attachments),
      createdAt: call.now,
      updatedAt: call.now,
      deletedAt: null,
      syncSeq: await nextSyncSeq(tx),
    };
    await tx.insert(notes).values(row);
    const after = noteView(row);
    await recordChange(tx, {
      ...call,
      at: call.now,
      entityType: "note",
      entityId: row.id,
      action: "created",
      before: null,
      after,
      events: [{ type: "note.created", data: after }],
    });
    return after;
  });
}

export async function updateNote(
  ctx: AppContext,
  call: WriteCall,
  id: string,
  input: Static<typeof UpdateNote>,
): Promise<NoteView> {
  return ctx.write(async (tx) => {
    const before = await findNote(tx, call.tenantId, id);
    assertStatusAllowed(before.entityType as Parent, input.status);
    const columns = {
      ...(input.text !== undefined && { text: input.text }),
      ...(input.status !== undefined && { status: input.status }),
      ...(input.attachments !== undefined && { attachments: cleanAttachments(input.attachments) }),
      updatedAt: call.now,
      syncSeq: await nextSyncSeq(tx),
    };
    const row: Row = { ...before, ...columns };
    await tx.update(notes).set(columns).where(eq(notes.id, id));
    const [previous, after] = [noteView(before), noteView(row)];
    await recordChange(tx, {
      ...call,
      at: call.now,
      entityType: "note",
      entityId: id,
      action: "updated",
      before: previous,
      after,
      events: [
        {
          type: "note.updated",
          data: after,
          metadata: { changed_fields: Object.keys(diff(previous, after)) },
        },
      ],
    });
    return after;
  });
}

/** Soft delete: the tombstone stays for sync feeds; note.deleted carries it. */
export async function deleteNote(ctx: AppContext, call: WriteCall, id: string): Promise<void> {
  await ctx.write(async (tx) => {
    const before = await findNote(tx, call.tenantId, id);
    const columns = { deletedAt: call.now, updatedAt: call.now, syncSeq: await nextSyncSeq(tx) };
    await tx.update(notes).set(columns).where(eq(notes.id, id));
    const after = noteView({ ...before, ...columns });
    await recordChange(tx, {
      ...call,
      at: call.now,
      entityType: "note",
      entityId: id,
      action: "deleted",
      before: noteView(before),
      after,
      events: [{ type: "note.deleted", data: after }],
    });
  });
}

/** A tenant's notes, or one entity's notes when a `*_id` filter is given. */
export function listNotes(ctx: AppContext, tenantId: string, query: Static<typeof NoteListQuery>) {
  const target = parentOf(query);
  return listPage({
    db: ctx.db,
    counts: ctx.counts,
    table: notes,
    tenantId,
    query,
    map: noteView,
    filters: target ? [eq(notes.entityType, target.parent), eq(notes.entityId, target.id)] : [],
  });
}
