import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import { documents, properties } from "../../db/schema";
import {
  type AppContext,
  assertLinked,
  associatedWith,
  cleanTags,
  conflictAt,
  customFieldFilters,
  filterBy,
  findLive,
  insertRow,
  invalid,
  lifecycleFields,
  listPage,
  newId,
  type ReadDb,
  softDelete,
  unlinkAll,
  updateRow,
  upsert,
  versioned,
  type WriteScope,
  type WriteTx,
  writeCustomFields,
} from "../../src/core";
import type { PropertyInputBody, PropertyListParams, PropertyView } from "./model";

type Row = typeof properties.$inferSelect;
type Columns = Partial<Row>;

/** The object type of properties for custom fields, associations and scopes (`mls`). */
export const OBJECT = "properties";

const SQFT_IN_SQM = 0.09290304;
/** Areas are stored in square metres, shown in the listing's unit. */
const toSqm = (value: number | null | undefined, unit: string) =>
  value == null ? value : unit === "sqft" ? value * SQFT_IN_SQM : value;
// Back from square metres, only the conversion's rounding noise is dropped (2000.0000000000002).
const fromSqm = (value: number | null, unit: string) =>
  value === null || unit !== "sqft" ? value : Number((value / SQFT_IN_SQM).toPrecision(12));

export const propertyView = (row: Row): PropertyView =>
  versioned(row, {
    id: row.id,
    mls_number: row.mlsNumber,
    status: row.status as PropertyView["status"],
    property_type: row.propertyType as PropertyView["property_type"],
    title: row.title,
    address: { ...row.address, latitude: row.latitude, longitude: row.longitude },
    price: row.price === null ? null : { value: row.price, currency: row.currency },
    bedrooms: row.bedrooms,
    bathrooms: row.bathrooms,
    living_area: fromSqm(row.livingArea, row.areaUnit),
    lot_area: fromSqm(row.lotArea, row.areaUnit),
    area_unit: row.areaUnit as PropertyView["area_unit"],
    year_built: row.yearBuilt,
    description: row.description,
    features: row.features,
    listing_agent: row.listingAgent,
    photo_ids: row.photoIds,
    listed_at: row.listedAt,
    sold_at: row.soldAt,
    custom_fields: row.customFields,
    ...lifecycleFields(row),
  });

/** Fields copied as they are: API name → column. */
const PLAIN = {
  status: "status",
  property_type: "propertyType",
  title: "title",
  bedrooms: "bedrooms",
  bathrooms: "bathrooms",
  year_built: "yearBuilt",
  description: "description",
  listing_agent: "listingAgent",
  listed_at: "listedAt",
} as const satisfies Partial<Record<keyof PropertyInputBody, keyof Row>>;

/** MLS numbers are identifiers: kept and compared without surrounding spaces; blank is none. */
const mlsNumberOf = (value: string | null | undefined) =>
  value === undefined ? undefined : value?.trim() || null;

/** Every column empty: what a PUT starts from (and a POST). */
const EMPTY = {
  mlsNumber: null,
  title: null,
  address: { street: null, city: null, postcode: null, region: null, country: null },
  city: null,
  postcode: null,
  latitude: null,
  longitude: null,
  price: null,
  currency: "EUR",
  bedrooms: null,
  bathrooms: null,
  livingArea: null,
  lotArea: null,
  areaUnit: "sqm",
  yearBuilt: null,
  description: null,
  features: [],
  listingAgent: null,
  photoIds: [],
  listedAt: null,
  soldAt: null,
} satisfies Columns;

function assertDay(value: string | null | undefined, path: string) {
  if (!value) return;
  const day = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value)
    throw invalid(path, "is not a calendar date (YYYY-MM-DD)");
}

function addressColumns(address: NonNullable<PropertyInputBody["address"]>): Columns {
  const { latitude, longitude, ...rest } = address;
  if ((latitude == null) !== (longitude == null))
    throw invalid("/address", "latitude and longitude go together");
  const clean = {
    street: rest.street ?? null,
    city: rest.city?.trim() || null,
    postcode: rest.postcode?.trim() || null,
    region: rest.region ?? null,
    country: rest.country ?? null,
  };
  return {
    address: clean,
    city: clean.city?.toLowerCase() ?? null,
    postcode: clean.postcode?.toLowerCase() ?? null,
    latitude: latitude ?? null,
    longitude: longitude ?? null,
  };
}

