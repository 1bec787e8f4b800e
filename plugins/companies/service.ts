import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Static } from "elysia";
import { activityLog, companies, deals } from "../../db/schema";
import {
  type AppContext,
  associatedWith,
  cleanTags,
  customFieldFilters,
  findLive,
  insertRow,
  invalid,
  lifecycleFields,
  listPage,
  newId,
  parseTags,
  type ReadDb,
  softDelete,
  unlinkAll,
  updateRow,
  versioned,
  type WriteScope,
  type WriteTx,
  writeCustomFields,
} from "../../src/core";
import type { Company, CompanyListQuery, CompanyUpdate } from "./model";

type Row = typeof companies.$inferSelect;
type Columns = Partial<typeof companies.$inferInsert>;
export type CompanyInput = Static<typeof CompanyUpdate>;
export type CompanyView = Static<typeof Company>;

export const companyView = (row: Row): CompanyView =>
  versioned(row, {
    id: row.id,
    name: row.name,
    website: row.website,
    domain: row.domain,
    sector: row.sector,
    size: row.size,
    address: row.address as CompanyView["address"],
    phone: row.phone,
    description: row.description,
    owner: row.owner,
    tags: row.tags,
    custom_fields: row.customFields,
    ...lifecycleFields(row),
  });

/** The longest host name DNS takes, in characters. */
const DOMAIN_MAX = 253;

/**
 * The host of a website or domain as stored and matched: no scheme,
 * credentials, path, port or leading `www.`, lower case. Null when `value`
 * holds no host name with a dot, or a longer one than DNS allows (which
 * also keeps the domain index's entries within PostgreSQL's bound).
 */
