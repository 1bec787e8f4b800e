import { and, count, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Database, ReadDb, WriteTx } from "../../db/client";
import { deals, leads, partners } from "../../db/schema";
import {
  type AppContext,
  changedFields,
  cleanTags,
  conflict,
  eqIf,
  findLive,
  hasChanges,
  lifecycleFields,
  listPage,
  newId,
  nextSyncSeq,
  parseTags,
  recordEntityChange,
  softDelete,
  versioned,
  type WriteScope,
} from "../../src/core";
import type {
  CreatePartnerInput,
  PartnerListQueryInput,
  PartnerStatsView,
  PartnerView,
  UpdatePartnerInput,
} from "./model";

type PartnerRow = typeof partners.$inferSelect;

/** The stored fields of a partner as the API shows them (what activity diffs compare). */
const partnerFields = (row: PartnerRow) => ({
  id: row.id,
  name: row.name,
  partner_type: row.partnerType as PartnerView["partner_type"],
  email: row.email,
  phone: row.phone,
  website: row.website,
  status: row.status as PartnerView["status"],
  commission_pct: row.commissionPct,
  tags: row.tags,
  ...lifecycleFields(row),
});

const NO_STATS: PartnerStatsView = { lead_count: 0, deal_count: 0, won_deals: 0, won_value: 0 };

const partnerView = (row: PartnerRow, stats = NO_STATS): PartnerView =>
  versioned(row, {
    ...partnerFields(row),
    ...stats,
  });

/**
 * Lead and deal figures of the given partners: one GROUP BY query per table
 * over the tenant's partner index, whatever the number of partners.
 */
async function partnerStats(
  db: ReadDb | WriteTx,
  tenantId: string,
  ids: string[],
): Promise<Map<string, PartnerStatsView>> {
  if (ids.length === 0) return new Map();
  const read = db as ReadDb;
  const leadCounts = await read
    .select({ id: leads.partnerId, n: count() })
    .from(leads)
    .where(partnerLinks(leads, tenantId, ids))
    .groupBy(leads.partnerId);
  const dealCounts = await read
    .select({
      id: deals.partnerId,
      n: count(),
      won: sql<number>`coalesce(sum(case when ${deals.status} = 'won' then 1 else 0 end), 0)`,
      wonValue: sql<number>`coalesce(sum(case when ${deals.status} = 'won' then ${deals.value} else 0 end), 0)`,
    })
    .from(deals)
    .where(partnerLinks(deals, tenantId, ids))
    .groupBy(deals.partnerId);
  const leadsOf = new Map(leadCounts.map((row) => [row.id, row.n]));
  const dealsOf = new Map(dealCounts.map((row) => [row.id, row]));
  return new Map(
    ids.map((id) => {
      const dealRow = dealsOf.get(id);
      return [
        id,
        {
          lead_count: leadsOf.get(id) ?? 0,
          deal_count: dealRow?.n ?? 0,
          won_deals: Number(dealRow?.won ?? 0),
          won_value: Number(dealRow?.wonValue ?? 0),
        },
      ];
    }),
  );
}

const partnerLinks = (table: typeof leads | typeof deals, tenantId: string, ids: string[]) =>
  and(eq(table.tenantId, tenantId), inArray(table.partnerId, ids), isNull(table.deletedAt));

/** SQL conditions for the list filters (the index test explains the same ones). */
export function partnerFilters(query: PartnerListQueryInput, db: Database): SQL[] {
  const filters = [
    eqIf(partners.status, query.status),
    eqIf(partners.partnerType, query.partner_type),
    db.dialect.hasAllTags(partners.tags, parseTags(query.tags)),
  ];
  return filters.filter((f): f is SQL => f !== undefined);
}

export async function listPartners(
  ctx: AppContext,
  tenantId: string,
  query: PartnerListQueryInput,
) {
  const page = await listPage({
    db: ctx.db,
    cache: ctx.cache,
    table: partners,
    tenantId,
    filters: partnerFilters(query, ctx.db),
    query,
    map: (row: PartnerRow) => row,
  });
  const stats = await partnerStats(
    ctx.db.read,
    tenantId,
    page.items.map((row) => row.id),
  );
  return { ...page, items: page.items.map((row) => partnerView(row, stats.get(row.id))) };
}

