import { t } from "elysia";
import {
  AssociatedWith,
  CURRENCY_PATTERN,
  CUSTOM_FILTER_QUERY,
  CustomFields,
  JsonInteger,
  MinorUnits,
  pageQuery,
  RecordQuery,
  StoredInteger,
} from "../../src/core";

// Unions of literals, not t.UnionEnum: Elysia fills a UnionEnum left out of a
// request with its first value.
const Status = t.Union(
  [t.Literal("active"), t.Literal("pending"), t.Literal("sold"), t.Literal("withdrawn")],
  { description: "active, pending, sold or withdrawn" },
);
const PropertyType = t.Union([
  t.Literal("house"),
  t.Literal("apartment"),
  t.Literal("condo"),
  t.Literal("townhouse"),
  t.Literal("land"),
  t.Literal("commercial"),
  t.Literal("other"),
]);
const areaUnit = (description: string) =>
  t.Union([t.Literal("sqm"), t.Literal("sqft")], { description });
const AreaUnit = areaUnit("Unit of the areas (default sqm)");
const day = (description = "YYYY-MM-DD") =>
  t.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description });
const text = (maxLength: number) => t.Nullable(t.String({ maxLength }));

const Address = t.Object({
  street: t.Optional(text(300)),
  city: t.Optional(text(200)),
  postcode: t.Optional(text(30)),
  region: t.Optional(text(200)),
  country: t.Optional(text(100)),
  latitude: t.Optional(t.Nullable(t.Number({ minimum: -90, maximum: 90 }))),
  longitude: t.Optional(t.Nullable(t.Number({ minimum: -180, maximum: 180 }))),
});

const currency = (description: string) => t.String({ pattern: CURRENCY_PATTERN, description });

const price = (value: ReturnType<typeof JsonInteger>) =>
  t.Object({ value, currency: currency("ISO 4217") });
/** A price as clients write it; shown as stored (rows written before the bound still read). */
const PriceInput = price(MinorUnits);
const Price = price(JsonInteger({ minimum: 0, description: "Minor units (cents)" }));

/** Every field a client writes; all optional here (PATCH), PUT and POST require some. */
const writable = {
  mls_number: t.Optional(text(100)),
  status: t.Optional(Status),
  property_type: t.Optional(PropertyType),
  title: t.Optional(text(500)),
  address: t.Optional(Address),
  price: t.Optional(t.Nullable(PriceInput)),
  bedrooms: t.Optional(t.Nullable(JsonInteger({ minimum: 0, maximum: 1000 }))),
  bathrooms: t.Optional(t.Nullable(t.Number({ minimum: 0, maximum: 1000 }))),
  living_area: t.Optional(t.Nullable(t.Number({ minimum: 0 }))),
  lot_area: t.Optional(t.Nullable(t.Number({ minimum: 0 }))),
  area_unit: t.Optional(AreaUnit),
  year_built: t.Optional(t.Nullable(JsonInteger({ minimum: 1000, maximum: 3000 }))),
  description: t.Optional(text(20_000)),
  features: t.Optional(t.Array(t.String({ minLength: 1, maxLength: 100 }), { maxItems: 100 })),
  listing_agent: t.Optional(text(200)),
  photo_ids: t.Optional(
    t.Array(t.String(), { maxItems: 100, description: "Ids of documents (the photos), in order" }),
  ),
  listed_at: t.Optional(t.Nullable(day())),
  sold_at: t.Optional(
    t.Nullable(day("YYYY-MM-DD, status sold only (default: the day it became sold)")),
  ),
  custom_fields: t.Optional(CustomFields),
};

export const PatchProperty = t.Object(writable);

/** POST and PUT: a full listing (status and type required; absent fields are empty). */
export const PropertyInput = t.Object({
  ...writable,
  status: Status,
  property_type: PropertyType,
  address: Address,
});

export const Property = t.Object({
  id: t.String({ format: "uuid" }),
  mls_number: t.Nullable(t.String()),
  status: Status,
  property_type: PropertyType,
  title: t.Nullable(t.String()),
  address: t.Object({
    street: t.Nullable(t.String()),
    city: t.Nullable(t.String()),
    postcode: t.Nullable(t.String()),
    region: t.Nullable(t.String()),
    country: t.Nullable(t.String()),
    latitude: t.Nullable(t.Number()),
    longitude: t.Nullable(t.Number()),
  }),
  price: t.Nullable(Price),
  bedrooms: t.Nullable(JsonInteger()),
  bathrooms: t.Nullable(t.Number()),
  living_area: t.Nullable(t.Number()),
  lot_area: t.Nullable(t.Number()),
  area_unit: AreaUnit,
  year_built: t.Nullable(JsonInteger()),
  description: t.Nullable(t.String()),
  features: t.Array(t.String()),
  listing_agent: t.Nullable(t.String()),
  photo_ids: t.Array(t.String()),
  listed_at: t.Nullable(t.String()),
  sold_at: t.Nullable(t.String()),
  custom_fields: CustomFields,
  created_at: t.String({ format: "date-time" }),
  updated_at: t.String({ format: "date-time" }),
  deleted_at: t.Nullable(t.String({ format: "date-time" })),
});

const number = (description: string) => t.Optional(t.Number({ description }));

export const PropertyListQuery = t.Object(
  {
    ...pageQuery,
    ...RecordQuery.properties,
    status: t.Optional(Status),
    property_type: t.Optional(PropertyType),
    mls_number: t.Optional(t.String({ description: "The listing with this MLS number (exact)" })),
    search: t.Optional(
      t.String({
        minLength: 1,
        description: "Words (prefixes) in title, MLS number, address, listing agent or description",
      }),
    ),
    currency: t.Optional(currency("Listings priced in this currency (ISO 4217)")),
    price_min: t.Optional(StoredInteger({ minimum: 0, description: "Minor units, inclusive" })),
    price_max: t.Optional(StoredInteger({ minimum: 0, description: "Minor units, inclusive" })),
    area_min: number("Living area at least, in area_unit, whatever unit each listing uses"),
    area_max: number("Living area at most, in area_unit"),
    area_unit: t.Optional(areaUnit("Unit of area_min and area_max (default sqm)")),
    bedrooms_min: t.Optional(JsonInteger({ minimum: 0 })),
    city: t.Optional(t.String({ description: "Exact city, any case" })),
    postcode: t.Optional(t.String({ description: "Exact postcode, any case" })),
    near: t.Optional(
      t.String({ description: "`<latitude>,<longitude>`: with radius_km, listings within it" }),
    ),
    radius_km: t.Optional(t.Number({ exclusiveMinimum: 0, maximum: 500 })),
    associated_with: AssociatedWith,
  },
  CUSTOM_FILTER_QUERY,
);

export type PropertyView = typeof Property.static;
export type PropertyInputBody = typeof PatchProperty.static;
export type PropertyListParams = typeof PropertyListQuery.static;
