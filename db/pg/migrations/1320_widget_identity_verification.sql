-- Identity verification of widget visitors (SQLite 1320_widget_identity_verification).
ALTER TABLE "widget_keys" ADD "identity_secret" text;
--> statement-breakpoint
ALTER TABLE "widget_keys" ADD "retired_identity_secrets" text DEFAULT '[]' NOT NULL;
--> statement-breakpoint
ALTER TABLE "widget_keys" ADD "identity_verification_required" bigint DEFAULT 0 NOT NULL;
