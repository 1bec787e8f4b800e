-- Communication consent (SQLite 1120_consent): opt-out flags on contacts and the opt-out list.
ALTER TABLE "contacts" ADD "email_opt_out" bigint DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE "contacts" ADD "sms_opt_out" bigint DEFAULT 0 NOT NULL;
--> statement-breakpoint
CREATE TABLE "communication_opt_outs" (
  "tenant_id" text NOT NULL,
  "channel" text NOT NULL,
  "address" text NOT NULL,
  "created_at" bigint NOT NULL,
  PRIMARY KEY ("tenant_id", "channel", "address")
);
