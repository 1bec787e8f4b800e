import { and, asc, eq, inArray, ne, or } from "drizzle-orm";
import type { Database, ReadDb, WriteTx } from "../../db/client";
import { tenantSmsNumbers, tenants } from "../../db/schema";
import { conflict, invalid, newId, notFound, phoneParser } from "../../src/core";

export interface TenantView {
  id: string;
  name: string;
  sms_numbers: string[];
  created_at: string;
}

type TenantRow = typeof tenants.$inferSelect;

const view = (row: TenantRow, smsNumbers: string[]): TenantView => ({
  id: row.id,
  name: row.name,
  sms_numbers: smsNumbers,
  created_at: row.createdAt.toISOString(),
});

/** Runs one write transaction: the database's own, or the app's (which stores an Idempotency-Key's replay with it). */
type Writer = <T>(fn: (tx: WriteTx) => Promise<T>) => Promise<T>;

/**
 * Sender numbers as given, in E.164 and each once (`+1 415-555-0101` is
 * `+14155550101`), in their order; one that is no valid number is 422 at
 * its place in `sms_numbers`.
 */
async function normaliseSmsNumbers(numbers: string[]): Promise<string[]> {
  const e164 = await phoneParser();
  const normalised = numbers.map((number, i) => {
    const written = e164(number);
    if (!written)
      throw invalid(
        `/sms_numbers/${i}`,
        "is not a valid phone number in international format (E.164, +…)",
      );
    return written;
  });
  return [...new Set(normalised)];
}

/** Each tenant's sender numbers, default first. */
async function smsNumbersByTenant(db: ReadDb | WriteTx, tenantIds?: string[]) {
  const rows = await (db as ReadDb)
    .select({ tenantId: tenantSmsNumbers.tenantId, number: tenantSmsNumbers.number })
    .from(tenantSmsNumbers)
    .where(tenantIds ? inArray(tenantSmsNumbers.tenantId, tenantIds) : undefined)
    .orderBy(asc(tenantSmsNumbers.tenantId), asc(tenantSmsNumbers.position));
  const byTenant = new Map<string, string[]>();
  for (const row of rows)
    byTenant.set(row.tenantId, [...(byTenant.get(row.tenantId) ?? []), row.number]);
  return byTenant;
}

/** A tenant's SMS sender numbers (E.164), its default first; empty when it has none. */
export async function smsNumbersOf(db: ReadDb | WriteTx, tenantId: string): Promise<string[]> {
  return (await smsNumbersByTenant(db, [tenantId])).get(tenantId) ?? [];
}

/** The tenant an E.164 number is recorded for, if any. */
export async function smsNumberOwner(db: ReadDb | WriteTx, number: string) {
  const [row] = await (db as ReadDb)
    .select({ tenantId: tenantSmsNumbers.tenantId })
    .from(tenantSmsNumbers)
    .where(eq(tenantSmsNumbers.number, number));
  return row?.tenantId ?? null;
}

/**
 * Makes `numbers` the tenant's sender numbers, in that order. One recorded
 * for another tenant is 409 naming it: a number's replies and STOPs reach
 * one tenant only (the one its webhook names), so only that one may send
 * from it.
 */
async function replaceSmsNumbers(tx: WriteTx, tenantId: string, numbers: string[], now: Date) {
  if (numbers.length > 0) {
    const [taken] = await tx
      .select({ number: tenantSmsNumbers.number, name: tenants.name, id: tenants.id })
      .from(tenantSmsNumbers)
      .innerJoin(tenants, eq(tenants.id, tenantSmsNumbers.tenantId))
      .where(
        and(inArray(tenantSmsNumbers.number, numbers), ne(tenantSmsNumbers.tenantId, tenantId)),
      )
      .orderBy(asc(tenantSmsNumbers.number));
    if (taken)
      throw conflict(
        `${taken.number} is already a sender number of the tenant "${taken.name}" (${taken.id})`,
      );
  }
  await tx.delete(tenantSmsNumbers).where(eq(tenantSmsNumbers.tenantId, tenantId));
  if (numbers.length > 0)
    await tx
      .insert(tenantSmsNumbers)
      .values(numbers.map((number, position) => ({ number, tenantId, position, createdAt: now })));
}

/** A unique violation: a name taken, or (two admins at once) a number. */
function conflictOf(db: Database, error: unknown, name?: string) {
  if (!db.dialect.isUniqueViolation(error)) return error;
  return conflict(
    name === undefined
      ? "One of these numbers was just recorded for another tenant"
      : `A tenant named "${name}" already exists, or one of its numbers is another tenant's`,
  );
}

export async function createTenant(
  db: Database,
  name: string,
  now: Date,
  write: Writer = (fn) => db.transaction(fn),
  smsNumbers: string[] = [],
): Promise<TenantView> {
  const numbers = await normaliseSmsNumbers(smsNumbers);
  const row = { id: newId(), name, createdAt: now };
  try {
    return await write(async (tx) => {
      const [named] = await tx
        .select({ id: tenants.id })
        .from(tenants)
        .where(eq(tenants.name, name));
      if (named) throw conflict(`A tenant named "${name}" already exists`);
      await tx.insert(tenants).values(row);
      await replaceSmsNumbers(tx, row.id, numbers, now);
      return view(row, numbers);
    });
  } catch (error) {
    throw conflictOf(db, error, name);
  }
}

/** Replaces the tenant's SMS sender numbers (given by id or name); answers the tenant. */
export async function setSmsNumbers(
  db: Database,
  idOrName: string,
  smsNumbers: string[],
  now: Date,
  write: Writer = (fn) => db.transaction(fn),
): Promise<TenantView> {
  const numbers = await normaliseSmsNumbers(smsNumbers);
  try {
    return await write(async (tx) => {
      const row = await tenantRow(tx, idOrName);
      await replaceSmsNumbers(tx, row.id, numbers, now);
      return view(row, numbers);
    });
  } catch (error) {
    throw conflictOf(db, error);
  }
}

export async function listTenants(db: Database): Promise<TenantView[]> {
  const rows = await db.read
    .select()
    .from(tenants)
    .orderBy(asc(tenants.createdAt), asc(tenants.id));
  const numbers = await smsNumbersByTenant(db.read);
  return rows.map((row) => view(row, numbers.get(row.id) ?? []));
}

async function tenantRow(db: ReadDb | WriteTx, idOrName: string): Promise<TenantRow> {
  const [row] = await db
    .select()
    .from(tenants)
    .where(or(eq(tenants.id, idOrName), eq(tenants.name, idOrName)));
  if (!row) throw notFound(`Tenant ${idOrName}`);
  return row;
}

/** Finds a tenant by id or by name. */
export async function findTenant(db: Database, idOrName: string): Promise<TenantView> {
  const row = await tenantRow(db.read, idOrName);
  return view(row, await smsNumbersOf(db.read, row.id));
}
