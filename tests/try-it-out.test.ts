import { afterAll, expect, test } from "bun:test";
import { eq } from "drizzle-orm";
import type { WriteTx } from "../db/client";
import { idempotencyKeys } from "../db/schema";
import { createDemoTenant } from "../src/demo";
import { refusesIdempotencyKey } from "../src/idempotency";
import {
  firstValue,
  label,
  type Operation,
  operations,
  resolveRef,
  tenantOperation,
} from "./contract/openapi";
import { pointerToken, validatorCache } from "./helpers/openapi-schemas";
import { Api, type Reply, startTestServer } from "./helpers/server";

/**
 * Swagger UI's "Try it out" on the demo tenant: each operation is sent with
 * what the document gives it (the body's example, the required query
 * parameters' examples or defaults) and must answer 2xx. What a user types
 * in is only what names a record: the path's parameters, and a body's
 * `*_id` when the answer says that record does not exist, all taken from the
 * demo tenant's records and those the examples created. Each POST also
 * carries an Idempotency-Key, whose replay must commit with the write.
 */
// The demo key as created; only its rate limit is raised, for the hundreds of calls.
const server = await startTestServer({ config: { rateLimit: 1_000_000 } });
afterAll(() => server.close());
const key = (await createDemoTenant(server.ctx, server.url)) as string;
const demo = new Api(server.url, { "x-api-key": key });
const all = await operations(server);
const doc = (await server.anonymous.get("/swagger/json")).body;
const validatorAt = validatorCache(doc);

/**
 * Where an answer differs from what the document says of it: a status it
 * does not list, or JSON its schema for that status refuses. What a typed
 * client generated from the document would mistype.
 */
function undocumented(op: Operation, reply: Reply): string | null {
  const method = op.method.toLowerCase();
  const listed = doc.paths[op.path][method].responses[String(reply.status)];
  if (!listed) return `${reply.status} is not documented`;
  const response = resolveRef(doc, listed);
  const type = (reply.headers.get("content-type") ?? "").split(";")[0];
  if (type !== "application/json" || reply.status === 304) return null;
  if (!response.content?.["application/json"]) return `${reply.status} documents no JSON answer`;
  const pointer = listed.$ref
    ? `${listed.$ref.slice(1)}/content/application~1json/schema`
    : `/paths/${pointerToken(op.path)}/${method}/responses/${reply.status}/content/application~1json/schema`;
  const validate = validatorAt(pointer);
  if (validate(reply.body)) return null;
  return validate.errors
    ?.slice(0, 3)
    .map((e) => `${e.instancePath || "/"} ${e.message}`)
    .join("; ") as string;
}

/** Operations that cannot succeed right after the ones before them, and why. */
const NOT_TRIED: Record<string, string> = {
  "DELETE /api/external/object-types/{object}":
    "refused (409) while the type has records, which the record examples just created; tests/custom-objects.test.ts deletes an emptied type",
  "POST /api/ses/webhook":
    "takes only messages SNS signed for a configured topic (the demo server has none: 404); tests/ses-webhook.test.ts signs them",
};

const hasParams = (op: Operation) => /\{\w+\}/.test(op.path);
/**
 * The credential Try it out is authorised with. Callers that prove
 * themselves otherwise (widget visitors, the inbound email relay, Twilio's
 * signed callbacks) and the open-ended event stream have their own tests.
 */
function clientOf(op: Operation): Api | null {
  if (tenantOperation(op)) return demo;
  if (op.scope === "admin" || op.security.includes("AdminToken")) return server.admin;
  return op.security.length ? null : server.anonymous;
}

/** The query Swagger UI sends: each required parameter's example or default (null if one has none). */
function documentedQuery(op: Operation): string | null {
  const pairs: string[] = [];
  for (const p of op.parameters.filter((p) => p.in === "query" && p.required)) {
    const value = p.example ?? p.schema.examples?.[0] ?? p.schema.default;
    if (value === undefined) return null;
    pairs.push(`${p.name}=${encodeURIComponent(String(value))}`);
  }
  return pairs.length ? `?${pairs.join("&")}` : "";
}

/** The first record created of each resource, for a body's `*_id` the answer finds missing. */
const known = new Map<string, string>();
/** The first record each collection's example created, by path template. */
const created = new Map<string, string>();

/** What a user types for a parameter that names no record: the object types the examples use. */
function typed(param: string, path: string): string | undefined {
  if (param === "to") return "companies";
  if (param === "object") return /\/object(s|-types)\//.test(path) ? "vehicles" : "contacts";
}

