import type { Api, Reply, TestServer } from "../helpers/server";

/**
 * The operations of crmd's OpenAPI document (/swagger/json), as the
 * generated contract tests walk them: a route added to crmd is in the
 * document, so these tests cover it without being edited.
 */
export interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  default?: unknown;
  examples?: unknown[];
  patternProperties?: Record<string, Schema>;
  additionalProperties?: unknown;
}

export interface Parameter {
  name: string;
  in: "query" | "path" | "header";
  required?: boolean;
  schema: Schema;
  example?: unknown;
}

export interface Operation {
  method: string;
  /** The security schemes that can authorise it (none: a public route). */
  security: string[];
  /** The path template, `{id}` style. */
  path: string;
  scope?: string;
  parameters: Parameter[];
  /** The JSON body schema, if the operation takes one. */
  body?: Schema;
  /** The document's example of that body. */
  example?: unknown;
  multipart: boolean;
  /** It answers with an event stream (text/event-stream), open until the client leaves. */
  stream: boolean;
}

export async function operations(server: TestServer): Promise<Operation[]> {
  const doc = (await server.anonymous.get("/swagger/json")).body as {
    paths: Record<string, Record<string, any>>;
  };
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(item)) {
      const content = op.requestBody?.content ?? {};
      out.push({
        method: method.toUpperCase(),
        security: (op.security ?? []).flatMap((s: Record<string, unknown>) => Object.keys(s)),
        path,
        scope: op["x-required-scope"],
        parameters: (op.parameters ?? []).map((p: unknown) => resolveRef(doc, p)),
        body: content["application/json"]?.schema,
        example: content["application/json"]?.example,
        multipart: "multipart/form-data" in content,
        stream: JSON.stringify(op.responses ?? {}).includes("text/event-stream"),
      });
    }
  return out;
}

/**
 * A part of the document as it is meant: one that several places share (a
 * response, a parameter), written as a `$ref` into `components`, is what
 * that refers to.
 */
export function resolveRef(doc: any, node: any): any {
  const ref = node?.$ref;
  if (typeof ref !== "string") return node;
  const [, section, name] = /^#\/components\/(responses|parameters)\/([^/]+)$/.exec(ref) ?? [];
  const shared = section ? doc.components?.[section]?.[name] : undefined;
  if (!shared) throw new Error(`a $ref leads nowhere: ${ref}`);
  return shared;
}

export const label = (op: Operation) => `${op.method} ${op.path}`;

/** The first string under `key` in a JSON value (a record's id, or a list's first row's). */
export function firstValue(value: unknown, key = "id"): string | undefined {
  if (Array.isArray(value)) for (const item of value) return firstValue(item, key);
  if (!value || typeof value !== "object") return undefined;
  const own = (value as Record<string, unknown>)[key];
  if (typeof own === "string") return own;
  for (const field of Object.values(value)) {
    const found = firstValue(field, key);
    if (found) return found;
  }
}

/** Where a path parameter's values are listed when the path above it lists none. */
const parameterLists: Record<string, [list: string, key: string]> = {
  "/api/external/objects": ["/api/external/object-types", "plural"],
};

/**
 * The caller's value for each parameter of a path: walks the path, reading
 * its record or list at each prefix; `created` holds the first record
 * created at a collection path, for records no list shows (calls).
 */
export async function idsFor(
  api: Api,
  op: Operation,
  created: ReadonlyMap<string, string>,
): Promise<Record<string, string> | null> {
  const values: Record<string, string> = {};
  const segments = op.path.split("/");
  for (let i = 0; i < segments.length; i++) {
    const param = /^\{(\w+)\}$/.exec(segments[i])?.[1];
    if (!param) continue;
    // An id comes from the record or list above it; another parameter (an object type, a
    // field key) from a row's property of that name, or names a resource.
    const key = /(^|_)id$/.test(param) ? "id" : param;
    let value: string | undefined;
    const above = fillPath({ ...op, path: segments.slice(0, i).join("/") }, values);
    const [list, listKey] = parameterLists[above] ?? [];
    if (list) value = firstValue((await api.get(list)).body, listKey);
    for (let end = i; end > 2 && !value; end--) {
      const prefix = fillPath({ ...op, path: segments.slice(0, end).join("/") }, values);
      const reply = await api.get(prefix);
      if (reply.status === 200) value = firstValue(reply.body, key);
    }
    value ??= key === "id" ? created.get(above) : "contacts";
    if (!value) return null;
    values[param] = value;
  }
  return values;
}

const TENANT_KEY = ["ApiKeyHeader", "BearerAuth"];

/** An operation a tenant API key (or the admin token, for admin operations) can call. */
export const tenantOperation = (op: Operation) =>
  op.scope !== "admin" && op.security.some((s) => TENANT_KEY.includes(s));

