import { Kind, type TSchema } from "@sinclair/typebox";
import { ApiError, type FieldError } from "./errors";

/**
 * Strict inputs, checked once in the core for every route: a query
 * parameter or body field the route does not declare is a 422 naming it
 * (never silently ignored), a parameter given twice is a 422, and query
 * numbers and booleans are converted here, strictly, before Elysia
 * validates them against the route's schema. Query numbers never go
 * through Elysia's own query coercion, whose validation errors the built
 * binary used to lose (see README, "Query parameters").
 */

/** What a route declares as its inputs, found from its schemas. */
export interface RouteInputs {
  query: Record<string, TSchema>;
  /** Families of parameters a route takes by name pattern (`cf.<key>[op]`: patternProperties). */
  queryPatterns: Array<[RegExp, TSchema]>;
  body?: TSchema;
  /** The route takes multipart/form-data (an upload). */
  multipart: boolean;
  /** The status of its success response (201 for a create), stored for idempotent replays. */
  successStatus: number;
}

type Schema = TSchema & {
  type?: string | string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  patternProperties?: Record<string, Schema>;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  items?: Schema | Schema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
};

/** Largest nesting of objects and arrays a JSON body may have. */
export const MAX_JSON_DEPTH = 32;

const INTEGER = /^-?(0|[1-9]\d*)$/;
const DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;

const kindsBySchema = new WeakMap<Schema, ReadonlySet<string>>();

/**
 * The kinds a query parameter's schema accepts (an Optional, Union or Elysia
 * transform unwrapped). Worked out once per schema: every request converts
 * its parameters through it.
 */
function kindsOf(schema: Schema): ReadonlySet<string> {
  let kinds = kindsBySchema.get(schema);
  if (!kinds) {
    kinds = schemaKinds(schema);
    kindsBySchema.set(schema, kinds);
  }
  return kinds;
}

function schemaKinds(schema: Schema): Set<string> {
  const kinds = new Set<string>();
  const visit = (s: Schema) => {
    for (const variant of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) visit(variant);
    const type = s.type;
    if (typeof type === "string") kinds.add(type);
    else if (Array.isArray(type)) for (const t of type) kinds.add(t);
  };
  visit(schema);
  return kinds;
}

/** The numeric variant of a schema, for its bounds. */
function numericVariant(schema: Schema): Schema {
  if (schema.type === "integer" || schema.type === "number") return schema;
  for (const variant of schema.anyOf ?? [])
    if (variant.type === "integer" || variant.type === "number") return variant;
  return schema;
}

function boundsMessage(schema: Schema, value: number): string | undefined {
  const { minimum, maximum } = numericVariant(schema);
  if ((minimum !== undefined && value < minimum) || (maximum !== undefined && value > maximum)) {
    if (minimum !== undefined && maximum !== undefined)
      return `must be between ${minimum} and ${maximum}`;
    return minimum !== undefined ? `must be at least ${minimum}` : `must be at most ${maximum}`;
  }
}

/** One raw query value converted to the type its schema declares, or a field error. */
function convert(schema: Schema, raw: string): { value: unknown } | { error: string } {
  const kinds = kindsOf(schema);
  if (kinds.has("integer")) {
    if (!INTEGER.test(raw)) return { error: "must be an integer" };
    const value = Number(raw);
    if (!Number.isSafeInteger(value)) return { error: "is out of range" };
    const bounds = boundsMessage(schema, value);
    return bounds ? { error: bounds } : { value };
  }
  if (kinds.has("number")) {
    if (!DECIMAL.test(raw)) return { error: "must be a decimal number" };
    const value = Number(raw);
    if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER)
      return { error: "is out of range" };
    const bounds = boundsMessage(schema, value);
    return bounds ? { error: bounds } : { value };
  }
  if (kinds.has("boolean") && !kinds.has("string")) {
    if (raw === "true" || raw === "false") return { value: raw === "true" };
    return { error: "must be true or false" };
  }
  return { value: raw };
}

/**
 * Checks and converts a request's query string against its route's
 * parameters: unknown or repeated parameters and malformed numbers are
 * 422s. Returns the converted values to put on the parsed query.
 */
