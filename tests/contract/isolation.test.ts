import { afterAll, expect, test } from "bun:test";
import type { Api } from "../helpers/server";
import { startTestServer } from "../helpers/server";
import {
  fillPath,
  firstValue,
  idsFor,
  label,
  type Operation,
  operations,
  requiredQuery,
  sample,
  tenantOperation,
} from "./openapi";

/**
 * Generated two-tenant matrix: tenant B gets a record in every collection
 * a sample body can create; tenant A then calls every operation that takes
 * an id with B's ids (and a valid body, so validation does not answer
 * first), and the test fails when one is left unreached. Each answers 404,
 * never shows B's data, and B's data is the same afterwards.
 */
const server = await startTestServer();
afterAll(() => server.close());
const unlimited = { rate_limit: 1_000_000_000 };
const a = (await server.tenant("tenant-a", ["*"], unlimited)).api;
const b = (await server.tenant("tenant-b", ["*"], unlimited)).api;
const ops = (await operations(server)).filter(tenantOperation);
const hasParams = (op: Operation) => /\{\w+\}/.test(op.path);
const collections = ops.filter((op) => op.method === "POST" && !hasParams(op) && op.body);
const lists = ops.filter((op) => op.method === "GET" && !hasParams(op) && !op.stream);

/** Every record id of a snapshot. */
const idsOf = (lists: Record<string, unknown>) =>
  new Set(Object.values(lists).flatMap((records) => Object.keys(records as object)));

// B's records: one per collection a sample body creates, plus what those create (stages…).
/** B's first record of each collection (`deals`, `contacts`…), for the links other records need. */
const known = new Map<string, string>();
/** B's first record created at each collection path: its id where no list shows it (calls). */
const created = new Map<string, string>();

/**
 * Creates one of a collection's records for B from the document's example
 * (or a sample), filling a link the answer says is missing (`/deal_id` →
 * B's deal) and trying again.
 */
async function create(op: Operation) {
  let body = structuredClone(op.example ?? sample(op.body ?? {})) as Record<string, unknown>;
  for (let attempt = 0; attempt < 4; attempt++) {
    const reply = await b.post(op.path, body);
    if (reply.status === 201 || reply.status === 200) {
      const id = firstValue(reply.body);
      // Keyed by the resource, the first segment after /api/external (customers/identify → customers).
      if (id && !known.has(op.path.split("/")[3])) known.set(op.path.split("/")[3], id);
      if (id && !created.has(op.path)) created.set(op.path, id);
      return;
    }
    const field = /^\/(\w+)_id$/.exec(reply.body?.errors?.[0]?.path ?? "")?.[1];
    const link = field && [...known].find(([name]) => name.replace(/s$/, "") === field)?.[1];
    if (!link) return;
    body = { ...body, [`${field}_id`]: link };
  }
}

// A sales pipeline first: deals need one, and the document's pipeline example is a qualification one.
const pipeline = await b.post("/api/external/pipelines", {
  name: "B sales",
  pipeline_type: "sales",
  is_default: true,
  stages: [{ name: "Open" }, { name: "Won", kind: "won" }, { name: "Lost", kind: "lost" }],
});
known.set("pipelines", pipeline.body.id);
// Two rounds: records that link to others (notes, handoffs) find them in the second.
for (let round = 0; round < 2; round++) for (const op of collections) await create(op);
await b.request("POST", "/api/external/documents", uploadForm());
function uploadForm(): FormData {
  const form = new FormData();
  form.set("file", new File(["hello"], "hello.txt", { type: "text/plain" }));
  return form;
}

// A defines B's custom object type too, so A's calls with B's record ids reach the record
// lookup (and are refused there), not the unknown-type check. Each tenant gets a record of
// it: B's for the matrix, A's so that A's type is not removed (DELETE refuses a type in use).
const objectType = ops.find((op) => op.method === "POST" && op.path.endsWith("/object-types"));
const typeExample = objectType?.example as { plural: string; fields: { key: string }[] };
expect((await a.post("/api/external/object-types", typeExample)).status).toBe(201);
for (const [api, owner] of [
  [a, "A"],
  [b, "B"],
] as const) {
  const properties = Object.fromEntries(
    typeExample.fields.map(({ key }) => [key, `${owner} ${key}`]),
  );
  expect(
    (await api.post(`/api/external/objects/${typeExample.plural}`, { properties })).status,
  ).toBe(201);
}

