import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { id, json, lifecycle, tenantId } from "./columns";

/** A street address with optional coordinates (WGS 84 degrees). */
export type PropertyAddress = {
  street: string | null;
  city: string | null;
  postcode: string | null;
  region: string | null;
  country: string | null;
};

const live = sql`deleted_at is null`;

/** Seed 000's MLS properties: real-estate listings. */
export const properties = sqliteTable(
  "properties",
  {
    id: id(),
    tenantId: tenantId(),
    mlsNumber: text("mls_number"),
    /** active | pending | sold | withdrawn */
    status: text("status").notNull(),
    /** house | apartment | condo | townhouse | land | commercial | other */
    propertyType: text("property_type").notNull(),
    title: text("title"),
    address: json<PropertyAddress>("address").notNull(),
    /** Lower case copies of address.city / address.postcode: the filters' index. */
    city: text("city"),
    postcode: text("postcode"),
    latitude: real("latitude"),
    longitude: real("longitude"),
    /** Minor units. */
    price: integer("price"),
    currency: text("currency").notNull().default("EUR"),
    bedrooms: integer("bedrooms"),
    bathrooms: real("bathrooms"),
    /** Square metres (areas given in sqft are converted; the unit given is kept for display). */
    livingArea: real("living_area"),
    lotArea: real("lot_area"),
    areaUnit: text("area_unit").notNull().default("sqm"),
    yearBuilt: integer("year_built"),
    description: text("description"),
    features: json<string[]>("features").notNull().default([]),
    listingAgent: text("listing_agent"),
    photoIds: json<string[]>("photo_ids").notNull().default([]),
    /** YYYY-MM-DD */
    listedAt: text("listed_at"),
    soldAt: text("sold_at"),
    customFields: json<Record<string, unknown>>("custom_fields").notNull().default({}),
    ...lifecycle(),
  },
  (t) => [
    index("properties_tenant_created_idx").on(t.tenantId, t.createdAt).where(live),
    index("properties_tenant_mls_number_idx").on(t.tenantId, t.mlsNumber),
    index("properties_tenant_status_idx").on(t.tenantId, t.status, t.createdAt),
    index("properties_tenant_price_idx").on(t.tenantId, t.price),
    index("properties_tenant_city_idx").on(t.tenantId, t.city),
    index("properties_tenant_postcode_idx").on(t.tenantId, t.postcode),
    index("properties_tenant_geo_idx").on(t.tenantId, t.latitude, t.longitude),
    index("properties_tenant_seq_idx").on(t.tenantId, t.syncSeq),
    index("properties_tenant_updated_idx").on(t.tenantId, t.updatedAt, t.syncSeq),
  ],
);
