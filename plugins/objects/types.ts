import { and, asc, eq, isNotNull, isNull, ne } from "drizzle-orm";
import {
  customFieldArchive,
  customFieldDefinitions,
  customFieldValues,
  customObjectTypes,
  customRecords,
} from "../../db/schema";
import {
  ApiError,
  type AppContext,
  builtInEventTypes,
  conflict,
  customFieldObject,
  type Database,
  definitionRows,
  emit,
  eventTypes,
  findCustomFieldObject,
  invalid,
  isBuiltInScopeName,
  newId,
  notFound,
  type ReadDb,
  registerEventTypes,
  registerObjectLister,
  registerObjectResolver,
  registerTenantDefinedEventTypes,
  registerTenantEventTypes,
  unlinkObject,
  valueAt,
  type WriteScope,
  type WriteTx,
  within,
} from "../../src/core";
import { createField, deleteField, fieldView, updateField } from "../fields";
import type { CreateObjectTypeBody, UpdateObjectTypeBody } from "./model";

export type ObjectTypeRow = typeof customObjectTypes.$inferSelect;

/** The object type `plural` as custom fields, links and lookups see it: its own rows of custom_records. */
export const recordsOf = (plural: string, type?: ObjectTypeRow) =>
  customFieldObject({
    name: plural,
    table: customRecords,
    objectColumn: customRecords.objectType,
    primaryField: type?.primaryField,
    valuesConverted:
      type &&
      (async (tx, key) => {
        if (key === type.primaryField) await redisplayRecords(tx, type);
      }),
  });

/** The primary field's value as text (money: its amount). */
export function displayOf(type: ObjectTypeRow, values: Record<string, unknown>): string | null {
  const value = valueAt(values, type.primaryField);
  if (value === undefined || value === null) return null;
  if (typeof value === "object" && !Array.isArray(value))
    return String((value as { value?: unknown }).value);
  return Array.isArray(value) ? value.join(", ") : String(value);
}

/** The live object type `plural` of the tenant, if any. */
export async function findType(db: ReadDb | WriteTx, tenantId: string, plural: string) {
  const [row] = await (db as ReadDb)
    .select()
    .from(customObjectTypes)
    .where(
      and(
        eq(customObjectTypes.tenantId, tenantId),
        eq(customObjectTypes.plural, plural),
        isNull(customObjectTypes.archivedAt),
      ),
    );
  return row as ObjectTypeRow | undefined;
}

/** The object type, or 404. */
export async function requireType(db: ReadDb | WriteTx, tenantId: string, plural: string) {
  const row = await findType(db, tenantId, plural);
  if (!row) throw notFound("Object type");
  return row;
}

// Custom objects take custom fields, associations and filters like built-in objects.
registerObjectResolver(async (db, tenantId, name) => {
  const type = await findType(db, tenantId, name);
  return type ? recordsOf(name, type) : undefined;
});

// Global search finds their records under their plurals.
registerObjectLister(async (db, tenantId) => {
  const rows = await (db as ReadDb)
    .select({ plural: customObjectTypes.plural })
    .from(customObjectTypes)
    .where(and(eq(customObjectTypes.tenantId, tenantId), isNull(customObjectTypes.archivedAt)))
    .orderBy(asc(customObjectTypes.createdAt), asc(customObjectTypes.id));
  return rows.map((row) => row.plural);
});

/** Singular names whose events custom objects registered (several tenants may share one). */
const customNames = new Set<string>();

function registerEvents(name: string) {
  customNames.add(name);
  registerTenantDefinedEventTypes(ACTIONS.map((action) => `${name}.${action}`));
}

const ACTIONS = ["created", "updated", "deleted"];

// The tenant's object types as the database has them now: webhooks subscribe
// to, and the event log shows to `<plural>:read`, a type created anywhere.
registerTenantEventTypes(async (db, tenantId) => {
  const rows = await db
    .select({ name: customObjectTypes.name, plural: customObjectTypes.plural })
    .from(customObjectTypes)
    .where(and(eq(customObjectTypes.tenantId, tenantId), isNull(customObjectTypes.archivedAt)));
  return rows.flatMap(({ name, plural }) =>
    ACTIONS.map((action) => ({ type: `${name}.${action}`, resource: plural })),
  );
});