/** Each record in a JSON value by id, with what a change to it would move. */
function records(value: unknown, into: Record<string, unknown> = {}): Record<string, unknown> {
  if (Array.isArray(value)) for (const item of value) records(item, into);
  else if (value && typeof value === "object") {
    const row = value as Record<string, unknown>;
    if (typeof row.id === "string")
      into[row.id] = [row.updated_at ?? null, row.deleted_at ?? null, row.status ?? null];
    for (const field of Object.values(row)) records(field, into);
  }
  return into;
}

/** The records every list of a tenant shows now. */
async function snapshot(api: Api) {
  const out: Record<string, unknown> = {};
  for (const op of lists)
    out[op.path] = records((await api.get(`${op.path}${requiredQuery(op)}`)).body);
  return out;
}

// Records only an action on another record creates (a handoff of a deal): each such
// action once, on B's own records, with the document's example.
for (const op of ops.filter((o) => o.method === "POST" && hasParams(o) && o.example)) {
  const values = await idsFor(b, op, created);
  if (values) await b.post(fillPath(op, values), op.example);
}

/**
 * Operations with an id that no tenant's record backs, so no other tenant's id
 * exists to call them with: operation → why. Every other one must be reached.
 */
const withoutTenantRecord: Record<string, string> = {};

test("tenant A never reaches tenant B's records through any operation with an id", async () => {
  const before = await snapshot(b);
  const bIds = idsOf(before);
  expect(bIds.size).toBeGreaterThan(10);
  const withIds = ops.filter(hasParams);
  const unresolved: string[] = [];
  const failures: string[] = [];
  let calls = 0;
  let withBIdCalls = 0;
  for (const op of withIds) {
    const values = await idsFor(b, op, created);
    if (!values) {
      unresolved.push(label(op));
      continue;
    }
    calls++;
    const path = `${fillPath(op, values)}${requiredQuery(op)}`;
    // A valid body (the document's example), so the call gets past validation to the record lookup.
    const body = op.body && structuredClone(op.example ?? sample(op.body));
    const reply = await a.request(op.method, path, body);
    const text = JSON.stringify(reply.body) ?? "";
    const leaked = [...bIds].filter(
      (id) => text.includes(id) && !Object.values(values).includes(id),
    );
    const refused = reply.status === 404;
    // Only B's ids must be refused; an object type or field key is A's to use as well.
    const withBIds = Object.values(values).some((value) => bIds.has(value));
    if (withBIds) withBIdCalls++;
    if ((withBIds && !refused) || reply.status >= 500 || leaked.length)
      failures.push(`${label(op)} with B's ids answered ${reply.status} ${text.slice(0, 160)}`);
  }
  expect(failures).toEqual([]);
  expect(await snapshot(b)).toEqual(before);
  console.log(
    `isolation: ${calls} of ${withIds.length} operations with ids called (${withBIdCalls} with B's record ids)${unresolved.length ? `; no B record for ${unresolved.join(", ")}` : ""}`,
  );
  expect(unresolved).toEqual(Object.keys(withoutTenantRecord));
});

test("tenant A's lists show none of tenant B's records", async () => {
  const bIds = idsOf(await snapshot(b));
  for (const op of lists) {
    const reply = await a.get(`${op.path}${requiredQuery(op)}`);
    // 200, or 404 for a tenant's single record (business hours) that A has none of.
    expect([op.path, [200, 404].includes(reply.status)]).toEqual([op.path, true]);
    const text = JSON.stringify(reply.body);
    expect([op.path, [...bIds].filter((id) => text.includes(id))]).toEqual([op.path, []]);
  }
});