/**
 * The columns an input sets (links and dates checked); absent fields are
 * left out. A photo the listing already `held` passes unchecked: its
 * document may since have been deleted, and the listing is sent back as read.
 */
async function columnsFrom(
  tx: WriteTx,
  tenantId: string,
  input: PropertyInputBody,
  unit: string,
  held: readonly string[] = [],
): Promise<Columns> {
  const columns: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(PLAIN)) {
    const value = input[field as keyof typeof PLAIN];
    if (value !== undefined) columns[column] = value;
  }
  if (input.mls_number !== undefined) columns.mlsNumber = mlsNumberOf(input.mls_number);
  assertDay(input.listed_at, "/listed_at");
  assertDay(input.sold_at, "/sold_at");
  if (input.address) Object.assign(columns, addressColumns(input.address));
  if (input.price !== undefined) {
    columns.price = input.price?.value ?? null;
    if (input.price) columns.currency = input.price.currency;
  }
  const areaUnit = input.area_unit ?? unit;
  if (input.area_unit !== undefined) columns.areaUnit = areaUnit;
  if (input.living_area !== undefined) columns.livingArea = toSqm(input.living_area, areaUnit);
  if (input.lot_area !== undefined) columns.lotArea = toSqm(input.lot_area, areaUnit);
  if (input.features !== undefined) columns.features = cleanTags(input.features);
  if (input.photo_ids !== undefined) {
    for (const [i, id] of input.photo_ids.entries())
      if (!held.includes(id)) await assertLinked(tx, documents, tenantId, id, `/photo_ids/${i}`);
    columns.photoIds = [...new Set(input.photo_ids)];
  }
  return columns as Columns;
}

/**
 * A sold listing always has a sold date: the one given, else the one it
 * kept while sold, else the day it became sold (UTC). Another status has
 * none: relisting a sold listing clears it, and giving one is a 422.
 */
function soldDate(
  status: string,
  input: PropertyInputBody,
  before: Row | null,
  now: Date,
): string | null {
  if (status !== "sold") {
    if (input.sold_at) throw invalid("/sold_at", "is only for a sold listing (status sold)");
    return null;
  }
  const kept = before?.status === "sold" ? before.soldAt : null;
  return input.sold_at ?? kept ?? now.toISOString().slice(0, 10);
}

/** The live listing of the tenant with this MLS number, if any. */
async function listingNumbered(tx: WriteTx, tenantId: string, mlsNumber: string) {
  const [holder] = await tx
    .select({ id: properties.id })
    .from(properties)
    .where(
      and(
        eq(properties.tenantId, tenantId),
        eq(properties.mlsNumber, mlsNumber),
        isNull(properties.deletedAt),
      ),
    )
    .limit(1);
  return holder;
}

/** An MLS number names one live listing of the tenant: another one holding it is a 409. */
async function assertMlsNumberFree(tx: WriteTx, tenantId: string, mlsNumber: string | null) {
  const holder = mlsNumber === null ? undefined : await listingNumbered(tx, tenantId, mlsNumber);
  if (holder) throw conflictAt("/mls_number", `listing ${holder.id} has this MLS number`);
}

const findProperty = (db: ReadDb | WriteTx, tenantId: string, id: string) =>
  findLive(db, properties, tenantId, id, "Property");

export const getProperty = async (ctx: AppContext, tenantId: string, id: string) =>
  propertyView(await findProperty(ctx.db.read, tenantId, id));

/** Creates a listing inside `tx`, with its activity row and property.created. */
export async function createProperty(tx: WriteTx, scope: WriteScope, input: PropertyInputBody) {
  const id = newId();
  await assertMlsNumberFree(tx, scope.tenantId, mlsNumberOf(input.mls_number) ?? null);
  const row = {
    id,
    status: "active",
    propertyType: "other",
    ...EMPTY,
    ...(await columnsFrom(tx, scope.tenantId, input, input.area_unit ?? "sqm")),
    soldAt: soldDate(input.status ?? "active", input, null, scope.now),
    customFields: await writeCustomFields(tx, scope, {
      object: OBJECT,
      recordId: id,
      before: null,
      input: input.custom_fields,
    }),
  };
  return (
    await insertRow(tx, scope, {
      table: properties,
      row,
      entityType: "property",
      view: propertyView,
    })
  ).view;
}

/**
 * PATCH (fields absent stay) or PUT (`replace`: the listing becomes the
 * body; absent fields are emptied), with property.updated.
 */
