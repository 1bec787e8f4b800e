-- Recipients an email bounced for, and why an address is suppressed (SQLite 1420_email_bounces).
ALTER TABLE "interactions" ADD "bounced_recipients" text DEFAULT '[]' NOT NULL;
--> statement-breakpoint
ALTER TABLE "communication_opt_outs" ADD "reason" text DEFAULT 'opt_out' NOT NULL;
--> statement-breakpoint
ALTER TABLE "communication_opt_outs" ADD "detail" text;
