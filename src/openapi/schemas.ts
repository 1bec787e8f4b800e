import type { TSchema } from "elysia";

/** A JSON Schema object as it appears in the OpenAPI document. */
export type Schema = Record<string, unknown>;

const NAME = "x-crmd-schema";
/** Marks a union whose branches exclude each other: documented as `oneOf` (TypeBox validates `anyOf`). */
export const ONE_OF = "x-crmd-one-of";
/** Registered names and the shape (property and required names) each was given for. */
const shapes = new Map<string, string>();

const shapeOf = (schema: Schema) =>
  JSON.stringify([
    Object.keys((schema.properties as Schema | undefined) ?? {}).sort(),
    [...((schema.required as string[] | undefined) ?? [])].sort(),
  ]);

/**
 * Gives a schema a name in the OpenAPI document: it becomes
 * `components.schemas.<name>` and every use a `$ref`. TypeBox copies the mark
 * into schemas derived with Pick/Omit/Partial; those differ in shape and stay inline.
 */
export function named<T extends TSchema>(name: string, schema: T): T {
  const target = schema as unknown as Schema;
  if (target[NAME]) return schema;
  if (!shapes.has(name)) shapes.set(name, shapeOf(target));
  target[NAME] = name;
  return schema;
}

const isObject = (value: unknown): value is Schema =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const SUBSCHEMA_LISTS = ["anyOf", "oneOf", "allOf", "prefixItems"];
const SUBSCHEMA_MAPS = ["properties", "patternProperties", "$defs"];
const SUBSCHEMAS = ["items", "additionalProperties", "not", "contains"];

/** Rewrites every subschema of `schema` (post-order) with `fix`. */
export function mapSchema(schema: Schema, fix: (schema: Schema) => Schema): Schema {
  for (const key of SUBSCHEMA_LISTS)
    if (Array.isArray(schema[key]))
      schema[key] = (schema[key] as Schema[]).map((s) => mapSchema(s, fix));
  for (const key of SUBSCHEMA_MAPS)
    if (isObject(schema[key]))
      for (const [name, sub] of Object.entries(schema[key] as Schema))
        if (isObject(sub)) (schema[key] as Schema)[name] = mapSchema(sub, fix);
  for (const key of SUBSCHEMAS)
    if (isObject(schema[key])) schema[key] = mapSchema(schema[key] as Schema, fix);
  return fix(schema);
}

/** Query strings carry numbers and booleans as text; Elysia documents both forms. */
const COERCED_FORMATS = new Set(["integer", "number", "boolean", "numeric"]);

/**
 * One schema in OpenAPI 3.1 terms: `nullable` (3.0) and internal flags go,
 * a nullable enum lists null, and the text branch Elysia adds to coerced
 * query numbers is folded into the number it stands for.
 * `additionalProperties: false` goes too: Elysia adds it to a schema when it
 * first compiles the route's validator (the document would change after the
 * first request), and unknown fields are dropped, not refused.
 */
function cleanSchema(schema: Schema): Schema {
  const { nullable: _nullable, noValidate: _noValidate, $id: _id, ...rest } = schema;
  if (rest.additionalProperties === false) delete rest.additionalProperties;
  if (rest[ONE_OF] && Array.isArray(rest.anyOf)) {
    const { anyOf, [ONE_OF]: _oneOf, ...outer } = rest;
    return { ...outer, oneOf: anyOf };
  }
  const branches = rest.anyOf as Schema[] | undefined;
  if (branches?.length === 2) {
    const text = branches.findIndex(
      (b) => b.type === "string" && COERCED_FORMATS.has(b.format as string),
    );
    if (text !== -1) {
      const { anyOf: _anyOf, ...outer } = rest;
      return { ...outer, ...branches[1 - text] };
    }
  }
  if (Array.isArray(rest.type) && rest.type.includes("null") && Array.isArray(rest.enum))
    if (!rest.enum.includes(null)) rest.enum = [...rest.enum, null];
  return rest;
}

/**
 * Cleans a schema and moves every named subschema (see `named`) into
 * `components`, leaving a `$ref` in its place.
 */
export function componentize(schema: Schema, components: Record<string, Schema>): Schema {
  return mapSchema(schema, (node) => {
    const clean = cleanSchema(node);
    const name = clean[NAME] as string | undefined;
    if (!name) return clean;
    delete clean[NAME];
    if (shapes.get(name) !== shapeOf(clean)) return clean;
    components[name] ??= clean;
    return { $ref: `#/components/schemas/${name}` };
  });
}
