import { afterAll, beforeAll, expect, test } from "bun:test";
import { getTableConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { type Database, openDatabase } from "../db/client";
import { migrate } from "../db/migrate";
import * as schema from "../db/schema";

let db: Database;
beforeAll(async () => {
  db = await openDatabase(":memory:");
  await migrate(db);
});
afterAll(() => db.close());

const tables = (Object.values(schema) as unknown[]).filter(
  (value): value is SQLiteTable =>
    typeof value === "object" && value !== null && Symbol.for("drizzle:IsDrizzleTable") in value,
);

test("the migrations create every drizzle table with the same columns, types and nullability", async () => {
  expect(tables.length).toBeGreaterThan(5);
  for (const table of tables) {
    const config = getTableConfig(table);
    const result = await db.execute(`PRAGMA table_info(${config.name})`);
    const actual = Object.fromEntries(
      result.map((r) => [
        String(r.name),
        {
          type: String(r.type).toLowerCase(),
          notNull: Number(r.notnull) === 1 || Number(r.pk) === 1,
        },
      ]),
    );
    const expected = Object.fromEntries(
      config.columns.map((c) => [
        c.name,
        { type: c.getSQLType().toLowerCase(), notNull: c.notNull || c.primary },
      ]),
    );
    expect({ table: config.name, columns: actual }).toEqual({
      table: config.name,
      columns: expected,
    });
  }
});

test("every drizzle index exists in the migrated database", async () => {
  for (const table of tables) {
    const config = getTableConfig(table);
    const result = await db.execute(`PRAGMA index_list(${config.name})`);
    const names = new Set(result.map((r) => String(r.name)));
    for (const index of config.indexes) expect(names).toContain(index.config.name);
  }
});
