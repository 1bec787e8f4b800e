-- The tables, columns and indexes of the SQLite schema, as written by scripts/pg-schema.ts.
CREATE TABLE "activity_log" (
  "id" text NOT NULL,
  "tenant_id" text NOT NULL,
  "entity_type" text NOT NULL,
  "entity_id" text NOT NULL,
  "action" text NOT NULL,
  "actor_type" text NOT NULL,
  "actor_id" text,
  "actor_name" text,
  "changes" text NOT NULL,
  "created_at" bigint NOT NULL,
  "sync_seq" bigint NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE INDEX activity_entity_idx ON activity_log (tenant_id, entity_type, entity_id, sync_seq);
--> statement-breakpoint
CREATE INDEX "activity_tenant_created_idx" ON "activity_log" ("tenant_id","created_at","sync_seq");
--> statement-breakpoint
CREATE INDEX "activity_tenant_entity_created_idx" ON "activity_log" ("tenant_id","entity_id","created_at");
--> statement-breakpoint
CREATE INDEX activity_tenant_seq_idx ON activity_log (tenant_id, sync_seq);
--> statement-breakpoint
CREATE INDEX "activity_tenant_type_created_idx" ON "activity_log" ("tenant_id","entity_type","created_at");
--> statement-breakpoint
CREATE TABLE "tenants" (
  "id" text NOT NULL,
  "name" text NOT NULL,
  "created_at" bigint NOT NULL,
  PRIMARY KEY ("id"),
  UNIQUE ("name")
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
  "id" text NOT NULL,
  "tenant_id" text NOT NULL,
  "name" text NOT NULL,
  "key_prefix" text NOT NULL,
  "key_hash" text NOT NULL,
  "permissions" text NOT NULL,
  "rate_limit" bigint,
  "expires_at" bigint,
  "revoked_at" bigint,
  "last_used_at" bigint,
  "created_at" bigint NOT NULL,
  PRIMARY KEY ("id"),
  FOREIGN KEY ("tenant_id") REFERENCES "tenants" ("id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX api_keys_hash_idx ON api_keys (key_hash);
--> statement-breakpoint
CREATE INDEX api_keys_tenant_idx ON api_keys (tenant_id);
--> statement-breakpoint
CREATE TABLE "business_hours" (
  "tenant_id" text NOT NULL,
  "time_zone" text NOT NULL,
  "working_days" text NOT NULL,
  "start_minute" bigint NOT NULL,
  "end_minute" bigint NOT NULL,
  "created_at" bigint NOT NULL,
  "updated_at" bigint NOT NULL,
  PRIMARY KEY ("tenant_id")
);
--> statement-breakpoint
CREATE TABLE "calendar_events" (
  "id" text NOT NULL,
  "tenant_id" text NOT NULL,
  "title" text NOT NULL,
  "description" text,
  "location" text,
  "start_at" bigint NOT NULL,
  "end_at" bigint NOT NULL,
  "time_zone" text NOT NULL,
  "all_day" bigint DEFAULT 0 NOT NULL,
  "start_date" text,
  "end_date" text,
  "status" text NOT NULL,
  "cancelled_at" bigint,
  "deal_id" text,
  "lead_id" text,
  "contact_id" text,
  "attendees" text DEFAULT '[]' NOT NULL,
  "reminders" text DEFAULT '[]' NOT NULL,
  "tags" text DEFAULT '[]' NOT NULL,
  "created_at" bigint NOT NULL,
  "updated_at" bigint NOT NULL,
  "deleted_at" bigint,
  "sync_seq" bigint NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE INDEX "calendar_events_tenant_contact_idx" ON "calendar_events" ("tenant_id","contact_id");
--> statement-breakpoint
CREATE INDEX "calendar_events_tenant_created_idx" ON "calendar_events" ("tenant_id","created_at");
--> statement-breakpoint
CREATE INDEX "calendar_events_tenant_deal_idx" ON "calendar_events" ("tenant_id","deal_id");
--> statement-breakpoint
CREATE INDEX "calendar_events_tenant_end_idx" ON "calendar_events" ("tenant_id","end_at");
--> statement-breakpoint
CREATE INDEX "calendar_events_tenant_lead_idx" ON "calendar_events" ("tenant_id","lead_id");
--> statement-breakpoint
CREATE INDEX "calendar_events_tenant_seq_idx" ON "calendar_events" ("tenant_id","sync_seq");
--> statement-breakpoint
CREATE INDEX "calendar_events_tenant_start_idx" ON "calendar_events" ("tenant_id","start_at");
--> statement-breakpoint
CREATE INDEX "calendar_events_tenant_updated_idx" ON "calendar_events" ("tenant_id","updated_at","sync_seq");
--> statement-breakpoint
CREATE TABLE "calendar_event_attendees" (
  "id" text NOT NULL,
  "tenant_id" text NOT NULL,
  "event_id" text NOT NULL,
  "contact_id" text,
  "email" text,
  PRIMARY KEY ("id"),
  FOREIGN KEY ("event_id") REFERENCES "calendar_events" ("id")
);
--> statement-breakpoint
CREATE INDEX "calendar_attendees_event_idx" ON "calendar_event_attendees" ("event_id");
--> statement-breakpoint
CREATE INDEX "calendar_attendees_tenant_contact_idx" ON "calendar_event_attendees" ("tenant_id","contact_id");
--> statement-breakpoint
CREATE INDEX "calendar_attendees_tenant_email_idx" ON "calendar_event_attendees" ("tenant_id","email");
--> statement-breakpoint
CREATE TABLE "companies" (
  "id" text NOT NULL,
  "tenant_id" text NOT NULL,
  "name" text NOT NULL,
  "website" text,
  "domain" text,
  "sector" text,
  "size" text,
  "address" text,
  "phone" text,
  "description" text,
  "owner" text,
  "tags" text DEFAULT '[]' NOT NULL,
  "custom_fields" text DEFAULT '{}' NOT NULL,
  "created_at" bigint NOT NULL,
  "updated_at" bigint NOT NULL,
  "deleted_at" bigint,
  "sync_seq" bigint NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE INDEX "companies_tenant_created_idx" ON "companies" ("tenant_id","created_at");
--> statement-breakpoint
CREATE INDEX "companies_tenant_domain_idx" ON "companies" ("tenant_id","domain");
--> statement-breakpoint
CREATE INDEX "companies_tenant_seq_idx" ON "companies" ("tenant_id","sync_seq");
--> statement-breakpoint
CREATE INDEX "companies_tenant_updated_idx" ON "companies" ("tenant_id","updated_at","sync_seq");
--> statement-breakpoint
CREATE TABLE "contact_emails" (
  "contact_id" text NOT NULL,
  "tenant_id" text NOT NULL,
  "email" text NOT NULL,
  PRIMARY KEY ("contact_id", "email")
);
--> statement-breakpoint
CREATE INDEX "contact_emails_tenant_email_idx" ON "contact_emails" ("tenant_id","email");
--> statement-breakpoint
CREATE TABLE "contacts" (
  "id" text NOT NULL,
  "tenant_id" text NOT NULL,
  "first_name" text,
  "last_name" text,
  "emails" text DEFAULT '[]' NOT NULL,
  "phones" text DEFAULT '[]' NOT NULL,
  "primary_email" text,
  "title" text,
  "company_id" text,
  "owner" text,
  "status" text,
  "background" text,
  "linkedin_url" text,
  "tags" text DEFAULT '[]' NOT NULL,
  "custom_fields" text DEFAULT '{}' NOT NULL,
  "last_seen_at" bigint,
  "created_at" bigint NOT NULL,
  "updated_at" bigint NOT NULL,
  "deleted_at" bigint,
  "sync_seq" bigint NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE INDEX "contacts_tenant_company_idx" ON "contacts" ("tenant_id","company_id");
--> statement-breakpoint
CREATE INDEX "contacts_tenant_created_idx" ON "contacts" ("tenant_id","created_at");
--> statement-breakpoint
CREATE INDEX "contacts_tenant_email_idx" ON "contacts" ("tenant_id","primary_email");
--> statement-breakpoint
CREATE INDEX "contacts_tenant_seq_idx" ON "contacts" ("tenant_id","sync_seq");
--> statement-breakpoint
CREATE INDEX "contacts_tenant_updated_idx" ON "contacts" ("tenant_id","updated_at","sync_seq");
--> statement-breakpoint
CREATE TABLE "counters" (
  "name" text NOT NULL,
  "value" bigint NOT NULL,
  PRIMARY KEY ("name")
);
--> statement-breakpoint
CREATE TABLE "deals" (
  "id" text NOT NULL,
  "tenant_id" text NOT NULL,
  "title" text NOT NULL,
  "description" text,
  "value" bigint DEFAULT 0 NOT NULL,
  "currency" text DEFAULT 'USD' NOT NULL,
  "status" text NOT NULL,
  "pipeline_id" text NOT NULL,
  "stage_id" text NOT NULL,
  "stage_entered_at" bigint NOT NULL,
  "owner" text,
  "lead_id" text,
  "contact_id" text,
  "company_id" text,
  "partner_id" text,
  "expected_close_date" text,
  "won_at" bigint,
  "lost_at" bigint,
  "lost_reason" text,
  "tags" text DEFAULT '[]' NOT NULL,
  "custom_fields" text DEFAULT '{}' NOT NULL,
  "created_at" bigint NOT NULL,
  "updated_at" bigint NOT NULL,
  "deleted_at" bigint,
  "sync_seq" bigint NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE INDEX "deals_seq_idx" ON "deals" ("sync_seq");
--> statement-breakpoint
CREATE INDEX "deals_stage_entered_idx" ON "deals" ("stage_id","stage_entered_at");
--> statement-breakpoint
CREATE INDEX "deals_tenant_company_idx" ON "deals" ("tenant_id","company_id") WHERE company_id IS NOT NULL
;
--> statement-breakpoint
CREATE INDEX "deals_tenant_contact_idx" ON "deals" ("tenant_id","contact_id") WHERE contact_id IS NOT NULL
;
--> statement-breakpoint
CREATE INDEX "deals_tenant_created_idx" ON "deals" ("tenant_id","created_at") WHERE deleted_at IS NULL;
--> statement-breakpoint
CREATE INDEX "deals_tenant_lead_idx" ON "deals" ("tenant_id","lead_id") WHERE lead_id IS NOT NULL
;
--> statement-breakpoint
CREATE INDEX "deals_tenant_owner_idx" ON "deals" ("tenant_id","owner","created_at") WHERE owner IS NOT NULL
;
--> statement-breakpoint
CREATE INDEX "deals_tenant_partner_idx" ON "deals" ("tenant_id","partner_id","created_at") WHERE partner_id IS NOT NULL
;
--> statement-breakpoint
CREATE INDEX "deals_tenant_pipeline_idx" ON "deals" ("tenant_id","pipeline_id","created_at");
--> statement-breakpoint
CREATE INDEX "deals_tenant_seq_idx" ON "deals" ("tenant_id","sync_seq");
--> statement-breakpoint
CREATE INDEX "deals_tenant_stage_idx" ON "deals" ("tenant_id","stage_id","created_at");
--> statement-breakpoint
CREATE INDEX "deals_tenant_status_idx" ON "deals" ("tenant_id","status","created_at","value") WHERE deleted_at IS NULL;
--> statement-breakpoint
CREATE INDEX "deals_tenant_updated_idx" ON "deals" ("tenant_id","updated_at","sync_seq");
--> statement-breakpoint
CREATE INDEX "deals_tenant_won_idx" ON "deals" ("tenant_id","won_at","value") WHERE status = 'won' AND deleted_at IS NULL;
--> statement-breakpoint
CREATE TABLE "documents" (
  "id" text NOT NULL,
  "tenant_id" text NOT NULL,
  "name" text NOT NULL,
  "description" text,
  "mime_type" text,
  "size" bigint,
  "sha256" text,
  "storage" text NOT NULL,
  "url" text,
  "deal_id" text,
  "lead_id" text,
  "contact_id" text,
  "company_id" text,
  "tags" text DEFAULT '[]' NOT NULL,
  "created_at" bigint NOT NULL,
  "updated_at" bigint NOT NULL,
  "deleted_at" bigint,
  "sync_seq" bigint NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE INDEX "documents_sha256_idx" ON "documents" ("sha256","deleted_at");
--> statement-breakpoint
CREATE INDEX "documents_tenant_company_idx" ON "documents" ("tenant_id","company_id");
--> statement-breakpoint
CREATE INDEX "documents_tenant_contact_idx" ON "documents" ("tenant_id","contact_id");
--> statement-breakpoint
CREATE INDEX "documents_tenant_created_idx" ON "documents" ("tenant_id","created_at");
--> statement-breakpoint
CREATE INDEX "documents_tenant_deal_idx" ON "documents" ("tenant_id","deal_id");
--> statement-breakpoint
CREATE INDEX "documents_tenant_lead_idx" ON "documents" ("tenant_id","lead_id");
--> statement-breakpoint
CREATE INDEX "documents_tenant_seq_idx" ON "documents" ("tenant_id","sync_seq");
--> statement-breakpoint
CREATE INDEX "documents_tenant_updated_idx" ON "documents" ("tenant_id","updated_at","sync_seq");
--> statement-breakpoint
CREATE TABLE "handoffs" (
  "id" text NOT NULL,
  "tenant_id" text NOT NULL,
  "entity_type" text NOT NULL,
  "entity_id" text NOT NULL,
  "from_owner" text,
  "to_owner" text,
  "from_pipeline_id" text,
  "to_pipeline_id" text,
  "to_stage_id" text,
  "status" text NOT NULL,
  "reason" text,
  "completed_at" bigint,
  "created_at" bigint NOT NULL,
  "updated_at" bigint NOT NULL,
  "deleted_at" bigint,
  "sync_seq" bigint NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE INDEX "handoffs_entity_idx" ON "handoffs" ("tenant_id","entity_type","entity_id");
--> statement-breakpoint
CREATE INDEX "handoffs_tenant_created_idx" ON "handoffs" ("tenant_id","created_at");
--> statement-breakpoint
CREATE INDEX "handoffs_tenant_seq_idx" ON "handoffs" ("tenant_id","sync_seq");
--> statement-breakpoint
CREATE INDEX "handoffs_tenant_status_idx" ON "handoffs" ("tenant_id","status","created_at");
--> statement-breakpoint
CREATE INDEX "handoffs_tenant_updated_idx" ON "handoffs" ("tenant_id","updated_at","sync_seq");
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
  "principal" text NOT NULL,
  "key" text NOT NULL,
  "request_hash" text NOT NULL,
  "status" bigint,
  "body" text,
  "created_at" bigint NOT NULL,
  "expires_at" bigint NOT NULL,
  PRIMARY KEY ("principal", "key")
);
--> statement-breakpoint
CREATE INDEX "idempotency_keys_expires_idx" ON "idempotency_keys" ("expires_at");
--> statement-breakpoint
CREATE TABLE "leads" (
  "id" text NOT NULL,
  "tenant_id" text NOT NULL,
  "name" text NOT NULL,
  "email" text,
  "phone" text,
  "company_name" text,
  "title" text,
  "source" text,
  "status" text NOT NULL,
  "tier" text,
  "score" bigint,
  "owner" text,
  "partner_id" text,
  "contact_id" text,
  "company_id" text,
  "pipeline_id" text,
  "stage_id" text,
  "stage_entered_at" bigint,
  "first_responded_at" bigint,
  "qualified_at" bigint,
  "disqualified_at" bigint,
  "disqualify_reason" text,
  "converted_at" bigint,
  "converted_deal_id" text,
  "notes" text,
  "tags" text DEFAULT '[]' NOT NULL,
  "custom_fields" text DEFAULT '{}' NOT NULL,
  "created_at" bigint NOT NULL,
  "updated_at" bigint NOT NULL,
  "deleted_at" bigint,
  "sync_seq" bigint NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE INDEX "leads_pipeline_created_idx" ON "leads" ("pipeline_id","created_at");
--> statement-breakpoint
CREATE INDEX "leads_seq_idx" ON "leads" ("sync_seq");
--> statement-breakpoint
CREATE INDEX "leads_stage_entered_idx" ON "leads" ("stage_id","stage_entered_at");
--> statement-breakpoint
CREATE INDEX "leads_tenant_created_idx" ON "leads" ("tenant_id","created_at") WHERE deleted_at IS NULL;
--> statement-breakpoint
CREATE INDEX "leads_tenant_owner_idx" ON "leads" ("tenant_id","owner","created_at") WHERE owner IS NOT NULL
;
--> statement-breakpoint
CREATE INDEX "leads_tenant_partner_idx" ON "leads" ("tenant_id","partner_id","created_at") WHERE partner_id IS NOT NULL
;
--> statement-breakpoint
CREATE INDEX "leads_tenant_pipeline_idx" ON "leads" ("tenant_id","pipeline_id","created_at");
--> statement-breakpoint
CREATE INDEX "leads_tenant_qualified_idx" ON "leads" ("tenant_id","qualified_at") WHERE deleted_at IS NULL;
--> statement-breakpoint
CREATE INDEX "leads_tenant_seq_idx" ON "leads" ("tenant_id","sync_seq");
--> statement-breakpoint
CREATE INDEX "leads_tenant_source_idx" ON "leads" ("tenant_id","source","created_at");
--> statement-breakpoint
CREATE INDEX "leads_tenant_stage_idx" ON "leads" ("tenant_id","stage_id","created_at");
--> statement-breakpoint
CREATE INDEX "leads_tenant_status_idx" ON "leads" ("tenant_id","status","created_at");
--> statement-breakpoint
CREATE INDEX "leads_tenant_tier_idx" ON "leads" ("tenant_id","tier","created_at");
--> statement-breakpoint
CREATE INDEX "leads_tenant_updated_idx" ON "leads" ("tenant_id","updated_at","sync_seq");
--> statement-breakpoint
CREATE TABLE "notes" (
  "id" text NOT NULL,
  "tenant_id" text NOT NULL,
  "entity_type" text NOT NULL,
  "entity_id" text NOT NULL,
  "text" text NOT NULL,
  "status" text,
  "attachments" text DEFAULT '[]' NOT NULL,
  "created_at" bigint NOT NULL,
  "updated_at" bigint NOT NULL,
  "deleted_at" bigint,
  "sync_seq" bigint NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE INDEX "notes_tenant_created_idx" ON "notes" ("tenant_id","created_at");
--> statement-breakpoint
CREATE INDEX "notes_tenant_entity_idx" ON "notes" ("tenant_id","entity_type","entity_id","created_at");
--> statement-breakpoint
CREATE INDEX "notes_tenant_seq_idx" ON "notes" ("tenant_id","sync_seq");
--> statement-breakpoint
CREATE INDEX "notes_tenant_updated_idx" ON "notes" ("tenant_id","updated_at","sync_seq");
--> statement-breakpoint
CREATE TABLE "outbox_events" (
  "seq" bigint GENERATED BY DEFAULT AS IDENTITY,
  "id" text NOT NULL,
  "tenant_id" text NOT NULL,
  "event_type" text NOT NULL,
  "entity_type" text,
  "entity_id" text,
  "body" text NOT NULL,
  "occurred_at" bigint NOT NULL,
  PRIMARY KEY ("seq"),
  UNIQUE ("id")
);
--> statement-breakpoint
CREATE INDEX "outbox_occurred_idx" ON "outbox_events" ("occurred_at");
--> statement-breakpoint
CREATE INDEX outbox_tenant_seq_idx ON outbox_events (tenant_id, seq);
--> statement-breakpoint
CREATE TABLE "partners" (
  "id" text NOT NULL,
  "tenant_id" text NOT NULL,
  "name" text NOT NULL,
  "partner_type" text DEFAULT 'referral' NOT NULL,
  "email" text,
  "phone" text,
  "website" text,
  "status" text DEFAULT 'active' NOT NULL,
  "commission_pct" double precision,
  "tags" text DEFAULT '[]' NOT NULL,
  "created_at" bigint NOT NULL,
  "updated_at" bigint NOT NULL,
  "deleted_at" bigint,
  "sync_seq" bigint NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE INDEX "partners_tenant_created_idx" ON "partners" ("tenant_id","created_at");
--> statement-breakpoint
CREATE UNIQUE INDEX "partners_tenant_name_idx" ON "partners" ("tenant_id","name") WHERE deleted_at IS NULL;
--> statement-breakpoint
CREATE INDEX "partners_tenant_seq_idx" ON "partners" ("tenant_id","sync_seq");
--> statement-breakpoint
CREATE INDEX "partners_tenant_updated_idx" ON "partners" ("tenant_id","updated_at","sync_seq");
--> statement-breakpoint
CREATE TABLE "pipelines" (
  "id" text NOT NULL,
  "tenant_id" text NOT NULL,
  "name" text NOT NULL,
  "pipeline_type" text NOT NULL,
  "is_default" bigint DEFAULT 0 NOT NULL,
  "first_response_hours" double precision,
  "created_at" bigint NOT NULL,
  "updated_at" bigint NOT NULL,
  "deleted_at" bigint,
  "sync_seq" bigint NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE INDEX "pipelines_tenant_seq_idx" ON "pipelines" ("tenant_id","sync_seq");
--> statement-breakpoint
CREATE INDEX "pipelines_tenant_type_idx" ON "pipelines" ("tenant_id","pipeline_type","created_at");
--> statement-breakpoint
CREATE TABLE "scheduler_jobs" (
  "job" text NOT NULL,
  "last_run_at" bigint NOT NULL,
  "last_run_by" text NOT NULL,
  "last_duration_ms" double precision NOT NULL,
  "last_outcome" text NOT NULL,
  "last_error" text,
  "watermark" bigint,
  "state" text,
  PRIMARY KEY ("job")
);
--> statement-breakpoint
CREATE TABLE "scheduler_leases" (
  "job" text NOT NULL,
  "holder" text NOT NULL,
  "expires_at" bigint NOT NULL,
  PRIMARY KEY ("job")
);
--> statement-breakpoint
CREATE TABLE "search_docs" (
  "doc_id" bigint GENERATED BY DEFAULT AS IDENTITY,
  "entity_type" text NOT NULL,
  "entity_id" text NOT NULL,
  PRIMARY KEY ("doc_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "search_docs_entity_idx" ON "search_docs" ("entity_type","entity_id")
;
--> statement-breakpoint
CREATE TABLE "search_pending" (
  "doc_id" bigint GENERATED BY DEFAULT AS IDENTITY,
  PRIMARY KEY ("doc_id")
);
--> statement-breakpoint
CREATE TABLE "sla_armed_policies" (
  "policy_key" text NOT NULL,
  "signature" text NOT NULL,
  "armed_at" bigint NOT NULL,
  PRIMARY KEY ("policy_key")
);
--> statement-breakpoint
CREATE TABLE "sla_emissions" (
  "id" text NOT NULL,
  "tenant_id" text NOT NULL,
  "entity_type" text NOT NULL,
  "entity_id" text NOT NULL,
  "event_type" text NOT NULL,
  "policy" text NOT NULL,
  "stage_id" text NOT NULL,
  "anchor_at" bigint NOT NULL,
  "due_at" bigint NOT NULL,
  "emitted_at" bigint NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "sla_emissions_clock_idx" ON "sla_emissions" ("entity_id","event_type","policy","stage_id","anchor_at");
--> statement-breakpoint
CREATE TABLE "stages" (
  "id" text NOT NULL,
  "tenant_id" text NOT NULL,
  "pipeline_id" text NOT NULL,
  "name" text NOT NULL,
  "position" bigint NOT NULL,
  "kind" text DEFAULT 'open' NOT NULL,
  "probability" bigint,
  "sla_hours" double precision,
  "sla_warning_pct" bigint DEFAULT 80 NOT NULL,
  "warn_before_minutes" bigint,
  "created_at" bigint NOT NULL,
  "updated_at" bigint NOT NULL,
  PRIMARY KEY ("id"),
  FOREIGN KEY ("pipeline_id") REFERENCES "pipelines" ("id")
);
--> statement-breakpoint
CREATE INDEX "stages_pipeline_idx" ON "stages" ("pipeline_id","position");
--> statement-breakpoint
CREATE INDEX "stages_tenant_name_idx" ON "stages" ("tenant_id","name");
--> statement-breakpoint
CREATE TABLE "tasks" (
  "id" text NOT NULL,
  "tenant_id" text NOT NULL,
  "title" text NOT NULL,
  "description" text,
  "status" text NOT NULL,
  "priority" text DEFAULT 'medium' NOT NULL,
  "due_at" bigint,
  "completed_at" bigint,
  "owner" text,
  "deal_id" text,
  "lead_id" text,
  "contact_id" text,
  "company_id" text,
  "tags" text DEFAULT '[]' NOT NULL,
  "created_at" bigint NOT NULL,
  "updated_at" bigint NOT NULL,
  "deleted_at" bigint,
  "sync_seq" bigint NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE INDEX "tasks_due_idx" ON "tasks" ("status","due_at");
--> statement-breakpoint
CREATE INDEX "tasks_seq_idx" ON "tasks" ("sync_seq");
--> statement-breakpoint
CREATE INDEX "tasks_tenant_company_idx" ON "tasks" ("tenant_id","company_id","created_at");
--> statement-breakpoint
CREATE INDEX "tasks_tenant_contact_idx" ON "tasks" ("tenant_id","contact_id","created_at");
--> statement-breakpoint
CREATE INDEX "tasks_tenant_created_idx" ON "tasks" ("tenant_id","created_at") WHERE deleted_at IS NULL;
--> statement-breakpoint
CREATE INDEX "tasks_tenant_deal_idx" ON "tasks" ("tenant_id","deal_id","created_at");
--> statement-breakpoint
CREATE INDEX "tasks_tenant_due_idx" ON "tasks" ("tenant_id","status","due_at","deleted_at");
--> statement-breakpoint
CREATE INDEX "tasks_tenant_lead_idx" ON "tasks" ("tenant_id","lead_id","created_at");
--> statement-breakpoint
CREATE INDEX "tasks_tenant_owner_idx" ON "tasks" ("tenant_id","owner","created_at");
--> statement-breakpoint
CREATE INDEX "tasks_tenant_priority_idx" ON "tasks" ("tenant_id","priority","created_at");
--> statement-breakpoint
CREATE INDEX "tasks_tenant_seq_idx" ON "tasks" ("tenant_id","sync_seq");
--> statement-breakpoint
CREATE INDEX "tasks_tenant_status_idx" ON "tasks" ("tenant_id","status","created_at");
--> statement-breakpoint
CREATE INDEX "tasks_tenant_updated_idx" ON "tasks" ("tenant_id","updated_at","sync_seq");
--> statement-breakpoint
CREATE TABLE "tenant_deal_totals" (
  "tenant_id" text NOT NULL,
  "open_value" bigint DEFAULT 0 NOT NULL,
  PRIMARY KEY ("tenant_id")
);
--> statement-breakpoint
CREATE TABLE "webhook_attempts" (
  "id" text NOT NULL,
  "delivery_id" text NOT NULL,
  "webhook_id" text NOT NULL,
  "attempt" bigint NOT NULL,
  "started_at" bigint NOT NULL,
  "finished_at" bigint NOT NULL,
  "status_code" bigint,
  "duration_ms" bigint,
  "error" text,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE INDEX "webhook_attempts_delivery_idx" ON "webhook_attempts" ("delivery_id","attempt");
--> statement-breakpoint
CREATE INDEX "webhook_attempts_webhook_started_idx" ON "webhook_attempts" ("webhook_id","started_at");
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
  "id" text NOT NULL,
  "tenant_id" text NOT NULL,
  "webhook_id" text NOT NULL,
  "event_id" text NOT NULL,
  "event_type" text NOT NULL,
  "event_seq" bigint,
  "entity_key" text,
  "payload" text,
  "status" text NOT NULL,
  "attempt_count" bigint DEFAULT 0 NOT NULL,
  "retry_index" bigint DEFAULT 0 NOT NULL,
  "next_attempt_at" bigint NOT NULL,
  "lease_token" text,
  "lease_until" bigint,
  "last_attempt_at" bigint,
  "last_status_code" bigint,
  "last_error" text,
  "last_duration_ms" bigint,
  "created_at" bigint NOT NULL,
  "updated_at" bigint NOT NULL,
  "completed_at" bigint,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE INDEX "webhook_deliveries_completed_idx" ON "webhook_deliveries" ("completed_at") WHERE completed_at IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" ("webhook_id","next_attempt_at","event_seq","lease_until") WHERE status = 'pending';
--> statement-breakpoint
CREATE INDEX "webhook_deliveries_entity_idx" ON "webhook_deliveries" ("webhook_id","entity_key","event_seq") WHERE status = 'pending';
--> statement-breakpoint
CREATE INDEX "webhook_deliveries_event_seq_idx" ON "webhook_deliveries" ("event_seq");
--> statement-breakpoint
CREATE INDEX "webhook_deliveries_leased_idx" ON "webhook_deliveries" ("webhook_id","lease_until") WHERE lease_token IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "webhook_deliveries_webhook_idx" ON "webhook_deliveries" ("webhook_id","created_at");
--> statement-breakpoint
CREATE TABLE "webhooks" (
  "id" text NOT NULL,
  "tenant_id" text NOT NULL,
  "url" text NOT NULL,
  "events" text NOT NULL,
  "is_active" bigint NOT NULL,
  "headers" text NOT NULL,
  "secret" text NOT NULL,
  "previous_secret" text,
  "previous_secret_expires_at" bigint,
  "from_seq" bigint NOT NULL,
  "disabled_reason" text,
  "disabled_at" bigint,
  "consecutive_failures" bigint DEFAULT 0 NOT NULL,
  "failing_since" bigint,
  "last_success_at" bigint,
  "last_failure_at" bigint,
  "created_at" bigint NOT NULL,
  "updated_at" bigint NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE INDEX "webhooks_active_tenant_idx" ON "webhooks" ("is_active","tenant_id");
--> statement-breakpoint
CREATE INDEX "webhooks_tenant_created_idx" ON "webhooks" ("tenant_id","created_at");
--> statement-breakpoint
INSERT INTO counters (name, value) VALUES ('sync', 0), ('webhook_fanout', 0), ('pipelines', 0);
