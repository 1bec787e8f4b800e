/**
 * Migrations, embedded into the binary as text. Append new files here in
 * order; an applied migration is never edited. Statements are separated by
 * `--> statement-breakpoint` (drizzle-kit's convention). A data change that
 * SQL cannot make alike on SQLite and PostgreSQL is a `run` step in
 * TypeScript, listed under the same id in both sequences.
 */
import type { Database, WriteTx } from "../client";
import { appendIndexWords } from "../search";
import core from "./0001_core.sql" with { type: "text" };
import sales from "./0002_sales.sql" with { type: "text" };
import crm from "./0003_crm.sql" with { type: "text" };
import salesFilters from "./0100_sales_filters.sql" with { type: "text" };
import workIndexes from "./0110_work_indexes.sql" with { type: "text" };
import partnerNames from "./0111_partner_names.sql" with { type: "text" };
import dealLeadFilterIndexes from "./0112_deal_lead_filter_indexes.sql" with { type: "text" };
import webhooks from "./0200_webhooks.sql" with { type: "text" };
import outboxPrune from "./0202_outbox_prune.sql" with { type: "text" };
import scheduler from "./0300_scheduler.sql" with { type: "text" };
import sla from "./0301_sla.sql" with { type: "text" };
import notesSearch from "./0400_notes_search.sql" with { type: "text" };
import idempotency from "./0401_idempotency.sql" with { type: "text" };
import calendar from "./0500_calendar.sql" with { type: "text" };
import documents from "./0501_documents.sql" with { type: "text" };
import sinceFeeds from "./0600_since_feeds.sql" with { type: "text" };
import dealTotals from "./0610_deal_totals.sql" with { type: "text" };
import defaultPipelineOrder from "./0620_default_pipeline_order.sql" with { type: "text" };
import searchDeferred from "./0700_search_deferred.sql" with { type: "text" };
import pipelinesVersion from "./0710_pipelines_version.sql" with { type: "text" };
import webhookClaimIndexes from "./0720_webhook_claim_indexes.sql" with { type: "text" };
import partialLinkIndexes from "./0730_partial_link_indexes.sql" with { type: "text" };
import pendingDeliveryIndexes from "./0740_pending_delivery_indexes.sql" with { type: "text" };
import rateLimitWindows from "./0850_rate_limit_windows.sql" with { type: "text" };
import conversations from "./0900_conversations.sql" with { type: "text" };
import widgetKeys from "./0901_widget_keys.sql" with { type: "text" };
import customFields from "./1000_custom_fields.sql" with { type: "text" };
import associations from "./1010_associations.sql" with { type: "text" };
import customObjects from "./1020_custom_objects.sql" with { type: "text" };
import mlsProperties from "./1030_mls_properties.sql" with { type: "text" };
import customFieldPartialIndexes from "./1040_custom_field_partial_indexes.sql" with {
  type: "text",
};
import customFieldValuesKeyed from "./1041_custom_field_values_keyed.sql" with { type: "text" };
import customRecordsSearch from "./1042_custom_records_search.sql" with { type: "text" };
import interactions from "./1100_interactions.sql" with { type: "text" };
import inboundSecrets from "./1110_inbound_secrets.sql" with { type: "text" };
import consent from "./1120_consent.sql" with { type: "text" };
import outboxTrace from "./1200_outbox_trace.sql" with { type: "text" };
import { foldCaselessValues } from "./1300_custom_field_caseless";
import webhookEarlierSecrets from "./1310_webhook_earlier_secrets.sql" with { type: "text" };
import widgetIdentityVerification from "./1320_widget_identity_verification.sql" with {
  type: "text",
};
import propertyMlsNumbers from "./1330_property_mls_numbers.sql" with { type: "text" };
import propertySearch from "./1331_property_search.sql" with { type: "text" };
import { indexPhoneWords } from "./1340_phone_search";
import { keyLongValues } from "./1350_custom_field_long_keys";
import interactionPendingRecipients from "./1360_interaction_pending_recipients.sql" with {
  type: "text",
};
import messageSentOrder from "./1370_message_sent_order.sql" with { type: "text" };
import conversationActivityOrder from "./1371_conversation_activity_order.sql" with {
  type: "text",
};
import { trimAssignees } from "./1372_conversation_assignees_trimmed";
import apiKeySharedRateLimit from "./1380_api_key_shared_rate_limit.sql" with { type: "text" };
import tenantSmsNumbers from "./1381_tenant_sms_numbers.sql" with { type: "text" };
import webhookCatchups from "./1400_webhook_catchups.sql" with { type: "text" };
import messageExternalIdLive from "./1410_message_external_id_live.sql" with { type: "text" };
import { markWidgetOpened } from "./1411_conversation_visitor_identity";
import conversationVisitorIdentity from "./1411_conversation_visitor_identity.sql" with {
  type: "text",
};
import emailBounces from "./1420_email_bounces.sql" with { type: "text" };
import { keepOptOutsPerAddress } from "./1421_opt_outs_per_address";
import documentContents from "./1460_document_contents.sql" with { type: "text" };
import { showOptOutsOnContacts } from "./1470_contact_opt_out_flags";
import { recordTextedStops } from "./1471_texted_stops";
import conversationVisitor from "./1490_conversation_visitor.sql" with { type: "text" };
import emailRelayIds from "./1500_email_relay_ids.sql" with { type: "text" };
import { sealWebhookHeaders } from "./1530_webhook_header_values";
import activityEntityIndex from "./1570_activity_entity_index.sql" with { type: "text" };
import documentContentKeys from "./1590_document_content_keys.sql" with { type: "text" };
import channelConversations from "./1720_channel_conversations.sql" with { type: "text" };
import idempotencyVersions from "./1740_idempotency_versions.sql" with { type: "text" };
import conversationParticipants from "./1760_conversation_participants.sql" with { type: "text" };
import teamEmailAddresses from "./1780_team_email_addresses.sql" with { type: "text" };
import teamEmailAddressLookup from "./1800_team_email_address_lookup.sql" with { type: "text" };