export async function updateProperty(
  tx: WriteTx,
  scope: WriteScope,
  id: string,
  input: PropertyInputBody,
  replace: boolean,
) {
  const before = await findProperty(tx, scope.tenantId, id);
  const mlsNumber =
    input.mls_number === undefined && !replace ? before.mlsNumber : mlsNumberOf(input.mls_number);
  if ((mlsNumber ?? null) !== before.mlsNumber)
    await assertMlsNumberFree(tx, scope.tenantId, mlsNumber ?? null);
  const unit = input.area_unit ?? (replace ? "sqm" : before.areaUnit);
  // PATCH merges the address too: a part left out (the coordinates) stays.
  const address =
    replace || !input.address
      ? input.address
      : {
          ...before.address,
          latitude: before.latitude,
          longitude: before.longitude,
          ...input.address,
        };
  const columns = {
    ...(replace ? EMPTY : {}),
    ...(await columnsFrom(tx, scope.tenantId, { ...input, address }, unit, before.photoIds)),
    soldAt: soldDate(input.status ?? before.status, input, before, scope.now),
    customFields: await writeCustomFields(tx, scope, {
      object: OBJECT,
      recordId: id,
      before: before.customFields,
      input: input.custom_fields,
      replace,
    }),
  };
  const update = {
    table: properties,
    row: before,
    columns,
    entityType: "property",
    view: propertyView,
  };
  return (await updateRow(tx, scope, update)).view;
}

/**
 * One record of a bulk upsert: the live listing holding its MLS number is
 * updated (fields absent stay), else a listing is created (status and
 * property_type required, as on POST).
 */
export async function upsertProperty(tx: WriteTx, scope: WriteScope, input: PropertyInputBody) {
  const mlsNumber = mlsNumberOf(input.mls_number);
  const existing = mlsNumber ? await listingNumbered(tx, scope.tenantId, mlsNumber) : undefined;
  return upsert(
    existing,
    (row) => updateProperty(tx, scope, row.id, input, false),
    () => {
      for (const field of ["status", "property_type"] as const)
        if (input[field] === undefined)
          throw invalid(`/${field}`, "is required to create a listing");
      return createProperty(tx, scope, input);
    },
  );
}

/** Soft delete: the tombstone stays in sync feeds; property.deleted; its links go. */
export async function deleteProperty(tx: WriteTx, scope: WriteScope, id: string) {
  const row = await findProperty(tx, scope.tenantId, id);
  const { data } = await softDelete(tx, scope, {
    table: properties,
    row,
    entityType: "property",
    view: propertyView,
  });
  await unlinkAll(tx, scope, { object: OBJECT, id });
  return data;
}

/** The mean Earth radius (IUGG), the sphere of the haversine formula. */
const EARTH_RADIUS_KM = 6371.0088;
const RADIANS_PER_DEGREE = Math.PI / 180;

/**
 * sin²(x) as its Taylor series in plain arithmetic, exact to double
 * precision for |x| ≤ π/4: not every libSQL build has SQL's math functions.
 */
function sinSquared(x: SQL): SQL {
  let series = sql`0`;
  for (let n = 10; n >= 1; n--) {
    const coefficient = ((n % 2 ? 1 : -1) * 2 ** (2 * n - 1)) / factorial(2 * n);
    series = sql`(${coefficient} + ${x} * ${x} * ${series})`;
  }
  return sql`${x} * ${x} * ${series}`;
}

/** sin(x) for |x| ≤ 0.08 (a latitude difference within 500 km), to double precision. */
const sine = (x: SQL) => sql`${x} * (1 + ${x} * ${x} * (${-1 / 6} + ${x} * ${x} * ${1 / 120}))`;

const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));

/**
 * `near=<lat>,<lng>&radius_km=r`: listings whose great-circle (haversine)
 * distance is at most r. A box on the geo index first (all longitudes when
 * the circle holds a pole, two ranges across the antimeridian), then the
 * haversine in plain arithmetic, so every SQL backend runs it.
 */
