import { beforeAll, describe, expect, test } from "bun:test";
import { created, expect422 } from "./helpers/api";
import type { Api } from "./helpers/server";
import { useTestServer } from "./helpers/suite";
import { salesPipeline } from "./sales-fixtures";

/**
 * Integers a client writes are refused (422 at the field) when the database
 * cannot hold them exactly: past 2^53 a JSON number is already rounded, and
 * past 2^63 PostgreSQL's bigint overflows.
 */
const server = useTestServer({ config: { rateLimit: 100_000 } });
const base = "/api/external";
let api: Api;
let tenantId: string;
beforeAll(async () => {
  ({ api, tenantId } = await server.tenant());
});

const HUGE = [1e19, 2 ** 53];

describe("integers beyond what the database holds are 422", () => {
  test("stage position and warn_before_minutes", async () => {
    const pipeline = await salesPipeline(api);
    const stages = `${base}/pipelines/${pipeline.id}/stages`;
    for (const n of HUGE) {
      expect422(await api.post(stages, { name: "Big", position: n }), "/position");
      expect422(
        await api.post(stages, { name: "Big", warn_before_minutes: n }),
        "/warn_before_minutes",
      );
      expect422(
        await api.post(`${base}/pipelines`, {
          name: "Huge",
          pipeline_type: "sales",
          stages: [{ name: "Only", warn_before_minutes: n }],
        }),
        "/stages/0/warn_before_minutes",
      );
    }
    const stage = pipeline.stages[0];
    expect422(
      await api.patch(`${stages}/${stage.id}`, { warn_before_minutes: 1e19 }),
      "/warn_before_minutes",
    );
  });

  test("api key rate_limit, also from the admin token (no limit of its own to cap it)", async () => {
    for (const n of HUGE) {
      const body = { name: "big", permissions: ["read"], rate_limit: n };
      expect422(await api.post(`${base}/api-keys`, body), "/rate_limit");
      expect422(
        await server.admin.post(`${base}/api-keys?tenant_id=${tenantId}`, body),
        "/rate_limit",
      );
    }
  });

  test("MLS price and company head count", async () => {
    const listing = {
      status: "active",
      property_type: "apartment",
      address: { street: "Ermou 1", city: "Athens", country: "GR" },
    };
    for (const n of HUGE) {
      expect422(
        await api.post(`${base}/mls/properties`, {
          ...listing,
          price: { value: n, currency: "EUR" },
        }),
        "/price/value",
      );
      expect422(await api.post(`${base}/companies`, { name: "Big Co", size: n }), "/size");
    }
    const property = await created(api, "/mls/properties", listing);
    const huge = { value: 1e19, currency: "EUR" };
    expect422(
      await api.patch(`${base}/mls/properties/${property.id}`, { price: huge }),
      "/price/value",
    );
    expect422(
      await api.put(`${base}/mls/properties/${property.id}`, { ...listing, price: huge }),
      "/price/value",
    );
    const bulk = await api.post(`${base}/companies/bulk`, {
      records: [
        { name: "Small Co", size: 10 },
        { name: "Big Co", size: 1e19 },
      ],
    });
    expect(bulk.body).toMatchObject({ created: 1, failed: 1 });
    expect(bulk.body.results[1].errors[0].path).toBe("/size");
  });

  test("the largest exact value is kept as sent", async () => {
    const max = Number.MAX_SAFE_INTEGER;
    const listing = await created(api, "/mls/properties", {
      status: "active",
      property_type: "apartment",
      address: { street: "Ermou 2", city: "Athens", country: "GR" },
      price: { value: max, currency: "EUR" },
    });
    expect((await api.get(`${base}/mls/properties/${listing.id}`)).body.price.value).toBe(max);
    const key = await created(api, "/api-keys", {
      name: "max",
      permissions: ["read"],
      rate_limit: 1000,
    });
    expect(key.rate_limit).toBe(1000);
  });
});