export function normaliseDomain(value: string): string | null {
  const host = value
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, "")
    .replace(/^[^/?#]*@/, "")
    .split(/[/?#]/)[0]
    .replace(/:\d*$/, "")
    .replace(/\.$/, "")
    .replace(/^www\./, "");
  return host.length <= DOMAIN_MAX && /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u.test(host)
    ? host
    : null;
}

/** normaliseDomain, or 422 at `path`. */
export function domainOf(value: string, path: string): string {
  const domain = normaliseDomain(value);
  if (domain === null)
    throw invalid(
      path,
      `must be a website URL or host name (at most ${DOMAIN_MAX} characters), e.g. acme.com`,
    );
  return domain;
}

/**
 * The domain an input sets: explicit, else derived from a new website (also
 * when `domain` is null, so a bulk record matched by its website keeps the
 * domain it matched on); undefined = unchanged. An empty website or domain
 * names no host: 422, as any other value that is not one.
 */
function domainFrom(input: CompanyInput): string | null | undefined {
  const fromWebsite =
    input.website === undefined || input.website === null
      ? input.website
      : domainOf(input.website, "/website");
  if (input.domain === undefined) return fromWebsite;
  return input.domain === null ? (fromWebsite ?? null) : domainOf(input.domain, "/domain");
}

/** Fields copied as they are: API name → column. */
const PLAIN_FIELDS = {
  name: "name",
  sector: "sector",
  address: "address",
  phone: "phone",
  description: "description",
  owner: "owner",
} as const satisfies Partial<Record<keyof CompanyInput, keyof Columns>>;

function columnsFrom(input: CompanyInput): Columns {
  const columns: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(PLAIN_FIELDS)) {
    const value = input[field as keyof typeof PLAIN_FIELDS];
    if (value !== undefined) columns[column] = value;
  }
  if (input.website !== undefined) columns.website = input.website?.trim() ?? null;
  const domain = domainFrom(input);
  if (domain !== undefined) columns.domain = domain;
  if (input.size !== undefined) columns.size = input.size === null ? null : String(input.size);
  if (input.tags !== undefined) columns.tags = cleanTags(input.tags);
  return columns as Columns;
}

const findCompany = (db: ReadDb | WriteTx, tenantId: string, id: string): Promise<Row> =>
  findLive(db, companies, tenantId, id, "Company");

/** The oldest live company with this (normalised) domain (bulk upsert key). */
export async function findCompanyByDomain(
  tx: WriteTx,
  tenantId: string,
  domain: string,
): Promise<Row | undefined> {
  const [row] = await tx
    .select()
    .from(companies)
    .where(
      and(
        eq(companies.tenantId, tenantId),
        eq(companies.domain, domain),
        isNull(companies.deletedAt),
      ),
    )
    .orderBy(asc(companies.createdAt), asc(companies.id))
    .limit(1);
  return row;
}

/** Inserts a company inside `tx`, with its activity row and company.created event. */
export async function insertCompany(
  tx: WriteTx,
  scope: WriteScope,
  input: CompanyInput,
): Promise<Row> {
  if (!input.name) throw invalid("/name", "is required");
  const id = newId();
  const row = {
    id,
    name: input.name,
    website: null,
    domain: null,
    sector: null,
    size: null,
    address: null,
    phone: null,
    description: null,
    owner: null,
    tags: [],
    ...columnsFrom(input),
    customFields: await writeCustomFields(tx, scope, {
      object: "companies",
      recordId: id,
      before: null,
      input: input.custom_fields,
    }),
  };
  return (
    await insertRow(tx, scope, { table: companies, row, entityType: "company", view: companyView })
  ).row;
}

/** Applies `input` to a live company inside `tx`, with its activity row and company.updated event. */
export async function applyCompanyUpdate(
  tx: WriteTx,
  scope: WriteScope,
  before: Row,
  input: CompanyInput,
): Promise<Row> {
  const columns = {
    ...columnsFrom(input),
    // The address merges as the record does: a part left out stays (as on MLS properties).
    ...(input.address && { address: { ...before.address, ...input.address } }),
    customFields: await writeCustomFields(tx, scope, {
      object: "companies",
      recordId: before.id,
      before: before.customFields,
      input: input.custom_fields,
    }),
  };
  const update = {
    table: companies,
    row: before,
    columns,
    entityType: "company",
    view: companyView,
  };
  return (await updateRow(tx, scope, update)).row;
}

export const getCompanyRow = (ctx: AppContext, tenantId: string, id: string) =>
  findCompany(ctx.db.read, tenantId, id);

export const createCompany = async (ctx: AppContext, scope: WriteScope, input: CompanyInput) =>
  ctx.write(async (tx) => companyView(await insertCompany(tx, scope, input)));

export const updateCompany = async (
  ctx: AppContext,
  scope: WriteScope,
  id: string,
  input: CompanyInput,
) =>
  companyView(
    await ctx.write(async (tx) =>
      applyCompanyUpdate(tx, scope, await findCompany(tx, scope.tenantId, id), input),
    ),
  );

/** Soft delete: the tombstone stays for sync feeds; company.deleted carries it. */
export async function deleteCompany(ctx: AppContext, scope: WriteScope, id: string): Promise<void> {
  await ctx.write(async (tx) => {
    const row = await findCompany(tx, scope.tenantId, id);
    await softDelete(tx, scope, {
      table: companies,
      row,
      entityType: "company",
      view: companyView,
    });
    await unlinkAll(tx, scope, { object: "companies", id });
  });
}

export type CompanyListParams = Static<typeof CompanyListQuery>;

export async function listCompanies(
  ctx: AppContext,
  tenantId: string,
  query: CompanyListParams,
  url = "",
) {
  const { dialect } = ctx.db;
  const custom = await customFieldFilters(ctx.db.read, tenantId, "companies", companies.id, url);
  if (query.search !== undefined) await dialect.catchUpSearchIndex(ctx.db);
  const byDomain = (value: string | undefined, path: string) =>
    value === undefined ? undefined : eq(companies.domain, domainOf(value, path));
  return listPage({
    db: ctx.db,
    cache: ctx.cache,
    table: companies,
    tenantId,
    query,
    map: companyView,
    filters: [
      query.name === undefined ? undefined : dialect.containsIgnoreCase(companies.name, query.name),
      byDomain(query.website, "/website"),
      byDomain(query.domain, "/domain"),
      query.search === undefined
        ? undefined
        : dialect.matchesSearch(companies.id, "companies", tenantId, query.search),
      dialect.hasAllTags(companies.tags, parseTags(query.tags)),
      associatedWith(tenantId, "companies", companies.id, query.associated_with),
      ...custom,
    ],
  });
}

export const INCLUDE_LIMIT = 100;
const ACTIVITY_LIMIT = 20;

/** The company's open deals, newest first. */
export async function openDealsOf(ctx: AppContext, tenantId: string, companyId: string) {
  const rows = await ctx.db.read
    .select()
    .from(deals)
    .where(
      and(
        eq(deals.tenantId, tenantId),
        eq(deals.companyId, companyId),
        eq(deals.status, "open"),
        isNull(deals.deletedAt),
      ),
    )
    .orderBy(desc(deals.createdAt), desc(deals.id))
    .limit(INCLUDE_LIMIT);
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    value: row.value,
    currency: row.currency,
    status: row.status,
    pipeline_id: row.pipelineId,
    stage_id: row.stageId,
    owner: row.owner,
    contact_id: row.contactId,
    expected_close_date: row.expectedCloseDate,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  }));
}

/**
 * The company's latest activity-log rows, newest first, read in order on
 * the entity's change-feed index (the index test explains it).
 */
export const recentActivityQuery = (
  db: AppContext["db"]["read"],
  tenantId: string,
  companyId: string,
) =>
  db
    .select()
    .from(activityLog)
    .where(
      and(
        eq(activityLog.tenantId, tenantId),
        eq(activityLog.entityType, "company"),
        eq(activityLog.entityId, companyId),
      ),
    )
    .orderBy(desc(activityLog.syncSeq))
    .limit(ACTIVITY_LIMIT);

/** The company's latest activity-log rows, newest first. */
export async function recentActivityOf(ctx: AppContext, tenantId: string, companyId: string) {
  const rows = await recentActivityQuery(ctx.db.read, tenantId, companyId);
  return rows.map((row) => ({
    id: row.id,
    entity_type: row.entityType,
    entity_id: row.entityId,
    action: row.action,
    actor_type: row.actorType,
    actor_id: row.actorId,
    actor_name: row.actorName,
    changes: row.changes,
    created_at: row.createdAt.toISOString(),
  }));
}
