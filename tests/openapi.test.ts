import { expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CONSISTENCY_HEADER, readsMayLag } from "../src/consistency";
import { builtInEventTypes } from "../src/events";
import { currentRequest } from "../src/request-state";
import { clientFor, fillPath, operations, resolveRef } from "./contract/openapi";
import { describeOnce } from "./helpers/database";
import { ajvFor, componentId, nodeAt, pointerToken, schemaAt } from "./helpers/openapi-schemas";
import { type Api, type Reply, startTestServer } from "./helpers/server";
import { useTestServer } from "./helpers/suite";

const ROOT = join(import.meta.dir, "..");
const BIN = join(ROOT, "node_modules", ".bin");
const METHODS = ["get", "put", "post", "patch", "delete"];

type Doc = any;
const fetchDoc = async (api: Api): Promise<Doc> => (await api.get("/swagger/json")).body;

/** Runs a linter's CLI on the document and returns its JSON report. */
async function lint(args: string[], doc: Doc): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), "crmd-openapi-"));
  const file = join(dir, "openapi.json");
  writeFileSync(file, JSON.stringify(doc));
  const run = Bun.spawn([...args.map((a) => a.replace("$FILE", file))], {
    cwd: ROOT,
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    stdout: "pipe",
    stderr: "pipe",
  });
  const [out, err] = [await new Response(run.stdout).text(), await new Response(run.stderr).text()];
  await run.exited;
  rmSync(dir, { recursive: true, force: true });
  try {
    return JSON.parse(out);
  } catch {
    throw new Error(`${args[0]} gave no JSON report: ${out.slice(0, 500)} ${err.slice(0, 1000)}`);
  }
}

/** Every schema location in the document, as JSON pointers from its root. */
function schemaPointers(doc: Doc): string[] {
  const pointers = Object.keys(doc.components.schemas).map((n) => `/components/schemas/${n}`);
  const esc = pointerToken;
  for (const [name, parameter] of Object.entries<Doc>(doc.components.parameters ?? {}))
    if (parameter.schema) pointers.push(`/components/parameters/${name}/schema`);
  for (const [name, response] of Object.entries<Doc>(doc.components.responses ?? {}))
    for (const type of Object.keys(response.content ?? {}))
      pointers.push(`/components/responses/${name}/content/${esc(type)}/schema`);
  for (const [section, entries] of [
    ["paths", doc.paths],
    ["webhooks", doc.webhooks],
  ] as const)
    for (const [path, operations] of Object.entries<Doc>(entries))
      for (const method of METHODS) {
        const op = operations[method];
        if (!op) continue;
        const at = `/${section}/${esc(path)}/${method}`;
        op.parameters?.forEach((parameter: Doc, i: number) => {
          if (!parameter.$ref) pointers.push(`${at}/parameters/${i}/schema`);
        });
        for (const type of Object.keys(op.requestBody?.content ?? {}))
          pointers.push(`${at}/requestBody/content/${esc(type)}/schema`);
        for (const [status, response] of Object.entries<Doc>(op.responses ?? {}))
          for (const type of Object.keys(response.content ?? {}))
            pointers.push(`${at}/responses/${status}/content/${esc(type)}/schema`);
      }
  return pointers;
}