/** A live object type whose name or plural a built-in took after the type was defined. */
export interface ReservedNameClash {
  tenantId: string;
  name: string;
  plural: string;
  /** What it shares: `scopes <plural>:read|write`, `events <name>.*`. */
  shares: string[];
}

/**
 * Object types defined before a built-in resource took their plural (its
 * `<plural>:read|write` are now that resource's scopes too, and
 * `objects:read|write` no longer grant them) or their name (their record
 * events share the built-in's `<name>.*` types): such names are refused for
 * new types, and these existing ones are reported at start.
 */
export async function reservedNameClashes(db: ReadDb): Promise<ReservedNameClash[]> {
  const builtIn = builtInEventTypes();
  const rows = await db
    .select({
      tenantId: customObjectTypes.tenantId,
      name: customObjectTypes.name,
      plural: customObjectTypes.plural,
    })
    .from(customObjectTypes)
    .where(isNull(customObjectTypes.archivedAt))
    .orderBy(asc(customObjectTypes.tenantId), asc(customObjectTypes.plural));
  return rows.flatMap((row) => {
    const shares = [
      ...(isBuiltInScopeName(row.plural) ? [`scopes ${row.plural}:read|write`] : []),
      ...(builtIn.some((type) => type.startsWith(`${row.name}.`)) ? [`events ${row.name}.*`] : []),
    ];
    return shares.length ? [{ ...row, shares }] : [];
  });
}

/** At start: one warning a clashing object type (reservedNameClashes), saying what to do. */
export async function reportReservedNameClashes(ctx: AppContext): Promise<void> {
  for (const clash of await reservedNameClashes(ctx.db.read))
    ctx.logger.warn(
      "custom object type shares a built-in name: define it again under another name and move its records (docs/data-model.md, Custom objects)",
      {
        tenant_id: clash.tenantId,
        object_type: clash.plural,
        name: clash.name,
        shares: clash.shares,
      },
    );
}

/** At start: every live object type's events, so webhooks can subscribe to them. */
export async function loadObjectEvents(db: Database) {
  const rows = await db.read
    .select({ name: customObjectTypes.name })
    .from(customObjectTypes)
    .where(isNull(customObjectTypes.archivedAt));
  for (const { name } of rows) registerEvents(name);
}

