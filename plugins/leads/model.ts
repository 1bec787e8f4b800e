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

const statusDescription =
  "new, contacted, qualified, disqualified or converted (converted only through POST /leads/{id}/convert)";

export const LeadStatusSchema = t.Union(
  [
    t.Literal("new"),
    t.Literal("contacted"),
    t.Literal("qualified"),
    t.Literal("disqualified"),
    t.Literal("converted"),
  ],
  { description: statusDescription },
);

/** The statuses a client may set directly. */
const WritableStatus = changedThrough(
  t.Union(
    [t.Literal("new"), t.Literal("contacted"), t.Literal("qualified"), t.Literal("disqualified")],
    { description: statusDescription },
  ),
  { converted: "is set with POST /leads/{id}/convert" },
);

const TierSchema = t.Union([t.Literal("A"), t.Literal("B"), t.Literal("C"), t.Literal("D")]);

const time = t.String({ format: "date-time" });
const nullableTime = t.Nullable(time);
const nullableString = t.Nullable(t.String());

export const Lead = t.Object({
  id: t.String(),
  name: t.String(),
  email: nullableString,
  phone: nullableString,
  company_name: nullableString,
  title: nullableString,
  source: nullableString,
  status: LeadStatusSchema,
  tier: t.Nullable(TierSchema),
  score: t.Nullable(JsonInteger()),
  owner: nullableString,
  partner_id: nullableString,
  contact_id: nullableString,
  company_id: nullableString,
  pipeline_id: nullableString,
  stage_id: nullableString,
  stage: t.Nullable(t.String({ description: "Stage name" })),
  stage_entered_at: nullableTime,
  first_responded_at: t.Nullable(
    t.String({ format: "date-time", description: "First move to contacted or later" }),
  ),
  qualified_at: nullableTime,
  disqualified_at: nullableTime,
  disqualify_reason: nullableString,
  converted_at: nullableTime,
  converted_deal_id: nullableString,
  notes: nullableString,
  tags: t.Array(t.String()),
  custom_fields: t.Record(t.String(), t.Unknown()),
  created_at: time,
  updated_at: time,
  deleted_at: nullableTime,
});

const text = (maxLength: number) => t.Optional(t.Nullable(t.String({ maxLength })));
const link = (what: string) =>
  t.Optional(t.Nullable(t.String({ description: `Id of a ${what} of the same tenant` })));

const editable = {
  name: RequiredText({ maxLength: 300 }),
  email: t.Optional(t.Nullable(t.String({ format: "email", maxLength: 320 }))),
  phone: text(50),
  company_name: text(300),
  title: text(200),
  source: text(100),
  status: t.Optional(WritableStatus),
  tier: t.Optional(t.Nullable(TierSchema)),
  score: t.Optional(t.Nullable(JsonInteger({ minimum: 0, maximum: 100 }))),
  owner: text(200),
  partner_id: link("partner"),
  contact_id: link("contact"),
  company_id: link("company"),
  pipeline_id: t.Optional(
    t.String({
      description: "Qualification pipeline; default: the tenant's default qualification pipeline",
    }),
  ),
  stage_id: t.Optional(t.String({ description: "Default: the pipeline's first open stage" })),
  stage: t.Optional(
    t.String({ minLength: 1, description: "Stage name within the pipeline, in any letter case" }),
  ),
  notes: text(20_000),
  disqualify_reason: text(2000),
  tags: t.Optional(t.Array(t.String({ minLength: 1, maxLength: 100 }), { maxItems: 100 })),
  custom_fields: t.Optional(t.Record(t.String(), t.Unknown())),
};

/** Fields the lead's actions (and its status) set: a create or PATCH body naming one is told which. */
const leadActions = {
  converted_at: "is set with POST /leads/{id}/convert",
  converted_deal_id: "is set with POST /leads/{id}/convert",
  qualified_at: "is set with POST /leads/{id}/qualify, or status qualified here",
  disqualified_at: "is set with POST /leads/{id}/disqualify, or status disqualified here",
};

export const CreateLead = changedThrough(t.Object(editable), leadActions);
export const UpdateLead = changedThrough(
  t.Object({ ...editable, name: t.Optional(editable.name) }),
  leadActions,
);

export const DisqualifyLead = t.Object({
  reason: t.Optional(t.Nullable(t.String({ maxLength: 2000 }))),
});

export const ConvertLead = t.Object({
  pipeline_id: t.Optional(
    t.String({ description: "Sales pipeline; default: the tenant's default sales pipeline" }),
  ),
  stage_id: t.Optional(t.String()),
  stage: t.Optional(t.String({ minLength: 1 })),
  title: t.Optional(
    RequiredText({ maxLength: 500, description: "Default: company name, else name" }),
  ),
  value: t.Optional(MinorUnits),
  currency: t.Optional(t.String({ pattern: CURRENCY_PATTERN })),
  owner: t.Optional(t.Nullable(t.String({ maxLength: 200 }))),
});

export const LeadsQuery = t.Object(
  {
    ...pageQuery,
    ...RecordQuery.properties,
    status: t.Optional(LeadStatusSchema),
    tier: t.Optional(TierSchema),
    source: t.Optional(t.String()),
    owner: t.Optional(t.String()),
    partner_id: t.Optional(t.String()),
    pipeline_id: t.Optional(t.String()),
    stage_id: t.Optional(t.String()),
    tags: t.Optional(t.String({ description: "Comma-separated; every tag must match" })),
    associated_with: AssociatedWith,
  },
  CUSTOM_FILTER_QUERY,
);

export type LeadView = typeof Lead.static;
export type LeadStatus = typeof LeadStatusSchema.static;
export type CreateLeadBody = typeof CreateLead.static;
export type UpdateLeadBody = typeof UpdateLead.static;
export type ConvertLeadBody = typeof ConvertLead.static;
export type LeadsQueryParams = typeof LeadsQuery.static;