const livePartner = (db: ReadDb | WriteTx, tenantId: string, id: string): Promise<PartnerRow> =>
  findLive(db, partners, tenantId, id, "Partner");

async function withStats(db: ReadDb | WriteTx, row: PartnerRow) {
  const stats = await partnerStats(db, row.tenantId, [row.id]);
  return partnerView(row, stats.get(row.id));
}

export async function getPartner(ctx: AppContext, tenantId: string, id: string) {
  return withStats(ctx.db.read, await livePartner(ctx.db.read, tenantId, id));
}

/** Runs a write; a live partner of the tenant already holding the name is a 409. */
async function uniqueName<T>(ctx: AppContext, name: string | undefined, fn: () => Promise<T>) {
  try {
    return await fn();
  } catch (error) {
    if (ctx.db.dialect.isUniqueViolation(error))
      throw conflict(`A partner named "${name?.trim()}" already exists`);
    throw error;
  }
}

interface Change {
  action: "created" | "updated";
  before: PartnerRow | null;
  after: PartnerRow;
}

/**
 * Activity row (stored fields) and partner.<action> event (with stats; an
 * update with `changed_fields`), in the caller's transaction.
 */
async function record(tx: WriteTx, scope: WriteScope, { action, before, after }: Change) {
  const view = await withStats(tx, after);
  const fields = { before: before && partnerFields(before), after: partnerFields(after) };
  const metadata = fields.before
    ? { changed_fields: changedFields(fields.before, fields.after) }
    : {};
  await recordEntityChange(tx, scope, { entityType: "partner", action, ...fields }, [
    { type: `partner.${action}`, data: view, metadata },
  ]);
  return view;
}

export async function createPartner(ctx: AppContext, scope: WriteScope, input: CreatePartnerInput) {
  return uniqueName(ctx, input.name, () =>
    ctx.write(async (tx) => {
      const { tenantId, now } = scope;
      const [row] = await tx
        .insert(partners)
        .values({
          id: newId(),
          tenantId,
          name: input.name.trim(),
          partnerType: input.partner_type ?? "referral",
          email: input.email ?? null,
          phone: input.phone ?? null,
          website: input.website ?? null,
          status: input.status ?? "active",
          commissionPct: input.commission_pct ?? null,
          tags: cleanTags(input.tags ?? []),
          createdAt: now,
          updatedAt: now,
          syncSeq: await nextSyncSeq(tx),
        })
        .returning();
      return record(tx, scope, { action: "created", before: null, after: row });
    }),
  );
}

const patchColumns = (input: UpdatePartnerInput): Partial<PartnerRow> => ({
  name: input.name?.trim(),
  partnerType: input.partner_type,
  email: input.email,
  phone: input.phone,
  website: input.website,
  status: input.status,
  commissionPct: input.commission_pct,
  tags: input.tags && cleanTags(input.tags),
});

/** Partial update; a patch that changes nothing writes nothing (no event). */
export async function updatePartner(
  ctx: AppContext,
  scope: WriteScope,
  id: string,
  input: UpdatePartnerInput,
) {
  return uniqueName(ctx, input.name, () =>
    ctx.write(async (tx) => {
      const before = await livePartner(tx, scope.tenantId, id);
      const columns = patchColumns(input);
      if (!hasChanges(before, columns)) return withStats(tx, before);
      const [after] = await tx
        .update(partners)
        .set({ ...columns, updatedAt: scope.now, syncSeq: await nextSyncSeq(tx) })
        .where(eq(partners.id, id))
        .returning();
      return record(tx, scope, { action: "updated", before, after });
    }),
  );
}

/**
 * Soft delete: the tombstone stays for sync feeds and frees the name. Leads
 * and deals keep their partner_id (history), it just no longer resolves.
 */
export async function deletePartner(ctx: AppContext, scope: WriteScope, id: string) {
  return ctx.write(async (tx) => {
    const row = await livePartner(tx, scope.tenantId, id);
    const data = (r: PartnerRow) => withStats(tx, r);
    const deleted = { table: partners, row, entityType: "partner", view: partnerFields, data };
    return (await softDelete(tx, scope, deleted)).data;
  });
}
