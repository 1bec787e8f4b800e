import {
  and,
  asc,
  count,
  desc,
  eq,
  inArray,
  isNull,
  ne,
  type SQL,
  type SQLWrapper,
  sql,
} from "drizzle-orm";
import type { WriteTx } from "../client";
import { customFieldDefinitions, customFieldValues } from "../schema";
import type { MigrationStep } from ".";

/** The field types whose equality filters ignore letter case from this migration on. */
const CASELESS_TYPES = ["text", "select", "multi_select", "url"];
/** Rows rewritten between two progress reports. */
const PAGE = 20_000;
/** Rows per INSERT where the text comes to JavaScript (within every dialect's parameter limit). */
const BATCH = 2_000;

const v = customFieldValues;
type Field = { tenantId: string; objectType: string; key: string };

const ofField = (field: Field) =>
  and(
    eq(v.tenantId, field.tenantId),
    eq(v.objectType, field.objectType),
    eq(v.fieldKey, field.key),
  );

/**
 * Migration 1300 (both dialects): the value index holds text, select,
 * multi-select and url values in lower case (in every script: JavaScript's
 * toLowerCase, as the write path does; neither SQLite's lower() nor
 * PostgreSQL's under the C locale folds beyond ASCII), so `cf.<key>=v`
 * matches in any case. Each row not yet lower case is replaced by its
 * lower-case twin; two values of one record that differ only in case
 * become one row. Where the write connection runs toLowerCase in SQL
 * (embedded files) each page of rows is rewritten by two set-based
 * statements; elsewhere the text comes to JavaScript and goes back in
 * multi-row statements. Progress is reported page by page.
 */
export async function foldCaselessValues(tx: WriteTx, step: MigrationStep): Promise<void> {
  const d = customFieldDefinitions;
  const fields: Field[] = await tx
    .select({ tenantId: d.tenantId, objectType: d.objectType, key: d.key })
    .from(d)
    .where(and(inArray(d.type, CASELESS_TYPES), isNull(d.archivedAt)));
  const fold = step.foldCase;
  // Embedded: the rows to rewrite, exactly. Elsewhere: the rows to look at.
  const toDo = (field: Field) =>
    and(ofField(field), fold ? ne(v.valueText, fold(v.valueText)) : undefined);
  const counts: number[] = [];
  for (const field of fields) {
    const [row] = await tx.select({ n: count() }).from(v).where(toDo(field));
    counts.push(Number(row?.n ?? 0));
  }
  const total = counts.reduce((sum, n) => sum + n, 0);
  const progress = { done: 0, total, report: step.progress };
  for (const [i, field] of fields.entries()) {
    const start = progress.done;
    if (fold) await foldInSql(tx, toDo(field), fold, progress);
    else await foldInJavaScript(tx, field, progress);
    progress.done = start + counts[i];
  }
  step.progress(total, total);
}

type Progress = { done: number; total: number; report: MigrationStep["progress"] };

/**
 * A page done: `rows` more. Only the end of the migration reports the total
 * (a twin read again counts twice; a last page may be a full one).
 */
function advance(progress: Progress, rows: number) {
  progress.done += rows;
  if (progress.done < progress.total) progress.report(progress.done, progress.total);
}

/** A row's place in the value index, below its field: what pages start after. */
type Key = { text: string; num: number; record: string };
const KEY = { text: v.valueText, num: v.valueNum, record: v.recordId };
const keyOrder = [v.valueText, v.valueNum, v.recordId];
/** Compares the row's key with `key` (row values: one index range on both dialects). */
const key = (op: "<" | "<=" | ">" | ">=", to: Key) =>
  sql`(${v.valueText}, ${v.valueNum}, ${v.recordId}) ${sql.raw(op)} (${to.text}, ${to.num}, ${to.record})`;

/**
 * Pages of the rows still to fold (`pending`: a field's), in key order: the page's last key is
 * found by an OFFSET, then one INSERT … SELECT adds the lower-case twins
 * and one DELETE removes the originals. Twins are lower case already, so
 * no later page takes them again.
 */
async function foldInSql(
  tx: WriteTx,
  pending: SQL | undefined,
  fold: (value: SQLWrapper) => SQL,
  progress: Progress,
) {
  let after: Key | undefined;
  for (;;) {
    const rest = and(pending, after && key(">", after));
    const [last]: Key[] = await tx
      .select(KEY)
      .from(v)
      .where(rest)
      .orderBy(...keyOrder.map((c) => asc(c)))
      .limit(1)
      .offset(PAGE - 1);
    const page = and(rest, last && key("<=", last));
    await tx
      .insert(v)
      .select(
        tx
          .select({
            tenantId: v.tenantId,
            objectType: v.objectType,
            fieldKey: v.fieldKey,
            valueText: sql<string>`${fold(v.valueText)}`.as("value_text"),
            valueNum: v.valueNum,
            recordId: v.recordId,
          })
          .from(v)
          .where(page),
      )
      .onConflictDoNothing();
    await tx.delete(v).where(page);
    if (!last) return;
    advance(progress, PAGE);
    after = last;
  }
}

/**
 * Pages of the field's rows, read in descending key order (a lower-case
 * twin mostly sorts above its original, so it is seldom read again). Each
 * page's changed rows go in one DELETE (the page's key range, the changed
 * texts: whether a row changes depends on its text alone) and multi-row
 * INSERTs of their twins.
 */
async function foldInJavaScript(tx: WriteTx, field: Field, progress: Progress) {
  let before: Key | undefined;
  for (;;) {
    const unread = and(ofField(field), before && key("<", before));
    const rows: Key[] = await tx
      .select(KEY)
      .from(v)
      .where(unread)
      .orderBy(...keyOrder.map((c) => desc(c)))
      .limit(PAGE);
    const changed = rows.filter((row) => row.text.toLowerCase() !== row.text);
    const lowest = rows[rows.length - 1];
    if (changed.length) {
      const texts = [...new Set(changed.map((row) => row.text))];
      await tx.delete(v).where(and(unread, key(">=", lowest), inArray(v.valueText, texts)));
    }
    for (let i = 0; i < changed.length; i += BATCH)
      await tx
        .insert(v)
        .values(
          changed.slice(i, i + BATCH).map((row) => ({
            tenantId: field.tenantId,
            objectType: field.objectType,
            fieldKey: field.key,
            valueText: row.text.toLowerCase(),
            valueNum: row.num,
            recordId: row.record,
          })),
        )
        .onConflictDoNothing();
    if (rows.length < PAGE) return;
    advance(progress, PAGE);
    before = lowest;
  }
}
