import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { ReadDb, WriteTx } from "../../db/client";
import { customFieldDefinitions } from "../../db/schema";
import { perBatch, setInBatch } from "../batch-values";
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
      .orderBy(asc(customFieldDefinitions.createdAt), asc(customFieldDefinitions.id))
      .prepare(),
  );
  return (await query.all({ tenant: tenantId, object })) as DefinitionRow[];
}

/**
 * The live definitions of one object type, keyed by field key; read once per
 * group-commit batch on the write path (a definition write refreshes it).
 */
export const definitionsOf = (
  db: ReadDb | WriteTx,
  tenantId: string,
  object: string,
): Promise<Map<string, Definition>> =>
  perBatch(db, batchKey(tenantId, object), async () => {
    const rows = await definitionRows(db, tenantId, object);
    return new Map(rows.map((row) => [row.key, toDefinition(row)]));
  });

/** After a definition write: the rest of the batch reads the definitions afresh. */
export async function refreshDefinitions(tx: WriteTx, tenantId: string, object: string) {
  const rows = await definitionRows(tx, tenantId, object);
  setInBatch(tx, batchKey(tenantId, object), new Map(rows.map((r) => [r.key, toDefinition(r)])));
}
