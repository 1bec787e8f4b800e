import { and, eq, isNull, sql } from "drizzle-orm";
import type { ReadDb, WriteTx } from "../../db/client";
import { batchOf } from "../../db/group-commit";
import { customFieldDefinitions } from "../../db/schema";
import { outsideWriteVersion } from "../../db/write-version";
import { forgetInBatch, perBatch } from "../batch-values";
import { prepared } from "../prepared";
import type { FieldSpec, FieldType } from "./types";

export type DefinitionRow = typeof customFieldDefinitions.$inferSelect;

/** A live definition as the write path and filters use it. */
export interface Definition extends FieldSpec {
  label: string;
  required: boolean;
  unique: boolean;
  defaultValue: unknown;
  referenceObject: string | null;
}

export const toDefinition = (row: DefinitionRow): Definition => ({
  key: row.key,
  type: row.type as FieldType,
  options: row.options,
  currency: row.currency,
  label: row.label,
  required: row.required,
  unique: row.unique,
  defaultValue: row.defaultValue,
  referenceObject: row.referenceObject,
});

const batchKey = (tenantId: string, object: string) => `custom-fields:${tenantId}:${object}`;

/** Live definition rows of one object type, oldest first. */
export async function definitionRows(
  db: ReadDb | WriteTx,
  tenantId: string,
  object: string,
): Promise<DefinitionRow[]> {
  const query = prepared(db, "custom-field-definitions", () =>
    db
      .select()
      .from(customFieldDefinitions)
      .where(
        and(
          eq(customFieldDefinitions.tenantId, sql.placeholder("tenant")),
          eq(customFieldDefinitions.objectType, sql.placeholder("object")),
          isNull(customFieldDefinitions.archivedAt),
        ),
      )
      .prepare(),
  );
  const rows = (await query.all({ tenant: tenantId, object })) as DefinitionRow[];
  // Sorted here: an ORDER BY costs SQLite a sorter even when no row matches (~30 µs a write batch).
  return rows.sort(
    (a, b) =>
      a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** Definitions kept across batches per write handle, while no outside write happened. */
const kept = new WeakMap<
  object,
  { version: number; byKey: Map<string, Map<string, Definition>> }
>();

/** The write handle's kept definitions, emptied when an outside write moved its version. */
function keptFor(db: ReadDb | WriteTx) {
  const version = outsideWriteVersion(db);
  if (version === null) return undefined;
  let entry = kept.get(db);
  if (entry?.version !== version) {
    entry = { version, byKey: new Map() };
    kept.set(db, entry);
  }
  return entry.byKey;
}

const load = async (db: ReadDb | WriteTx, tenantId: string, object: string) =>
  new Map((await definitionRows(db, tenantId, object)).map((row) => [row.key, toDefinition(row)]));

/**
 * The live definitions of one object type, keyed by field key. On the
 * embedded write handle they are read once and kept until a definition
 * write of this process or an outside write (db/write-version.ts); elsewhere
 * once per group-commit batch.
 */
export const definitionsOf = (
  db: ReadDb | WriteTx,
  tenantId: string,
  object: string,
): Promise<Map<string, Definition>> => {
  const key = batchKey(tenantId, object);
  return perBatch(db, key, async () => {
    const byKey = keptFor(db);
    const hit = byKey?.get(key);
    if (hit) return hit;
    const definitions = await load(db, tenantId, object);
    byKey?.set(key, definitions);
    return definitions;
  });
};

/**
 * After a definition write: the rest of the batch reads the definitions
 * afresh, and so does everything after the batch (it may commit or roll
 * back: what is kept meanwhile is dropped once it ends).
 */
export function refreshDefinitions(tx: WriteTx, tenantId: string, object: string) {
  const key = batchKey(tenantId, object);
  const forget = () => kept.get(tx)?.byKey.delete(key);
  forget();
  forgetInBatch(tx, key);
  batchOf(tx)?.beforeCommit(async () => {
    forget();
  });
}
