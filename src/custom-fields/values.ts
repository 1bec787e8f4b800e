import { and, eq, isNull, ne, type SQL } from "drizzle-orm";
import type { WriteTx } from "../../db/client";
import { customFieldValues } from "../../db/schema";
import { conflictAt, invalid } from "../errors";
import { NOT_BLANK_MESSAGE } from "../fields";
import { assertLinked } from "../links";
import { param, positionalStatement, prepared } from "../prepared";
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

/** What a write sets, per field key: the index entries of its new value ([] when removed). */
type Changes = Map<string, IndexEntry[]>;

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
  const changes: Changes = new Map();
  const input = write.input ?? {};
  for (const key in input) {
    const value = input[key];
    if (value === null) {
      delete values[key];
      changes.set(key, []);
    } else if (definitions.size === 0) values[key] = value;
    else {
      const definition = definitions.get(key);
      if (!definition) throw invalid(pathOf(key), `is not a field of ${write.object}`);
      const coerced = coerceValue(definition, value, pathOf(key));
      if (coerced.value === "") {
        // Blank text (stored trimmed) is no value, as null: it fills no required field and takes no unique one.
        if (definition.required) throw invalid(pathOf(key), NOT_BLANK_MESSAGE);
        delete values[key];
        changes.set(key, []);
      } else {
        values[key] = coerced.value;
        changes.set(key, coerced.index);
      }
    }
  }
  if (definitions.size === 0) return values;
  for (const definition of definitions.values()) {
    const { key } = definition;
    if (fresh && valueAt(values, key) === undefined && definition.defaultValue != null) {
      const coerced = coerceValue(definition, definition.defaultValue, pathOf(key));
      values[key] = coerced.value;
      changes.set(key, coerced.index);
    }
    const value = valueAt(values, key);
    if (definition.required && isEmpty(value))
      // "": a blank stored before blanks became no value.
      throw invalid(pathOf(key), value === "" ? NOT_BLANK_MESSAGE : "is required");
  }
  await indexValues(tx, scope, write, definitions, fresh, changes);
  return values;
}

/** The value stored under `key`: its own, never Object.prototype's (a field may be named `constructor`). */
export const valueAt = (values: CustomFieldMap, key: string): unknown =>
  Object.hasOwn(values, key) ? values[key] : undefined;

/** No value for a required field: absent, empty text or no option chosen. */
const isEmpty = (value: unknown) =>
  value === undefined || value === "" || (Array.isArray(value) && value.length === 0);

/** A stored value's index entries (none when absent). */
const entriesOf = (definition: Definition, value: unknown): IndexEntry[] =>
  value === undefined || value === null
    ? []
    : coerceValue(definition, value, `/custom_fields/${definition.key}`).index;

const sameEntries = (a: IndexEntry[], b: IndexEntry[]) =>
  a.length === b.length && a.every((e, i) => e.text === b[i].text && e.num === b[i].num);

type IndexRow = [key: string, entry: IndexEntry];

/**
 * Brings the record's rows in the value index to its values: the fields
 * whose value changed (every field on a create or replacement) lose their
 * old rows and get new ones, each new value checked (references, unique
 * values) first.
 */
async function indexValues(
  tx: WriteTx,
  scope: WriteScope,
  write: CustomFieldWrite,
  definitions: Map<string, Definition>,
  fresh: boolean,
  changes: Changes,
) {
  const stale: IndexRow[] = [];
  const added: IndexRow[] = [];
  for (const definition of definitions.values()) {
    const now = changes.get(definition.key) ?? (fresh ? [] : undefined);
    if (now === undefined) continue;
    const old = write.before ? entriesOf(definition, valueAt(write.before, definition.key)) : [];
    if (sameEntries(old, now)) continue;
    if (now.length && (definition.unique || definition.type === "reference"))
      await checkValue(tx, scope.tenantId, write, definition, now[0]);
    for (const entry of old) stale.push([definition.key, entry]);
    for (const entry of now) added.push([definition.key, entry]);
  }
  await deleteIndexRows(tx, scope.tenantId, write.object, write.recordId, stale);
  await insertIndexRows(tx, scope.tenantId, write.object, write.recordId, added);
}

/** Most rows one INSERT of the value index takes (one prepared statement per row count up to it). */
const ROWS_PER_INSERT = 32;

/** The placeholders of a value-index insert of `count` rows, in its columns' order (the table's). */
const rowParams = (count: number) =>
  Array.from({ length: count }, (_, i) => [
    "tenant",
    "object",
    `k${i}`,
    `t${i}`,
    `n${i}`,
    "record",
  ]).flat();
