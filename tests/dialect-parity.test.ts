import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, openDatabase } from "../db/client";
import { migrate } from "../db/migrate";
import { catalogDifferences, postgresCatalog, sqliteCatalog } from "../db/pg/catalog";
import { testDatabase, testPostgresUrl } from "./helpers/database";

// Runs in the suite's PostgreSQL run (.ci/run sets CRMD_TEST_POSTGRES_URL).
const dir = mkdtempSync(join(tmpdir(), "crmd-parity-"));
let sqlite: Database;
let postgres: Database;
let dropPostgres: () => Promise<void> = async () => {};

beforeAll(async () => {
  sqlite = await openDatabase(":memory:");
  await migrate(sqlite);
  if (!testPostgresUrl) return;
  // A new database migrated from scratch (not the test template).
  const created = await testDatabase(dir, { empty: true });
  dropPostgres = created.drop;
  postgres = await openDatabase(created.url);
  await migrate(postgres);
});
afterAll(async () => {
  await sqlite.close();
  await postgres?.close();
  await dropPostgres();
  rmSync(dir, { recursive: true, force: true });
});

test.skipIf(!testPostgresUrl)(
  "SQLite and PostgreSQL migrations make the same tables, columns, indexes (columns and partial condition), triggers and views",
  async () => {
    expect(
      catalogDifferences(await sqliteCatalog(sqlite), await postgresCatalog(postgres)),
    ).toEqual([]);
  },
);

test.skipIf(!testPostgresUrl)(
  "a table, column, index, partial condition, trigger or view on one side only is reported",
  async () => {
    await sqlite.execute("CREATE TABLE parity_probe (id TEXT PRIMARY KEY NOT NULL)");
    await sqlite.execute("ALTER TABLE deals ADD COLUMN parity_probe INTEGER");
    await postgres.execute("CREATE INDEX parity_probe_idx ON deals (title)");
    await postgres.execute("DROP INDEX deals_tenant_lead_idx");
    await postgres.execute("CREATE INDEX deals_tenant_lead_idx ON deals (tenant_id, lead_id)");
    await sqlite.execute(
      "CREATE TRIGGER parity_probe_trigger AFTER INSERT ON tenants BEGIN SELECT 1; END",
    );
    await postgres.execute("DROP VIEW notes_search_text");
    const differences = catalogDifferences(
      await sqliteCatalog(sqlite),
      await postgresCatalog(postgres),
    );
    expect(differences.map((d) => d.split(":")[0]).sort()).toEqual([
      "column deals.parity_probe",
      "index deals_tenant_lead_idx",
      "index parity_probe_idx",
      "table parity_probe",
      "trigger parity_probe_trigger",
      "view notes_search_text",
    ]);
  },
);
