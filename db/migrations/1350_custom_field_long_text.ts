import { and, eq, type SQL, sql } from "drizzle-orm";
import { INDEX_TEXT_MAX, indexedText } from "../../src/custom-fields/types";
import type { WriteTx } from "../client";
import { customFieldValues } from "../schema";
import type { MigrationStep } from ".";

const v = customFieldValues;
/** Rows rewritten per round. */
const PAGE = 500;

/**
 * Rows whose text is longer than the index holds as it is. A text held as
 * indexedText makes it (INDEX_TEXT_MAX characters, `#`, 64 hex digits) is
 * not one of them.
 */
const tooLong = sql`length(${v.valueText}) > ${INDEX_TEXT_MAX} and not (length(${v.valueText}) = ${INDEX_TEXT_MAX + 65} and substr(${v.valueText}, ${INDEX_TEXT_MAX + 1}, 1) = '#')`;

type Row = typeof customFieldValues.$inferSelect;

const sameRow = (row: Row): SQL =>
  and(
    eq(v.tenantId, row.tenantId),
    eq(v.objectType, row.objectType),
    eq(v.fieldKey, row.fieldKey),
    eq(v.valueText, row.valueText),
    eq(v.valueNum, row.valueNum),
    eq(v.recordId, row.recordId),
  ) as SQL;

/**
 * Migration 1350 (both dialects): index text longer than INDEX_TEXT_MAX
 * characters becomes what writes and filters now use for it, its prefix
 * and digest (src/custom-fields/types.ts). Only an embedded database can
 * hold such rows: PostgreSQL refused them.
 */
export async function digestLongIndexText(tx: WriteTx, step: MigrationStep): Promise<void> {
  const [{ n }] = await tx.all<{ n: number }>(sql`select count(*) as n from ${v} where ${tooLong}`);
  const total = Number(n);
  let done = 0;
  for (;;) {
    const rows = await tx.select().from(v).where(tooLong).limit(PAGE);
    if (rows.length === 0) break;
    for (const row of rows) await tx.delete(v).where(sameRow(row));
    await tx
      .insert(v)
      .values(rows.map((row) => ({ ...row, valueText: indexedText(row.valueText) })))
      .onConflictDoNothing();
    done += rows.length;
    step.progress(done, total);
  }
}
