import { beforeAll, describe, expect, test } from "bun:test";
import { ManualClock } from "../src/clock";
import { created, expect422 } from "./helpers/api";
import { outboxOf } from "./helpers/records";
import type { Api } from "./helpers/server";
import { useTestServer } from "./helpers/suite";

const server = useTestServer({ config: { rateLimit: 100_000 } });
const url = "/api/external/mls/properties";

let api: Api;
let tenantId: string;
beforeAll(async () => {
  ({ api, tenantId } = await server.tenant());
});

/** Athens centre, and places at known distances from it. */
const ATHENS = { latitude: 37.9838, longitude: 23.7275 };
const listing = (over: Record<string, unknown> = {}) => ({
  mls_number: "MLS-1",
  status: "active",
  property_type: "apartment",
  title: "Bright flat",
  address: { street: "Ermou 1", city: "Athens", postcode: "105 63", country: "GR", ...ATHENS },
  price: { value: 25_000_000, currency: "EUR" },
  bedrooms: 2,
  bathrooms: 1.5,
  living_area: 85,
  lot_area: null,
  year_built: 1998,
  description: "Near Syntagma",
  features: ["balcony", "elevator"],
  listing_agent: "Maria",
  listed_at: "2026-01-10",
  ...over,
});
const create = (over: Record<string, unknown> = {}) =>
  created(api, "/mls/properties", listing(over));
const ids = async (query: string) =>
  (await api.get(`${url}?${query}`)).body.properties.map((p: any) => p.mls_number).sort();