const ROW_PARAMS = Array.from({ length: ROWS_PER_INSERT + 1 }, (_, count) => rowParams(count));

/** Inserts index rows of one record: one multi-row INSERT per 32 rows, prepared once per row count. */
async function insertIndexRows(
  tx: WriteTx,
  tenantId: string,
  object: string,
  recordId: string,
  rows: IndexRow[],
) {
  for (let at = 0; at < rows.length; at += ROWS_PER_INSERT) {
    const chunk = rows.slice(at, at + ROWS_PER_INSERT);
    const query = insertRows(tx, chunk.length);
    const statement = positionalStatement(query, ROW_PARAMS[chunk.length]);
    if (statement) {
      const values: unknown[] = [];
      for (const [key, entry] of chunk)
        values.push(tenantId, object, key, entry.text ?? "", entry.num ?? 0, recordId);
      statement.run(...values);
      continue;
    }
    const values: Record<string, unknown> = { tenant: tenantId, object, record: recordId };
    chunk.forEach(([key, entry], i) => {
      values[`k${i}`] = key;
      values[`t${i}`] = entry.text ?? "";
      values[`n${i}`] = entry.num ?? 0;
    });
    await query.run(values);
  }
}

const insertRows = (tx: WriteTx, count: number) =>
  prepared(tx, `custom-field-values:insert:${count}`, () =>
    tx
      .insert(customFieldValues)
      .values(
        Array.from({ length: count }, (_, i) => ({
          tenantId: param("tenant"),
          objectType: param("object"),
          fieldKey: param(`k${i}`),
          valueText: param(`t${i}`),
          valueNum: param(`n${i}`),
          recordId: param("record"),
        })) as unknown as Array<typeof customFieldValues.$inferInsert>,
      )
      .prepare(),
  );

/** The value index's rows holding `entry` (a text in value_text, or a number in value_num). */
export const indexedValueIs = (entry: IndexEntry): SQL =>
  and(
    eq(customFieldValues.valueText, entry.text ?? ""),
    eq(customFieldValues.valueNum, entry.num ?? 0),
  ) as SQL;

/** A reference names a live record of its object; a unique value is not another record's. */
async function checkValue(
  tx: WriteTx,
  tenantId: string,
  write: CustomFieldWrite,
  definition: Definition,
  entry: IndexEntry,
) {
  const path = fieldPath(write, definition.key);
  if (definition.type === "reference" && definition.referenceObject) {
    const target = await requireCustomFieldObject(tx, tenantId, definition.referenceObject, path);
    await assertLinked(tx, target, tenantId, entry.text, path);
  }
  if (definition.unique && (await valueTaken(tx, tenantId, write, definition.key, entry)))
    throw conflictAt(path, "the value belongs to another record");
}

/**
 * Whether another live record holds the value. Deleted records keep their
 * index rows (so feeds filtered on the field still show their tombstones),
 * but their values are free again.
 */
async function valueTaken(
  tx: WriteTx,
  tenantId: string,
  write: CustomFieldWrite,
  key: string,
  entry: IndexEntry,
): Promise<boolean> {
  const v = customFieldValues;
  const object = await requireCustomFieldObject(tx, tenantId, write.object, "/object");
  const { table } = object;
  const rows = await tx
    .select({ id: v.recordId })
    .from(v)
    .innerJoin(table, eq(table.id, v.recordId))
    .where(
      and(
        eq(v.tenantId, tenantId),
        eq(v.objectType, write.object),
        eq(v.fieldKey, key),
        indexedValueIs(entry),
        ne(v.recordId, write.recordId),
        object.records(tenantId),
        isNull(table.deletedAt),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Removes these index rows of a record, each by its key. */
async function deleteIndexRows(
  tx: WriteTx,
  tenantId: string,
  object: string,
  recordId: string,
  rows: IndexRow[],
) {
  for (const [key, entry] of rows)
    await deleteRow(tx).run({
      tenant: tenantId,
      object,
      key,
      text: entry.text ?? "",
      num: entry.num ?? 0,
      record: recordId,
    });
}

const deleteRow = (tx: WriteTx) =>
  prepared(tx, "custom-field-values:delete", () => {
    const v = customFieldValues;
    return tx
      .delete(v)
      .where(
        and(
          eq(v.tenantId, param("tenant")),
          eq(v.objectType, param("object")),
          eq(v.fieldKey, param("key")),
          eq(v.valueText, param("text")),
          eq(v.valueNum, param("num")),
          eq(v.recordId, param("record")),
        ),
      )
      .prepare();
  });
