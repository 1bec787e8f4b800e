/**
 * The raw reference: the fewest lines that answer crmd's hot list query —
 * Bun.serve + bun:sqlite, one prepared statement, no auth, no framework — on
 * the same database file. crmd's figures are reported as a ratio to this.
 *   bun bench/raw-reference.ts <db file> <tenant id> <port> [region]
 */
import { Database } from "bun:sqlite";

const [path, tenantId, port, filter] = process.argv.slice(2);
const db = new Database(path, { readonly: true });
db.exec("PRAGMA busy_timeout = 5000");
/** `region`: the list filtered on a custom field, through the value index as crmd queries it. */
const where =
  filter === "region"
    ? `id IN (SELECT record_id FROM custom_field_values WHERE tenant_id = ?1
         AND object_type = 'deals' AND field_key = 'region' AND value_text = 'emea')`
    : "status = 'open'";
const page = db.query(
  `SELECT * FROM deals WHERE tenant_id = ?1 AND ${where} AND deleted_at IS NULL
   ORDER BY created_at DESC, id DESC LIMIT 50`,
);
Bun.serve({
  port: Number(port),
  hostname: "127.0.0.1",
  fetch: () => Response.json({ deals: page.all(tenantId) }),
});
console.log(`raw reference on ${port}`);
