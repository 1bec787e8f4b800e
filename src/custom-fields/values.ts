import { and, eq, ne, sql } from "drizzle-orm";
import type { WriteTx } from "../../db/client";
import { customFieldValues } from "../../db/schema";
import { conflict, invalid } from "../errors";
import { assertLinked } from "../links";
import { param, prepared } from "../prepared";
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

type IndexRow = [key: string, text: string | null, num: number | null];

/** The index rows of a record's stored values (defined keys only). */
function indexRowsOf(definitions: Map<string, Definition>, values: CustomFieldMap | null) {
  const rows = new Map<string, IndexRow[]>();
  for (const definition of definitions.values()) {
    const value = values?.[definition.key];
    if (value === undefined || value === null) continue;
    const { index } = coerceValue(definition, value, `/custom_fields/${definition.key}`);
    rows.set(
      definition.key,
      index.map((e) => [definition.key, e.text, e.num]),
    );
  }
  return rows;
}

/**
 * Brings the record's rows in the value index to its values: the fields
 * whose value changed lose their old rows and get new ones (a create
 * inserts all, in one statement), each new value checked (references,
 * unique values) first.
 */
async function indexValues(
  tx: WriteTx,
  scope: WriteScope,
  write: CustomFieldWrite,
  definitions: Map<string, Definition>,
  values: CustomFieldMap,
) {
  const before = write.before === null ? new Map() : indexRowsOf(definitions, write.before);
  const after = indexRowsOf(definitions, values);
  const stale: IndexRow[] = [];
  const fresh: IndexRow[] = [];
  for (const definition of definitions.values()) {
    const old = before.get(definition.key) ?? [];
    const now = after.get(definition.key) ?? [];
    if (JSON.stringify(old) === JSON.stringify(now)) continue;
    if (now.length) await checkValue(tx, scope.tenantId, write, definition, now);
    stale.push(...old);
    fresh.push(...now);
  }
  await deleteIndexRows(tx, scope.tenantId, write.object, write.recordId, stale);
  if (fresh.length)
    await insertIndexRows(tx).run({
      tenant: scope.tenantId,
      object: write.object,
      record: write.recordId,
      rows: JSON.stringify(fresh),
    });
}

/**
 * One prepared INSERT … SELECT over a JSON array of [key, text, number]
 * rows: a record's index rows go in one statement, built once (a drizzle
 * multi-row insert is built anew for every record).
 */
const insertIndexRows = (tx: WriteTx) =>
  prepared(tx, "custom-field-values:insert", () =>
    tx
      .insert(customFieldValues)
      .select(
        tx
          .select({
            tenantId: sql<string>`${param("tenant")}`.as("tenant_id"),
            objectType: sql<string>`${param("object")}`.as("object_type"),
            fieldKey: sql<string>`json_extract(value, '$[0]')`.as("field_key"),
            recordId: sql<string>`${param("record")}`.as("record_id"),
            valueText: sql<string | null>`json_extract(value, '$[1]')`.as("value_text"),
            // The cast is a no-op on SQLite (a REAL column) and types the value on PostgreSQL.
            valueNum: sql<number | null>`cast(json_extract(value, '$[2]') as double precision)`.as(
              "value_num",
            ),
          })
          .from(sql`json_each(${param("rows")})`),
      )
      .prepare(),
  );

/** A reference names a live record of its object; a unique value is not another record's. */
async function checkValue(
  tx: WriteTx,
  tenantId: string,
  write: CustomFieldWrite,
  definition: Definition,
  rows: IndexRow[],
) {
  const [, text, num] = rows[0];
  const path = fieldPath(write, definition.key);
  if (definition.type === "reference" && definition.referenceObject) {
    const target = await requireCustomFieldObject(tx, tenantId, definition.referenceObject, path);
    await assertLinked(tx, target.table, tenantId, text, path);
  }
  if (definition.unique && (await valueTaken(tx, tenantId, write, definition.key, { text, num })))
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

/** Removes these index rows of a record, each found through its value's index. */
async function deleteIndexRows(
  tx: WriteTx,
  tenantId: string,
  object: string,
  recordId: string,
  rows: IndexRow[],
) {
  for (const [key, text, num] of rows)
    await (text !== null ? deleteTextRow(tx) : deleteNumRow(tx)).run({
      tenant: tenantId,
      object,
      key,
      record: recordId,
      value: text ?? num,
    });
}

const deleteRow = (tx: WriteTx, column: "valueText" | "valueNum") =>
  prepared(tx, `custom-field-values:delete:${column}`, () => {
    const v = customFieldValues;
    return tx
      .delete(v)
      .where(
        and(
          eq(v.tenantId, param("tenant")),
          eq(v.objectType, param("object")),
          eq(v.fieldKey, param("key")),
          eq(v[column], param("value")),
          eq(v.recordId, param("record")),
        ),
      )
      .prepare();
  });
const deleteTextRow = (tx: WriteTx) => deleteRow(tx, "valueText");
const deleteNumRow = (tx: WriteTx) => deleteRow(tx, "valueNum");

/**
 * Removes a deleted record's rows from the value index: its values stop
 * matching filters and its unique values are free again.
 */
export async function dropIndexedValues(
  tx: WriteTx,
  tenantId: string,
  object: string,
  record: { id: string; customFields: CustomFieldMap },
) {
  const rows = indexRowsOf(await definitionsOf(tx, tenantId, object), record.customFields);
  await deleteIndexRows(tx, tenantId, object, record.id, [...rows.values()].flat());
}
