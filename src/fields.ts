import {
  FormatRegistry,
  type IntegerOptions,
  type StringOptions,
  type TObject,
  Type,
} from "@sinclair/typebox";
import { t } from "elysia";

/**
 * Field schemas several domains share (contacts, companies, deals, leads…),
 * defined once so every domain accepts and shows them alike.
 */

/**
 * An integer in a JSON body, a response or a query (the core converts query
 * strings strictly, see strict-input.ts). Elysia's t.Integer also accepts
 * numeric strings and compiles a checker each time it is called: its 60 uses
 * took ~10 ms of every cold start.
 */
export const JsonInteger = (options?: IntegerOptions) => Type.Integer(options);

/**
 * An integer a client writes and crmd stores: at most 2^53 − 1 either way,
 * the most a JSON number holds exactly (PostgreSQL's bigint holds more,
 * SQLite would keep a larger one as a rounded float).
 */
export const StoredInteger = (options?: IntegerOptions) =>
  JsonInteger({
    minimum: -Number.MAX_SAFE_INTEGER,
    maximum: Number.MAX_SAFE_INTEGER,
    ...options,
  });

/** An amount of money as clients write it: whole minor units (cents), never negative. */
export const MinorUnits = StoredInteger({ minimum: 0, description: "Minor units (cents)" });

/** The pattern of a currency (ISO 4217) wherever one is taken, and what its 422 says. */
export const CURRENCY_PATTERN = "^[A-Z]{3}$";
export const CURRENCY_MESSAGE = "must be an ISO 4217 code (three upper-case letters, e.g. EUR)";

/** The pattern of a text with at least one character that is not white space. */
export const NOT_BLANK = "\\S";
export const NOT_BLANK_MESSAGE = "must not be blank";

/**
 * A text a record cannot do without (its name, title, subject, body):
 * white space alone is refused with "must not be blank", as an empty one is.
 */
export const RequiredText = (options?: StringOptions) =>
  t.String({ ...options, pattern: NOT_BLANK });

/** Route parameters of a record's own routes: `/<resources>/:id`. */
export const IdParams = t.Object({ id: t.String() });

/** Free-form labels; lists filter on them with `tags=a,b` (records carrying all of them). */
export const TagList = t.Array(t.String({ minLength: 1, maxLength: 64 }), {
  maxItems: 50,
  description: "Labels; lists filter with `tags=a,b` (all of them)",
});

/** Tags as stored: trimmed, non-empty, each once, in the order given. */
export const cleanTags = (tags: readonly string[]): string[] => [
  ...new Set(tags.map((tag) => tag.trim()).filter(Boolean)),
];

/** Integration-defined values, stored and returned as given. */
export const CustomFields = t.Record(t.String(), t.Unknown(), {
  description: "Any JSON values, keyed by name",
});

// Registered once, globally, so every validator (Elysia's and runBulk's) knows it.
FormatRegistry.Set("http-url", (value) => /^https?:\/\/[^\s/]/i.test(value) && URL.canParse(value));

/** An absolute http(s) URL (links the API stores and clients follow). */
export const HttpUrl = t.String({
  format: "http-url",
  maxLength: 2000,
  description: "http(s) URL",
});

/** List filter: records linked to one record (associations). */
export const AssociatedWith = t.Optional(
  t.String({
    description:
      "`<object>:<id>` or `<object>:<id>:<label>`: only records linked to that record (with that label); needs `<object>:read` (403 otherwise)",
  }),
);

/** Query of a record's GET: `include=associations` adds its links, grouped by object type. */
export const RecordQuery = t.Object({
  include: t.Optional(
    t.Literal("associations", {
      description:
        "associations: the record's links, grouped by object type (only to object types the key may read)",
    }),
  ),
});

/** A linked record, as its owner's association list shows it. */
export const LinkedRecord = t.Object({
  id: t.String({ description: "The linked record's id" }),
  object: t.String({ description: "The linked record's object type" }),
  label: t.Nullable(t.String({ description: 'The link\'s role, e.g. "decision maker"' })),
  link_id: t.String(),
  created_at: t.String({ format: "date-time" }),
});

/** What `include=associations` adds to a record. */
export const AssociationsField = t.Optional(
  t.Record(t.String(), t.Array(LinkedRecord), {
    description:
      "include=associations: linked records by object type; links to object types the key may not read (`<object>:read`) are left out",
  }),
);

/** A record's GET response: the record, and its links with `include=associations`. */
export const withAssociations = <T extends TObject>(record: T) =>
  t.Object({ ...record.properties, associations: AssociationsField });

type FieldSchema = { default?: unknown; type?: string; anyOf?: FieldSchema[] };

/** What a field left out of a full replacement becomes: its default, null, [] or {}. */
function emptyValue(field: FieldSchema): unknown {
  if ("default" in field) return field.default;
  const variants = [field, ...(field.anyOf ?? [])];
  if (variants.some((v) => v.type === "null")) return null;
  if (variants.some((v) => v.type === "array")) return [];
  if (variants.some((v) => v.type === "object")) return {};
  return undefined;
}

/**
 * A PUT body (seed 000's full replacement) as the PATCH it amounts to:
 * every field of `schema` the body leaves out is emptied (`defaults`, then
 * the field's default, null, [] or {}), so the record becomes the body.
 */
export function asReplacement<T extends object>(
  schema: TObject,
  body: T,
  defaults: Record<string, unknown> = {},
): T {
  const out = { ...body } as Record<string, unknown>;
  for (const [key, field] of Object.entries(schema.properties)) {
    if (out[key] !== undefined) continue;
    const empty = key in defaults ? defaults[key] : emptyValue(field as FieldSchema);
    if (empty !== undefined) out[key] = empty;
  }
  return out as T;
}
