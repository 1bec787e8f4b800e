/**
 * The raw PostgreSQL reference: crmd's hot list query on Bun.serve + Bun.SQL,
 * one statement, no auth, no framework, on the same database.
 *   bun bench/raw-reference-pg.ts <postgres url> <tenant id> <port>
 */
import { SQL } from "bun";

const [url, tenantId, port] = process.argv.slice(2);
const sql = new SQL(url, { max: 16 });
Bun.serve({
  port: Number(port),
  hostname: "127.0.0.1",
  fetch: async () =>
    Response.json({
      deals: await sql`SELECT * FROM deals WHERE tenant_id = ${tenantId} AND status = 'open'
        AND deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 50`,
    }),
});
console.log(`raw PostgreSQL reference on ${port}`);
