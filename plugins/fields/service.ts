import { and, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { customFieldArchive, customFieldDefinitions, customFieldValues } from "../../db/schema";
import {
  ApiError,
  type AppContext,
  assertLinked,
  type CustomFieldObject,
  coerceValue,
  conflict,
  type DefinitionRow,
  definitionRows,
  emit,
  type FieldSpec,
  type FieldType,
  findCustomFieldObject,
  invalid,
  isLiveIn,
  newId,
  notFound,
  type ReadDb,
  refreshDefinitions,
  requireCustomFieldObject,
  type WriteScope,
  type WriteTx,
} from "../../src/core";
import type { CreateFieldBody, FieldView, UpdateFieldBody } from "./model";

export const fieldView = (row: DefinitionRow): FieldView => ({
  id: row.id,
  object: row.objectType,
  key: row.key,
  label: row.label,
  description: row.description,
  type: row.type as FieldType,
  required: row.required,
  unique: row.unique,
  default: row.defaultValue ?? null,
  options: row.options,
  reference_object: row.referenceObject,
  currency: row.currency,
  created_at: row.createdAt.toISOString(),
  updated_at: row.updatedAt.toISOString(),
});

/** A definition's change as an event (`field.created|updated|deleted`), in the write's transaction. */
const emitFieldEvent = (
  tx: WriteTx,
  scope: WriteScope,
  action: "created" | "updated" | "deleted",
  field: FieldView,
) =>
  emit(tx, {
    tenantId: scope.tenantId,
    type: `field.${action}`,
    data: field,
    entityType: "field",
    entityId: field.id,
    occurredAt: scope.now,
  });

/** The object type named in the path, or 404. */
async function objectOf(db: ReadDb | WriteTx, tenantId: string, name: string) {
  const object = await findCustomFieldObject(db, tenantId, name);
  if (!object) throw notFound("Object type");
  return object;
}

async function findField(db: ReadDb | WriteTx, tenantId: string, object: string, key: string) {
  const row = (await definitionRows(db, tenantId, object)).find((r) => r.key === key);
  if (!row) throw notFound("Field");
  return row;
}

export async function listFields(ctx: AppContext, tenantId: string, object: string) {
  await objectOf(ctx.db.read, tenantId, object);
  return { fields: (await definitionRows(ctx.db.read, tenantId, object)).map(fieldView) };
}

export async function getField(ctx: AppContext, tenantId: string, object: string, key: string) {
  await objectOf(ctx.db.read, tenantId, object);
  return fieldView(await findField(ctx.db.read, tenantId, object, key));
}

type Spec = Pick<
  DefinitionRow,
  "type" | "options" | "referenceObject" | "currency" | "unique" | "defaultValue" | "key"
>;

/**
 * A definition's settings must fit its type; the default must be a valid
 * value. `before`: the stored definition, when this is a change of it.
 */
async function checkSpec(tx: WriteTx, tenantId: string, spec: Spec, before?: Spec) {
  // Values are stored trimmed: an option with surrounding spaces could never be chosen.
  if (spec.options) spec.options = spec.options.map((option) => option.trim());
  const choice = spec.type === "select" || spec.type === "multi_select";
  if (choice && !spec.options?.length) throw invalid("/options", `a ${spec.type} needs options`);
  if (choice && new Set(spec.options).size !== spec.options?.length)
    throw invalid("/options", "must not repeat a value");
  // Definitions from before this rule keep such options until their options change.
  if (choice && JSON.stringify(spec.options) !== JSON.stringify(before?.options))
    refuseCaseTwins(spec.options ?? []);
  if (!choice && spec.options) throw invalid("/options", `a ${spec.type} field takes no options`);
  let target: CustomFieldObject | undefined;
  if (spec.type === "reference") {
    if (!spec.referenceObject) throw invalid("/reference_object", "a reference needs one");
    target = await requireCustomFieldObject(
      tx,
      tenantId,
      spec.referenceObject,
      "/reference_object",
    );
  } else if (spec.referenceObject)
    throw invalid("/reference_object", "only a reference field names one");
  if (spec.unique && (spec.type === "multi_select" || spec.type === "boolean"))
    throw invalid("/unique", `a ${spec.type} field cannot be unique`);
  if (spec.defaultValue == null) return;
  // Every new record that sets no value gets the default: it must be one a record can hold.
  const value = coerceValue(specOf(spec), spec.defaultValue, "/default").value;
  // Blank text is no value, so it is no default either.
  spec.defaultValue = value === "" ? null : value;
  if (spec.defaultValue === null) return;
  if (spec.unique) throw invalid("/default", "a unique field takes no default");
  if (target) await assertLinked(tx, target, tenantId, spec.defaultValue as string, "/default");
}

/** Filters compare options in any letter case, so two that differ only in case could not be told apart. */
function refuseCaseTwins(options: string[]) {
  const seen = new Map<string, string>();
  for (const [i, option] of options.entries()) {
    const twin = seen.get(caseless(option));
    if (twin !== undefined)
      throw invalid(
        `/options/${i}`,
        `differs from "${twin}" only in letter case, which filters ignore: use one of them`,
      );
    seen.set(caseless(option), option);
  }
}

const caseless = (value: string) => value.toLowerCase();

/**
 * A stored choice brought to new options: a value that is not an option but
 * matches one in letter case takes that option's spelling (filters could
 * not tell them apart anyway), so removing "red" beside "Red" converts.
 */
function recased(options: string[] | null, value: unknown): unknown {
  if (!options) return value;
  const byCase = new Map(options.map((option) => [caseless(option), option]));
  const recase = (v: unknown) =>
    typeof v === "string" && !options.includes(v) ? (byCase.get(caseless(v)) ?? v) : v;
  return Array.isArray(value) ? value.map(recase) : recase(value);
}

const specOf = (spec: Spec): FieldSpec => ({
  key: spec.key,
  type: spec.type as FieldType,
  options: spec.options,
  currency: spec.currency,
});

export async function createField(
  tx: WriteTx,
  scope: WriteScope,
  objectName: string,
  body: CreateFieldBody,
): Promise<FieldView> {
  const object = await objectOf(tx, scope.tenantId, objectName);
  const existing = await definitionRows(tx, scope.tenantId, objectName);
  if (existing.some((r) => r.key === body.key))
    throw conflict(`${objectName} already has a field "${body.key}"`);
  const row: DefinitionRow = {
    id: newId(),
    tenantId: scope.tenantId,
    objectType: objectName,
    key: body.key,
    label: body.label.trim(),
    description: body.description ?? null,
    type: body.type,
    required: body.required ?? false,
    unique: body.unique ?? false,
    defaultValue: body.default ?? null,
    options: body.options ?? null,
    referenceObject: body.reference_object ?? null,
    currency: body.currency ?? null,
    createdAt: scope.now,
    updatedAt: scope.now,
    archivedAt: null,
  };
  await checkSpec(tx, scope.tenantId, row);
  await tx.insert(customFieldDefinitions).values(row);
  await convertExisting(tx, scope.tenantId, object, row);
  refreshDefinitions(tx, scope.tenantId, objectName);
  const view = fieldView(row);
  await emitFieldEvent(tx, scope, "created", view);
  return view;
}

/**
 * Changes a definition. A new type, options or currency converts every
 * stored value in the same transaction, or is refused (422, the records
 * whose values do not convert) and nothing changes.
 */
export async function updateField(
  tx: WriteTx,
  scope: WriteScope,
  objectName: string,
  key: string,
  body: UpdateFieldBody,
): Promise<FieldView> {
  const object = await objectOf(tx, scope.tenantId, objectName);
  const before = await findField(tx, scope.tenantId, objectName, key);
  if (object.primaryField === key && body.required === false)
    throw conflict(
      `"${key}" is the primary field of ${objectName}, which every record needs: choose another primary_field first`,
    );
  const row: DefinitionRow = {
    ...before,
    label: body.label?.trim() ?? before.label,
    description: body.description === undefined ? before.description : body.description,
    type: body.type ?? before.type,
    required: body.required ?? before.required,
    unique: body.unique ?? before.unique,
    defaultValue: body.default === undefined ? before.defaultValue : body.default,
    options: body.options === undefined ? before.options : body.options,
    referenceObject:
      body.reference_object === undefined ? before.referenceObject : body.reference_object,
    currency: body.currency === undefined ? before.currency : body.currency,
    updatedAt: scope.now,
  };
  if (row.type !== before.type && body.options === undefined && !row.type.includes("select"))
    row.options = null;
  await checkSpec(tx, scope.tenantId, row, before);
  // A change that changes nothing writes nothing: no event, the same updated_at.
  const unchanged = fieldView(before);
  if (
    JSON.stringify(fieldView({ ...row, updatedAt: before.updatedAt })) === JSON.stringify(unchanged)
  )
    return unchanged;
  await tx.update(customFieldDefinitions).set(row).where(eq(customFieldDefinitions.id, row.id));
  await convertExisting(tx, scope.tenantId, object, row, before);
  refreshDefinitions(tx, scope.tenantId, objectName);
  const view = fieldView(row);
  await emitFieldEvent(tx, scope, "updated", view);
  return view;
}

/** Records of the object in the tenant, live, that hold a value for `key`. */
function holding(object: CustomFieldObject, tenantId: string, key: string): SQL {
  const { table } = object;
  return and(
    object.records(tenantId),
    isNull(table.deletedAt),
    sql`json_type(${table.customFields}, ${`$.${key}`}) is not null`,
  ) as SQL;
}

type Stored = { id: string; customFields: Record<string, unknown> };

async function recordsHolding(
  tx: WriteTx,
  tenantId: string,
  object: CustomFieldObject,
  key: string,
) {
  const { table } = object;
  return (await tx
    .select({ id: table.id, customFields: table.customFields })
    .from(table)
    .where(holding(object, tenantId, key))) as Stored[];
}

/**
 * Brings every stored value of a field to its definition: coerced, checked
 * for uniqueness, re-indexed. Refused as a whole (422, listing up to 20
 * records) when a value does not convert. `before`: the definition it
 * changes, if any.
 */
async function convertExisting(
  tx: WriteTx,
  tenantId: string,
  object: CustomFieldObject,
  definition: DefinitionRow,
  before?: DefinitionRow,
) {
  const spec = specOf(definition);
  const errors: Array<{ path: string; message: string }> = [];
  const converted = (await recordsHolding(tx, tenantId, object, definition.key)).flatMap(
    (record) => {
      try {
        const path = `/records/${record.id}/custom_fields/${definition.key}`;
        const stored = recased(spec.options, record.customFields[definition.key]);
        return [{ record, ...coerceValue(spec, stored, path) }];
      } catch (error) {
        if (!(error instanceof ApiError) || !error.errors) throw error;
        errors.push(...error.errors);
        return [];
      }
    },
  );
  const sameReference =
    before?.type === "reference" && before.referenceObject === definition.referenceObject;
  if (definition.type === "reference" && definition.referenceObject && !sameReference) {
    // A reference holds the id of a live record of its object: other ids do not convert.
    // Ids it held already stay, as a record's write keeps them, though their record was deleted since.
    const target = await requireCustomFieldObject(
      tx,
      tenantId,
      definition.referenceObject,
      "/reference_object",
    );
    for (const { record, value } of converted)
      if (!(await isLiveIn(tx, target, tenantId, value as string)))
        errors.push({
          path: `/records/${record.id}/custom_fields/${definition.key}`,
          message: "does not exist",
        });
  }
  if (errors.length)
    throw new ApiError(
      422,
      "VALIDATION_ERROR",
      `${errors.length} stored value(s) of "${definition.key}" do not convert to ${definition.type}`,
      errors.slice(0, 20),
    );
  const values = converted.flatMap(({ record, index }) =>
    index.map((e) => ({ record: record.id, text: e.text, num: e.num })),
  );
  const seen = new Set(values.map((v) => JSON.stringify([v.text, v.num])));
  if (definition.unique && seen.size !== values.length)
    throw conflict(
      `records of ${object.name} share values of "${definition.key}": it cannot be unique`,
    );
  for (const { record, value } of converted)
    if (JSON.stringify(value) !== JSON.stringify(record.customFields[definition.key]))
      await tx
        .update(object.table)
        .set({ customFields: { ...record.customFields, [definition.key]: value } })
        .where(eq(object.table.id, record.id));
  await object.valuesConverted?.(tx, definition.key);
  await dropLiveIndex(tx, tenantId, object, definition.key);
  for (let i = 0; i < values.length; i += 500)
    await tx.insert(customFieldValues).values(
      values.slice(i, i + 500).map((v) => ({
        tenantId,
        objectType: object.name,
        fieldKey: definition.key,
        recordId: v.record,
        valueText: v.text ?? "",
        valueNum: v.num ?? 0,
      })),
    );
}

/**
 * Drops a key's index rows of the object's live records, which a
 * conversion writes again; deleted records keep theirs, so feeds filtered
 * on the field still show their tombstones.
 */
function dropLiveIndex(tx: WriteTx, tenantId: string, object: CustomFieldObject, key: string) {
  const { table } = object;
  const live = tx
    .select({ id: table.id })
    .from(table)
    .where(and(object.records(tenantId), isNull(table.deletedAt)));
  return tx
    .delete(customFieldValues)
    .where(
      and(
        eq(customFieldValues.tenantId, tenantId),
        eq(customFieldValues.objectType, object.name),
        eq(customFieldValues.fieldKey, key),
        inArray(customFieldValues.recordId, live),
      ),
    );
}

const dropFieldIndex = (tx: WriteTx, tenantId: string, object: string, key: string) =>
  tx
    .delete(customFieldValues)
    .where(
      and(
        eq(customFieldValues.tenantId, tenantId),
        eq(customFieldValues.objectType, object),
        eq(customFieldValues.fieldKey, key),
      ),
    );

/**
 * Removes a definition: its values leave the records' `custom_fields` and
 * stay readable in the archive (GET …/archived/{id}); filters on it stop.
 */
export async function deleteField(
  tx: WriteTx,
  scope: WriteScope,
  objectName: string,
  key: string,
): Promise<void> {
  const object = await objectOf(tx, scope.tenantId, objectName);
  const row = await findField(tx, scope.tenantId, objectName, key);
  await tx
    .update(customFieldDefinitions)
    .set({ archivedAt: scope.now, updatedAt: scope.now })
    .where(eq(customFieldDefinitions.id, row.id));
  const records = await recordsHolding(tx, scope.tenantId, object, key);
  for (const record of records) {
    const { [key]: value, ...rest } = record.customFields;
    await tx.insert(customFieldArchive).values({
      tenantId: scope.tenantId,
      objectType: objectName,
      recordId: record.id,
      fieldKey: key,
      value,
      archivedAt: scope.now,
    });
    await tx.update(object.table).set({ customFields: rest }).where(eq(object.table.id, record.id));
  }
  await dropFieldIndex(tx, scope.tenantId, objectName, key);
  refreshDefinitions(tx, scope.tenantId, objectName);
  await emitFieldEvent(tx, scope, "deleted", fieldView({ ...row, updatedAt: scope.now }));
}

/**
 * DELETE /fields/{object}/{key}: as deleteField, but a custom object's
 * primary field (its records' display) stays until another is chosen (409).
 */
export async function removeField(
  tx: WriteTx,
  scope: WriteScope,
  objectName: string,
  key: string,
): Promise<void> {
  const object = await objectOf(tx, scope.tenantId, objectName);
  if (object.primaryField === key)
    throw conflict(
      `"${key}" is the primary field of ${objectName}: choose another primary_field first`,
    );
  await deleteField(tx, scope, objectName, key);
}

/** A record's values of removed fields, by key (the latest removal of a key wins). */
export async function archivedValues(
  ctx: AppContext,
  tenantId: string,
  objectName: string,
  recordId: string,
) {
  const object = await objectOf(ctx.db.read, tenantId, objectName);
  const t = object.table;
  // Another tenant's record (or none at all) is a 404, like every other record route.
  const [record] = await ctx.db.read
    .select({ id: t.id })
    .from(t)
    .where(and(object.records(tenantId), eq(t.id, recordId)));
  if (!record) throw notFound("Record");
  const a = customFieldArchive;
  const rows = await ctx.db.read
    .select({ key: a.fieldKey, value: a.value })
    .from(a)
    .where(and(eq(a.tenantId, tenantId), eq(a.objectType, objectName), eq(a.recordId, recordId)))
    .orderBy(desc(a.archivedAt));
  const archived: Record<string, unknown> = {};
  for (const row of rows) if (!(row.key in archived)) archived[row.key] = row.value;
  return { record_id: recordId, archived };
}
