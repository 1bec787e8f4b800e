import { type SQL, sql } from "drizzle-orm";
import { documents, properties } from "../../db/schema";
import {
  type AppContext,
  assertLinked,
  associatedWith,
  cleanTags,
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
const round2 = (n: number) => Math.round(n * 100) / 100;
/** Areas are stored in square metres, shown in the listing's unit. */
const toSqm = (value: number | null | undefined, unit: string) =>
  value == null ? value : unit === "sqft" ? value * SQFT_IN_SQM : value;
const fromSqm = (value: number | null, unit: string) =>
  value === null ? null : round2(unit === "sqft" ? value / SQFT_IN_SQM : value);

export const propertyView = (row: Row): PropertyView => ({
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
  mls_number: "mlsNumber",
  status: "status",
  property_type: "propertyType",
  title: "title",
  bedrooms: "bedrooms",
  bathrooms: "bathrooms",
  year_built: "yearBuilt",
  description: "description",
  listing_agent: "listingAgent",
  listed_at: "listedAt",
  sold_at: "soldAt",
} as const satisfies Partial<Record<keyof PropertyInputBody, keyof Row>>;

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

/** The columns an input sets (links and dates checked); absent fields are left out. */
async function columnsFrom(
  tx: WriteTx,
  tenantId: string,
  input: PropertyInputBody,
  unit: string,
): Promise<Columns> {
  const columns: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(PLAIN)) {
    const value = input[field as keyof typeof PLAIN];
    if (value !== undefined) columns[column] = value;
  }
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
      await assertLinked(tx, documents, tenantId, id, `/photo_ids/${i}`);
    columns.photoIds = [...new Set(input.photo_ids)];
  }
  return columns as Columns;
}

const findProperty = (db: ReadDb | WriteTx, tenantId: string, id: string) =>
  findLive(db, properties, tenantId, id, "Property");

export const getProperty = async (ctx: AppContext, tenantId: string, id: string) =>
  propertyView(await findProperty(ctx.db.read, tenantId, id));

/** Creates a listing inside `tx`, with its activity row and property.created. */
export async function createProperty(tx: WriteTx, scope: WriteScope, input: PropertyInputBody) {
  const id = newId();
  const row = {
    id,
    status: "active",
    propertyType: "other",
    ...EMPTY,
    ...(await columnsFrom(tx, scope.tenantId, input, input.area_unit ?? "sqm")),
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
    ...(await columnsFrom(tx, scope.tenantId, { ...input, address }, unit)),
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

const KM_PER_DEGREE = 111.32;

/**
 * `near=<lat>,<lng>&radius_km=r`: a bounding box on the geo index, then the
 * distance on an equirectangular projection (exact enough within 500 km,
 * and plain arithmetic, so every SQL backend runs it).
 */
function withinRadius(near: string | undefined, radiusKm: number | undefined): SQL | undefined {
  if (near === undefined && radiusKm === undefined) return undefined;
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(near ?? "");
  if (!match || radiusKm === undefined)
    throw invalid("/near", "needs `<latitude>,<longitude>` and radius_km");
  const [lat, lng] = [Number(match[1]), Number(match[2])];
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) throw invalid("/near", "is not a coordinate");
  const dLat = radiusKm / KM_PER_DEGREE;
  const scale = Math.max(Math.cos((lat * Math.PI) / 180), 0.01);
  const dLng = dLat / scale;
  const { latitude: y, longitude: x } = properties;
  return sql`${y} between ${lat - dLat} and ${lat + dLat} and ${x} between ${lng - dLng} and ${lng + dLng} and ((${y} - ${lat}) * (${y} - ${lat}) + (${x} - ${lng}) * ${scale} * (${x} - ${lng}) * ${scale}) <= ${dLat * dLat}`;
}

export async function listProperties(
  ctx: AppContext,
  tenantId: string,
  query: PropertyListParams,
  url: string,
) {
  const custom = await customFieldFilters(ctx.db.read, tenantId, OBJECT, properties.id, url);
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
      filterBy(properties.price, "gte", query.price_min),
      filterBy(properties.price, "lte", query.price_max),
      filterBy(properties.livingArea, "gte", query.area_min),
      filterBy(properties.livingArea, "lte", query.area_max),
      filterBy(properties.bedrooms, "gte", query.bedrooms_min),
      filterBy(properties.city, "eq", query.city?.trim().toLowerCase()),
      filterBy(properties.postcode, "eq", query.postcode?.trim().toLowerCase()),
      withinRadius(query.near, query.radius_km),
      associatedWith(tenantId, OBJECT, properties.id, query.associated_with),
      ...custom,
    ],
  });
}
