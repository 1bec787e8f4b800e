import { beforeAll, describe, expect, test } from "bun:test";
import { created } from "./helpers/api";
import type { Api } from "./helpers/server";
import { useTestServer } from "./helpers/suite";

/**
 * An enum field a request leaves out stays unset: a PATCH keeps the stored
 * value, a list without the filter returns every value. Elysia's
 * `t.UnionEnum` would fill it with the enum's first value, so models use
 * unions of literals; these cases fail if one comes back.
 */
const server = useTestServer({ config: { rateLimit: 100_000 } });
const base = "/api/external";
let api: Api;
beforeAll(async () => {
  ({ api } = await server.tenant());
});

interface EnumCase {
  path: string;
  listKey: string;
  /** A record whose enum fields hold values other than their enums' first. */
  body: Record<string, unknown>;
  set: Record<string, unknown>;
  /** A record that leaves them at their defaults. */
  plain: Record<string, unknown>;
  /** A PATCH that names none of them. */
  change: Record<string, unknown>;
}

const ATHENS = { city: "Athens", latitude: 37.9755, longitude: 23.7348 };
const CASES: EnumCase[] = [
  {
    path: "/tasks",
    listKey: "tasks",
    body: { title: "Urgent call", priority: "high" },
    set: { priority: "high" },
    plain: { title: "Plain call" },
    change: { title: "Urgent call, renamed" },
  },
  {
    path: "/leads",
    listKey: "leads",
    body: { name: "Tiered", tier: "C", status: "contacted" },
    set: { tier: "C", status: "contacted" },
    plain: { name: "Untiered" },
    change: { name: "Tiered, renamed" },
  },
  {
    path: "/mls/properties",
    listKey: "properties",
    body: {
      title: "Sold house",
      status: "sold",
      property_type: "house",
      area_unit: "sqft",
      address: ATHENS,
    },
    set: { status: "sold", property_type: "house", area_unit: "sqft" },
    plain: { title: "Listed flat", status: "active", property_type: "apartment", address: ATHENS },
    change: { title: "Sold house, renamed" },
  },
];

describe("enum fields left out of a request", () => {
  for (const c of CASES)
    test(`${c.path}: a PATCH keeps them, a list without filters returns every value`, async () => {
      const record = await created(api, c.path, c.body);
      const plain = await created(api, c.path, c.plain);
      expect(record).toMatchObject(c.set);
      const patched = await api.patch(`${base}${c.path}/${record.id}`, c.change);
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject(c.set);
      expect((await api.get(`${base}${c.path}/${record.id}`)).body).toMatchObject(c.set);
      const list = await api.get(`${base}${c.path}?page_size=100`);
      expect(list.status).toBe(200);
      const ids = list.body[c.listKey].map((r: { id: string }) => r.id);
      expect(ids).toEqual(expect.arrayContaining([record.id, plain.id]));
    });
});