export async function typeView(db: ReadDb | WriteTx, row: ObjectTypeRow) {
  return {
    id: row.id,
    name: row.name,
    plural: row.plural,
    label: row.label,
    description: row.description,
    primary_field: row.primaryField,
    fields: (await definitionRows(db, row.tenantId, row.plural)).map(fieldView),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

registerEventTypes(["object_type.created", "object_type.updated", "object_type.deleted"]);

type TypeView = Awaited<ReturnType<typeof typeView>>;

/** A type's change as an event (`object_type.created|updated|deleted`); returns the type's view. */
async function emitTypeEvent(
  tx: WriteTx,
  scope: WriteScope,
  action: "created" | "updated" | "deleted",
  view: TypeView,
) {
  await emit(tx, {
    tenantId: scope.tenantId,
    type: `object_type.${action}`,
    data: view,
    entityType: "object_type",
    entityId: view.id,
    occurredAt: scope.now,
  });
  return view;
}

/** A name may not be a built-in object's, or reuse a built-in event prefix. */
async function assertFreeNames(tx: WriteTx, tenantId: string, body: CreateObjectTypeBody) {
  if (body.name === body.plural) throw invalid("/plural", "must differ from name");
  if (await findCustomFieldObject(tx, tenantId, body.plural))
    throw conflict(`"${body.plural}" is already an object type`);
  // objects, fields, search, calls, …: the type's scopes would be that grant's.
  if (isBuiltInScopeName(body.plural)) throw invalid("/plural", "is reserved");
  const builtInEvent = eventTypes().some((type) => type.startsWith(`${body.name}.`));
  if (builtInEvent && !customNames.has(body.name))
    throw invalid("/name", "is the name of a built-in entity");
  const [sameName] = await tx
    .select({ id: customObjectTypes.id })
    .from(customObjectTypes)
    .where(
      and(
        eq(customObjectTypes.tenantId, tenantId),
        eq(customObjectTypes.name, body.name),
        isNull(customObjectTypes.archivedAt),
      ),
    );
  if (sameName) throw conflict(`An object type is already named "${body.name}"`);
}

/** Defines an object type with its fields (the primary one required) in one transaction. */
export async function createType(tx: WriteTx, scope: WriteScope, body: CreateObjectTypeBody) {
  await assertFreeNames(tx, scope.tenantId, body);
  const keys = body.fields.map((f) => f.key);
  const repeated = keys.findIndex((key, i) => keys.indexOf(key) < i);
  if (repeated >= 0) throw invalid(`/fields/${repeated}/key`, "repeats another field's key");
  const primary = body.fields.findIndex((f) => f.key === body.primary_field);
  if (primary < 0) throw invalid("/primary_field", "must be the key of one of the fields");
  const row: ObjectTypeRow = {
    id: newId(),
    tenantId: scope.tenantId,
    name: body.name,
    plural: body.plural,
    label: body.label.trim(),
    description: body.description ?? null,
    primaryField: body.primary_field,
    createdAt: scope.now,
    updatedAt: scope.now,
    archivedAt: null,
  };
  await tx.insert(customObjectTypes).values(row);
  for (const [i, field] of body.fields.entries())
    await within(`/fields/${i}`, () =>
      createField(tx, scope, body.plural, { ...field, required: field.required || i === primary }),
    );
  registerEvents(body.name);
  return emitTypeEvent(tx, scope, "created", await typeView(tx, row));
}

export async function updateType(
  tx: WriteTx,
  scope: WriteScope,
  plural: string,
  body: UpdateObjectTypeBody,
) {
  const before = await requireType(tx, scope.tenantId, plural);
  const row: ObjectTypeRow = {
    ...before,
    label: body.label?.trim() ?? before.label,
    description: body.description === undefined ? before.description : body.description,
    primaryField: body.primary_field ?? before.primaryField,
    updatedAt: scope.now,
  };
  const newPrimary = row.primaryField !== before.primaryField;
  // A change that changes nothing writes nothing: no event, the same updated_at.
  const same = (["label", "description"] as const).every((k) => row[k] === before[k]);
  if (same && !newPrimary) return typeView(tx, before);
  if (newPrimary) {
    const field = (await definitionRows(tx, scope.tenantId, plural)).find(
      (f) => f.key === row.primaryField,
    );
    if (!field) throw invalid("/primary_field", "must be the key of one of the object's fields");
    await assertAllDisplayed(tx, row);
    // As when the type was defined: the primary field is required, so new records are named too.
    if (!field.required) await updateField(tx, scope, plural, field.key, { required: true });
  }
  await tx.update(customObjectTypes).set(row).where(eq(customObjectTypes.id, row.id));
  if (newPrimary) await redisplayRecords(tx, row);
  return emitTypeEvent(tx, scope, "updated", await typeView(tx, row));
}

/**
 * A new primary field must name every live record: 422 listing (up to 20)
 * the records without a value for it, and nothing changes.
 */
async function assertAllDisplayed(tx: WriteTx, type: ObjectTypeRow) {
  const rows = await tx
    .select({ id: customRecords.id, values: customRecords.customFields })
    .from(customRecords)
    .where(and(recordsOf(type.plural).records(type.tenantId), isNull(customRecords.deletedAt)));
  const unnamed = rows.filter((row) => !displayOf(type, row.values));
  if (unnamed.length)
    throw new ApiError(
      422,
      "VALIDATION_ERROR",
      `${unnamed.length} record(s) have no "${type.primaryField}": it cannot be the primary field`,
      unnamed.slice(0, 20).map((row) => ({
        path: `/records/${row.id}/properties/${type.primaryField}`,
        message: "is required: the primary field names every record",
      })),
    );
}

/**
 * After a change of primary field, or a conversion of its values: every
 * record of the type shows that field's value as its `display` (what lists
 * show and `search` matches). A schema change: no record events.
 */
async function redisplayRecords(tx: WriteTx, type: ObjectTypeRow) {
  const rows = await tx
    .select({
      id: customRecords.id,
      display: customRecords.display,
      values: customRecords.customFields,
    })
    .from(customRecords)
    .where(recordsOf(type.plural).records(type.tenantId));
  for (const row of rows) {
    const display = displayOf(type, row.values);
    if (display !== row.display)
      await tx.update(customRecords).set({ display }).where(eq(customRecords.id, row.id));
  }
}

/** 409 while the type has live records. */
async function assertNoLiveRecords(tx: WriteTx, tenantId: string, plural: string) {
  const [live] = await tx
    .select({ id: customRecords.id })
    .from(customRecords)
    .where(and(recordsOf(plural).records(tenantId), isNull(customRecords.deletedAt)))
    .limit(1);
  if (live) throw conflict(`${plural} still has records; delete them first`);
}

/** 409 while another object's reference field points at the type (it would point at its successor). */
async function assertUnreferenced(tx: WriteTx, tenantId: string, plural: string) {
  const d = customFieldDefinitions;
  const [field] = await tx
    .select({ object: d.objectType, key: d.key })
    .from(d)
    .where(
      and(
        eq(d.tenantId, tenantId),
        eq(d.referenceObject, plural),
        ne(d.objectType, plural),
        isNull(d.archivedAt),
      ),
    )
    .limit(1);
  if (field)
    throw conflict(`field "${field.key}" of ${field.object} refers to ${plural}; remove it first`);
}

/**
 * What a removed type's deleted records leave: their tombstones, their
 * rows in the value index and the values of fields removed earlier.
 * Deleting a record already dropped its links; any still keyed on the
 * plural go too, since a type defined again under it would inherit them.
 * Search entries follow the rows (the table's delete triggers).
 */
async function purgeDeletedRecords(tx: WriteTx, scope: WriteScope, plural: string) {
  const { tenantId } = scope;
  await unlinkObject(tx, scope, plural);
  const v = customFieldValues;
  await tx.delete(v).where(and(eq(v.tenantId, tenantId), eq(v.objectType, plural)));
  const a = customFieldArchive;
  await tx.delete(a).where(and(eq(a.tenantId, tenantId), eq(a.objectType, plural)));
  await tx
    .delete(customRecords)
    .where(and(recordsOf(plural).records(tenantId), isNotNull(customRecords.deletedAt)));
}

/**
 * Removes an object type for good: a type defined later under its plural or
 * name starts empty. Refused (409) while it has live records or another
 * object's reference field points at it. Its fields go as a removed field
 * goes (`field.deleted` each), then its deleted records' tombstones and
 * what is left of them; `object_type.deleted` shows the type as it was,
 * fields included.
 */
export async function deleteType(tx: WriteTx, scope: WriteScope, plural: string) {
  const row = await requireType(tx, scope.tenantId, plural);
  await assertNoLiveRecords(tx, scope.tenantId, plural);
  await assertUnreferenced(tx, scope.tenantId, plural);
  const view = await typeView(tx, row);
  for (const field of view.fields) await deleteField(tx, scope, plural, field.key);
  await purgeDeletedRecords(tx, scope, plural);
  await tx
    .update(customObjectTypes)
    .set({ archivedAt: scope.now, updatedAt: scope.now })
    .where(eq(customObjectTypes.id, row.id));
  await emitTypeEvent(tx, scope, "deleted", { ...view, updated_at: scope.now.toISOString() });
}

export async function listTypes(ctx: AppContext, tenantId: string) {
  const rows = await ctx.db.read
    .select()
    .from(customObjectTypes)
    .where(and(eq(customObjectTypes.tenantId, tenantId), isNull(customObjectTypes.archivedAt)))
    .orderBy(asc(customObjectTypes.createdAt), asc(customObjectTypes.id));
  return { object_types: await Promise.all(rows.map((row) => typeView(ctx.db.read, row))) };
}

/** isLive for custom records of one object type. */
export const liveRecord = (tenantId: string, plural: string, id: string) =>
  recordsOf(plural).live(tenantId, id);
