import { and, eq, ne, sql } from "drizzle-orm";
import type { WriteTx } from "../../db/client";
import { customFieldValues } from "../../db/schema";
import { conflict, invalid } from "../errors";
import { assertLinked } from "../links";
import { prepared } from "../prepared";
import type { WriteScope } from "../writes";
import { type Definition, definitionsOf } from "./definitions";
import { requireCustomFieldObject } from "./registry";
import { coerceValue, type IndexEntry } from "./types";

export type CustomFieldMap = Record<string, unknown>;

export interface CustomFieldWrite {
  /** Object type (API plural): deals, contacts, a custom object's plural… */
  object: string;
  recordId: string;
  /** The stored values before this write; null on create. */
  before: CustomFieldMap | null;
  /** `custom_fields` as the request gives it; undefined when absent. */
  input: CustomFieldMap | null | undefined;
  /** Full replacement (PUT): keys absent from `input` are removed. */
  replace?: boolean;
  /** Where the values are in the request body (default `/custom_fields`). */
  at?: string;
}

const fieldPath = (write: CustomFieldWrite, key: string) =>
  `${write.at ?? "/custom_fields"}/${key}`;

/**
 * The record's `custom_fields` after a write, validated against the
 * object's definitions, coerced to their types, with defaults on create
 * (and on replacement), and the value index rewritten in the same
 * transaction. A given key merges into the stored values and `null` removes
 * it. An object without definitions keeps free-form values.
 */
export async function writeCustomFields(
  tx: WriteTx,
  scope: WriteScope,
  write: CustomFieldWrite,
): Promise<CustomFieldMap> {
  const fresh = write.before === null || write.replace === true;
  const pathOf = (key: string) => fieldPath(write, key);
  if (!fresh && write.input === undefined) return write.before as CustomFieldMap;
  const definitions = await definitionsOf(tx, scope.tenantId, write.object);
  const values: CustomFieldMap = fresh ? {} : { ...write.before };
  for (const [key, value] of Object.entries(write.input ?? {})) {
    if (value === null) delete values[key];
    else if (definitions.size === 0) values[key] = value;
    else {
      const definition = definitions.get(key);
      if (!definition) throw invalid(pathOf(key), `is not a field of ${write.object}`);
      values[key] = coerceValue(definition, value, pathOf(key)).value;
    }
  }
  if (definitions.size === 0) return values;
  for (const definition of definitions.values()) {
    if (fresh && values[definition.key] === undefined && definition.defaultValue != null)
      values[definition.key] = definition.defaultValue;
    if (definition.required && values[definition.key] === undefined)
      throw invalid(pathOf(definition.key), "is required");
  }
  await indexValues(tx, scope, write, definitions, values);
  return values;
}

/** Rewrites the record's rows in the value index, checking references and unique values. */
async function indexValues(
  tx: WriteTx,
  scope: WriteScope,
  write: CustomFieldWrite,
  definitions: Map<string, Definition>,
  values: CustomFieldMap,
) {
  const pathOf = (key: string) => fieldPath(write, key);
  const rows: Array<typeof customFieldValues.$inferInsert> = [];
  for (const definition of definitions.values()) {
    const value = values[definition.key];
    if (value === undefined) continue;
    const changed = JSON.stringify(value) !== JSON.stringify(write.before?.[definition.key]);
    const { index } = coerceValue(definition, value, pathOf(definition.key));
    if (changed) await checkValue(tx, scope.tenantId, write, definition, index);
    for (const entry of index)
      rows.push({
        tenantId: scope.tenantId,
        objectType: write.object,
        fieldKey: definition.key,
        recordId: write.recordId,
        valueText: entry.text,
        valueNum: entry.num,
      });
  }
  if (write.before !== null) await dropIndexedValues(tx, scope.tenantId, write.recordId);
  if (rows.length) await tx.insert(customFieldValues).values(rows);
}

/** A reference names a live record of its object; a unique value is not another record's. */
async function checkValue(
  tx: WriteTx,
  tenantId: string,
  write: CustomFieldWrite,
  definition: Definition,
  index: IndexEntry[],
) {
  const path = fieldPath(write, definition.key);
  if (definition.type === "reference" && definition.referenceObject) {
    const target = await requireCustomFieldObject(tx, tenantId, definition.referenceObject, path);
    await assertLinked(tx, target.table, tenantId, index[0].text, path);
  }
  if (definition.unique && (await valueTaken(tx, tenantId, write, definition.key, index[0])))
    throw conflict(`custom_fields.${definition.key}: the value belongs to another record`);
}

async function valueTaken(
  tx: WriteTx,
  tenantId: string,
  write: CustomFieldWrite,
  key: string,
  entry: IndexEntry,
): Promise<boolean> {
  const v = customFieldValues;
  const rows = await tx
    .select({ id: v.recordId })
    .from(v)
    .where(
      and(
        eq(v.tenantId, tenantId),
        eq(v.objectType, write.object),
        eq(v.fieldKey, key),
        entry.text !== null ? eq(v.valueText, entry.text) : eq(v.valueNum, entry.num as number),
        ne(v.recordId, write.recordId),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Removes a record's rows from the value index (on delete: its values stop matching filters). */
export async function dropIndexedValues(tx: WriteTx, tenantId: string, recordId: string) {
  const query = prepared(tx, "custom-field-values:drop", () =>
    tx
      .delete(customFieldValues)
      .where(
        and(
          eq(customFieldValues.tenantId, sql.placeholder("tenant")),
          eq(customFieldValues.recordId, sql.placeholder("record")),
        ),
      )
      .prepare(),
  );
  await query.run({ tenant: tenantId, record: recordId });
}
