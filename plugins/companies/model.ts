import { t } from "elysia";
import {
  AssociatedWith,
  AssociationsField,
  CUSTOM_FILTER_QUERY,
  CustomFields,
  JsonInteger,
  pageQuery,
  RecordQuery,
  RequiredText,
  StoredInteger,
  TagList,
} from "../../src/core";
import { Contact } from "../contacts";

const text = (maxLength: number) => t.Optional(t.Nullable(t.String({ maxLength })));

const Address = t.Object(
  {
    street: text(300),
    street2: text(300),
    city: text(200),
    state: text(200),
    postal_code: text(50),
    country: text(100),
  },
  { description: "Postal address; other keys are dropped" },
);

const fields = {
  name: t.Optional(RequiredText({ maxLength: 300 })),
  website: t.Optional(
    t.Nullable(
      t.String({ maxLength: 2000, description: "URL or host name, e.g. https://acme.com" }),
    ),
  ),
  domain: t.Optional(
    t.Nullable(
      t.String({
        maxLength: 2000,
        description:
          "Host name (acme.com), at most 253 characters. Stored normalised: no scheme, no www., lower case. Derived from website when absent or null",
      }),
    ),
  ),
  sector: text(200),
  size: t.Optional(
    t.Nullable(
      t.Union([t.String({ maxLength: 50 }), StoredInteger({ minimum: 0 })], {
        description: 'Head count (100) or a band ("11-50"); returned as a string',
      }),
    ),
  ),
  address: t.Optional(t.Nullable(Address)),
  phone: text(50),
  description: text(10_000),
  owner: text(200),
  tags: t.Optional(TagList),
  custom_fields: t.Optional(CustomFields),
};

/** PATCH body and bulk record: every field optional (what is absent stays). */
export const CompanyUpdate = t.Object(fields);
export const CompanyCreate = t.Object(
  {
    ...fields,
    name: RequiredText({ maxLength: 300 }),
  },
  { examples: [{ name: "Analytical Engines Ltd", domain: "analytical-engines.example" }] },
);

export const Company = t.Object({
  id: t.String({ format: "uuid" }),
  name: t.String(),
  website: t.Nullable(t.String()),
  domain: t.Nullable(t.String()),
  sector: t.Nullable(t.String()),
  size: t.Nullable(t.String()),
  address: t.Nullable(Address),
  phone: t.Nullable(t.String()),
  description: t.Nullable(t.String()),
  owner: t.Nullable(t.String()),
  tags: t.Array(t.String()),
  custom_fields: CustomFields,
  created_at: t.String({ format: "date-time" }),
  updated_at: t.String({ format: "date-time" }),
  deleted_at: t.Nullable(t.String({ format: "date-time" })),
});

/** An open deal of the company, as `include=deals` shows it (GET /deals/{id} has the rest). */
const DealSummary = t.Object({
  id: t.String(),
  title: t.String(),
  value: JsonInteger({ description: "Minor units (cents)" }),
  currency: t.String(),
  status: t.String(),
  pipeline_id: t.String(),
  stage_id: t.String(),
  owner: t.Nullable(t.String()),
  contact_id: t.Nullable(t.String()),
  expected_close_date: t.Nullable(t.String()),
  created_at: t.String({ format: "date-time" }),
  updated_at: t.String({ format: "date-time" }),
});

const ActivityEntry = t.Object({
  id: t.String(),
  entity_type: t.String(),
  entity_id: t.String(),
  action: t.String(),
  actor_type: t.String(),
  actor_id: t.Nullable(t.String()),
  actor_name: t.Nullable(t.String()),
  changes: t.Record(t.String(), t.Object({ old: t.Unknown(), new: t.Unknown() })),
  created_at: t.String({ format: "date-time" }),
});

export const CompanyWithIncludes = t.Object({
  ...Company.properties,
  contacts: t.Optional(t.Array(Contact, { description: "include=contacts: up to 100" })),
  deals: t.Optional(t.Array(DealSummary, { description: "include=deals: open deals, up to 100" })),
  activity: t.Optional(
    t.Array(ActivityEntry, { description: "include=activity: the 20 latest changes" }),
  ),
  associations: AssociationsField,
});

export const INCLUDES = ["contacts", "deals", "activity", "associations"] as const;

export const CompanyGetQuery = t.Object({
  include: t.Optional(
    t.String({
      description: "Comma-separated: contacts, deals, activity, associations",
      examples: ["contacts,deals"],
    }),
  ),
});

export const CompanyListQuery = t.Object(
  {
    ...pageQuery,
    ...RecordQuery.properties,
    name: t.Optional(t.String({ minLength: 1, description: "Part of the name, case-insensitive" })),
    website: t.Optional(
      t.String({ description: "Website or domain; matches with or without scheme and www." }),
    ),
    domain: t.Optional(t.String({ description: "Alias of website" })),
    search: t.Optional(
      t.String({ minLength: 1, description: "Words (prefixes) in name, domain or phone" }),
    ),
    tags: t.Optional(t.String({ description: "Comma-separated: companies carrying all of them" })),
    associated_with: AssociatedWith,
  },
  CUSTOM_FILTER_QUERY,
);
