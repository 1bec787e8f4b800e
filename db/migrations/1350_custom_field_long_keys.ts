import { sql } from "drizzle-orm";
import type { WriteTx } from "../client";
import { indexKey, KEY_LITERAL_MAX } from "../index-key";
import { customFieldValues } from "../schema";
import type { MigrationStep } from ".";

/** Rows read back from the work table at a time (each text up to some 30 kB). */
const PAGE = 1_000;
/** Rows per INSERT (within every dialect's parameter limit). */
const BATCH = 500;

const v = customFieldValues;
const WORK = sql.raw("custom_field_values_long");
const COLUMNS = sql.raw("tenant_id, object_type, field_key, value_text, value_num, record_id");
/**
 * The rows that may be long: more bytes than a key's literal code points
 * (octet_length, unlike SQLite's length(), also counts past a NUL); the
 * shorter ones among them come back as they were.
 */
const mayBeLong = sql`octet_length(${sql.raw("value_text")}) > ${KEY_LITERAL_MAX}`;

type Row = {
  /** The row's place in the work table, which pages follow. */
  n: number;
  tenant_id: string;
  object_type: string;
  field_key: string;
  value_text: string;
  value_num: number;
  record_id: string;
};

/**
 * Migration 1350 (both dialects): the value index keys a text longer than
 * KEY_LITERAL_MAX code points by a prefix and a hash (db/index-key.ts), as
 * writes and filters now do, so PostgreSQL takes any text SQLite takes.
 * The rows that may be long move to a numbered work table, then come back
 * keyed a page at a time, in the work table's order (which the rewrite never touches, so
 * no row is keyed twice); the table goes at the end.
 */
export async function keyLongValues(tx: WriteTx, step: MigrationStep): Promise<void> {
  await tx.run(
    sql`create table ${WORK} as select row_number() over () as n, ${COLUMNS} from ${v} where ${mayBeLong}`,
  );
  await tx.run(sql`create index ${sql.raw("custom_field_values_long_n_idx")} on ${WORK} (n)`);
  await tx.run(sql`delete from ${v} where ${mayBeLong}`);
  const [{ n }] = await tx.all<{ n: number }>(sql`select count(*) as n from ${WORK}`);
  const total = Number(n);
  let done = 0;
  for (;;) {
    const rows: Row[] = await tx.all<Row>(
      sql`select n, ${COLUMNS} from ${WORK} where n > ${done} order by n limit ${PAGE}`,
    );
    for (let i = 0; i < rows.length; i += BATCH)
      await tx.insert(v).values(
        rows.slice(i, i + BATCH).map((row) => ({
          tenantId: row.tenant_id,
          objectType: row.object_type,
          fieldKey: row.field_key,
          valueText: indexKey(row.value_text),
          valueNum: Number(row.value_num),
          recordId: row.record_id,
        })),
      );
    if (rows.length) done = Number(rows[rows.length - 1].n);
    step.progress(done, total);
    if (rows.length < PAGE) break;
  }
  await tx.run(sql`drop table ${WORK}`);
}
