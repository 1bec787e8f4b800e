/**
 * `bun bench/caseless-migration.ts [rows] [--url URL]`: migration 1300 (the
 * custom-field value index folded to lower case) on a generated database:
 * one select field of deals with `rows` values (default 300,000), every one
 * spelled with capitals, a fifth of them beyond ASCII ("Zürich"). Without
 * --url a temporary embedded file; with a postgres:// URL, an empty
 * database. Prints the migration's time, rows per second, and checks that
 * every value came out in lower case, once.
 */
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count, eq } from "drizzle-orm";
import { openDatabase } from "../db/client";
import { migrate, migrationsOf } from "../db/migrate";
import { customFieldDefinitions, customFieldValues } from "../db/schema";
import { newId } from "../src/ids";
import { seedProgressBar } from "../src/progress";

const args = process.argv.slice(2);
const urlAt = args.indexOf("--url");
const url = urlAt >= 0 ? args[urlAt + 1] : undefined;
const rows = Number(args.find((a, i) => /^\d+$/.test(a) && i !== urlAt + 1) ?? 300_000);
const OPTIONS = ["North", "South", "East", "West", "Zürich"];
const CASELESS = "1300_custom_field_caseless";

const path = join(tmpdir(), `crmd-caseless-bench-${Date.now()}.db`);
const db = await openDatabase(url ?? `file:${path}`);
try {
  await migrate(
    db,
    migrationsOf(db).filter((m) => m.id !== CASELESS),
  );
  const now = new Date();
  const field = { tenantId: "t1", objectType: "deals", key: "region" };
  await db.transaction((tx) =>
    tx.insert(customFieldDefinitions).values({
      id: newId(),
      ...field,
      label: "Region",
      type: "select",
      options: OPTIONS,
      createdAt: now,
      updatedAt: now,
    }),
  );
  const started = performance.now();
  const CHUNK = 2_000;
  for (let from = 0; from < rows; from += CHUNK * 10)
    await db.transaction(async (tx) => {
      for (let at = from; at < Math.min(from + CHUNK * 10, rows); at += CHUNK) {
        const values = [];
        for (let i = at; i < Math.min(at + CHUNK, rows); i++)
          values.push({
            tenantId: field.tenantId,
            objectType: field.objectType,
            fieldKey: field.key,
            valueText: OPTIONS[i % OPTIONS.length],
            valueNum: 0,
            recordId: `r${String(i).padStart(8, "0")}`,
          });
        await tx.insert(customFieldValues).values(values);
      }
    });
  process.stderr.write(
    `generated ${rows.toLocaleString("en")} values in ${Math.round(performance.now() - started)} ms\n`,
  );

  const t0 = performance.now();
  const applied = await migrate(db, migrationsOf(db), seedProgressBar());
  const ms = performance.now() - t0;
  if (applied.join() !== CASELESS) throw new Error(`applied ${applied.join()}`);

  const byValue = await db.read
    .select({ text: customFieldValues.valueText, n: count() })
    .from(customFieldValues)
    .where(eq(customFieldValues.fieldKey, field.key))
    .groupBy(customFieldValues.valueText);
  const expected = OPTIONS.map((o) => o.toLowerCase()).sort();
  const found = byValue.map((r) => r.text).sort();
  const total = byValue.reduce((sum, r) => sum + Number(r.n), 0);
  if (JSON.stringify(found) !== JSON.stringify(expected) || total !== rows)
    throw new Error(`after the migration: ${JSON.stringify(byValue)}`);
  console.log(
    JSON.stringify({
      backend: url ? db.kind : "embedded",
      rows,
      migration_ms: Math.round(ms),
      rows_per_s: Math.round(rows / (ms / 1000)),
    }),
  );
} finally {
  await db.close();
  if (!url) for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
}
