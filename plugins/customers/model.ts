import { t } from "elysia";
import { CUSTOM_FILTER_QUERY, RequiredText } from "../../src/core";
import { Contact, ContactInput, ContactListQuery } from "../contacts";

const ExternalId = RequiredText({
  maxLength: 200,
  description: "The customer's id in your own system",
});

/** A customer is a contact, with the id it has in the tenant's own system. */
export const Customer = t.Object({
  ...Contact.properties,
  external_id: t.Nullable(t.String()),
});

export const IdentifyCustomer = t.Object(
  {
    email: t.Optional(t.String({ format: "email", maxLength: 320 })),
    external_id: t.Optional(ExternalId),
    name: t.Optional(RequiredText({ maxLength: 400 })),
    phone: t.Optional(t.String({ minLength: 1, maxLength: 50, pattern: "^[0-9+()./ #*x-]+$" })),
  },
  { examples: [{ email: "ada@example.com", name: "Ada Lovelace" }] },
);

export const CustomerListQuery = t.Object(
  {
    ...ContactListQuery.properties,
    external_id: t.Optional(t.String({ description: "The customer with this external id" })),
  },
  CUSTOM_FILTER_QUERY,
);

export const UpdateCustomer = ContactInput;
