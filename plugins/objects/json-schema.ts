import { CURRENCY_PATTERN, type DefinitionRow, type FieldType } from "../../src/core";
import type { ObjectTypeRow } from "./types";

type JsonSchema = Record<string, unknown>;

const money = {
  type: "object",
  properties: {
    value: { type: "integer", description: "Minor units" },
    currency: { type: "string", pattern: CURRENCY_PATTERN },
  },
  required: ["value", "currency"],
};

/** A stored value's JSON Schema, per field type (what GET answers; writes also coerce). */
const BY_TYPE: Record<FieldType, (row: DefinitionRow) => JsonSchema> = {
  text: () => ({ type: "string", maxLength: 10_000 }),
  number: () => ({ type: "number" }),
  money: () => money,
  date: () => ({ type: "string", format: "date" }),
  datetime: () => ({ type: "string", format: "date-time" }),
  boolean: () => ({ type: "boolean" }),
  select: (row) => ({ type: "string", enum: row.options }),
  multi_select: (row) => ({
    type: "array",
    items: { type: "string", enum: row.options },
    uniqueItems: true,
  }),
  url: () => ({ type: "string", format: "uri" }),
  email: () => ({ type: "string", format: "email" }),
  phone: () => ({ type: "string" }),
  reference: (row) => ({
    type: "string",
    description: `Id of a record of ${row.referenceObject}`,
  }),
};

const field = (row: DefinitionRow): JsonSchema => ({
  title: row.label,
  ...(row.description ? { description: row.description } : {}),
  ...BY_TYPE[row.type as FieldType](row),
  ...(row.defaultValue != null ? { default: row.defaultValue } : {}),
  "x-crmd-type": row.type,
  ...(row.unique ? { "x-crmd-unique": true } : {}),
});

/** The JSON Schema (2020-12) of one tenant's records of an object type. */
export function recordSchema(type: ObjectTypeRow, fields: DefinitionRow[]): JsonSchema {
  const time = { type: "string", format: "date-time" };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `crmd:objects/${type.plural}`,
    title: type.label,
    ...(type.description ? { description: type.description } : {}),
    type: "object",
    properties: {
      id: { type: "string", format: "uuid" },
      object: { const: type.plural },
      display: { type: ["string", "null"], description: `The ${type.primaryField} value` },
      properties: {
        type: "object",
        properties: Object.fromEntries(fields.map((row) => [row.key, field(row)])),
        required: fields.filter((row) => row.required).map((row) => row.key),
        additionalProperties: false,
      },
      created_at: time,
      updated_at: time,
      deleted_at: { anyOf: [time, { type: "null" }] },
    },
    required: ["id", "object", "properties", "created_at", "updated_at", "deleted_at"],
  };
}