/** Where an id is found when the path above it lists other things (a timeline, field definitions). */
const ID_SOURCES: Record<string, (values: Record<string, string>) => Promise<string | undefined>> =
  {
    "/api/external/interactions": async () => created.get("/api/external/email/send"),
    "/api/external/fields/{object}/archived": async (values) =>
      firstValue((await demo.get(`/api/external/${values.object}`)).body),
    "/api/external/{object}/{id}/associations/{to}": async (values) =>
      firstValue((await demo.get(`/api/external/${values.to}`)).body),
    // An address on the suppression list: a contact that opted out of email.
    "/api/external/suppressions": async () => {
      const email = "opted-out@example.com";
      const reply = await demo.post("/api/external/contacts", {
        first_name: "Opted",
        email: [{ email }],
        email_opt_out: true,
      });
      return reply.status === 201 || reply.status === 409 ? email : undefined;
    },
    // A delivery to redeliver: the one a test send makes.
    "/api/external/webhooks/{id}/deliveries": async (values) =>
      (await demo.post(`/api/external/webhooks/test/${values.id}`)).body.delivery_id,
  };

/**
 * The demo tenant's value for each path parameter: `fresh` for the record
 * changed, else the record the collection's example created, else the
 * first one listed at or above it (for `stage_id`, the parent's `stages`).
 */
async function pathValues(
  client: Api,
  op: Operation,
  fresh?: string,
): Promise<Record<string, string> | null> {
  const values: Record<string, string> = {};
  const fill = (path: string) => path.replace(/\{(\w+)\}/g, (_, name) => values[name]);
  const segments = op.path.split("/");
  for (let i = 0; i < segments.length; i++) {
    const param = /^\{(\w+)\}$/.exec(segments[i])?.[1];
    if (!param) continue;
    const above = segments.slice(0, i).join("/");
    const field = /(^|_)id$/.test(param) ? "id" : param;
    let value =
      (param === "id" ? fresh : undefined) ??
      typed(param, op.path) ??
      (await ID_SOURCES[above]?.(values)) ??
      (field === "id" ? created.get(above) : undefined);
    for (let end = i; end > 2 && !value; end--) {
      const reply = await client.get(fill(segments.slice(0, end).join("/")));
      if (reply.status !== 200) continue;
      const nested = end < i ? reply.body?.[`${param.replace(/_id$/, "")}s`] : undefined;
      value = firstValue(nested ?? reply.body, field);
      if (nested) break;
    }
    if (!value) return null;
    values[param] = value;
  }
  return values;
}

/**
 * Each POST goes with an Idempotency-Key; its replay as the request's write
 * stored it is read as soon as that write commits: what a retry gets after a
 * crash between the commit and the answer. It must be the answer.
 */
let sentKey: string | null = null;
const replaysAtCommit = new Map<string, typeof idempotencyKeys.$inferSelect>();
const write = server.ctx.write.bind(server.ctx);
server.ctx.write = async <T>(fn: (tx: WriteTx) => Promise<T>): Promise<T> => {
  const result = await write(fn);
  if (sentKey && !replaysAtCommit.has(sentKey)) {
    const [row] = await server.ctx.db.primaryRead
      .select()
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.key, sentKey));
    if (row?.status) replaysAtCommit.set(sentKey, row);
  }
  return result;
};
/** POSTs whose replay stored with the write is not their answer. */
const replaysUnlikeAnswers: string[] = [];

/** Sends an operation's example; a `*_id` the answer finds missing is typed in and sent again. */
async function send(op: Operation, client: Api, path: string): Promise<Reply> {
  let body = op.example === undefined ? undefined : structuredClone(op.example);
  for (let attempt = 0; ; attempt++) {
    const keyed = op.method === "POST" && !refusesIdempotencyKey(op.path);
    sentKey = keyed ? `try-it-out-${Bun.randomUUIDv7()}` : null;
    const headers: Record<string, string> = sentKey ? { "idempotency-key": sentKey } : {};
    const reply = await client.request(op.method, path, body, headers);
    if (keyed && reply.status < 300) {
      const replay = replaysAtCommit.get(sentKey as string);
      const stored = replay && {
        status: replay.status,
        body: JSON.parse(replay.body ?? "null"),
        version: replay.version?.toString(36),
      };
      // A record's answer names its version in its strong ETag: the replay keeps it for its own.
      const version = /^"([0-9a-z]+)\./.exec(reply.headers.get("etag") ?? "")?.[1];
      if (!Bun.deepEquals(stored, { status: reply.status, body: reply.body, version }))
        replaysUnlikeAnswers.push(`${label(op)}: ${JSON.stringify(stored)?.slice(0, 200)}`);
    }
    sentKey = null;
    const field = /^\/(\w+)_id$/.exec(reply.body?.errors?.[0]?.path ?? "")?.[1];
    const link = field && [...known].find(([name]) => name.replace(/s$/, "") === field)?.[1];
    if (reply.status < 300 || !link || body === undefined || attempt > 3) return reply;
    body = { ...(body as object), [`${field}_id`]: link };
  }
}

