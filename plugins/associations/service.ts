import {
  type AppContext,
  assertRecord,
  invalid,
  link,
  linksOf,
  notFound,
  type ReadDb,
  type RecordRef,
  requireObject,
  unlink,
  unlinkAll,
  type WriteScope,
  type WriteTx,
} from "../../src/core";
import type { ReplaceBody } from "./model";

/** Both object types must exist and the owning record must be live (404 otherwise). */
async function owner(db: ReadDb | WriteTx, tenantId: string, from: RecordRef, to: string) {
  await requireObject(db, tenantId, to);
  await assertRecord(db, tenantId, from);
}

export async function listLinks(
  ctx: AppContext,
  tenantId: string,
  from: RecordRef,
  to: string,
  label?: string,
) {
  await owner(ctx.db.read, tenantId, from, to);
  return { associations: await linksOf(ctx.db.read, tenantId, from, to, label) };
}

const key = (id: string, label: string | null | undefined) => `${id}\u0000${label ?? ""}`;

/**
 * PUT on the collection: the record's links to `to` become exactly the
 * given ones (each with its label); what goes and what comes emit
 * association.deleted / association.created.
 */
export async function replaceLinks(
  tx: WriteTx,
  scope: WriteScope,
  from: RecordRef,
  to: string,
  body: ReplaceBody,
) {
  await owner(tx, scope.tenantId, from, to);
  const wanted = new Map(body.associations.map((a) => [key(a.id, a.label), a]));
  for (const [i, a] of body.associations.entries()) {
    const at = `/associations/${i}/id`;
    if (to === from.object && a.id === from.id)
      throw invalid(at, "a record cannot be linked to itself");
    await assertRecord(tx, scope.tenantId, { object: to, id: a.id }, at);
  }
  for (const current of await linksOf(tx, scope.tenantId, from, to))
    if (!wanted.delete(key(current.id, current.label)))
      await unlink(tx, scope, from, { object: to, id: current.id }, current.label);
  for (const a of wanted.values())
    await link(tx, scope, from, { object: to, id: a.id }, a.label ?? null);
  return { associations: await linksOf(tx, scope.tenantId, from, to) };
}

/** PUT on one link: links the two records with the label (nothing changes if already linked). */
export async function putLink(
  tx: WriteTx,
  scope: WriteScope,
  from: RecordRef,
  to: RecordRef,
  label: string | null,
) {
  await assertRecord(tx, scope.tenantId, from);
  await assertRecord(tx, scope.tenantId, to);
  const created = await link(tx, scope, from, to, label);
  const links = await linksOf(tx, scope.tenantId, from, to.object);
  const linked = links.find((l) => l.id === to.id && l.label === label);
  if (!linked) throw invalid("/label", "could not be linked");
  return { created, linked };
}

/** DELETE on one link: its links (with `label`, or all) go; 404 when there were none. */
export async function deleteLink(
  tx: WriteTx,
  scope: WriteScope,
  from: RecordRef,
  to: RecordRef,
  label?: string,
) {
  await assertRecord(tx, scope.tenantId, from);
  if ((await unlink(tx, scope, from, to, label)) === 0) throw notFound("Association");
}

/** DELETE on the collection: every link of the record to `to` goes. */
export async function deleteLinks(tx: WriteTx, scope: WriteScope, from: RecordRef, to: string) {
  await owner(tx, scope.tenantId, from, to);
  await unlinkAll(tx, scope, from, to);
}
