import { Elysia, t } from "elysia";
import { companies } from "../../db/schema";
import {
  type AppContext,
  associationsOf,
  authMacros,
  BulkResult,
  bulkRequest,
  errorResponses,
  forbidden,
  IdParams,
  invalid,
  linkedListResponse,
  listWithLinks,
  registerCustomFieldObject,
  registerEventTypes,
  registerVersionedRecords,
  runBulk,
  type Scope,
  upsert,
  versioned,
  writeScope,
} from "../../src/core";
import { contactsOfCompany } from "../contacts";
import {
  Company,
  CompanyCreate,
  CompanyGetQuery,
  CompanyListQuery,
  CompanyUpdate,
  CompanyWithIncludes,
  INCLUDES,
} from "./model";
import {
  applyCompanyUpdate,
  companyView,
  createCompany,
  deleteCompany,
  findCompanyByDomain,
  getCompanyRow,
  INCLUDE_LIMIT,
  insertCompany,
  listCompanies,
  normaliseDomain,
  openDealsOf,
  recentActivityOf,
  updateCompany,
} from "./service";

export { Company } from "./model";

/** PATCH, PUT, DELETE and actions on `/companies/:id` honour If-Match on its version. */
registerVersionedRecords("/companies/:id", companies);

registerEventTypes(["company.created", "company.updated", "company.deleted"]);

const tags = ["companies"];

registerCustomFieldObject({ name: "companies", table: companies });
type Include = (typeof INCLUDES)[number];

/** What each `include` shows, and the scope it needs besides companies:read. */
const INCLUDE_SCOPES: Record<Include, Scope> = {
  contacts: "contacts:read",
  deals: "deals:read",
  activity: "activity:read",
  associations: "companies:read",
};

function parseIncludes(value: string | undefined, scopes: Set<Scope>): Set<Include> {
  const includes = new Set<Include>();
  for (const name of (value ?? "").split(",").map((part) => part.trim())) {
    if (!name) continue;
    if (!(INCLUDES as readonly string[]).includes(name))
      throw invalid("/include", `unknown include "${name}"; use ${INCLUDES.join(", ")}`);
    const needed = INCLUDE_SCOPES[name as Include];
    if (!scopes.has(needed)) throw forbidden(`include=${name} needs the ${needed} permission`);
    includes.add(name as Include);
  }
  return includes;
}

/** Companies (organisations): domain matching, includes, tags, sync feed, bulk upsert by domain. */
export const companiesPlugin = (ctx: AppContext) =>
  new Elysia({ name: "crmd.companies" })
    .use(authMacros)
    .get(
      "/companies",
      async ({ query, tenantId, request, scopes }) => {
        return listWithLinks(ctx.db.read, tenantId, scopes, "companies", query, () =>
          listCompanies(ctx, tenantId, query, request.url),
        );
      },
      {
        scope: "companies:read",
        query: CompanyListQuery,
        response: { 200: linkedListResponse("companies", Company), ...errorResponses },
        detail: { summary: "List companies (filters: name, website/domain, search, tags)", tags },
      },
    )
    .post(
      "/companies",
      async ({ body, tenantId, actor, set }) => {
        set.status = 201;
        return createCompany(ctx, writeScope(ctx, tenantId, actor), body);
      },
      {
        scope: "companies:write",
        body: CompanyCreate,
        response: { 201: Company, ...errorResponses },
        detail: { summary: "Create a company", tags },
      },
    )
    .post(
      "/companies/bulk",
      async ({ body, tenantId, actor }) => {
        const scope = writeScope(ctx, tenantId, actor);
        return runBulk(ctx, body.records, CompanyUpdate, async (tx, record) => {
          const key = record.domain ?? record.website;
          const domain = key ? normaliseDomain(key) : null;
          const existing = domain ? await findCompanyByDomain(tx, tenantId, domain) : undefined;
          return upsert(
            existing,
            (row) => applyCompanyUpdate(tx, scope, row, record),
            () => insertCompany(tx, scope, record),
          );
        });
      },
      {
        scope: "companies:write",
        body: bulkRequest("A company, as in POST /companies", CompanyCreate.examples[0]),
        response: { 200: BulkResult, ...errorResponses },
        detail: {
          operationId: "bulkUpsertCompanies",
          summary: "Create or update up to 500 companies, matched by domain",
          description:
            "A record whose domain (or website's domain) belongs to a live company updates that company (fields absent stay); other records create companies (name required). One transaction; each record succeeds or fails alone, with per-record results.",
          tags,
        },
      },
    )
    .get(
      "/companies/:id",
      async ({ params, query, tenantId, scopes }) => {
        const includes = parseIncludes(query.include, scopes);
        const row = await getCompanyRow(ctx, tenantId, params.id);
        // The includes make a new object: it answers for the company and keeps its version.
        return versioned(row, {
          ...companyView(row),
          ...(includes.has("contacts") && {
            contacts: await contactsOfCompany(ctx, tenantId, row.id, INCLUDE_LIMIT),
          }),
          ...(includes.has("deals") && { deals: await openDealsOf(ctx, tenantId, row.id) }),
          ...(includes.has("activity") && {
            activity: await recentActivityOf(ctx, tenantId, row.id),
          }),
          ...(includes.has("associations") && {
            associations: await associationsOf(ctx.db.read, tenantId, scopes, {
              object: "companies",
              id: row.id,
            }),
          }),
        });
      },
      {
        scope: "companies:read",
        params: IdParams,
        query: CompanyGetQuery,
        response: { 200: CompanyWithIncludes, ...errorResponses },
        detail: {
          summary: "Get a company, optionally with its contacts, open deals and recent activity",
          description:
            "`include=contacts` needs contacts:read, `include=deals` deals:read, `include=activity` activity:read (403 otherwise); `include=associations` adds the company's links by object type.",
          tags,
        },
      },
    )
    .patch(
      "/companies/:id",
      ({ params, body, tenantId, actor }) =>
        updateCompany(ctx, writeScope(ctx, tenantId, actor), params.id, body),
      {
        scope: "companies:write",
        params: IdParams,
        body: CompanyUpdate,
        response: { 200: Company, ...errorResponses },
        detail: {
          summary: "Update a company (fields absent stay as they are, address parts too)",
          tags,
        },
      },
    )
    .delete(
      "/companies/:id",
      async ({ params, tenantId, actor, set }) => {
        await deleteCompany(ctx, writeScope(ctx, tenantId, actor), params.id);
        set.status = 204;
      },
      {
        scope: "companies:write",
        params: IdParams,
        response: { 204: t.Void(), ...errorResponses },
        detail: { summary: "Delete a company (a tombstone stays in sync feeds)", tags },
      },
    );
