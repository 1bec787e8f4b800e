import { t } from "elysia";

export const Tenant = t.Object({
  id: t.String({ format: "uuid" }),
  name: t.String(),
  created_at: t.String({ format: "date-time" }),
});

export const CreateTenant = t.Object({
  name: t.String({ minLength: 1, maxLength: 100, pattern: "^[A-Za-z0-9][A-Za-z0-9 _.-]*$" }),
});
