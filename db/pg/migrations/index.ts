/**
 * PostgreSQL migrations, embedded into the binary as text, in their own
 * sequence (the SQLite ones are db/migrations). A table added to the SQLite
 * schema needs its PostgreSQL migration here too, under the same id
 * (`bun scripts/pg-schema.ts TABLE…` writes the DDL);
 * tests/dialect-parity.test.ts fails until it exists.
 */
import type { Migration } from "../../migrations";
import { foldCaselessValues } from "../../migrations/1300_custom_field_caseless";
import { indexPhoneWords } from "../../migrations/1340_phone_search";
import { keyLongValues } from "../../migrations/1350_custom_field_long_keys";
import { trimAssignees } from "../../migrations/1372_conversation_assignees_trimmed";
import { markWidgetOpened } from "../../migrations/1411_conversation_visitor_identity";
import { keepOptOutsPerAddress } from "../../migrations/1421_opt_outs_per_address";
import { showOptOutsOnContacts } from "../../migrations/1470_contact_opt_out_flags";
import { recordTextedStops } from "../../migrations/1471_texted_stops";
import { sealWebhookHeaders } from "../../migrations/1530_webhook_header_values";
import { appendIndexWords } from "../search";
import schema from "./0001_schema.sql" with { type: "text" };
import triggersViewsSearch from "./0002_triggers_views_search.sql" with { type: "text" };
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
import searchQuery from "./1210_search_query.sql" with { type: "text" };
import searchUnicodeCollation from "./1211_search_unicode_collation.sql" with { type: "text" };
import searchHeadline from "./1212_search_headline.sql" with { type: "text" };
import foldCase from "./1213_fold_case.sql" with { type: "text" };
import webhookEarlierSecrets from "./1310_webhook_earlier_secrets.sql" with { type: "text" };
import widgetIdentityVerification from "./1320_widget_identity_verification.sql" with {
  type: "text",
};
import propertyMlsNumbers from "./1330_property_mls_numbers.sql" with { type: "text" };
import propertySearch from "./1331_property_search.sql" with { type: "text" };
import interactionPendingRecipients from "./1360_interaction_pending_recipients.sql" with {
  type: "text",
};
import messageSentOrder from "./1370_message_sent_order.sql" with { type: "text" };
import conversationActivityOrder from "./1371_conversation_activity_order.sql" with {
  type: "text",
};
import apiKeySharedRateLimit from "./1380_api_key_shared_rate_limit.sql" with { type: "text" };
import tenantSmsNumbers from "./1381_tenant_sms_numbers.sql" with { type: "text" };
import webhookCatchups from "./1400_webhook_catchups.sql" with { type: "text" };
import messageExternalIdLive from "./1410_message_external_id_live.sql" with { type: "text" };
import conversationVisitorIdentity from "./1411_conversation_visitor_identity.sql" with {
  type: "text",
};
import emailBounces from "./1420_email_bounces.sql" with { type: "text" };
import searchFold from "./1440_search_fold.sql" with { type: "text" };
import documentContents from "./1460_document_contents.sql" with { type: "text" };
import conversationVisitor from "./1490_conversation_visitor.sql" with { type: "text" };
import emailRelayIds from "./1500_email_relay_ids.sql" with { type: "text" };
import dealInsertRows from "./1510_deal_insert_rows.sql" with { type: "text" };
import activityEntityIndex from "./1570_activity_entity_index.sql" with { type: "text" };
import documentContentKeys from "./1590_document_content_keys.sql" with { type: "text" };
import channelConversations from "./1720_channel_conversations.sql" with { type: "text" };
import idempotencyVersions from "./1740_idempotency_versions.sql" with { type: "text" };
import conversationParticipants from "./1760_conversation_participants.sql" with { type: "text" };
import teamEmailAddresses from "./1780_team_email_addresses.sql" with { type: "text" };
import teamEmailAddressLookup from "./1800_team_email_address_lookup.sql" with { type: "text" };
import searchQueueLocks from "./1820_search_queue_locks.sql" with { type: "text" };

export const postgresMigrations: Migration[] = [
  { id: "0001_schema", sql: schema },
  { id: "0002_triggers_views_search", sql: triggersViewsSearch },
  { id: "0850_rate_limit_windows", sql: rateLimitWindows },
  { id: "0900_conversations", sql: conversations },
  { id: "0901_widget_keys", sql: widgetKeys },
  { id: "1000_custom_fields", sql: customFields },
  { id: "1010_associations", sql: associations },
  { id: "1020_custom_objects", sql: customObjects },
  { id: "1030_mls_properties", sql: mlsProperties },
  { id: "1040_custom_field_partial_indexes", sql: customFieldPartialIndexes },
  { id: "1041_custom_field_values_keyed", sql: customFieldValuesKeyed },
  { id: "1042_custom_records_search", sql: customRecordsSearch },
  { id: "1100_interactions", sql: interactions },
  { id: "1110_inbound_secrets", sql: inboundSecrets },
  { id: "1120_consent", sql: consent },
  { id: "1200_outbox_trace", sql: outboxTrace },
  { id: "1210_search_query", sql: searchQuery },
  { id: "1211_search_unicode_collation", sql: searchUnicodeCollation },
  { id: "1212_search_headline", sql: searchHeadline },
  { id: "1213_fold_case", sql: foldCase },
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
  { id: "1440_search_fold", sql: searchFold },
  { id: "1460_document_contents", sql: documentContents },
  { id: "1470_contact_opt_out_flags", sql: "", run: showOptOutsOnContacts },
  { id: "1471_texted_stops", sql: "", run: recordTextedStops },
  { id: "1490_conversation_visitor", sql: conversationVisitor },
  { id: "1720_channel_conversations", sql: channelConversations },
  { id: "1500_email_relay_ids", sql: emailRelayIds },
  { id: "1510_deal_insert_rows", sql: dealInsertRows },
  { id: "1530_webhook_header_values", sql: "", run: sealWebhookHeaders },
  { id: "1570_activity_entity_index", sql: activityEntityIndex },
  { id: "1590_document_content_keys", sql: documentContentKeys },
  { id: "1740_idempotency_versions", sql: idempotencyVersions },
  { id: "1760_conversation_participants", sql: conversationParticipants },
  { id: "1780_team_email_addresses", sql: teamEmailAddresses },
  { id: "1800_team_email_address_lookup", sql: teamEmailAddressLookup },
  { id: "1820_search_queue_locks", sql: searchQueueLocks },
];