describeOnce("OpenAPI document", () => {
  const server = useTestServer();
  test("0 errors and 0 warnings under Redocly's recommended rules and Spectral's spectral:oas", async () => {
    // Rules that do not fit crmd are turned off, each with its reason, in redocly.yaml and .spectral.yaml.
    const doc = await fetchDoc(server.anonymous);
    const redocly = (await lint(
      [join(BIN, "redocly"), "lint", "$FILE", "--format=json", "--max-problems=1000"],
      doc,
    )) as { problems: Array<{ severity: string; ruleId: string; message: string }> };
    expect(redocly.problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message}`)).toEqual([]);

    const spectral = (await lint(
      [join(BIN, "spectral"), "lint", "$FILE", "--ruleset", ".spectral.yaml", "-f", "json", "-q"],
      doc,
    )) as Array<{ severity: number; code: string; message: string; path: string[] }>;
    // Severity 0 is an error, 1 a warning.
    const spectralProblems = spectral.filter((p) => p.severity <= 1);
    expect(spectralProblems.map((p) => `${p.code}: ${p.path.join(".")}: ${p.message}`)).toEqual([]);
  }, 60_000);

  test("every schema compiles in Ajv 2020 (strict), named schemas by $ref included", async () => {
    const doc = await fetchDoc(server.anonymous);
    const ajv = ajvFor(doc);
    const pointers = schemaPointers(doc);
    const failures: string[] = [];
    for (const pointer of pointers)
      try {
        ajv.compile(schemaAt(doc, pointer));
      } catch (error) {
        failures.push(`${pointer}: ${(error as Error).message}`);
      }
    expect(failures).toEqual([]);
    expect(pointers.length).toBeGreaterThan(300);
  });

  test("named component schemas, referenced by $ref; no 3.0 leftovers or internal flags", async () => {
    const doc = await fetchDoc(server.anonymous);
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(["Deal", "DealList", "Lead", "LeadList", "Task", "Error", "Webhook"]),
    );
    const deals = doc.paths["/api/external/deals"];
    expect(deals.get.responses["200"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/DealList",
    });
    // A row is a Deal, with its links when the list is asked for them (include=associations).
    expect(doc.components.schemas.DealList.properties.deals.items.allOf[0]).toEqual({
      $ref: "#/components/schemas/Deal",
    });
    expect(resolveRef(doc, deals.post.responses["401"]).content["application/json"].schema).toEqual(
      {
        $ref: "#/components/schemas/Error",
      },
    );
    const text = JSON.stringify(doc);
    for (const leftover of ['"nullable"', '"noValidate"', '"$id"', '"x-crmd-schema"'])
      expect({ leftover, found: text.includes(leftover) }).toEqual({ leftover, found: false });
    expect(doc.components.schemas.Deal.properties.owner.type).toEqual(["string", "null"]);
    // JSON routes take JSON only; the upload route keeps its multipart form.
    expect(Object.keys(deals.post.requestBody.content)).toEqual(["application/json"]);
    expect(Object.keys(doc.paths["/api/external/documents"].post.requestBody.content)).toEqual([
      "application/json",
      "multipart/form-data",
    ]);
  });

  test("the document stays under 640 KB: the responses and parameters operations share are referenced, not copied", async () => {
    // Every operation once held its own copy of the same error responses: 1.08 MB. About 600 KB
    // now, 18 KB of it the credentials each operation's description ends with.
    const served = await fetch(`${server.url}/swagger/json`);
    const bytes = new Uint8Array(await served.arrayBuffer());
    expect(bytes.length).toBeLessThan(640_000);
    const doc = JSON.parse(new TextDecoder().decode(bytes));
    const shared: Record<string, Doc> = doc.components.responses;
    expect(Object.keys(shared)).toEqual(
      expect.arrayContaining([
        "Unauthorized",
        "Forbidden",
        "NotFound",
        "ValidationError",
        "RateLimited",
        "UriTooLong",
        "BodyTooLarge",
        "UnsupportedMediaType",
        "IdempotencyKeyConflict",
        "NotModified",
        "NotModifiedPage",
      ]),
    );
    const copies: string[] = [];
    const used = new Set<string>();
    for (const [path, operations] of Object.entries<Doc>(doc.paths))
      for (const [method, op] of Object.entries<Doc>(operations))
        for (const [status, response] of Object.entries<Doc>(op.responses)) {
          if (response.$ref) used.add(response.$ref);
          for (const [name, one] of Object.entries(shared))
            if (Bun.deepEquals(response, one)) copies.push(`${method} ${path} ${status}: ${name}`);
        }
    expect(copies).toEqual([]);
    expect([...used].sort()).toEqual(
      Object.keys(shared).map((name) => `#/components/responses/${name}`),
    );
    // One worded for its operation keeps its own words.
    expect(doc.paths["/metrics"].get.responses["401"].description).toBe("Missing or wrong token");

    // Parameters likewise: once each operation held its own copy of paging's and the headers'.
    const parameters: Record<string, Doc> = doc.components.parameters;
    expect(Object.keys(parameters)).toEqual(
      expect.arrayContaining([
        "Idempotency-Key",
        "If-None-Match",
        "id",
        "page",
        "page_size",
        "cursor",
        "since",
        "include",
        "associated_with",
      ]),
    );
    const copied: string[] = [];
    const referenced = new Set<string>();
    for (const [section, entries] of [
      ["paths", doc.paths],
      ["webhooks", doc.webhooks],
    ] as const)
      for (const [path, operations] of Object.entries<Doc>(entries))
        for (const [method, op] of Object.entries<Doc>(operations))
          for (const parameter of op.parameters ?? []) {
            if (parameter.$ref) referenced.add(parameter.$ref);
            for (const [name, one] of Object.entries(parameters))
              if (Bun.deepEquals(parameter, one))
                copied.push(`${section} ${method} ${path}: ${name}`);
          }
    expect(copied).toEqual([]);
    expect([...referenced].sort()).toEqual(
      Object.keys(parameters)
        .sort()
        .map((name) => `#/components/parameters/${name}`),
    );
    const deals = doc.paths["/api/external/deals"];
    expect(deals.get.parameters).toEqual(
      expect.arrayContaining(
        ["page", "page_size", "since", "cursor", "include", "If-None-Match"].map((name) => ({
          $ref: `#/components/parameters/${name}`,
        })),
      ),
    );
    expect(deals.post.parameters).toContainEqual({
      $ref: "#/components/parameters/Idempotency-Key",
    });
    expect(parameters.since).toMatchObject({ in: "query", name: "since" });
    expect(parameters.since.description).toContain("ISO 8601");
  });

  test("every operationId is a method name a generated client can use: unique, an identifier, verb first", async () => {
    const doc = await fetchDoc(server.anonymous);
    const ids = new Map<string, string>();
    const unusable: string[] = [];
    for (const [section, entries] of [
      ["paths", doc.paths],
      ["webhooks", doc.webhooks],
    ] as const)
      for (const [path, operations] of Object.entries<Doc>(entries))
        for (const [method, op] of Object.entries<Doc>(operations)) {
          const where = `${section} ${method} ${path}`;
          const id: string = op.operationId ?? "";
          if (!/^[a-z][A-Za-z0-9]*$/.test(id) || /Api(External|Widget)/.test(id))
            unusable.push(`${where}: ${id}`);
          if (ids.has(id)) unusable.push(`${where}: ${id} is also ${ids.get(id)}`);
          ids.set(id, where);
        }
    expect(unusable).toEqual([]);
    const idOf = (method: string, path: string) => doc.paths[path][method].operationId;
    const api = "/api/external";
    expect({
      listDeals: idOf("get", `${api}/deals`),
      createDeal: idOf("post", `${api}/deals`),
      getDeal: idOf("get", `${api}/deals/{id}`),
      updateDeal: idOf("patch", `${api}/deals/{id}`),
      deleteDeal: idOf("delete", `${api}/deals/{id}`),
      moveDeal: idOf("post", `${api}/deals/{id}/move`),
      replaceTask: idOf("put", `${api}/tasks/{id}`),
      listApiKeys: idOf("get", `${api}/api-keys`),
      createMlsProperty: idOf("post", `${api}/mls/properties`),
      updatePipelineStage: idOf("patch", `${api}/pipelines/{id}/stages/{stage_id}`),
      rotateWebhookSecret: idOf("post", `${api}/webhooks/{id}/rotate-secret`),
      listWebhookDeliveries: idOf("get", `${api}/webhooks/{id}/deliveries`),
      listObjectRecords: idOf("get", `${api}/objects/{object}`),
      streamEvents: idOf("get", `${api}/events/stream`),
      listWidgetConversations: idOf("get", "/api/widget/conversations"),
      dealStageChangedWebhook: doc.webhooks["deal.stage_changed"].post.operationId,
    }).toEqual({
      listDeals: "listDeals",
      createDeal: "createDeal",
      getDeal: "getDeal",
      updateDeal: "updateDeal",
      deleteDeal: "deleteDeal",
      moveDeal: "moveDeal",
      replaceTask: "replaceTask",
      listApiKeys: "listApiKeys",
      createMlsProperty: "createMlsProperty",
      updatePipelineStage: "updatePipelineStage",
      rotateWebhookSecret: "rotateWebhookSecret",
      listWebhookDeliveries: "listWebhookDeliveries",
      listObjectRecords: "listObjectRecords",
      streamEvents: "streamEvents",
      listWidgetConversations: "listWidgetConversations",
      dealStageChangedWebhook: "dealStageChangedWebhook",
    });
  });

  test("no response keeps Elysia's wording 'Response for status N': each says what it is", async () => {
    const doc = await fetchDoc(server.anonymous);
    const generic: string[] = [];
    for (const [path, operations] of Object.entries<Doc>(doc.paths))
      for (const [method, op] of Object.entries<Doc>(operations))
        for (const [status, response] of Object.entries<Doc>(op.responses))
          if (/^Response for status/.test(resolveRef(doc, response).description))
            generic.push(`${method} ${path} ${status}`);
    expect(generic).toEqual([]);
    expect(doc.paths["/api/external/deals"].post.responses["201"].description).toBe("Created");
  });

  test("servers, and a description for every tag an operation uses", async () => {
    const doc = await fetchDoc(server.anonymous);
    expect(doc.servers).toEqual([{ url: "/", description: expect.any(String) }]);
    const defined = new Map<string, string>(
      doc.tags.map((t: { name: string; description: string }) => [t.name, t.description]),
    );
    for (const operations of Object.values<Doc>(doc.paths))
      for (const op of Object.values<Doc>(operations))
        for (const tag of op.tags)
          expect({ tag, described: (defined.get(tag) ?? "").length > 10 }).toEqual({
            tag,
            described: true,
          });
  });

  test("a parameter's description is its own, where Swagger UI and code generators show it", async () => {
    // Swagger UI's parameter table shows `parameter.description` only, never `schema.description`.
    const doc = await fetchDoc(server.anonymous);
    const hidden: string[] = [];
    for (const [path, operations] of Object.entries<Doc>(doc.paths))
      for (const [method, op] of Object.entries<Doc>(operations))
        for (const parameter of op.parameters ?? []) {
          const p = resolveRef(doc, parameter);
          if (p.schema?.description !== undefined)
            hidden.push(`${method} ${path} ${p.in} ${p.name}`);
        }
    expect(hidden).toEqual([]);
    const since = doc.paths["/api/external/deals"].get.parameters
      .map((p: Doc) => resolveRef(doc, p))
      .find((p: Doc) => p.name === "since");
    expect(since.description).toContain("ISO 8601");
  });

  test("the webhooks section has a signed POST for every event type, its data typed by entity", async () => {
    const doc = await fetchDoc(server.anonymous);
    expect(Object.keys(doc.webhooks).sort()).toEqual(builtInEventTypes());
    const dealWon = doc.webhooks["deal.won"].post;
    // The envelope is defined once (WebhookEvent); each event type fixes its type and data.
    const [envelope, payload] = dealWon.requestBody.content["application/json"].schema.allOf;
    expect(envelope).toEqual({ $ref: "#/components/schemas/WebhookEvent" });
    expect(doc.components.schemas.WebhookEvent.required).toEqual(
      expect.arrayContaining(["id", "event_type", "timestamp", "tenant_id", "data", "metadata"]),
    );
    expect(payload.properties.data).toEqual({ $ref: "#/components/schemas/Deal" });
    expect(payload.properties.event_type.const).toBe("deal.won");
    expect(dealWon.parameters.map((p: Doc) => resolveRef(doc, p).name)).toEqual(
      expect.arrayContaining(["webhook-id", "webhook-timestamp", "webhook-signature"]),
    );
  });

  test("the document is the same before and after the first request", async () => {
    const first = await startTestServer();
    const busy = await startTestServer();
    /**
     * Calls that make Elysia compile routes (the document once grew as schemas
     * were compiled), and a tenant's own object type, whose events stay out of it.
     */
    const traffic = async (target: typeof busy, objectName: string) => {
      const { api } = await target.tenant();
      const plural = `${objectName}s`;
      const type = { name: objectName, plural, label: "Gadgets", primary_field: "label" };
      const fields = [{ key: "label", label: "Label", type: "text" }];
      expect((await api.post("/api/external/object-types", { ...type, fields })).status).toBe(201);
      for (const resource of ["deals", "leads", "tasks", "contacts", "webhooks", "pipelines"]) {
        await api.get(`/api/external/${resource}`);
        await api.post(`/api/external/${resource}`, { title: "x", name: "x" });
      }
      await target.admin.post("/api/external/tenants", { name: "another" });
    };
    try {
      const before = await fetchDoc(first.anonymous); // that server's first request
      await traffic(first, "gadget");
      expect(await fetchDoc(first.anonymous)).toEqual(before);
      await traffic(busy, "widgetry");
      expect(await fetchDoc(busy.anonymous)).toEqual(before);
    } finally {
      await first.close();
      await busy.close();
    }
  });

  test("a POST lists the Idempotency-Key header exactly when the server takes it", async () => {
    const doc = await fetchDoc(server.anonymous);
    const { api } = await server.tenant();
    let checked = 0;
    for (const [path, operations] of Object.entries<Doc>(doc.paths)) {
      const op = operations.post;
      if (!op || !path.startsWith("/api/external")) continue;
      const listed = (op.parameters ?? []).some(
        (p: Doc) => resolveRef(doc, p).name === "Idempotency-Key",
      );
      // The header is judged before routing and validation: an unknown id and an empty body do.
      const url = path.replace(/\{[^}]+\}/g, crypto.randomUUID());
      const reply = await api.post(url, {}, { "idempotency-key": `probe-${checked}` });
      const refused = reply.status === 400 && /Idempotency-Key/.test(reply.body?.detail ?? "");
      // A route that answers an API key 401 authenticates its callers itself (a relay, a
      // provider's callback) and de-duplicates by their own ids: no Idempotency-Key there.
      const ownCallers = reply.status === 401;
      expect({ path, listed }).toEqual({ path, listed: !refused && !ownCallers });
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
  });

  test("X-Consistency is listed, as one shared parameter, on exactly the operations whose reads may go to the replica", async () => {
    const doc = await fetchDoc(server.anonymous);
    const shared = doc.components.parameters[CONSISTENCY_HEADER];
    expect(shared).toMatchObject({ in: "header", name: CONSISTENCY_HEADER, required: false });
    expect(shared.schema.enum).toEqual(["strong"]);
    // Each operation called once (unknown ids, empty bodies), noting which read through
    // the read handle, the one a replica serves: each of those must list the header.
    const probe = await startTestServer({ config: { rateLimit: 1_000_000 } });
    const { api } = await probe.tenant(undefined, ["*"]);
    const db = probe.ctx.db as { read: object };
    const handle = db.read;
    const reading = new Set<string>();
    db.read = new Proxy(handle, {
      get(target, property) {
        const request = currentRequest();
        if (request) reading.add(`${request.method} ${new URL(request.url).pathname}`);
        const value = Reflect.get(target, property, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const listing: string[] = [];
    const read: string[] = [];
    let others = 0;
    try {
      for (const [path, operations] of Object.entries<Doc>(doc.paths))
        for (const method of METHODS) {
          const op = operations[method];
          if (!op) continue;
          const refs = (op.parameters ?? []).filter(
            (p: Doc) => resolveRef(doc, p).name === CONSISTENCY_HEADER,
          );
          // Shared, never copied inline.
          for (const p of refs)
            expect(p).toEqual({ $ref: `#/components/parameters/${CONSISTENCY_HEADER}` });
          const url = path.replace(/\{[^}]+\}/g, crypto.randomUUID());
          const body = method === "get" || method === "delete" ? undefined : {};
          await api.request(method.toUpperCase(), url, body);
          const readsReplica = reading.has(`${method.toUpperCase()} ${url}`);
          if (readsReplica) read.push(`${method} ${path}`);
          expect({ method, path, listed: refs.length }).toEqual({
            method,
            path,
            listed: readsMayLag(path) ? 1 : 0,
          });
          if (readsReplica)
            expect({ method, path, listed: refs.length }).toEqual({ method, path, listed: 1 });
          if (refs.length) listing.push(`${method} ${path}`);
          else others++;
        }
    } finally {
      db.read = handle;
      await probe.close();
    }
    // Writes read through it too: a test send finds its webhook there.
    expect(read).toContain("post /api/external/webhooks/test/{id}");
    expect(read).toContain("get /api/external/deals");
    expect(listing).toContain("post /api/external/deals");
    expect(listing.length).toBeGreaterThan(100);
    expect(read.length).toBeGreaterThan(40);
    // The probes and metrics read the primary.
    expect(others).toBe(3);
  });

  test("a POST that takes Idempotency-Key documents the 409 a reused key answers", async () => {
    const doc = await fetchDoc(server.anonymous);
    const { api } = await server.tenant();
    const key = { "idempotency-key": "reused-key" };
    expect((await api.post("/api/external/tasks", { title: "First" }, key)).status).toBe(201);
    const reused = await api.post("/api/external/tasks", { title: "Second" }, key);
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe("IDEMPOTENCY_KEY_REUSED");
    const undocumented: string[] = [];
    for (const [path, operations] of Object.entries<Doc>(doc.paths)) {
      const op = operations.post;
      if (!op?.parameters?.some((p: Doc) => resolveRef(doc, p).name === "Idempotency-Key"))
        continue;
      const conflict = resolveRef(doc, op.responses["409"]);
      if (conflict?.content?.["application/json"]?.schema?.$ref !== "#/components/schemas/Error")
        undocumented.push(path);
    }
    expect(undocumented).toEqual([]);
  });

  // The example is built from the body schema's required fields; a body whose
  // rules go further (one of two fields) gives its schema `examples: [{…}]`.
  // tests/try-it-out.test.ts sends every example to a server.
  test("every JSON body has an example valid against its schema", async () => {
    const doc = await fetchDoc(server.anonymous);
    const ajv = ajvFor(doc);
    const esc = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");
    let checked = 0;
    for (const [path, operations] of Object.entries<Doc>(doc.paths))
      for (const [method, op] of Object.entries<Doc>(operations)) {
        const media = op.requestBody?.content?.["application/json"];
        if (!media) continue;
        const where = `${method} ${path}`;
        const validate = ajv.compile(
          schemaAt(
            doc,
            `/paths/${esc(path)}/${method}/requestBody/content/application~1json/schema`,
          ),
        );
        expect({ where, valid: validate(media.example), errors: validate.errors }).toEqual({
          where,
          valid: true,
          errors: null,
        });
        checked++;
      }
    expect(checked).toBeGreaterThan(50);
  });

  test("every example in the document is valid against its schema: bodies', parameters', headers' and schemas' own", async () => {
    const doc = await fetchDoc(server.anonymous);
    const ajv = ajvFor(doc);
    const invalid: string[] = [];
    let checked = 0;
    const check = (schemaPointer: string, example: unknown, where: string) => {
      const validate = ajv.compile(schemaAt(doc, schemaPointer));
      checked++;
      if (!validate(example))
        invalid.push(
          `${where}: ${JSON.stringify(example)?.slice(0, 120)} ${ajv.errorsText(validate.errors)}`,
        );
    };
    /** A schema's `examples` is a list; a media type's, parameter's or header's a map of Example Objects. */
    const walk = (node: Doc, at: string) => {
      if (!node || typeof node !== "object") return;
      if (Array.isArray(node)) {
        for (const [i, item] of node.entries()) walk(item, `${at}/${i}`);
        return;
      }
      const owner = node.schema && typeof node.schema === "object" ? `${at}/schema` : null;
      if (Array.isArray(node.examples))
        for (const [i, example] of node.examples.entries())
          check(at, example, `${at}/examples/${i}`);
      else if (owner && node.examples && typeof node.examples === "object")
        for (const [name, example] of Object.entries<Doc>(node.examples))
          if ("value" in example)
            check(owner, example.value, `${at}/examples/${pointerToken(name)}`);
      if ("example" in node && owner) check(owner, node.example, `${at}/example`);
      else if ("example" in node && nodeAt(doc, at) === node && (node.type || node.$ref))
        check(at, node.example, `${at}/example`);
      for (const [key, value] of Object.entries(node))
        if (key !== "examples" && key !== "example") walk(value, `${at}/${pointerToken(key)}`);
    };
    walk(doc, "");
    expect(invalid).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  test("the 400, 413 and 415 a JSON body can get are documented on every operation that takes one", async () => {
    const small = await startTestServer({ config: { bodyLimit: 64 } });
    try {
      const doc = await fetchDoc(small.anonymous);
      const { api } = await small.tenant(undefined, ["*"], { rate_limit: 1_000_000_000 });
      const bodies: Array<[string, string, string]> = [
        ["not JSON", "text/plain", "hello"],
        ["over the limit", "application/json", JSON.stringify({ x: "y".repeat(100) })],
        ["malformed JSON", "application/json", "{"],
      ];
      const undocumented: string[] = [];
      let checked = 0;
      for (const op of await operations(small)) {
        if (!op.body) continue;
        const client = clientFor(op, small, api) ?? small.anonymous;
        const responses = doc.paths[op.path][op.method.toLowerCase()].responses;
        for (const [what, type, body] of bodies) {
          const reply = await client.request(op.method, fillPath(op), body, {
            "content-type": type,
          });
          const documented = resolveRef(doc, responses[String(reply.status)])?.content?.[
            "application/json"
          ];
          if (documented?.schema?.$ref !== "#/components/schemas/Error")
            undocumented.push(`${op.method} ${op.path}: ${what} answers ${reply.status}`);
        }
        checked++;
      }
      expect(undocumented).toEqual([]);
      expect(checked).toBeGreaterThan(50);
    } finally {
      await small.close();
    }
  });

  test("the headers answers carry are documented on their responses: request id, rate limits, Retry-After, ETag, Cache-Control and their 304, Link, Idempotent-Replayed", async () => {
    const doc = await fetchDoc(server.anonymous);
    const { api } = await server.tenant(undefined, ["*"], { rate_limit: 1_000_000_000 });
    const HEADERS = [
      "X-Request-Id",
      "X-RateLimit-Limit",
      "X-RateLimit-Remaining",
      "X-RateLimit-Reset",
    ];
    const wrong: string[] = [];
    let checked = 0;
    /** Every one of `names` the answer has must be documented on its status, and the reverse. */
    const check = (op: { method: string; path: string }, reply: Reply, names: string[]) => {
      const response = resolveRef(
        doc,
        doc.paths[op.path][op.method.toLowerCase()].responses[String(reply.status)],
      );
      for (const name of names) {
        checked++;
        const sent = reply.headers.has(name);
        const documented = Object.hasOwn(response?.headers ?? {}, name);
        if (sent !== documented)
          wrong.push(
            `${op.method} ${op.path} ${reply.status} ${name}: sent ${sent}, documented ${documented}`,
          );
      }
    };
    for (const [title, value] of [
      ["One", 1],
      ["Two", 2],
    ] as const)
      expect((await api.post("/api/external/leads", { name: title, score: value })).status).toBe(
        201,
      );
    for (const op of await operations(server)) {
      const client = clientFor(op, server, api);
      if (!client || op.stream) continue;
      check(op, await client.request(op.method, fillPath(op)), HEADERS);
      if (op.method !== "GET" || op.path.includes("{")) continue;
      const page = await client.get(
        `${op.path}${op.parameters.some((p) => p.name === "page_size") ? "?page_size=1" : ""}`,
      );
      if (page.status !== 200) continue;
      check(op, page, [...HEADERS, "ETag", "Cache-Control"]);
      if (page.body?.has_more) check(op, page, ["Link"]);
      const etag = page.headers.get("etag");
      if (etag)
        check(
          op,
          await client.get(op.path.concat(page.body?.has_more ? "?page_size=1" : ""), {
            "if-none-match": etag,
          }),
          // A 304 carries the 200's Link (the next page) as it does its ETag and Cache-Control.
          page.body?.has_more ? ["ETag", "Cache-Control", "Link"] : ["ETag", "Cache-Control"],
        );
    }
    const retry = { "idempotency-key": "headers-documented" };
    for (let i = 0; i < 2; i++) {
      const task = await api.post("/api/external/tasks", { title: "Once" }, retry);
      check(
        { method: "POST", path: "/api/external/tasks" },
        task,
        i ? [...HEADERS, "Idempotent-Replayed"] : HEADERS,
      );
    }
    const limited = (await server.tenant(undefined, ["*"], { rate_limit: 1 })).api;
    await limited.get("/api/external/deals");
    const refused = await limited.get("/api/external/deals");
    expect(refused.status).toBe(429);
    check({ method: "GET", path: "/api/external/deals" }, refused, [...HEADERS, "Retry-After"]);
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });

  test("the X-RateLimit-* of callers counted before they are refused are documented: an API key on an admin endpoint, a widget call without its key", async () => {
    const doc = await fetchDoc(server.anonymous);
    const { api } = await server.tenant(undefined, ["*"], { rate_limit: 1_000_000_000 });
    const wrong: string[] = [];
    let checked = 0;
    for (const op of await operations(server)) {
      const adminOnly = op.security.length > 0 && op.security.every((s) => s === "AdminToken");
      const widget = op.path.startsWith("/api/widget/");
      if (!adminOnly && !widget) continue;
      const client = adminOnly ? api : server.anonymous;
      const bodies: Array<[string | undefined, Record<string, string>]> = [
        [undefined, {}],
        ...(op.method === "GET"
          ? []
          : ([
              ["{", { "content-type": "application/json" }],
              ["x", { "content-type": "text/plain" }],
            ] as Array<[string, Record<string, string>]>)),
      ];
      for (const [body, headers] of bodies) {
        const reply = await client.request(op.method, fillPath(op), body, headers);
        expect(reply.status).toBeGreaterThanOrEqual(400);
        const response = resolveRef(
          doc,
          doc.paths[op.path][op.method.toLowerCase()].responses[String(reply.status)],
        );
        checked++;
        const sent = reply.headers.has("X-RateLimit-Limit");
        const documented = Object.hasOwn(response?.headers ?? {}, "X-RateLimit-Limit");
        if (sent !== documented)
          wrong.push(
            `${op.method} ${op.path} ${reply.status}: sent ${sent}, documented ${documented}`,
          );
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(10);
  });

  test("a list row's fields are documented, the links include=associations adds too", async () => {
    const doc = await fetchDoc(server.anonymous);
    const { api } = await server.tenant();
    await api.post("/api/external/pipelines", {
      name: "Sales",
      pipeline_type: "sales",
      stages: [{ name: "New" }],
    });
    const resolve = (schema: Doc): Doc =>
      schema?.$ref ? resolve(doc.components.schemas[schema.$ref.split("/").pop()]) : schema;
    const documented = (schema: Doc): string[] => [
      ...Object.keys(resolve(schema).properties ?? {}),
      ...(resolve(schema).allOf ?? []).flatMap(documented),
    ];
    const missing: string[] = [];
    let checked = 0;
    for (const [path, operations] of Object.entries<Doc>(doc.paths)) {
      const list = operations.get;
      const takes = (name: string) =>
        list?.parameters?.some((p: Doc) => resolveRef(doc, p).name === name);
      if (!takes("include") || path.includes("{")) continue;
      const example = operations.post?.requestBody?.content?.["application/json"]?.example;
      if ((await api.post(path, example)).status !== 201) continue;
      const page = await api.get(`${path}?include=associations&page_size=1`);
      const [name] = Object.keys(page.body);
      const row = page.body[name][0];
      const item = resolve(list.responses["200"].content["application/json"].schema).properties[
        name
      ].items;
      for (const field of Object.keys(row))
        if (!documented(item).includes(field)) missing.push(`${path}: ${field}`);
      checked++;
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(6);
  });

  test("an answer that is not JSON is documented under its own media type: a file, the event stream", async () => {
    const doc = await fetchDoc(server.anonymous);
    const { api, key } = await server.tenant();
    /** The media types a response documents, as patterns (`*\/*`, `image/*`, `image/png`). */
    const documents = (path: string, status: number, type: string) =>
      Object.keys(
        resolveRef(doc, doc.paths[path].get.responses[String(status)])?.content ?? {},
      ).some((range) =>
        new RegExp(`^${range.replace(/[+.]/g, "\\$&").replace(/\*/g, "[^/]+")}$`).test(type),
      );
    const chunk = (name: string, data: number[]) => [
      0,
      0,
      0,
      data.length,
      ...Buffer.from(name),
      ...data,
      0,
      0,
      0,
      0,
    ];
    const png = new Uint8Array([
      ...[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      ...chunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]),
      ...chunk("IEND", []),
    ]);
    const form = new FormData();
    form.set("file", new File([png], "pixel.png", { type: "image/png" }));
    const uploaded = await api.request("POST", "/api/external/documents", form);
    expect(uploaded.status).toBe(201);
    const download = "/api/external/documents/{id}/download";
    const file = await api.get(download.replace("{id}", uploaded.body.id));
    expect(file.headers.get("content-type")).toBe("image/png");
    expect(documents(download, 200, "image/png")).toBe(true);
    const etag = file.headers.get("etag") as string;
    const unchanged = await api.get(download.replace("{id}", uploaded.body.id), {
      "if-none-match": etag,
    });
    expect(unchanged.status).toBe(304);
    expect(doc.paths[download].get.responses["304"]).toBeDefined();
    // Last-Modified as sent: on the file, not on its 304 (which has the ETag).
    const headersOf = (status: number) =>
      Object.keys(resolveRef(doc, doc.paths[download].get.responses[String(status)]).headers ?? {});
    expect(file.headers.has("last-modified")).toBe(true);
    expect(headersOf(200)).toContain("Last-Modified");
    expect(unchanged.headers.has("last-modified")).toBe(false);
    expect(headersOf(304)).toEqual(expect.arrayContaining(["ETag", "Cache-Control"]));
    expect(headersOf(304)).not.toContain("Last-Modified");
    // Ranges: the 206 (one range, several), 412 and 416 the file answers, with the headers sent.
    const url = download.replace("{id}", uploaded.body.id);
    const sentHeaders = (reply: { headers: Headers }, names: string[]) =>
      names.filter((name) => reply.headers.has(name));
    const one = await api.get(url, { range: "bytes=0-3" });
    expect(one.status).toBe(206);
    expect(documents(download, 206, "image/png")).toBe(true);
    expect(headersOf(206)).toEqual(
      expect.arrayContaining(sentHeaders(one, ["Content-Range", "Accept-Ranges", "ETag"])),
    );
    expect(headersOf(200)).toContain("Accept-Ranges");
    const several = await api.get(url, { range: "bytes=0-1,4-5" });
    const multipart = (several.headers.get("content-type") ?? "").split(";")[0];
    expect(documents(download, 206, multipart)).toBe(true);
    const past = await api.get(url, { range: "bytes=9999-" });
    expect(past.status).toBe(416);
    expect(documents(download, 416, "application/json")).toBe(true);
    expect(headersOf(416)).toEqual(expect.arrayContaining(sentHeaders(past, ["Content-Range"])));
    const another = await api.get(url, { "if-match": '"another"' });
    expect(another.status).toBe(412);
    expect(documents(download, 412, "application/json")).toBe(true);

    const stream = new AbortController();
    const events = await fetch(`${server.url}/api/external/events/stream`, {
      headers: { "x-api-key": key, accept: "text/event-stream" },
      signal: stream.signal,
    });
    stream.abort();
    const type = (events.headers.get("content-type") ?? "").split(";")[0];
    expect(type).toBe("text/event-stream");
    expect(documents("/api/external/events/stream", 200, type)).toBe(true);
  });

  test("no schema is an object without keys to a generator: a free-form one says additionalProperties", async () => {
    const doc = await fetchDoc(server.anonymous);
    const keyless: string[] = [];
    const walk = (node: Doc, at: string) => {
      if (!node || typeof node !== "object") return;
      const types = [node.type].flat();
      const shaped = [
        "properties",
        "additionalProperties",
        "patternProperties",
        "allOf",
        "anyOf",
        "oneOf",
        "$ref",
      ].some((key) => key in node);
      if (types.includes("object") && !shaped) keyless.push(at);
      for (const [key, value] of Object.entries(node)) walk(value, `${at}/${pointerToken(key)}`);
    };
    walk(doc, "");
    expect(keyless).toEqual([]);
  });

  test("each event the log holds is valid against its type's delivery in the webhooks section, data typed by its record", async () => {
    const doc = await fetchDoc(server.anonymous);
    const { api } = await server.tenant();
    const example = (path: string) =>
      doc.paths[`/api/external/${path}`].post.requestBody.content["application/json"].example;
    for (const path of ["contacts", "calendar/events", "calls"])
      expect({
        path,
        status: (await api.post(`/api/external/${path}`, example(path))).status,
      }).toEqual({ path, status: 201 });
    const ajv = ajvFor(doc);
    const { events } = (await api.get("/api/external/events?page_size=500")).body;
    const invalid: string[] = [];
    for (const event of events) {
      const at = `/webhooks/${pointerToken(event.event_type)}/post/requestBody/content/application~1json/schema`;
      const validate = ajv.compile(schemaAt(doc, at));
      if (!validate(event)) invalid.push(`${event.event_type}: ${ajv.errorsText(validate.errors)}`);
    }
    expect(invalid).toEqual([]);
    const types = events.map((e: { event_type: string }) => e.event_type);
    expect(types).toEqual(
      expect.arrayContaining(["contact.created", "calendar.event.created", "call.started"]),
    );
    const data = (type: string) =>
      nodeAt(
        doc,
        `/webhooks/${type}/post/requestBody/content/application~1json/schema/allOf/1/properties/data`,
      );
    expect(data("calendar.event.created")).toEqual({ $ref: "#/components/schemas/CalendarEvent" });
    expect(data("sms.sent")).toEqual({ $ref: "#/components/schemas/Interaction" });
  });

  test("every operation's description ends with the credentials its route declares: the scope and the permissions granting it", async () => {
    const doc = await fetchDoc(server.anonymous);
    const wrong: string[] = [];
    for (const [path, operations] of Object.entries<Doc>(doc.paths))
      for (const [method, op] of Object.entries<Doc>(operations)) {
        const where = `${method} ${path}`;
        const text = String(op.description);
        const at = text.lastIndexOf("**Credentials:** ");
        const [own, credentials] = at === -1 ? [text] : [text.slice(0, at), text.slice(at)];
        if (at > 0 && !own.endsWith("\n\n")) wrong.push(`${where}: credentials not a paragraph`);
        if (!credentials) wrong.push(`${where}: no credentials`);
        else if (credentials.includes("\n")) wrong.push(`${where}: credentials not last`);
        const scope = op["x-required-scope"];
        if (scope && scope !== "admin" && !credentials?.includes(`\`${scope.split(" ")[0]}\``))
          wrong.push(`${where}: does not name ${scope}`);
        if (own && own.trim() === op.summary) wrong.push(`${where}: repeats its summary`);
      }
    expect(wrong).toEqual([]);
    const description = (method: string, path: string) =>
      doc.paths[path][method].description as string;
    expect(description("post", "/api/external/deals")).toEndWith(
      "\n\n**Credentials:** an API key with `deals:write` (or `deals:*`, `write`, `*`).",
    );
    expect(description("get", "/api/external/notes")).toBe(
      "**Credentials:** an API key with `notes:read` (or `activities:read`, `notes:*`, `read`, `*`).",
    );
    expect(description("get", "/healthz")).toEndWith("**Credentials:** none.");
    expect(description("get", "/api/external/tenants")).toBe(
      "**Credentials:** the admin token (`Authorization: Bearer <CRMD_ADMIN_TOKEN>`).",
    );
    expect(description("get", "/api/external/api-keys")).toEndWith(
      "**Credentials:** the admin token (`Authorization: Bearer <CRMD_ADMIN_TOKEN>`), or an API key with `keys:manage` (or `*`).",
    );
    expect(description("get", "/api/external/objects/{object}/{id}")).toContain(
      "an API key with `<object>:read`. `<object>` is the path's object type",
    );
  });

  test("every 422 is documented as ValidationError, whose `errors` is required; other errors keep Error", async () => {
    const doc = await fetchDoc(server.anonymous);
    const validation = doc.components.schemas.ValidationError;
    expect(validation.required).toEqual(expect.arrayContaining(["detail", "code", "errors"]));
    expect(doc.components.schemas.Error.required).not.toContain("errors");
    const other: string[] = [];
    for (const [path, operations] of Object.entries<Doc>(doc.paths))
      for (const [method, op] of Object.entries<Doc>(operations))
        for (const [status, response] of Object.entries<Doc>(op.responses)) {
          const schema = resolveRef(doc, response).content?.["application/json"]?.schema?.$ref;
          const expected =
            status === "422"
              ? "#/components/schemas/ValidationError"
              : "#/components/schemas/Error";
          if (status.startsWith("4") && schema !== expected)
            other.push(`${method} ${path} ${status}: ${schema}`);
        }
    expect(other).toEqual([]);
  });

  test("refusals are what the document says of their status: 400, 401, 403, 404, 409, 415, 422, 429 as the shared error shape", async () => {
    const doc = await fetchDoc(server.anonymous);
    const ajv = ajvFor(doc);
    const { api, tenantId } = await server.tenant();
    const reader = await server.keyFor(tenantId, ["deals:read"]);
    const limited = (await server.tenant(undefined, ["*"], { rate_limit: 1 })).api;
    await limited.get("/api/external/deals");
    await api.post("/api/external/partners", { name: "Taken" });
    const deals = "/api/external/deals";
    const unknown = `${deals}/${crypto.randomUUID()}`;
    const cases: Array<[string, string, number, () => Promise<Reply>]> = [
      [
        "post",
        deals,
        400,
        () => api.request("POST", deals, "{", { "content-type": "application/json" }),
      ],
      ["get", deals, 401, () => server.anonymous.get(deals)],
      ["post", deals, 403, () => reader.post(deals, { title: "x" })],
      ["get", "/api/external/deals/{id}", 404, () => api.get(unknown)],
      [
        "post",
        "/api/external/partners",
        409,
        () => api.post("/api/external/partners", { name: "Taken" }),
      ],
      ["post", deals, 415, () => api.request("POST", deals, "x", { "content-type": "text/plain" })],
      ["post", deals, 422, () => api.post(deals, { title: "x", currency: "euro" })],
      ["get", deals, 429, () => limited.get(deals)],
    ];
    const wrong: string[] = [];
    for (const [method, path, status, call] of cases) {
      const reply = await call();
      const listed = doc.paths[path][method].responses[String(status)];
      const media = resolveRef(doc, listed)?.content?.["application/json"];
      const where = `${method} ${path} ${status}`;
      // A 422 always carries its field errors: documented so, `errors` required.
      const schema = status === 422 ? "ValidationError" : "Error";
      if (reply.status !== status) wrong.push(`${where}: answered ${reply.status}`);
      else if (media?.schema?.$ref !== `#/components/schemas/${schema}`)
        wrong.push(`${where}: not documented as ${schema}`);
      else {
        const validate = ajv.getSchema(componentId(schema));
        if (!validate?.(reply.body)) wrong.push(`${where}: ${JSON.stringify(reply.body)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test("the event stream documents the Last-Event-ID header it resumes from", async () => {
    const doc = await fetchDoc(server.anonymous);
    const stream = doc.paths["/api/external/events/stream"].get;
    const header = stream.parameters
      .map((p: Doc) => resolveRef(doc, p))
      .find((p: Doc) => p.in === "header" && p.name.toLowerCase() === "last-event-id");
    expect(header).toMatchObject({ required: false, schema: { type: "string" } });
    expect(header.description).toContain("cursor");
  });

  test("the 414 a URL over 16 KB gets is documented on every operation", async () => {
    const doc = await fetchDoc(server.anonymous);
    const { api } = await server.tenant(undefined, ["*"], { rate_limit: 1_000_000_000 });
    const undocumented: string[] = [];
    let refused = 0;
    for (const op of await operations(server)) {
      const responses = doc.paths[op.path][op.method.toLowerCase()].responses;
      const tooLong = resolveRef(doc, responses["414"]);
      if (tooLong?.content?.["application/json"]?.schema?.$ref !== "#/components/schemas/Error")
        undocumented.push(`${op.method} ${op.path}`);
      // Operations authenticated otherwise (a widget, a relay) refuse an anonymous caller first.
      const client = clientFor(op, server, api);
      if (!client) continue;
      const reply = await client.request(op.method, `${fillPath(op)}?pad=${"x".repeat(17_000)}`);
      expect(`${op.method} ${op.path} ${reply.status}`).toBe(`${op.method} ${op.path} 414`);
      refused++;
    }
    expect(undocumented).toEqual([]);
    expect(refused).toBeGreaterThan(50);
  });
});
