import { t } from "elysia";
import {
  AssociatedWith,
  CUSTOM_FILTER_QUERY,
  linkedListResponse,
  pageQuery,
  RecordQuery,
  RequiredText,
} from "../../src/core";
import { CreateField, FieldDefinition } from "../fields";

const Name = (description: string) => t.String({ pattern: "^[a-z][a-z0-9_]{0,40}$", description });

export const CreateObjectType = t.Object(
  {
    name: Name("Singular, lower case: events are `<name>.created|updated|deleted`"),
    plural: Name("Plural, lower case: routes `/objects/<plural>`, scopes `<plural>:read|write`"),
    label: RequiredText({ maxLength: 200 }),
    description: t.Optional(t.Nullable(t.String({ maxLength: 2000 }))),
    primary_field: t.String({ description: "Key of the field that names a record (required)" }),
    fields: t.Array(CreateField, { minItems: 1, maxItems: 200 }),
  },
  {
    examples: [
      {
        name: "vehicle",
        plural: "vehicles",
        label: "Vehicles",
        primary_field: "model",
        fields: [
          { key: "model", label: "Model", type: "text" },
          { key: "vin", label: "VIN", type: "text", unique: true },
        ],
      },
    ],
  },
);

export const UpdateObjectType = t.Object({
  label: t.Optional(RequiredText({ maxLength: 200 })),
  description: t.Optional(t.Nullable(t.String({ maxLength: 2000 }))),
  primary_field: t.Optional(
    t.String({
      description:
        "Key of the field that names a record: it becomes required; 422 while live records have no value for it",
    }),
  ),
});

export const ObjectType = t.Object({
  id: t.String(),
  name: t.String(),
  plural: t.String(),
  label: t.String(),
  description: t.Nullable(t.String()),
  primary_field: t.String(),
  fields: t.Array(FieldDefinition),
  created_at: t.String({ format: "date-time" }),
  updated_at: t.String({ format: "date-time" }),
});

export const ObjectTypeList = t.Object({ object_types: t.Array(ObjectType) });

const Properties = t.Record(t.String(), t.Unknown(), {
  description: "The record's values, one per field of its object type",
});

export const CustomRecord = t.Object({
  id: t.String({ format: "uuid" }),
  object: t.String({ description: "The object type's plural" }),
  display: t.Nullable(t.String({ description: "The primary field's value" })),
  properties: Properties,
  created_at: t.String({ format: "date-time" }),
  updated_at: t.String({ format: "date-time" }),
  deleted_at: t.Nullable(t.String({ format: "date-time" })),
});

/** The example is a record of the object type CreateObjectType's example defines. */
export const RecordInput = t.Object(
  { properties: Properties },
  { examples: [{ properties: { model: "Model 3", vin: "5YJ3E1EA7KF317000" } }] },
);

export const RecordListQuery = t.Object(
  {
    ...pageQuery,
    ...RecordQuery.properties,
    search: t.Optional(
      t.String({ minLength: 1, description: "Text the primary field contains (any case)" }),
    ),
    associated_with: AssociatedWith,
  },
  CUSTOM_FILTER_QUERY,
);

/** The list envelope, its records under the object type's plural (`{"vehicles": [...]}`). */
const { records, ...envelope } = linkedListResponse("records", CustomRecord).properties;
export const RecordList = t.NoValidate(
  t.Object(envelope, {
    additionalProperties: records,
    description: 'The page\'s records are under the plural: {"vehicles": [...], "total": …}',
  }),
);

export const BulkQuery = t.Object({
  match_by: t.Optional(
    t.String({
      description: "A unique field: records whose value matches update that record; others create",
    }),
  ),
});

export const ObjectParams = t.Object({ object: t.String() });
export const RecordParams = t.Object({ object: t.String(), id: t.String() });

export type CreateObjectTypeBody = typeof CreateObjectType.static;
export type UpdateObjectTypeBody = typeof UpdateObjectType.static;
export type RecordView = typeof CustomRecord.static;
export type RecordInputBody = typeof RecordInput.static;
