import { t } from "elysia";
import {
  AssociatedWith,
  CUSTOM_FILTER_QUERY,
  CustomFields,
  HttpUrl,
  pageQuery,
  RecordQuery,
  TagList,
} from "../../src/core";

const LABEL = { maxLength: 50, description: "Work, Home, Mobile, … (default Work)" };

/** seed 004's shapes: several emails and phone numbers, each with a type. */
const EmailInput = t.Object({
  email: t.String({ format: "email", maxLength: 320 }),
  type: t.Optional(t.String(LABEL)),
});
const PhoneInput = t.Object({
  // At least one digit: "-" or "  " is no number.
  number: t.String({
    minLength: 1,
    maxLength: 50,
    pattern: "^[0-9+()./ #*x-]*[0-9][0-9+()./ #*x-]*$",
  }),
  type: t.Optional(t.String(LABEL)),
});

const text = (maxLength: number) => t.Optional(t.Nullable(t.String({ maxLength })));

/** Every writable field; all optional (PATCH semantics: what is absent stays). */
export const ContactInput = t.Object(
  {
    first_name: text(200),
    last_name: text(200),
    email: t.Optional(
      t.Array(EmailInput, { maxItems: 20, description: "The first one is the primary email" }),
    ),
    phone_number: t.Optional(t.Array(PhoneInput, { maxItems: 20 })),
    title: text(200),
    company_id: t.Optional(t.Nullable(t.String({ description: "A company of this tenant" }))),
    owner: text(200),
    status: text(50),
    background: text(10_000),
    linkedin_url: t.Optional(t.Nullable(HttpUrl)),
    tags: t.Optional(TagList),
    custom_fields: t.Optional(CustomFields),
    last_seen_at: t.Optional(t.Nullable(t.String({ description: "ISO 8601 timestamp" }))),
    email_opt_out: t.Optional(
      t.Boolean({
        description:
          "The contact opted out of email: sends to them are 409. True as well when the contact is given an address that opted out (the suppression list); false lifts the opt-out of its addresses, not a bounce",
      }),
    ),
    sms_opt_out: t.Optional(
      t.Boolean({
        description:
          "The contact opted out of SMS (also set by an inbound STOP, and when the contact is given a number that opted out). false lifts opt-outs recorded through the API; a number that texted STOP is lifted only by its START (false is then 409 OPTED_OUT, nothing written)",
      }),
    ),
  },
  {
    examples: [{ first_name: "Ada", last_name: "Lovelace", email: [{ email: "ada@example.com" }] }],
  },
);

export const Contact = t.Object({
  id: t.String({ format: "uuid" }),
  first_name: t.Nullable(t.String()),
  last_name: t.Nullable(t.String()),
  email: t.Array(t.Object({ email: t.String(), type: t.String() })),
  phone_number: t.Array(t.Object({ number: t.String(), type: t.String() })),
  primary_email: t.Nullable(t.String({ description: "The first email, lower case" })),
  title: t.Nullable(t.String()),
  company_id: t.Nullable(t.String()),
  owner: t.Nullable(t.String()),
  status: t.Nullable(t.String()),
  background: t.Nullable(t.String()),
  linkedin_url: t.Nullable(t.String()),
  tags: t.Array(t.String()),
  custom_fields: CustomFields,
  last_seen_at: t.Nullable(t.String({ format: "date-time" })),
  email_opt_out: t.Boolean(),
  sms_opt_out: t.Boolean(),
  created_at: t.String({ format: "date-time" }),
  updated_at: t.String({ format: "date-time" }),
  deleted_at: t.Nullable(t.String({ format: "date-time" })),
});

export const ContactListQuery = t.Object(
  {
    ...pageQuery,
    ...RecordQuery.properties,
    email: t.Optional(
      t.String({ description: "Exact email, any of the contact's emails, case-insensitive" }),
    ),
    search: t.Optional(
      t.String({ minLength: 1, description: "Words (prefixes) in name, emails or phone numbers" }),
    ),
    company_id: t.Optional(t.String()),
    tags: t.Optional(t.String({ description: "Comma-separated: contacts carrying all of them" })),
    associated_with: AssociatedWith,
  },
  CUSTOM_FILTER_QUERY,
);
