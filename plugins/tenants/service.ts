import { asc, eq, or } from "drizzle-orm";
import type { Database, WriteTx } from "../../db/client";
import { tenants } from "../../db/schema";
import { conflict, newId, notFound } from "../../src/core";

export interface TenantView {
  id: string;
  name: string;
  created_at: string;
}

const view = (row: typeof tenants.$inferSelect): TenantView => ({
  id: row.id,
  name: row.name,
  created_at: row.createdAt.toISOString(),
});

/** Runs one write transaction: the database's own, or the app's (which stores an Idempotency-Key's replay with it). */
type Writer = <T>(fn: (tx: WriteTx) => Promise<T>) => Promise<T>;

export async function createTenant(
  db: Database,
  name: string,
  now: Date,
  write: Writer = (fn) => db.transaction(fn),
): Promise<TenantView> {
  const row = { id: newId(), name, createdAt: now };
  try {
    return await write(async (tx) => {
      await tx.insert(tenants).values(row);
      return view(row);
    });
  } catch (error) {
    if (db.dialect.isUniqueViolation(error))
      throw conflict(`A tenant named "${name}" already exists`);
    throw error;
  }
}

export async function listTenants(db: Database): Promise<TenantView[]> {
  const rows = await db.read
    .select()
    .from(tenants)
    .orderBy(asc(tenants.createdAt), asc(tenants.id));
  return rows.map(view);
}

/** Finds a tenant by id or by name. */
export async function findTenant(db: Database, idOrName: string): Promise<TenantView> {
  const [row] = await db.read
    .select()
    .from(tenants)
    .where(or(eq(tenants.id, idOrName), eq(tenants.name, idOrName)));
  if (!row) throw notFound(`Tenant ${idOrName}`);
  return view(row);
}
