import { and, asc, eq, gt, inArray, isNull, or } from "drizzle-orm";
import type { WriteTx } from "../client";
import { customFieldDefinitions, customFieldValues } from "../schema";

/** The field types whose equality filters ignore letter case from this migration on. */
const CASELESS_TYPES = ["text", "select", "multi_select", "url"];
const PAGE = 5_000;

/**
 * Migration 1300 (both dialects): the value index holds text, select,
 * multi-select and url values in lower case (in every script: JavaScript's
 * toLowerCase, as the write path does; neither SQLite's lower() nor
 * PostgreSQL's under the C locale folds beyond ASCII), so `cf.<key>=v`
 * matches in any case. Each row not yet lower case is replaced by its
 * lower-case twin; two values of one record that differ only in case
 * become one row.
 */
export async function foldCaselessValues(tx: WriteTx): Promise<void> {
  const d = customFieldDefinitions;
  const v = customFieldValues;
  const fields: Array<{ tenantId: string; objectType: string; key: string }> = await tx
    .select({ tenantId: d.tenantId, objectType: d.objectType, key: d.key })
    .from(d)
    .where(and(inArray(d.type, CASELESS_TYPES), isNull(d.archivedAt)));
  for (const field of fields) {
    const ofField = and(
      eq(v.tenantId, field.tenantId),
      eq(v.objectType, field.objectType),
      eq(v.fieldKey, field.key),
    );
    let after: { text: string; record: string } | undefined;
    for (;;) {
      const rows: Array<{ text: string; record: string }> = await tx
        .select({ text: v.valueText, record: v.recordId })
        .from(v)
        .where(
          and(
            ofField,
            after &&
              or(
                gt(v.valueText, after.text),
                and(eq(v.valueText, after.text), gt(v.recordId, after.record)),
              ),
          ),
        )
        .orderBy(asc(v.valueText), asc(v.recordId))
        .limit(PAGE);
      for (const row of rows) {
        const folded = row.text.toLowerCase();
        if (folded === row.text) continue;
        await tx
          .delete(v)
          .where(and(ofField, eq(v.valueText, row.text), eq(v.recordId, row.record)));
        await tx
          .insert(v)
          .values({
            tenantId: field.tenantId,
            objectType: field.objectType,
            fieldKey: field.key,
            valueText: folded,
            recordId: row.record,
          })
          .onConflictDoNothing();
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1];
    }
  }
}