describe("seed 000: /mls/properties", () => {
  test("create, get, PUT replaces, PATCH merges, delete; property.* events", async () => {
    const p = await create();
    expect(p).toMatchObject({
      mls_number: "MLS-1",
      status: "active",
      address: { city: "Athens", postcode: "105 63", ...ATHENS },
      price: { value: 25_000_000, currency: "EUR" },
      living_area: 85,
      area_unit: "sqm",
      features: ["balcony", "elevator"],
      photo_ids: [],
      sold_at: null,
    });
    expect((await api.get(`${url}/${p.id}`)).body).toEqual(p);
    const put = await api.put(`${url}/${p.id}`, {
      status: "pending",
      property_type: "apartment",
      address: { city: "Athens" },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      status: "pending",
      mls_number: null,
      price: null,
      features: [],
      address: { city: "Athens", street: null, latitude: null },
    });
    const patched = await api.patch(`${url}/${p.id}`, {
      status: "sold",
      sold_at: "2026-03-01",
      price: { value: 24_000_000, currency: "EUR" },
    });
    expect(patched.body).toMatchObject({
      status: "sold",
      sold_at: "2026-03-01",
      address: { city: "Athens" },
    });
    expect((await api.delete(`${url}/${p.id}`)).status).toBe(200);
    expect((await api.get(`${url}/${p.id}`)).status).toBe(404);
    const events = await outboxOf(server.ctx.db, { tenantId, entityId: p.id });
    expect(events.map((e) => e.event_type)).toEqual([
      "property.created",
      "property.updated",
      "property.updated",
      "property.deleted",
    ]);
  });

  test("PATCH of part of the address keeps the rest, coordinates included", async () => {
    const p = await create({ mls_number: "MLS-ADDR" });
    const patched = await api.patch(`${url}/${p.id}`, { address: { postcode: "105 64" } });
    expect(patched.status).toBe(200);
    expect(patched.body.address).toEqual({ ...p.address, postcode: "105 64" });
    const near = `near=${ATHENS.latitude},${ATHENS.longitude}&radius_km=1`;
    expect(await ids(`${near}&city=athens&postcode=105%2064`)).toContain("MLS-ADDR");
    const moved = await api.patch(`${url}/${p.id}`, { address: { city: null } });
    expect(moved.body.address).toEqual({ ...p.address, postcode: "105 64", city: null });
    expect((await api.delete(`${url}/${p.id}`)).status).toBe(200);
  });

  test("filters: status, type, price and area ranges, bedrooms, city, postcode, radius", async () => {
    const { api: fresh } = await server.tenant();
    const make = (over: Record<string, unknown>) =>
      created(fresh, "/mls/properties", listing(over));
    await make({ mls_number: "A" });
    await make({
      mls_number: "B",
      status: "sold",
      property_type: "house",
      price: { value: 60_000_000, currency: "EUR" },
      bedrooms: 4,
      living_area: 2000,
      area_unit: "sqft",
      // Piraeus, ~9 km from the centre
      address: { city: "Piraeus", postcode: "185 31", latitude: 37.942, longitude: 23.6465 },
    });
    await make({
      mls_number: "C",
      price: { value: 15_000_000, currency: "EUR" },
      bedrooms: 1,
      living_area: 40,
      // Thessaloniki, ~300 km away
      address: { city: "Thessaloniki", postcode: "546 24", latitude: 40.6401, longitude: 22.9444 },
    });
    const list = async (query: string) =>
      (await fresh.get(`${url}?${query}`)).body.properties.map((p: any) => p.mls_number).sort();
    expect(await list("status=active")).toEqual(["A", "C"]);
    expect(await list("property_type=house")).toEqual(["B"]);
    expect(await list("price_min=20000000&price_max=30000000")).toEqual(["A"]);
    const usd = await make({ mls_number: "USD", price: { value: 25_000_000, currency: "USD" } });
    // a price range means one currency's prices
    expect(await list("price_min=20000000&price_max=30000000&currency=EUR")).toEqual(["A"]);
    expect(await list("currency=USD")).toEqual(["USD"]);
    expect422(await fresh.get(`${url}?currency=usd`), "/currency");
    expect((await fresh.delete(`${url}/${usd.id}`)).status).toBe(200);
    // 2000 sqft = 185.8 sqm
    expect(await list("area_min=100")).toEqual(["B"]);
    expect(await list("area_max=50")).toEqual(["C"]);
    expect(await list("bedrooms_min=2")).toEqual(["A", "B"]);
    expect(await list("city=athens")).toEqual(["A"]);
    expect(await list("postcode=546%2024")).toEqual(["C"]);
    expect(await list(`near=${ATHENS.latitude},${ATHENS.longitude}&radius_km=5`)).toEqual(["A"]);
    expect(await list(`near=${ATHENS.latitude},${ATHENS.longitude}&radius_km=20`)).toEqual([
      "A",
      "B",
    ]);
    expect(await list(`near=${ATHENS.latitude},${ATHENS.longitude}&radius_km=400`)).toEqual([
      "A",
      "B",
      "C",
    ]);
    expect422(await fresh.get(`${url}?near=37.9`), "/near");
    const b = (await fresh.get(`${url}?property_type=house`)).body.properties[0];
    expect(b).toMatchObject({ living_area: 2000, area_unit: "sqft" });
  });

  test("radius: great-circle distance, across the antimeridian, around the poles, at the edge", async () => {
    const { api: fresh } = await server.tenant();
    const EARTH_KM = 6371.0088;
    const rad = (deg: number) => (deg * Math.PI) / 180;
    const deg = (r: number) => (r * 180) / Math.PI;
    /** The point `km` from (lat, lng) on the initial bearing `bearing` (degrees), on a sphere. */
    const destination = (lat: number, lng: number, bearing: number, km: number) => {
      const [p, d, b] = [rad(lat), km / EARTH_KM, rad(bearing)];
      const q = Math.asin(Math.sin(p) * Math.cos(d) + Math.cos(p) * Math.sin(d) * Math.cos(b));
      const l =
        rad(lng) +
        Math.atan2(
          Math.sin(b) * Math.sin(d) * Math.cos(p),
          Math.cos(d) - Math.sin(p) * Math.sin(q),
        );
      return { latitude: deg(q), longitude: ((deg(l) + 540) % 360) - 180 };
    };
    const centres = {
      equator: [0, 0],
      antimeridian: [10, 179.99],
      north: [89.95, 30],
      south: [-89.99, -120],
      oslo: [59.91, 10.75],
    } as const;
    for (const [name, [lat, lng]] of Object.entries(centres))
      for (const bearing of [0, 45, 90, 135, 180, 270])
        for (const km of [9.99, 10.01])
          await created(fresh, "/mls/properties", {
            mls_number: `${name} ${bearing} ${km}`,
            status: "active",
            property_type: "land",
            address: destination(lat, lng, bearing, km),
          });
    for (const [name, [lat, lng]] of Object.entries(centres)) {
      const reply = await fresh.get(`${url}?near=${lat},${lng}&radius_km=10&page_size=500`);
      const found = reply.body.properties.map((p: any) => p.mls_number).sort();
      const inside = [0, 45, 90, 135, 180, 270].map((b) => `${name} ${b} 9.99`).sort();
      expect({ name, found }).toEqual({ name, found: inside });
    }
  });

  test("a sold listing has a sold date: the day it sold unless given, cleared when relisted", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const p = await create({ mls_number: "SOLD" });
    const sold = await api.patch(`${url}/${p.id}`, { status: "sold" });
    expect(sold.body).toMatchObject({ status: "sold", sold_at: today });
    const dated = await api.patch(`${url}/${p.id}`, { sold_at: "2026-03-01" });
    expect(dated.body).toMatchObject({ status: "sold", sold_at: "2026-03-01" });
    // a full replacement that leaves the date out keeps the sale's date
    const replaced = await api.put(
      `${url}/${p.id}`,
      listing({ mls_number: "SOLD", status: "sold" }),
    );
    expect(replaced.body).toMatchObject({ status: "sold", sold_at: "2026-03-01" });
    const relisted = await api.patch(`${url}/${p.id}`, { status: "active" });
    expect(relisted.body).toMatchObject({ status: "active", sold_at: null });
    expect(await create({ mls_number: "SOLD2", status: "sold" })).toMatchObject({ sold_at: today });
    expect422(await api.post(url, listing({ sold_at: "2026-03-01" })), "/sold_at");
    expect422(await api.patch(`${url}/${p.id}`, { sold_at: "2026-03-01" }), "/sold_at");
  });

  test("an MLS number names one live listing of the tenant; lists find it by number", async () => {
    const p = await create({ mls_number: "MLS-77" });
    const expect409 = (reply: { status: number; body: any }) => {
      expect(reply.status).toBe(409);
      expect(reply.body.errors[0].path).toBe("/mls_number");
    };
    expect409(await api.post(url, listing({ mls_number: "MLS-77" })));
    const other = await create({ mls_number: "MLS-78" });
    expect409(await api.patch(`${url}/${other.id}`, { mls_number: "MLS-77" }));
    expect409(await api.put(`${url}/${other.id}`, listing({ mls_number: "MLS-77" })));
    // the listing itself keeps its number through PUT and PATCH
    expect((await api.put(`${url}/${p.id}`, listing({ mls_number: "MLS-77" }))).status).toBe(200);
    expect((await api.patch(`${url}/${p.id}`, { mls_number: "MLS-77" })).status).toBe(200);
    expect(await ids("mls_number=MLS-77")).toEqual(["MLS-77"]);
    // a number is an identifier: surrounding spaces are no part of it, a blank one is none
    expect409(await api.post(url, listing({ mls_number: " MLS-77 " })));
    expect(await ids("mls_number=%20MLS-77")).toEqual(["MLS-77"]);
    const padded = await create({ mls_number: " MLS-79\t" });
    expect(padded.mls_number).toBe("MLS-79");
    expect((await api.patch(`${url}/${padded.id}`, { mls_number: "  " })).body.mls_number).toBe(
      null,
    );
    // listings without a number, another tenant's, and a deleted one's number do not count
    await create({ mls_number: null });
    expect((await api.post(url, listing({ mls_number: null }))).status).toBe(201);
    const { api: otherTenant } = await server.tenant();
    expect((await otherTenant.post(url, listing({ mls_number: "MLS-77" }))).status).toBe(201);
    expect((await api.delete(`${url}/${p.id}`)).status).toBe(200);
    const again = await create({ mls_number: "MLS-77" });
    expect(await ids("mls_number=MLS-77")).toEqual(["MLS-77"]);
    expect((await api.delete(`${url}/${again.id}`)).status).toBe(200);
    expect((await api.delete(`${url}/${other.id}`)).status).toBe(200);
  });

  test("areas: kept as given in either unit; area filters in the unit asked for", async () => {
    const { api: fresh } = await server.tenant();
    const make = (mls_number: string, living_area: number, area_unit: string) =>
      created(fresh, "/mls/properties", listing({ mls_number, living_area, area_unit }));
    expect(await make("M", 55.555, "sqm")).toMatchObject({ living_area: 55.555 });
    expect(await make("F", 1234.567, "sqft")).toMatchObject({ living_area: 1234.567 });
    await make("BIG", 150, "sqm"); // 1614.6 sqft
    await make("HOUSE", 2000, "sqft"); // 185.8 sqm
    const list = async (query: string) =>
      (await fresh.get(`${url}?${query}`)).body.properties.map((p: any) => p.mls_number).sort();
    expect(await list("area_min=1500&area_unit=sqft")).toEqual(["BIG", "HOUSE"]);
    expect(await list("area_max=1234.567&area_unit=sqft")).toEqual(["F", "M"]);
    expect(await list("area_min=150")).toEqual(["BIG", "HOUSE"]);
    expect(await list("area_min=150&area_unit=sqm")).toEqual(["BIG", "HOUSE"]);
  });

  test("search finds listings by title, MLS number, address, agent and description", async () => {
    const { api: fresh, tenantId: freshTenant } = await server.tenant();
    const villa = await created(
      fresh,
      "/mls/properties",
      listing({
        mls_number: "GL-55",
        title: "Sea view villa",
        address: { street: "Poseidonos 12", city: "Glyfada", postcode: "166 74" },
        listing_agent: "Nikos",
        description: "Infinity pool",
      }),
    );
    await created(fresh, "/mls/properties", listing({ mls_number: "OTHER" }));
    const hits = async (query: string, client = fresh) =>
      (await client.get(`/api/external/search?${query}`)).body.results?.map(
        (r: any) => `${r.type}:${r.id}:${r.title}`,
      );
    const found = [`properties:${villa.id}:Sea view villa`];
    for (const q of ["poseidonos", "glyfada", "nikos", "infinity", "villa", "gl-55"])
      expect({ q, hits: await hits(`q=${q}`) }).toEqual({ q, hits: found });
    const listed = await fresh.get(`${url}?search=poseidonos`);
    expect(listed.body.properties.map((p: any) => p.id)).toEqual([villa.id]);
    const dealsOnly = await server.keyFor(freshTenant, ["search:read", "deals:read"]);
    expect(await hits("q=villa", dealsOnly)).toEqual([]);
    expect((await dealsOnly.get("/api/external/search?q=villa&types=properties")).status).toBe(403);
    expect((await fresh.delete(`${url}/${villa.id}`)).status).toBe(200);
    expect(await hits("q=villa")).toEqual([]);
  });

  test("bulk upsert: a record matching a live listing's MLS number updates it, others create", async () => {
    const { api: fresh, tenantId: freshTenant } = await server.tenant();
    const existing = await created(fresh, "/mls/properties", listing({ mls_number: "FEED-1" }));
    const reply = await fresh.post(`${url}/bulk`, {
      records: [
        { mls_number: "FEED-1", status: "pending", price: { value: 1, currency: "EUR" } },
        listing({ mls_number: "FEED-2" }),
        { mls_number: "FEED-2", bedrooms: 5 },
        { mls_number: "FEED-3", title: "No status" },
        listing({ mls_number: "FEED-4", status: "rented" }),
      ],
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ created: 1, updated: 2, failed: 2 });
    const [updated, made, again, missing, invalid] = reply.body.results;
    expect(updated).toEqual({ index: 0, status: "updated", id: existing.id });
    expect(made).toMatchObject({ index: 1, status: "created" });
    expect(again).toEqual({ index: 2, status: "updated", id: made.id });
    expect(missing).toMatchObject({ status: "error", errors: [{ path: "/status" }] });
    expect(invalid).toMatchObject({ status: "error", errors: [{ path: "/status" }] });
    expect((await fresh.get(`${url}/${existing.id}`)).body).toMatchObject({
      status: "pending",
      title: "Bright flat",
      price: { value: 1, currency: "EUR" },
    });
    expect((await fresh.get(`${url}/${made.id}`)).body).toMatchObject({ bedrooms: 5 });
    const events = await outboxOf(server.ctx.db, { tenantId: freshTenant });
    expect(events.map((e) => e.event_type).sort()).toEqual([
      "property.created",
      "property.created",
      "property.updated",
      "property.updated",
    ]);
  });

  test("validation: status and type, dates, photos must be the tenant's documents", async () => {
    expect422(await api.post(url, listing({ status: "rented" })), "/status");
    expect422(await api.post(url, listing({ listed_at: "2026-02-30" })), "/listed_at");
    expect422(await api.post(url, listing({ photo_ids: ["nope"] })), "/photo_ids/0");
    // past what JSON numbers hold exactly (and PostgreSQL's bigint): never stored rounded
    for (const value of [1e20, 2 ** 53])
      expect422(
        await api.post(url, listing({ price: { value, currency: "EUR" } })),
        "/price/value",
      );
    // a listing stored before that bound (2^60: within PostgreSQL's bigint) still reads
    const legacy = await create({ mls_number: "LEGACY" });
    await server.ctx.db.execute(`update properties set price = ${2n ** 60n} where id = ?`, [
      legacy.id,
    ]);
    const read = await api.get(`${url}/${legacy.id}`);
    expect(read.status).toBe(200);
    expect(read.body.price).toEqual({ value: 2 ** 60, currency: "EUR" });
    expect((await api.delete(`${url}/${legacy.id}`)).status).toBe(200);
    const doc = await created(api, "/documents", {
      name: "front.jpg",
      url: "https://example.com/front.jpg",
    });
    const p = await create({ mls_number: "P", photo_ids: [doc.id] });
    expect(p.photo_ids).toEqual([doc.id]);
  });

  test("a listing sent back with the photo of a since deleted document is accepted", async () => {
    const photo = (name: string) =>
      created(api, "/documents", { name, url: `https://example.com/${name}` });
    const [front, back] = [await photo("front.jpg"), await photo("back.jpg")];
    const p = await create({ mls_number: "PH", photo_ids: [front.id] });
    expect((await api.delete(`/api/external/documents/${front.id}`)).status).toBe(200);
    expect((await api.delete(`/api/external/documents/${back.id}`)).status).toBe(200);
    const { id, created_at, updated_at, deleted_at, ...listingBody } = (
      await api.get(`${url}/${p.id}`)
    ).body;
    const put = await api.put(`${url}/${id}`, { ...listingBody, title: "Renamed" });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ title: "Renamed", photo_ids: [front.id] });
    const patch = await api.patch(`${url}/${id}`, { photo_ids: [front.id] });
    expect(patch.status).toBe(200);
    // a deleted document is still no new photo
    expect422(await api.patch(`${url}/${id}`, { photo_ids: [front.id, back.id] }), "/photo_ids/1");
  });

  test("scopes are seed 000's mls:read and mls:write; other tenants see nothing", async () => {
    const p = await create({ mls_number: "S" });
    const reader = await server.keyFor(tenantId, ["mls:read"]);
    expect((await reader.get(`${url}/${p.id}`)).status).toBe(200);
    expect((await reader.post(url, listing())).status).toBe(403);
    expect((await reader.put(`${url}/${p.id}`, listing())).status).toBe(403);
    const writer = await server.keyFor(tenantId, ["mls:write"]);
    expect((await writer.patch(`${url}/${p.id}`, { title: "New" })).status).toBe(200);
    const deals = await server.keyFor(tenantId, ["deals:read"]);
    expect((await deals.get(url)).status).toBe(403);
    const other = await server.tenant();
    expect((await other.api.get(`${url}/${p.id}`)).status).toBe(404);
  });

  test("properties link to contacts as owner or buyer, and take custom fields", async () => {
    const p = await create({ mls_number: "L" });
    const owner = await created(api, "/contacts", { first_name: "Owner" });
    const link = await api.put(
      `/api/external/properties/${p.id}/associations/contacts/${owner.id}`,
      { label: "owner" },
    );
    expect(link.status).toBe(201);
    const got = (await api.get(`${url}/${p.id}?include=associations`)).body;
    expect(got.associations.contacts).toMatchObject([{ id: owner.id, label: "owner" }]);
    expect(await ids(`associated_with=contacts:${owner.id}:owner`)).toEqual(["L"]);
    await created(api, "/fields/properties", {
      key: "energy",
      label: "Energy class",
      type: "select",
      options: ["A", "B"],
    });
    const tagged = await create({ mls_number: "E", custom_fields: { energy: "A" } });
    expect(tagged.custom_fields).toEqual({ energy: "A" });
    expect(await ids("cf.energy=A")).toEqual(["E"]);
  });
});

describe("on the server's clock", () => {
  const clock = new ManualClock(new Date("2031-07-15T23:30:00.000Z"));
  const clocked = useTestServer({ clock });

  test("a listing sold without a date is sold on the server's day, not the host's", async () => {
    const { api: client } = await clocked.tenant();
    const sold = listing({ mls_number: "CLOCKED", status: "sold" });
    const { sold_at } = await created(client, "/mls/properties", sold);
    expect(sold_at).toBe("2031-07-15");
  });
});