/**
 * The client an operation's generated tests use: the admin token, a tenant
 * key with every scope, or no credential on public routes. Null when it
 * takes a credential these tests do not hold (a widget key).
 */
export function clientFor(op: Operation, server: TestServer, tenant: Api): Api | null {
  if (op.scope === "admin") return server.admin;
  if (tenantOperation(op)) return tenant;
  return op.security.length ? null : server.anonymous;
}

/** A path with its parameters filled from `values` (a random UUID for any not given). */
export function fillPath(op: Operation, values: Record<string, string> = {}): string {
  return op.path.replace(/\{(\w+)\}/g, (_, name) =>
    encodeURIComponent(values[name] ?? crypto.randomUUID()),
  );
}

/** The query string of an operation's required parameters, with sample values ("" when none). */
export function requiredQuery(op: Operation): string {
  const required = op.parameters.filter((p) => p.in === "query" && p.required);
  const pairs = required.map(
    (p) => `${p.name}=${encodeURIComponent(String(sample(p.schema, p.name)))}`,
  );
  return pairs.length ? `?${pairs.join("&")}` : "";
}

const variants = (s: Schema): Schema[] => [
  ...(s.anyOf ?? []),
  ...(s.oneOf ?? []),
  ...(s.allOf ?? []),
];

/** A plausible value for a schema, for the fields a body must have. */
export function sample(schema: Schema, name = ""): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.examples?.length) return schema.examples[0];
  const choices = variants(schema).filter((v) => v.type !== "null");
  if (choices.length) return sample(choices[0], name);
  switch (schema.type) {
    case "integer":
    case "number":
      return Math.max(schema.minimum ?? 1, 1);
    case "boolean":
      return true;
    case "array":
      return schema.minItems ? [sample(schema.items ?? {}, name)] : [];
    case "object":
      return Object.fromEntries(
        (schema.required ?? []).map((key) => [key, sample(schema.properties?.[key] ?? {}, key)]),
      );
    default:
      return sampleString(schema, name);
  }
}

function sampleString(schema: Schema, name: string): string {
  if (schema.format === "date-time" || /(^|_)(at|since|until|before|after)$/.test(name))
    return new Date().toISOString();
  if (schema.format === "date" || /_date$/.test(name)) return "2026-06-01";
  if (schema.format === "email" || name === "email") return "someone@example.com";
  if (schema.format === "http-url" || schema.format === "uri" || name === "url")
    return "http://127.0.0.1:9/hook";
  if (name === "currency") return "USD";
  if (name === "timezone" || name === "time_zone") return "UTC";
  return "Sample".padEnd(schema.minLength ?? 0, "x");
}

/** Every field of an object body, with its JSON pointer, one level into nested objects. */
export function fields(schema: Schema, prefix = "", depth = 0): Array<[string[], Schema]> {
  const objects = schema.properties ? [schema] : variants(schema).filter((v) => v.properties);
  const out: Array<[string[], Schema]> = [];
  for (const object of objects)
    for (const [name, field] of Object.entries(object.properties ?? {})) {
      const path = [...(prefix ? prefix.split("/") : []), name];
      out.push([path, field]);
      const nested = field.properties ? field : variants(field).find((v) => v.properties);
      if (nested && depth < 1) out.push(...fields(nested, path.join("/"), depth + 1));
    }
  return out;
}

/** `body` with the value at `path` replaced. */
export function withValue(body: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(body ?? {}) as Record<string, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) {
    if (!target[key] || typeof target[key] !== "object") target[key] = {};
    target = target[key] as Record<string, unknown>;
  }
  target[path[path.length - 1]] = value;
  return copy;
}

/** Sends requests a few at a time. */
export async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

/**
 * What every answer must be: no 5xx, and an error in the documented shape
 * (`{"detail", "code"}`, field `errors` as `[{path, message}]`, which a 422
 * always has). Returns
 * what is wrong, or null.
 */
export function contractViolation(reply: Reply): string | null {
  if (reply.status >= 500) return `answered ${reply.status}: ${JSON.stringify(reply.body)}`;
  if (reply.status < 400) return null;
  const body = reply.body;
  if (!body || typeof body !== "object") return `${reply.status} without a JSON error body`;
  if (typeof body.detail !== "string" || typeof body.code !== "string")
    return `${reply.status} error body not {detail, code}: ${JSON.stringify(body).slice(0, 200)}`;
  // A 422 always names what failed (the document's ValidationError requires it).
  if (reply.status === 422 && !body.errors?.length) return "422 without field errors";
  if (
    body.errors !== undefined &&
    !(
      Array.isArray(body.errors) &&
      body.errors.every((e: any) => typeof e?.path === "string" && typeof e?.message === "string")
    )
  )
    return `${reply.status} errors not [{path, message}]`;
  return null;
}
