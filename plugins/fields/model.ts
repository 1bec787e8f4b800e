import { t } from "elysia";
import { CURRENCY_PATTERN, RequiredText } from "../../src/core";

// Literals, not t.UnionEnum: Elysia fills a UnionEnum left out of a PATCH with its first value.
const FieldTypeSchema = t.Union(
  [
    t.Literal("text"),
    t.Literal("number"),
    t.Literal("money"),
    t.Literal("date"),
    t.Literal("datetime"),
    t.Literal("boolean"),
    t.Literal("select"),
    t.Literal("multi_select"),
    t.Literal("url"),
    t.Literal("email"),
    t.Literal("phone"),
    t.Literal("reference"),
  ],
  { description: "The values' type; values are validated and coerced to it on every write" },
);

const Options = t.Array(RequiredText({ maxLength: 200 }), {
  minItems: 1,
  maxItems: 500,
  description: "The allowed values of a select or multi_select, distinct in any letter case",
});

/** Fields a client sets on create and PATCH. */
const editable = {
  label: RequiredText({ maxLength: 200 }),
  description: t.Optional(t.Nullable(t.String({ maxLength: 2000 }))),
  type: FieldTypeSchema,
  required: t.Optional(
    t.Boolean({ description: "Every write must leave a value (default false)" }),
  ),
  unique: t.Optional(
    t.Boolean({ description: "No two live records share a value (default false)" }),
  ),
  default: t.Optional(t.Unknown({ description: "Value given to new records that set none" })),
  options: t.Optional(t.Nullable(Options)),
  reference_object: t.Optional(
    t.Nullable(
      t.String({ description: "reference: the object type its ids name (e.g. contacts)" }),
    ),
  ),
  currency: t.Optional(
    t.Nullable(
      t.String({
        pattern: CURRENCY_PATTERN,
        description: "money: currency of plain integer values",
      }),
    ),
  ),
};

export const CreateField = t.Object({
  key: t.String({
    pattern: "^[a-z][a-z0-9_]{0,62}$",
    description: "Name in `custom_fields` and in `cf.<key>` filters: lower case, digits, _",
  }),
  ...editable,
});

export const UpdateField = t.Partial(t.Object(editable));

export const FieldDefinition = t.Object({
  id: t.String(),
  object: t.String({ description: "Object type (API plural)" }),
  key: t.String(),
  label: t.String(),
  description: t.Nullable(t.String()),
  type: FieldTypeSchema,
  required: t.Boolean(),
  unique: t.Boolean(),
  default: t.Unknown(),
  options: t.Nullable(t.Array(t.String())),
  reference_object: t.Nullable(t.String()),
  currency: t.Nullable(t.String()),
  created_at: t.String({ format: "date-time" }),
  updated_at: t.String({ format: "date-time" }),
});

export const FieldList = t.Object({ fields: t.Array(FieldDefinition) });

export const ObjectParams = t.Object({ object: t.String() });
export const FieldParams = t.Object({ object: t.String(), key: t.String() });
export const RecordParams = t.Object({ object: t.String(), id: t.String() });

export const ArchivedValues = t.Object({
  record_id: t.String(),
  archived: t.Record(t.String(), t.Unknown(), {
    description: "Values of removed fields, by key (the latest removal of a key wins)",
  }),
});

export type CreateFieldBody = typeof CreateField.static;
export type UpdateFieldBody = typeof UpdateField.static;
export type FieldView = typeof FieldDefinition.static;