export function strictQuery(
  url: string,
  params: Record<string, TSchema>,
  patterns: Array<[RegExp, TSchema]> = [],
): Record<string, unknown> {
  const start = url.indexOf("?");
  const out: Record<string, unknown> = {};
  if (start === -1) return out;
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const [name, raw] of new URLSearchParams(url.slice(start + 1))) {
    const schema = (params[name] ?? patterns.find(([pattern]) => pattern.test(name))?.[1]) as
      | Schema
      | undefined;
    const path = `/${name}`;
    if (!schema) errors.push({ path, message: "is not a parameter of this operation" });
    else if (seen.has(name) && !kindsOf(schema).has("array"))
      errors.push({ path, message: "is given more than once" });
    else {
      const converted = convert(schema, raw);
      if ("error" in converted) errors.push({ path, message: converted.error });
      else out[name] = converted.value;
    }
    seen.add(name);
  }
  if (errors.length) throw validationError(errors);
  return out;
}

/** Object schemas a value may match: the schema itself, or a union's or intersection's members. */
function objectVariants(schema: Schema): Schema[] {
  if (schema.properties || schema.patternProperties || schema.type === "object") return [schema];
  return [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])].flatMap(
    objectVariants,
  );
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** Whether a schema takes JSON objects and nothing else (but null, where it is nullable). */
function takesObjectsOnly(schema: Schema): boolean {
  if (schema[Kind] === "Unknown" || schema[Kind] === "Any") return false;
  if (schema.allOf?.some(takesObjectsOnly)) return true;
  const kinds = kindsOf(schema);
  return kinds.has("object") && [...kinds].every((kind) => kind === "object" || kind === "null");
}

/**
 * Values that are not JSON objects where the route's schema takes only
 * objects (the body itself, a nested object, a record such as
 * `custom_fields` or a webhook's `headers`), as 422 field errors. Elysia
 * would read an array, a number, a string or a boolean there as an empty
 * object, and the request would succeed with it.
 */
export function notObjects(schema: TSchema, value: unknown, path = ""): FieldError[] {
  const s = schema as Schema;
  if (value === undefined) return [];
  if (takesObjectsOnly(s) && !isObject(value) && !(value === null && kindsOf(s).has("null")))
    return [{ path: path || "/", message: "must be a JSON object" }];
  if (Array.isArray(value)) {
    const items = Array.isArray(s.items) ? undefined : (s.items ?? arrayItems(s));
    return items ? value.flatMap((item, i) => notObjects(items, item, `${path}/${i}`)) : [];
  }
  if (!isObject(value)) return [];
  const variants = objectVariants(s);
  if (openRecord(variants)) return [];
  const errors: FieldError[] = [];
  for (const [name, field] of Object.entries(value)) {
    const declared = fieldSchema(variants, name);
    if (declared) errors.push(...notObjects(declared, field, `${path}/${name}`));
  }
  return errors;
}

/** The schema of an object's field, across the variants that declare it; null: undeclared. */
function fieldSchema(variants: Schema[], name: string): Schema | null | undefined {
  let open = false;
  for (const variant of variants) {
    const declared = variant.properties?.[name];
    if (declared) return declared;
    if (
      variant.patternProperties ||
      variant.additionalProperties === true ||
      typeof variant.additionalProperties === "object" ||
      (variant.type === "object" && !variant.properties)
    )
      open = true;
  }
  return open ? undefined : null;
}

/**
 * Whether an object of these variants takes any key and declares none (a
 * record such as `custom_fields`): no field of it has a schema to check, so
 * its fields need no walk.
 */
const openRecord = (variants: Schema[]): boolean =>
  variants.every((variant) => !variant.properties) && fieldSchema(variants, "") === undefined;

const CHANGED_THROUGH = Symbol("changedThrough");

/**
 * Marks fields a body does not take because an action changes them (a deal's
 * `status` by `POST /deals/{id}/move`): `fields` maps each to the words that
 * say how. A body naming one is still 422 `VALIDATION_ERROR`, its message
 * pointing the client to the action instead of only saying it is no field.
 * On a field's choices (a union of literals), the keys are values it does not
 * take (a lead's `status: "converted"`), named the same way after the choices.
 */
export function changedThrough<T extends TSchema>(schema: T, fields: Record<string, string>): T {
  (schema as Record<symbol, unknown>)[CHANGED_THROUGH] = fields;
  return schema;
}

