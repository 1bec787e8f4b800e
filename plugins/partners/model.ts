import { t } from "elysia";
import { JsonInteger, listResponse, pageQuery, RequiredText } from "../../src/core";

const PartnerType = t.Union([
  t.Literal("referral"),
  t.Literal("reseller"),
  t.Literal("affiliate"),
  t.Literal("technology"),
]);
const Status = t.Union([t.Literal("active"), t.Literal("inactive")]);
const Time = t.String({ format: "date-time" });

const live =
  " (computed when read: changes to it do not move the partner's updated_at or its place in the since / cursor feeds)";

export const PartnerStats = t.Object({
  lead_count: JsonInteger({ description: `Live leads linked to the partner${live}` }),
  deal_count: JsonInteger({ description: `Live deals linked to the partner${live}` }),
  won_deals: JsonInteger({ description: `Won live deals linked to the partner${live}` }),
  won_value: JsonInteger({
    description: `Sum of won deals' value in minor units (cents), whatever their currency${live}`,
  }),
});

export const Partner = t.Object({
  id: t.String({ format: "uuid" }),
  name: t.String(),
  partner_type: PartnerType,
  email: t.Nullable(t.String()),
  phone: t.Nullable(t.String()),
  website: t.Nullable(t.String()),
  status: Status,
  commission_pct: t.Nullable(t.Number()),
  tags: t.Array(t.String()),
  ...PartnerStats.properties,
  created_at: Time,
  updated_at: Time,
  deleted_at: t.Nullable(Time),
});

export const PartnerList = listResponse("partners", Partner);

const editable = {
  partner_type: t.Optional(PartnerType),
  email: t.Optional(t.Nullable(t.String({ format: "email", maxLength: 320 }))),
  phone: t.Optional(t.Nullable(t.String({ maxLength: 50 }))),
  website: t.Optional(t.Nullable(t.String({ maxLength: 2000 }))),
  status: t.Optional(Status),
  commission_pct: t.Optional(t.Nullable(t.Number({ minimum: 0, maximum: 100 }))),
  tags: t.Optional(t.Array(t.String({ minLength: 1, maxLength: 100 }), { maxItems: 50 })),
};

const Name = RequiredText({ maxLength: 200, description: "Unique per tenant" });

export const CreatePartner = t.Object({ name: Name, ...editable });
export const UpdatePartner = t.Object({ name: t.Optional(Name), ...editable });

export const PartnerListQuery = t.Object({
  ...pageQuery,
  status: t.Optional(Status),
  partner_type: t.Optional(PartnerType),
  tags: t.Optional(t.String({ description: "Comma-separated: partners carrying every one" })),
});

export type PartnerView = typeof Partner.static;
export type PartnerStatsView = typeof PartnerStats.static;
export type CreatePartnerInput = typeof CreatePartner.static;
export type UpdatePartnerInput = typeof UpdatePartner.static;
export type PartnerListQueryInput = typeof PartnerListQuery.static;
