import { t } from "elysia";

/** The most sender numbers one tenant records. */
export const MAX_SMS_NUMBERS = 500;

const SmsNumbers = t.Array(t.String({ minLength: 1, maxLength: 64 }), {
  maxItems: MAX_SMS_NUMBERS,
  description:
    "The tenant's SMS sender numbers, in international format (stored in E.164). The tenant sends only from these; the first is its default sender. A number belongs to one tenant at most (409). Empty: the tenant sends from CRMD_SMS_FROM only.",
});

export const Tenant = t.Object({
  id: t.String({ format: "uuid" }),
  name: t.String(),
  sms_numbers: t.Array(t.String(), { description: "SMS sender numbers (E.164), default first" }),
  created_at: t.String({ format: "date-time" }),
});

export const CreateTenant = t.Object({
  name: t.String({ minLength: 1, maxLength: 100, pattern: "^[A-Za-z0-9][A-Za-z0-9 _.-]*$" }),
  sms_numbers: t.Optional(SmsNumbers),
});

export const UpdateTenant = t.Object({ sms_numbers: t.Optional(SmsNumbers) });

export const TenantParams = t.Object({
  tenant_id: t.String({ description: "The tenant's id (or its name)" }),
});
