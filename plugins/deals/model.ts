import { t } from "elysia";
import {
  AssociatedWith,
  CURRENCY_PATTERN,
  CUSTOM_FILTER_QUERY,
  changedThrough,
  JsonInteger,
  MinorUnits,
  pageQuery,
  RecordQuery,
  RequiredText,
} from "../../src/core";

export const DealStatusSchema = t.Union([t.Literal("open"), t.Literal("won"), t.Literal("lost")], {
  description: "open, won or lost (follows the kind of the deal's stage)",
});

const time = t.String({ format: "date-time" });
const nullableTime = t.Nullable(time);
const nullableString = t.Nullable(t.String());

export const Deal = t.Object({
  id: t.String(),
  title: t.String(),
  description: nullableString,
  value: JsonInteger({ description: "Minor units (cents)" }),
  currency: t.String({ description: "ISO 4217" }),
  status: DealStatusSchema,
  pipeline_id: t.String(),
  stage_id: t.String(),
  stage: t.Nullable(t.String({ description: "Stage name" })),
  stage_entered_at: time,
  owner: nullableString,
  lead_id: nullableString,
  contact_id: nullableString,
  contact_ids: t.Array(t.String(), {
    description:
      "Every linked contact (associations deals → contacts); contact_id is the primary one",
  }),
  company_id: nullableString,
  partner_id: nullableString,
  expected_close_date: t.Nullable(t.String({ format: "date" })),
  won_at: nullableTime,
  lost_at: nullableTime,
  lost_reason: nullableString,
  tags: t.Array(t.String()),
  custom_fields: t.Record(t.String(), t.Unknown()),
  created_at: time,
  updated_at: time,
  deleted_at: nullableTime,
});

const link = (what: string) =>
  t.Optional(t.Nullable(t.String({ description: `Id of a ${what} of the same tenant` })));
const stageName = t.String({
  minLength: 1,
  description: "Stage name within the pipeline, in any letter case",
});

/** Fields a client sets on create and PATCH. */
const editable = {
  title: RequiredText({ maxLength: 500 }),
  description: t.Optional(t.Nullable(t.String({ maxLength: 20_000 }))),
  value: t.Optional(MinorUnits),
  currency: t.Optional(
    t.String({ pattern: CURRENCY_PATTERN, description: "ISO 4217, three upper-case letters" }),
  ),
  owner: t.Optional(t.Nullable(t.String({ maxLength: 200 }))),
  lead_id: link("lead"),
  contact_id: link("contact"),
  contact_ids: t.Optional(
    t.Array(t.String(), {
      maxItems: 100,
      description:
        "Contacts linked to the deal (seed 004): replaces its links to contacts; contact_id stays primary (default: the first)",
    }),
  ),
  company_id: link("company"),
  partner_id: link("partner"),
  expected_close_date: t.Optional(
    t.Nullable(t.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "YYYY-MM-DD" })),
  ),
  tags: t.Optional(t.Array(t.String({ minLength: 1, maxLength: 100 }), { maxItems: 100 })),
  custom_fields: t.Optional(t.Record(t.String(), t.Unknown())),
  lost_reason: t.Optional(
    t.Nullable(t.String({ maxLength: 2000, description: "Kept when the deal is (or goes) lost" })),
  ),
};

const placement = {
  pipeline_id: t.Optional(
    t.String({ description: "Sales pipeline; default: the tenant's default sales pipeline" }),
  ),
  stage_id: t.Optional(t.String({ description: "Default: the pipeline's first open stage" })),
  stage: t.Optional(stageName),
};

const moved = "with POST /deals/{id}/move, or stage_id / stage here";
/** Fields a move sets: a create or PATCH body naming one is told so. */
const movedFields = {
  status: `is changed ${moved} (won and lost stages close the deal, open ones reopen it)`,
  won_at: `is set by a move to a won stage (${moved})`,
  lost_at: `is set by a move to a lost stage (${moved})`,
  stage_entered_at: `is set when the deal moves (${moved})`,
};

export const CreateDeal = changedThrough(t.Object({ ...editable, ...placement }), movedFields);

export const UpdateDeal = changedThrough(
  t.Object({
    ...editable,
    title: t.Optional(editable.title),
    ...placement,
  }),
  movedFields,
);

export const MoveDeal = t.Object(
  {
    stage_id: t.Optional(t.String()),
    stage: t.Optional(stageName),
    lost_reason: editable.lost_reason,
  },
  // A stage of the demo tenant's sales pipelines: Swagger UI's Try it out sends it as is.
  { examples: [{ stage: "Proposal" }] },
);

export const DealsQuery = t.Object(
  {
    ...pageQuery,
    ...RecordQuery.properties,
    status: t.Optional(DealStatusSchema),
    stage: t.Optional(t.String({ description: "Stage name, in any letter case" })),
    pipeline_id: t.Optional(t.String()),
    stage_id: t.Optional(t.String()),
    owner: t.Optional(t.String()),
    partner_id: t.Optional(t.String()),
    contact_id: t.Optional(
      t.String({
        description:
          "The deal's primary contact (its `contact_id` field) only; deals linked to a contact in any way (`contact_ids`): `associated_with=contacts:<id>`",
      }),
    ),
    company_id: t.Optional(t.String()),
    lead_id: t.Optional(t.String()),
    tags: t.Optional(t.String({ description: "Comma-separated; every tag must match" })),
    associated_with: AssociatedWith,
  },
  CUSTOM_FILTER_QUERY,
);

export type DealView = typeof Deal.static;
export type CreateDealBody = typeof CreateDeal.static;
export type UpdateDealBody = typeof UpdateDeal.static;
export type MoveDealBody = typeof MoveDeal.static;
export type DealsQueryParams = typeof DealsQuery.static;
