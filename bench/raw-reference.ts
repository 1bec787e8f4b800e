/**
 * The raw reference: the fewest lines that answer crmd's hot list query —
 * Bun.serve + bun:sqlite, one prepared statement, no auth, no framework — on
 * the same database file. crmd's figures are reported as a ratio to this.
 *   bun bench/raw-reference.ts <db file> <tenant id> <port>
 */
import { Database } from "bun:sqlite";

const [path, tenantId, port] = process.argv.slice(2);
const db = new Database(path, { readonly: true });
db.exec("PRAGMA busy_timeout = 5000");
const page = db.query(
  `SELECT * FROM deals WHERE tenant_id = ? AND status = 'open' AND deleted_at IS NULL
   ORDER BY created_at DESC, id DESC LIMIT 50`,
);
Bun.serve({
  port: Number(port),
  hostname: "127.0.0.1",
  fetch: () => Response.json({ deals: page.all(tenantId) }),
});
console.log(`raw reference on ${port}`);