function withinRadius(
  tenantId: string,
  near: string | undefined,
  radiusKm: number | undefined,
): SQL | undefined {
  if (near === undefined && radiusKm === undefined) return undefined;
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(near ?? "");
  if (!match || radiusKm === undefined)
    throw invalid("/near", "needs `<latitude>,<longitude>` and radius_km");
  const [lat, lng] = [Number(match[1]), Number(match[2])];
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) throw invalid("/near", "is not a coordinate");
  const { id, latitude: y, longitude: x } = properties;
  const angle = radiusKm / EARTH_RADIUS_KM;
  // A hair wider than the circle: the haversine below decides.
  const dLat = angle / RADIANS_PER_DEGREE + 1e-9;
  const [cosLat, sinLat] = [Math.cos(lat * RADIANS_PER_DEGREE), Math.sin(lat * RADIANS_PER_DEGREE)];
  let box = sql`${y} between ${lat - dLat} and ${lat + dLat}`;
  if (lat + dLat < 90 && lat - dLat > -90) {
    const dLng = Math.asin(Math.sin(angle) / cosLat) / RADIANS_PER_DEGREE + 1e-9;
    const [west, east] = [lng - dLng, lng + dLng];
    const lngs =
      west < -180
        ? sql`(${x} >= ${west + 360} or ${x} <= ${east})`
        : east > 180
          ? sql`(${x} >= ${west} or ${x} <= ${east - 360})`
          : sql`${x} between ${west} and ${east}`;
    box = sql`${box} and ${lngs}`;
  }
  // e: the latitude difference; q: a quarter of the longitude difference, the short way round.
  const dx = sql`(${x} - ${lng})`;
  const wrapped = sql`case when ${dx} > 180 then ${dx} - 360 when ${dx} < -180 then ${dx} + 360 else ${dx} end`;
  const candidates = sql`select ${id} as id, (${y} - ${lat}) * ${RADIANS_PER_DEGREE} as e, (${wrapped}) * ${RADIANS_PER_DEGREE / 4} as q from ${properties} where ${properties.tenantId} = ${tenantId} and ${box}`;
  const [e, q] = [sql.raw("e"), sql.raw("q")];
  const terms = sql`select id, ${sinSquared(sql`(${e} * 0.5)`)} as hav_lat, ${sine(e)} as sin_e, ${sinSquared(q)} as s from (${candidates}) as candidates`;
  // haversine: sin²(e/2) + cos φ1 · cos φ2 · sin²(Δλ/2), where
  // cos φ2 = cos(φ1 + e) = cos φ1 (1 - 2 sin²(e/2)) - sin φ1 sin e
  // and sin²(Δλ/2) = 4 s (1 - s) with s = sin²(Δλ/4).
  const [havLat, sinE, s] = [sql.raw("hav_lat"), sql.raw("sin_e"), sql.raw("s")];
  const haversine = sql`${havLat} + ${cosLat} * (${cosLat} * (1 - 2 * ${havLat}) - ${sinLat} * ${sinE}) * 4 * ${s} * (1 - ${s})`;
  return sql`${id} in (select id from (${terms}) as terms where ${haversine} <= ${Math.sin(angle / 2) ** 2})`;
}

export async function listProperties(
  ctx: AppContext,
  tenantId: string,
  query: PropertyListParams,
  url: string,
) {
  const custom = await customFieldFilters(ctx.db.read, tenantId, OBJECT, properties.id, url);
  if (query.search !== undefined) await ctx.db.dialect.catchUpSearchIndex(ctx.db);
  return listPage({
    db: ctx.db,
    cache: ctx.cache,
    table: properties,
    tenantId,
    query,
    map: propertyView,
    filters: [
      filterBy(properties.status, "eq", query.status),
      filterBy(properties.propertyType, "eq", query.property_type),
      filterBy(properties.mlsNumber, "eq", mlsNumberOf(query.mls_number)),
      query.search === undefined
        ? undefined
        : ctx.db.dialect.matchesSearch(properties.id, OBJECT, tenantId, query.search),
      filterBy(properties.currency, "eq", query.currency),
      filterBy(properties.price, "gte", query.price_min),
      filterBy(properties.price, "lte", query.price_max),
      filterBy(properties.livingArea, "gte", toSqm(query.area_min, query.area_unit ?? "sqm")),
      filterBy(properties.livingArea, "lte", toSqm(query.area_max, query.area_unit ?? "sqm")),
      filterBy(properties.bedrooms, "gte", query.bedrooms_min),
      filterBy(properties.city, "eq", query.city?.trim().toLowerCase()),
      filterBy(properties.postcode, "eq", query.postcode?.trim().toLowerCase()),
      withinRadius(tenantId, query.near, query.radius_km),
      associatedWith(tenantId, OBJECT, properties.id, query.associated_with),
      ...custom,
    ],
  });
}