/** Records no collection POST creates, and the operation that does. */
const MADE_BY: Record<string, string> = {
  "/api/external/handoffs": "POST /api/external/deals/{id}/handoff",
};

/**
 * A change to one record (an action, an update, a deletion) gets a record
 * of its own, made by its collection's example, so what was tried before
 * (an accepted handoff, a deleted pipeline) does not stand in its way.
 */
async function freshRecord(client: Api, op: Operation): Promise<string | undefined> {
  if (op.method === "GET" || !/\/\{id\}(\/\w+)?$/.test(op.path)) return;
  const collection = op.path.split("/{id}")[0];
  const maker = all.find(
    (c) =>
      label(c) === MADE_BY[collection] ||
      (c.method === "POST" && c.path === collection && c.example !== undefined),
  );
  if (!maker) return;
  const values = await pathValues(client, maker);
  if (!values) return;
  const path = maker.path.replace(/\{(\w+)\}/g, (_, name) => values[name]);
  const reply = await send(maker, client, path);
  return reply.status < 300 ? firstValue(reply.body) : undefined;
}

/** Creations first, then changes and reads of collections, then of records; deletions last, deepest first. */
function rank(op: Operation): number {
  if (op.method === "DELETE") return 10 - op.path.split("/").length / 10;
  if (hasParams(op)) return 4;
  return op.method === "POST" ? 0 : op.method === "GET" ? 3 : 2;
}

/** The file upload Try it out offers on POST /documents: the document downloads refer to. */
async function upload() {
  const form = new FormData();
  form.set("file", new File(["hello"], "hello.txt", { type: "text/plain" }));
  const reply = await demo.request("POST", "/api/external/documents", form);
  expect(reply.status).toBe(201);
  created.set("/api/external/documents", reply.body.id);
}

test("every operation succeeds with its documented example on the demo tenant", async () => {
  await upload();
  const failures = new Map<string, string>();
  const sent = new Set<string>();
  const mistyped: string[] = [];
  const sorted = [...all].sort((a, b) => rank(a) - rank(b));
  // Creations twice: a record that links to another finds it the second time.
  for (const op of [...sorted.filter((o) => rank(o) === 0), ...sorted]) {
    const client = clientOf(op);
    if (!client || op.stream || (op.multipart && !op.body) || NOT_TRIED[label(op)]) continue;
    if (sent.has(label(op)) && !failures.has(label(op))) continue;
    sent.add(label(op));
    failures.delete(label(op));
    const query = documentedQuery(op);
    const values = await pathValues(client, op, await freshRecord(client, op));
    if (query === null || !values) {
      failures.set(
        label(op),
        query === null ? "a required query parameter has no example" : "no record for its path",
      );
      continue;
    }
    const path = op.path.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(values[name]));
    const reply = await send(op, client, `${path}${query}`);
    const unlike = undocumented(op, reply);
    if (unlike) mistyped.push(`${label(op)} ${reply.status}: ${unlike}`);
    // A bulk answer is 200 whatever its records' fate: each must have been stored.
    if (reply.status >= 300 || reply.body?.failed > 0) {
      failures.set(label(op), `${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`);
      continue;
    }
    // A collection's POST (`/deals`, `/objects/{object}`) created a record.
    const creation = op.method === "POST" && (!hasParams(op) || op.path.endsWith("}"));
    const id = creation ? firstValue(reply.body) : undefined;
    const resource = op.path.split("/")[3];
    if (id && !known.has(resource)) known.set(resource, id);
    if (id && !created.has(op.path)) created.set(op.path, id);
  }
  console.log(`try it out: ${sent.size} operations sent with their examples`);
  expect([...failures].map(([op, why]) => `${op}: ${why}`)).toEqual([]);
  // Each answer is what the document says of its status: its JSON valid against the schema.
  expect(mistyped).toEqual([]);
  expect(sent.size).toBeGreaterThan(100);
  expect(replaysUnlikeAnswers).toEqual([]);
  // One request after another for every operation of the API: more than the default 5 s on a busy machine.
}, 60_000);