export interface Migration {
  id: string;
  sql: string;
  /** A data step SQL cannot do alike on both dialects, run after `sql` in its transaction. */
  run?: (tx: WriteTx, step: MigrationStep) => Promise<void>;
}

/** What a migration's data step gets beside its transaction. */
export interface MigrationStep {
  /** The database's Database.foldCase (JavaScript's toLowerCase in SQL, where it has it). */
  foldCase: Database["foldCase"];
  /** Tells how far a long step is: `done` of `total` rows. */
  progress(done: number, total: number): void;
  /**
   * Encrypts a secret to store (src/secrets.ts SecretBox.seal under the
   * configured key); absent where no key is given (a new, empty database).
   */
  seal?: (plain: string) => string;
}

const all: Migration[] = [
  { id: "0001_core", sql: core },
  { id: "0002_sales", sql: sales },
  { id: "0003_crm", sql: crm },
  { id: "0100_sales_filters", sql: salesFilters },
  { id: "0400_notes_search", sql: notesSearch },
  { id: "0401_idempotency", sql: idempotency },
  { id: "0500_calendar", sql: calendar },
  { id: "0501_documents", sql: documents },
  { id: "0600_since_feeds", sql: sinceFeeds },
  { id: "0610_deal_totals", sql: dealTotals },
  { id: "0620_default_pipeline_order", sql: defaultPipelineOrder },
  { id: "0700_search_deferred", sql: searchDeferred },
  { id: "0710_pipelines_version", sql: pipelinesVersion },
  { id: "0720_webhook_claim_indexes", sql: webhookClaimIndexes },
  { id: "0730_partial_link_indexes", sql: partialLinkIndexes },
  { id: "0740_pending_delivery_indexes", sql: pendingDeliveryIndexes },
  { id: "0900_conversations", sql: conversations },
  { id: "0901_widget_keys", sql: widgetKeys },
  { id: "1100_interactions", sql: interactions },
  { id: "1110_inbound_secrets", sql: inboundSecrets },
  { id: "1120_consent", sql: consent },
  { id: "1200_outbox_trace", sql: outboxTrace },
  { id: "0300_scheduler", sql: scheduler },
  { id: "0301_sla", sql: sla },
  { id: "0200_webhooks", sql: webhooks },
  { id: "0202_outbox_prune", sql: outboxPrune },
  { id: "0110_work_indexes", sql: workIndexes },
  { id: "0111_partner_names", sql: partnerNames },
  { id: "0112_deal_lead_filter_indexes", sql: dealLeadFilterIndexes },
  { id: "1000_custom_fields", sql: customFields },
  { id: "1010_associations", sql: associations },
  { id: "1020_custom_objects", sql: customObjects },
  { id: "1030_mls_properties", sql: mlsProperties },
  { id: "1040_custom_field_partial_indexes", sql: customFieldPartialIndexes },
  { id: "1041_custom_field_values_keyed", sql: customFieldValuesKeyed },
  { id: "1042_custom_records_search", sql: customRecordsSearch },
  { id: "1300_custom_field_caseless", sql: "", run: foldCaselessValues },
  { id: "1310_webhook_earlier_secrets", sql: webhookEarlierSecrets },
  { id: "1320_widget_identity_verification", sql: widgetIdentityVerification },
  { id: "1330_property_mls_numbers", sql: propertyMlsNumbers },
  { id: "1331_property_search", sql: propertySearch },
  { id: "1340_phone_search", sql: "", run: indexPhoneWords(appendIndexWords) },
  { id: "1350_custom_field_long_keys", sql: "", run: keyLongValues },
  { id: "1360_interaction_pending_recipients", sql: interactionPendingRecipients },
  { id: "1370_message_sent_order", sql: messageSentOrder },
  { id: "1371_conversation_activity_order", sql: conversationActivityOrder },
  { id: "1372_conversation_assignees_trimmed", sql: "", run: trimAssignees },
  { id: "1380_api_key_shared_rate_limit", sql: apiKeySharedRateLimit },
  { id: "1381_tenant_sms_numbers", sql: tenantSmsNumbers },
  { id: "1400_webhook_catchups", sql: webhookCatchups },
  { id: "1410_message_external_id_live", sql: messageExternalIdLive },
  {
    id: "1411_conversation_visitor_identity",
    sql: conversationVisitorIdentity,
    run: markWidgetOpened,
  },
  { id: "1420_email_bounces", sql: emailBounces },
  { id: "1421_opt_outs_per_address", sql: "", run: keepOptOutsPerAddress },
  { id: "1460_document_contents", sql: documentContents },
  { id: "1470_contact_opt_out_flags", sql: "", run: showOptOutsOnContacts },
  { id: "1471_texted_stops", sql: "", run: recordTextedStops },
  { id: "1490_conversation_visitor", sql: conversationVisitor },
  { id: "1720_channel_conversations", sql: channelConversations },
  { id: "1740_idempotency_versions", sql: idempotencyVersions },
  { id: "1760_conversation_participants", sql: conversationParticipants },
  { id: "1780_team_email_addresses", sql: teamEmailAddresses },
  { id: "1800_team_email_address_lookup", sql: teamEmailAddressLookup },
  { id: "1500_email_relay_ids", sql: emailRelayIds },
  { id: "1530_webhook_header_values", sql: "", run: sealWebhookHeaders },
  { id: "1570_activity_entity_index", sql: activityEntityIndex },
  { id: "1590_document_content_keys", sql: documentContentKeys },
  { id: "0850_rate_limit_windows", sql: rateLimitWindows },
];

/** Applied in id order, whatever the order of the lines above. */
export const migrations: Migration[] = all.sort((a, b) => a.id.localeCompare(b.id));
