import { and, eq, inArray, isNull } from "drizzle-orm";
import { customFieldValues, customRecords } from "../../db/schema";
import {
  type AppContext,
  associatedWith,
  coerceValue,
  customFieldFilters,
  definitionRows,
  type FieldSpec,
  type FieldType,
  filterBy,
  indexedValueIs,
  insertRow,
  invalid,
  lifecycleFields,
  listPage,
  newId,
  notFound,
  type ReadDb,
  runBulk,
  softDelete,
  unlinkAll,
  updateRow,
  upsert,
  valueAt,
  versioned,
  type WriteScope,
  type WriteTx,
  writeCustomFields,
} from "../../src/core";
import type { RecordInputBody, RecordView } from "./model";
import { displayOf, liveRecord, type ObjectTypeRow, recordsOf } from "./types";

type Row = typeof customRecords.$inferSelect;

export const recordView = (row: Row): RecordView =>
  versioned(row, {
    id: row.id,
    object: row.objectType,
    display: row.display,
    properties: row.customFields,
    ...lifecycleFields(row),
  });

export async function findRecord(db: ReadDb | WriteTx, type: ObjectTypeRow, id: string) {
  const [row] = await (db as ReadDb)
    .select()
    .from(customRecords)
    .where(liveRecord(type.tenantId, type.plural, id));
  if (!row) throw notFound(type.label);
  return row as Row;
}

export async function insertRecord(
  tx: WriteTx,
  scope: WriteScope,
  type: ObjectTypeRow,
  input: RecordInputBody,
) {
  const id = newId();
  const customFields = await writeCustomFields(tx, scope, {
    object: type.plural,
    recordId: id,
    before: null,
    input: input.properties,
    at: "/properties",
  });
  const row = { id, objectType: type.plural, display: displayOf(type, customFields), customFields };
  return (
    await insertRow(tx, scope, {
      table: customRecords,
      row,
      entityType: type.name,
      view: recordView,
    })
  ).view;
}

/** PATCH (values merge, null removes) or PUT (`replace`: the given values are all there is). */
export async function applyRecordUpdate(
  tx: WriteTx,
  scope: WriteScope,
  type: ObjectTypeRow,
  before: Row,
  input: RecordInputBody,
  replace = false,
) {
  const customFields = await writeCustomFields(tx, scope, {
    object: type.plural,
    recordId: before.id,
    before: before.customFields,
    input: input.properties,
    replace,
    at: "/properties",
  });
  const columns = { customFields, display: displayOf(type, customFields) };
  const update = {
    table: customRecords,
    row: before,
    columns,
    entityType: type.name,
    view: recordView,
  };
  return (await updateRow(tx, scope, update)).view;
}

export async function deleteRecord(
  tx: WriteTx,
  scope: WriteScope,
  type: ObjectTypeRow,
  id: string,
) {
  const row = await findRecord(tx, type, id);
  const deleted = { table: customRecords, row, entityType: type.name, view: recordView };
  const { data } = await softDelete(tx, scope, deleted);
  await unlinkAll(tx, scope, { object: type.plural, id });
  return data;
}

export interface RecordListParams {
  page?: number;
  page_size?: number;
  since?: string;
  cursor?: string;
  search?: string;
  associated_with?: string;
}

export async function listRecords(
  ctx: AppContext,
  type: ObjectTypeRow,
  query: RecordListParams,
  url: string,
) {
  const { tenantId, plural } = type;
  const custom = await customFieldFilters(ctx.db.read, tenantId, plural, customRecords.id, url);
  return listPage({
    db: ctx.db,
    cache: ctx.cache,
    table: customRecords,
    tenantId,
    query,
    map: recordView,
    filters: [
      filterBy(customRecords.objectType, "eq", plural),
      query.search === undefined
        ? undefined
        : ctx.db.dialect.containsIgnoreCase(customRecords.display, query.search),
      associatedWith(tenantId, plural, customRecords.id, query.associated_with),
      ...custom,
    ],
  });
}

/** The live record whose unique field `key` holds `value`, if any (bulk upsert key). */
async function findByUnique(tx: WriteTx, type: ObjectTypeRow, spec: FieldSpec, value: unknown) {
  if (value === undefined || value === null) return undefined;
  const coerced = coerceValue(spec, value, `/properties/${spec.key}`);
  // Blank text is no value: it matches no record.
  if (coerced.value === "") return undefined;
  const [entry] = coerced.index;
  const v = customFieldValues;
  const ids = tx
    .select({ id: v.recordId })
    .from(v)
    .where(
      and(
        eq(v.tenantId, type.tenantId),
        eq(v.objectType, type.plural),
        eq(v.fieldKey, spec.key),
        indexedValueIs(entry),
      ),
    );
  const [row] = await tx
    .select()
    .from(customRecords)
    .where(
      and(
        inArray(customRecords.id, ids),
        recordsOf(type.plural).records(type.tenantId),
        isNull(customRecords.deletedAt),
      ),
    )
    .limit(1);
  return row as Row | undefined;
}

/** The unique field bulk upserts match on, or 422. */
async function matchField(db: ReadDb, type: ObjectTypeRow, key: string): Promise<FieldSpec> {
  const row = (await definitionRows(db, type.tenantId, type.plural)).find((r) => r.key === key);
  if (!row?.unique) throw invalid("/match_by", "must be the key of a unique field of the object");
  return { key, type: row.type as FieldType, options: row.options, currency: row.currency };
}

/** Up to 500 records: each updates the record matching its `match_by` value, or creates one. */
export async function bulkUpsert(
  ctx: AppContext,
  scope: WriteScope,
  type: ObjectTypeRow,
  records: unknown[],
  matchBy: string | undefined,
  schema: Parameters<typeof runBulk>[2],
) {
  const spec = matchBy === undefined ? undefined : await matchField(ctx.db.read, type, matchBy);
  return runBulk(ctx, records, schema, async (tx, record) => {
    const input = record as RecordInputBody;
    const existing =
      spec && (await findByUnique(tx, type, spec, valueAt(input.properties, spec.key)));
    return upsert(
      existing,
      (row) => applyRecordUpdate(tx, scope, type, row, input),
      () => insertRecord(tx, scope, type, input),
    );
  });
}