/** The words `changedThrough` gave `schema` for `key` (a field, or a value of its choices). */
export function actionFor(schema: unknown, key: string): string | undefined {
  const actions = (schema as Record<symbol, Record<string, string> | undefined> | undefined)?.[
    CHANGED_THROUGH
  ];
  return actions && Object.hasOwn(actions, key) ? actions[key] : undefined;
}

const NOT_A_FIELD = "is not a field of this operation";

/**
 * Fields of a JSON body its route does not declare, at any depth, as 422
 * field errors. Open objects (custom fields, records) take any key.
 */
export function unknownFields(schema: TSchema, value: unknown, path = ""): FieldError[] {
  const s = schema as Schema;
  if (s[Kind] === "Unknown" || s[Kind] === "Any") return [];
  if (Array.isArray(value)) {
    const items = Array.isArray(s.items) ? undefined : (s.items ?? arrayItems(s));
    if (!items) return [];
    return value.flatMap((item, i) => unknownFields(items, item, `${path}/${i}`));
  }
  if (!value || typeof value !== "object") return [];
  const variants = objectVariants(s);
  if (variants.length === 0 || openRecord(variants)) return [];
  const errors: FieldError[] = [];
  for (const [name, field] of Object.entries(value)) {
    const declared = fieldSchema(variants, name);
    const fieldPath = `${path}/${name}`;
    const action = actionFor(schema, name);
    if (declared === null)
      errors.push({
        path: fieldPath,
        message: action ? `${NOT_A_FIELD}: ${name} ${action}` : NOT_A_FIELD,
      });
    else if (declared) errors.push(...unknownFields(declared, field, fieldPath));
  }
  return errors;
}

function arrayItems(schema: Schema): Schema | undefined {
  for (const variant of schema.anyOf ?? [])
    if (variant.type === "array" && variant.items && !Array.isArray(variant.items))
      return variant.items;
}

/** Nesting depth of a parsed JSON value, counted without recursion. */
export function jsonDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (!current || typeof current !== "object") continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > limit) return deepest;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

export const validationError = (errors: FieldError[]) =>
  new ApiError(
    422,
    "VALIDATION_ERROR",
    `${errors[0].path.slice(1) || "request"}: ${errors[0].message}`,
    errors,
  );

/** Elysia's names of its multipart parser (a hook is `{fn}` once registered). */
const MULTIPART_PARSERS = new Set<unknown>(["multipart/form-data", "formdata"]);

interface RouteLike {
  method: string;
  path: string;
  hooks: {
    query?: TSchema | string;
    body?: TSchema | string;
    parse?: unknown;
    response?: Record<string, unknown> | TSchema | string;
  };
}

/**
 * Each route's inputs, keyed by `METHOD /route/:pattern`. Routes declare
 * their schemas as TypeBox values (a model name declares nothing here).
 */
export function routeInputs(routes: readonly RouteLike[]): Map<string, RouteInputs> {
  const resolve = (s: TSchema | string | undefined) => (typeof s === "string" ? undefined : s);
  const table = new Map<string, RouteInputs>();
  for (const route of routes) {
    const query = resolve(route.hooks.query) as Schema | undefined;
    const parsers = [route.hooks.parse].flat();
    const response = route.hooks.response;
    const statuses =
      response && typeof response === "object" && !(Kind in response)
        ? Object.keys(response).map(Number)
        : [200];
    table.set(`${route.method} ${route.path}`, {
      query: query?.properties ?? {},
      queryPatterns: Object.entries(query?.patternProperties ?? {}).map(
        ([pattern, schema]) => [new RegExp(pattern), schema] as [RegExp, TSchema],
      ),
      body: resolve(route.hooks.body),
      multipart: parsers.some((p) =>
        MULTIPART_PARSERS.has(typeof p === "object" ? (p as { fn?: unknown } | null)?.fn : p),
      ),
      successStatus: statuses.find((s) => s >= 200 && s < 300) ?? 200,
    });
  }
  return table;
}

/** Whether a request goes to a route that takes uploads (multipart), matched before routing. */
export function uploadMatcher(table: Map<string, RouteInputs>) {
  const patterns = [...table]
    .filter(([, inputs]) => inputs.multipart)
    .map(([key]) => {
      const [method, path] = key.split(" ");
      return { method, path: new RegExp(`^${path.replace(/:\w+/g, "[^/]+")}$`) };
    });
  return (method: string, url: string) => {
    const path = new URL(url).pathname;
    return patterns.some((p) => p.method === method && p.path.test(path));
  };
}
