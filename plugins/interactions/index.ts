import { Elysia, t } from "elysia";
import { interactions } from "../../db/schema";
import {
  type AppContext,
  allows,
  authMacros,
  ConfigError,
  ErrorBody,
  errorResponses,
  forbidden,
  IdParams,
  listJson,
  listResponse,
  registerEventTypes,
  registerOwnAuthentication,
  registerOwnAuthenticationAt,
  registerVersionedRecords,
  type Scope,
  sameVersion,
  ValidationErrorBody,
  writeScope,
} from "../../src/core";
import { Suppression } from "../contacts";
import { registerReplySender } from "../conversations";
import { documentFiles } from "../documents";
import type { Channel } from "./channel";
import { isMailbox, queueEmail } from "./email";
import { receiveEmail } from "./inbound";
import { assertHoldsRelayScopes, inboundTenant, rotateInboundSecret } from "./inbound-secret";
import {
  CreateCall,
  InboundSecret,
  Interaction,
  type InteractionView,
  SendEmail,
  SendSms,
  StatusCallbackQuery,
  TeamAddressList,
  TenantParams,
  TimelineQuery,
  UpdateCall,
  WrittenInteraction,
} from "./model";
import { conversationReplies } from "./replies";
import { OutboundSender } from "./sender";
import { getInteraction, logCall, updateCall } from "./service";
import { SES_OUTCOMES, sesWebhook } from "./ses";
import { queueSms, receiveSms, smsStatus } from "./sms";
import { smtpChannel } from "./smtp";
import {
  deleteSuppression,
  getSuppression,
  listSuppressions,
  SuppressionChannelQuery,
  SuppressionListQuery,
  SuppressionParams,
} from "./suppressions";
import { setTeamAddresses, teamAddressList } from "./team-addresses";
import { placeholdersOf } from "./template";
import { listTimeline } from "./timeline";
import { twilioChannel } from "./twilio";
import { EMPTY_TWIML, signedTwilioForm, type TwilioForm, twilioRequest } from "./twilio-requests";

/** PATCH, PUT, DELETE and actions on `/calls/:id` honour If-Match on its version. */
registerVersionedRecords("/calls/:id", interactions);

registerEventTypes([
  "call.started",
  "call.ended",
  "email.sent",
  "email.failed",
  "email.bounced",
  "email.received",
  "sms.sent",
  "sms.failed",
  "sms.delivered",
  "sms.received",
]);
registerOwnAuthentication("/sms/inbound/twilio", ["application/x-www-form-urlencoded"]);
registerOwnAuthentication("/sms/status/twilio", ["application/x-www-form-urlencoded"]);
registerOwnAuthentication("/email/inbound", [
  "message/rfc822",
  "text/plain",
  "application/octet-stream",
]);

const tags = ["interactions"];

/**
 * Sending to a contact reads it: its address (contact_id), its company, and
 * the `{{contact.*}}` placeholders filled from it all show in the answer. A
 * key without contacts:read may send to addresses, with its own variables,
 * but not address a contact: 403, before any record is looked up.
 */
function assertReadsAddressedContact(
  scopes: ReadonlySet<Scope>,
  body: {
    contact_id?: string;
    subject?: string;
    text?: string;
    html?: string;
    variables?: Record<string, unknown>;
  },
): void {
  if (allows(scopes, "contacts:read")) return;
  if (body.contact_id !== undefined)
    throw forbidden("Sending to a contact (contact_id) needs the contacts:read permission");
  const templates = [body.subject, body.text, body.html].filter((t) => t !== undefined);
  const fromContact = templates
    .flatMap(placeholdersOf)
    .find((name) => name.startsWith("contact.") && body.variables?.[name] === undefined);
  if (fromContact !== undefined)
    throw forbidden(`{{${fromContact}}} is filled from the contact: it needs contacts:read`);
}

/**
 * Answering an email (in_reply_to) reads it: its Message-ID and thread go
 * into the reply's headers and answer, and the reply takes its deal and
 * company. A key without interactions:read may not: 403, before any
 * record is looked up, so an id it was never shown confirms nothing.
 */
function assertReadsAnsweredEmail(scopes: ReadonlySet<Scope>, body: { in_reply_to?: string }) {
  if (body.in_reply_to !== undefined && !allows(scopes, "interactions:read"))
    throw forbidden("Answering an email (in_reply_to) reads it: it needs interactions:read");
}

/**
 * The answer to a send or a call write. Its `contact_id` and `company_id`
 * are the interaction's own fields, which GET /interactions/{id} shows with
 * interactions:read; crmd may have found them itself (the contact having a
 * `to` address, the contact's company), which is reading contacts. A key
 * holding neither interactions:read nor contacts:read gets them left out
 * (docs/conventions.md: what a key may not read is left out); the
 * interaction is linked all the same.
 */
function answerTo(scopes: ReadonlySet<Scope>, view: InteractionView) {
  if (allows(scopes, "interactions:read") || allows(scopes, "contacts:read")) return view;
  const { contact_id: _contact, company_id: _company, ...shown } = view;
  return sameVersion(shown, view);
}

/**
 * The outbound sender runs as a background worker with a channel per
 * configured provider; without one, messages of that type stay queued.
 * Tests reach it through ctx.workers to drive it step by step.
 */
function startSending(ctx: AppContext) {
  const { emailFrom } = ctx.config;
  // Refused at start: every email left to the default would fail to send.
  if (emailFrom !== undefined && !isMailbox(emailFrom))
    throw new ConfigError(
      `CRMD_EMAIL_FROM must be an email address (address, or Name <address>), got "${emailFrom}"`,
    );
  const channels = new Map<string, Channel>();
  if (ctx.config.smtpUrl) channels.set("email", smtpChannel(ctx, ctx.config.smtpUrl));
  else ctx.logger.warn("email sending is not configured (CRMD_SMTP_URL): emails stay queued");
  const {
    twilioAccountSid: accountSid,
    twilioAuthToken: authToken,
    twilioApiUrl: apiUrl,
  } = ctx.config;
  if (ctx.config.smsProvider === "twilio" && accountSid && authToken)
    channels.set("sms", twilioChannel(ctx, { accountSid, authToken, apiUrl }));
  ctx.workers.push(new OutboundSender(ctx, channels));
  // Agents' replies in email and SMS conversations go out through the same queue.
  registerReplySender(ctx, conversationReplies(ctx));
}

/** Where Twilio posts the incoming messages of every tenant's numbers: the To number names the tenant. */
export const TWILIO_WEBHOOK = "/api/twilio/webhook";
registerOwnAuthenticationAt(TWILIO_WEBHOOK, ["application/x-www-form-urlencoded"]);

const INBOUND_SMS_RESPONSES = {
  200: t.String({ contentMediaType: "text/xml", description: "Empty TwiML: no reply" }),
  ...errorResponses,
};

/**
 * Records the SMS in a form Twilio signed, for the tenant (null: the one its
 * To number is recorded for), and answers Twilio with empty TwiML.
 */
async function inboundSms(ctx: AppContext, tenantId: string | null, form: TwilioForm) {
  await receiveSms(ctx, tenantId, {
    messageSid: form.MessageSid ?? "",
    from: form.From ?? "",
    to: form.To ?? "",
    body: form.Body ?? "",
    optOutType: form.OptOutType,
  });
  return new Response(EMPTY_TWIML, { headers: { "content-type": "text/xml" } });
}

/** Twilio's incoming-message webhook outside /api/external: the tenant is found by the To number. */
export const twilioWebhookPlugin = (ctx: AppContext) =>
  new Elysia({ name: "crmd.twilio-webhook" }).post(
    TWILIO_WEBHOOK,
    async ({ request, body }) => inboundSms(ctx, null, signedTwilioForm(ctx, request, body)),
    {
      response: INBOUND_SMS_RESPONSES,
      detail: {
        operationId: "receiveTwilioWebhook",
        summary:
          "Twilio's incoming-message webhook for any tenant's number: records an inbound SMS",
        description:
          "One URL for every number (`https://crm.example.com/api/twilio/webhook`): the SMS is recorded for the tenant its To number is recorded for (the operator's sms_numbers of the tenant), as POST /api/external/sms/inbound/twilio/{tenant_id} records it for the tenant it names: linked to the contact with the From number, STOP-like keywords opting out and START-like ones back in, sms.received, an SMS conversation; Twilio's retry of a MessageSid is recorded once. Requests must carry a valid X-Twilio-Signature over this URL (CRMD_PUBLIC_URL and the path when set) and the form: without one 401, a wrong one 403. A To that no tenant has recorded is 404 NOT_FOUND and nothing is recorded: the message is no tenant's, and Twilio does not retry an error answer to an incoming message (unless the URL's connection overrides ask it to) but shows it in its debugger (error 11200), where the operator sees the number to record.",
        security: [{ TwilioSignature: [] }],
        tags,
      },
    },
  );

/** Where an SNS topic's HTTP(S) subscription posts SES's received email for every tenant. */
export const SES_WEBHOOK = "/api/ses/webhook";
// SNS posts its JSON as text/plain.
registerOwnAuthenticationAt(SES_WEBHOOK, ["text/plain"]);

const SesWebhookAnswer = t.Object({
  outcome: t.UnionEnum(SES_OUTCOMES, {
    description: "What crmd did with the message (docs/communications.md#amazon-ses)",
  }),
});

/** Amazon SES's received email through SNS, outside /api/external: the recipients name the tenant. */
export const sesWebhookPlugin = (ctx: AppContext) => {
  const receive = sesWebhook(ctx, documentFiles(ctx));
  return new Elysia({ name: "crmd.ses-webhook" }).post(
    SES_WEBHOOK,
    async ({ request, body }) => receive(request.headers, body as Uint8Array),
    {
      parse: async ({ request }) => new Uint8Array(await request.arrayBuffer()),
      // No API key, nor a rate limit: no 401 or 429. A 502 is SNS's to retry.
      response: {
        200: SesWebhookAnswer,
        400: ErrorBody,
        403: ErrorBody,
        404: ErrorBody,
        422: ValidationErrorBody,
        502: ErrorBody,
      },
      detail: {
        operationId: "receiveSesWebhook",
        summary:
          "Amazon SNS's HTTPS subscription for SES received email: records it for its tenant",
        description:
          "The endpoint of an SNS topic that SES receipt rules publish received email to (an SNS action). Only topics listed in CRMD_SES_TOPIC_ARNS are taken (none listed: 404), another topic is 403, and every message must carry SNS's signature: SignatureVersion 1 (SHA1withRSA) or 2 (SHA256withRSA) over its fields, verified with the certificate at SigningCertURL, which must be on a host of CRMD_SES_CERT_HOSTS (default `sns.<region>.amazonaws.com`); unsigned, badly signed or a certificate elsewhere is 403 and nothing is recorded. A certificate that cannot be fetched is 502 (SNS retries). A SubscriptionConfirmation is confirmed by GETting its SubscribeURL (on an allowed host only); an UnsubscribeConfirmation is logged. A Notification of a received email (`notificationType` Received, SNS action with the raw email in `content`, UTF8 or BASE64) is recorded as POST /api/external/email/inbound records it (contact, thread, conversation, email.received; the same Message-ID once, so SNS's retries add nothing) for each tenant whose team addresses (PUT /api/external/email/team-addresses) hold one of `receipt.recipients`, by address, else by domain; a recipient that several tenants list alike is none of theirs. No tenant: 200 `no_tenant`, nothing recorded, a warning logged. A notification without `content` (an S3 action) is 200 `no_content` with a warning: crmd needs the SNS action. An email SES's scan found a virus in (`receipt.virusVerdict` FAIL) is 200 `virus`, not recorded.",
        requestBody: {
          required: true,
          content: {
            "text/plain": {
              schema: {
                type: "string",
                contentMediaType: "application/json",
                description: "The SNS message, JSON, as SNS posts it",
              },
            },
          },
        },
        tags,
      },
    },
  );
};

/** Calls, email and the interactions timeline (emails, SMS, calls, notes, meetings). */
export const interactionsPlugin = (ctx: AppContext) => {
  startSending(ctx);
  const files = documentFiles(ctx);
  return new Elysia({ name: "crmd.interactions" })
    .use(authMacros)
    .get(
      "/interactions",
      async ({ query, tenantId, scopes }) =>
        listJson("interactions", await listTimeline(ctx, tenantId, scopes, query)),
      {
        scope: "interactions:read",
        query: TimelineQuery,
        response: { 200: listResponse("interactions", Interaction), ...errorResponses },
        detail: {
          summary: "A record's timeline: notes, emails, SMS, calls and meetings, newest first",
          description:
            "Filter by contact_id, company_id or deal_id (all given must match) and type. Emails, SMS and calls link to the contact, its company and a deal; notes to the one record they are attached to; meetings to their contact, attendees and deal (company_id: meetings attended by the company's contacts). `since` / `cursor` turn the list into a change feed across all of them (oldest change first, deletions as tombstones). Notes need notes:read and meetings calendar:read as well: without it they are left out, and asking for that type is 403.",
          tags,
        },
      },
    )
    .get(
      "/suppressions",
      async ({ query, tenantId }) =>
        listJson("suppressions", await listSuppressions(ctx, tenantId, query)),
      {
        scope: "suppressions:read",
        query: SuppressionListQuery,
        response: { 200: listResponse("suppressions", Suppression), ...errorResponses },
        detail: {
          summary: "The suppression list: addresses and numbers sends are refused to",
          description:
            "Per tenant: email addresses that bounced (reason bounce, the server's diagnostic in detail) or opted out, and phone numbers that opted out of SMS (a stop keyword, or a contact's sms_opt_out). A send to one is 409 ADDRESS_BOUNCED or OPTED_OUT. Filters: channel, reason, address. Newest first by page; with `cursor`, oldest first after the cursor (keep `next_cursor`). Entries joining and leaving the list are the events suppression.created and suppression.deleted.",
          tags,
        },
      },
    )
    .get(
      "/suppressions/:address",
      ({ params, query, tenantId }) => getSuppression(ctx, tenantId, params.address, query.channel),
      {
        scope: "suppressions:read",
        params: SuppressionParams,
        query: SuppressionChannelQuery,
        response: { 200: Suppression, ...errorResponses },
        detail: {
          summary: "Whether an address or number is suppressed, and why",
          description: "404 when sends to it are not refused by the list.",
          tags,
        },
      },
    )
    .delete(
      "/suppressions/:address",
      async ({ params, query, tenantId, actor, set }) => {
        await deleteSuppression(
          ctx,
          writeScope(ctx, tenantId, actor),
          params.address,
          query.channel,
        );
        set.status = 204;
      },
      {
        scope: "suppressions:write",
        params: SuppressionParams,
        query: SuppressionChannelQuery,
        response: { 204: t.Void(), ...errorResponses, 409: ErrorBody },
        detail: {
          summary: "Lift an email suppression (a bounced mailbox that works again)",
          description:
            "Sends to the address are allowed again (suppression.deleted). Lifting an opt-out is the person opting back in: contacts having the address get email_opt_out false (contact.updated). An SMS opt-out cannot be lifted here (409 OPTED_OUT): the recipient texts START (carrier rules), or an opt-out recorded through the API is lifted with sms_opt_out false on the contact. 404 when the address is not on the list.",
          tags,
        },
      },
    )
    .get("/interactions/:id", ({ params, tenantId }) => getInteraction(ctx, tenantId, params.id), {
      scope: "interactions:read",
      params: IdParams,
      response: { 200: Interaction, ...errorResponses },
      detail: { summary: "Get an email, SMS or call", tags },
    })
    .post(
      "/email/send",
      async ({ body, tenantId, actor, scopes, set }) => {
        // Attaching a document sends its content: as much a read as downloading it.
        if (body.attachments?.length && !allows(scopes, "documents:read"))
          throw forbidden("Attaching documents needs the documents:read permission");
        assertReadsAddressedContact(scopes, body);
        assertReadsAnsweredEmail(scopes, body);
        set.status = 202;
        return answerTo(scopes, await queueEmail(ctx, writeScope(ctx, tenantId, actor), body));
      },
      {
        scope: "email:send",
        body: SendEmail,
        response: { 202: WrittenInteraction, ...errorResponses, 409: ErrorBody },
        detail: {
          operationId: "sendEmail",
          summary: "Send an email (queued; answered 202 with the interaction, status queued)",
          description:
            "The email is queued in the transaction that records it and sent over SMTP by a background worker, with retries; its status becomes sent or failed (with the server's answer) and email.sent / email.failed are emitted. Attachments need documents:read as well (403), contact_id or {{contact.*}} placeholders filled from the contact need contacts:read, in_reply_to interactions:read (403). A recipient in To, Cc or Bcc who opted out (the contact's email_opt_out) is 409 OPTED_OUT, an address that bounced 409 ADDRESS_BOUNCED; one who opts out while the email is queued makes it failed, not sent. Counts against the tenant's hourly send limit (429).",
          tags,
        },
      },
    )
    .post(
      "/email/inbound-secret",
      async ({ tenantId, scopes, set }) => {
        assertHoldsRelayScopes(scopes);
        set.status = 201;
        return rotateInboundSecret(ctx, tenantId);
      },
      {
        scope: "keys:manage",
        response: { 201: InboundSecret, ...errorResponses },
        detail: {
          operationId: "rotateEmailInboundSecret",
          summary: "Create or rotate the tenant's inbound email secret (shown once)",
          description:
            "Relays post received email to POST /email/inbound with this secret as the password of HTTP Basic auth (`https://relay:<secret>@crm.example.com/api/external/email/inbound`) or in `X-Inbound-Secret`. Rotating retires the previous secret at once. Besides keys:manage the calling key needs contacts:write, documents:write and interactions:read: what the relay does.",
          tags,
        },
      },
    )
    .get(
      "/email/team-addresses",
      async ({ tenantId }) => ({ addresses: await teamAddressList(ctx.db.read, tenantId) }),
      {
        scope: "interactions:read",
        response: { 200: TeamAddressList, ...errorResponses },
        detail: {
          operationId: "getEmailTeamAddresses",
          summary: "The team's own email addresses and domains",
          description:
            "The mailboxes received email treats as the team's (see PUT /email/team-addresses); CRMD_EMAIL_FROM, always the team's, is not listed.",
          tags,
        },
      },
    )
    .put(
      "/email/team-addresses",
      async ({ body, tenantId }) => ({
        addresses: await setTeamAddresses(ctx, tenantId, body.addresses),
      }),
      {
        scope: "keys:manage",
        body: TeamAddressList,
        response: { 200: TeamAddressList, ...errorResponses },
        detail: {
          operationId: "setEmailTeamAddresses",
          summary: "Replace the team's own email addresses and domains",
          description:
            "The tenant's support inboxes and agents' addresses (`support@acme.com`, `sales@acme.com`) and whole domains (`@acme.com`), replacing the list (`[]`: none). Entries are matched in any case, stored lower case, each once, in the order given; one that is neither an address nor `@domain` is 422 at `/addresses/<i>`. Received email then never makes one of them a participant of an email conversation, an agent's reply never Cc's one (also one recorded as a participant before), and an email from one of them is the team's: in a conversation's thread it becomes an agent message (author_id the address; not sent again), elsewhere it opens no conversation. The list is this tenant's only. Needs keys:manage: it decides which emails count as the customer's.",
          tags,
        },
      },
    )
    .post(
      "/email/inbound",
      async ({ request, body, set }) => {
        const tenantId = await inboundTenant(ctx, request.headers);
        const { view, created } = await receiveEmail(ctx, files, tenantId, body as Uint8Array);
        set.status = view === null ? 204 : created ? 201 : 200;
        return view ?? undefined;
      },
      {
        parse: async ({ request }) => new Uint8Array(await request.arrayBuffer()),
        response: { 200: Interaction, 201: Interaction, 204: t.Void(), ...errorResponses },
        detail: {
          operationId: "receiveInboundEmail",
          summary: "Receive an email: a raw RFC 5322 message as a relay forwards it",
          description:
            "Authenticated by the tenant's inbound secret (see POST /email/inbound-secret), not an API key. The body is the raw message (Content-Type message/rfc822, text/plain or application/octet-stream), up to the upload limit. The sender is matched to a contact by email (or a contact is created from the From header), the message threads to the earlier one it answers (In-Reply-To, then References), attachments become documents of the contact, and email.received is emitted. An email from one of the team's own addresses (PUT /email/team-addresses, CRMD_EMAIL_FROM) makes no contact: it is linked to its thread's customer, and in a conversation's thread it is an agent message. The same Message-ID again (for a message without one, the same bytes) answers 200 with the interaction recorded first. A delivery status notification (multipart/report; report-type=delivery-status: a bounce) creates no contact and no inbound email: the recipients it reports as failed are marked on the email crmd sent (bounced_recipients; status bounced once all have) and suppressed for later sends (409 ADDRESS_BOUNCED), email.bounced is emitted, and the answer is 200 with that email; 204 when it names no email of the tenant.",
          security: [{ InboundSecret: [] }],
          requestBody: {
            required: true,
            content: {
              "message/rfc822": {
                schema: { type: "string", contentMediaType: "message/rfc822" },
              },
            },
          },
          tags,
        },
      },
    )
    .post(
      "/sms/send",
      async ({ body, tenantId, actor, scopes, set }) => {
        assertReadsAddressedContact(scopes, body);
        set.status = 202;
        return answerTo(scopes, await queueSms(ctx, writeScope(ctx, tenantId, actor), body));
      },
      {
        scope: "sms:send",
        body: SendSms,
        response: { 202: WrittenInteraction, ...errorResponses, 409: ErrorBody },
        detail: {
          operationId: "sendSms",
          summary: "Send an SMS (queued; answered 202 with the interaction, status queued)",
          description:
            "Numbers in E.164, validated with libphonenumber. contact_id needs contacts:read as well (403). Sent through the configured provider (CRMD_SMS_PROVIDER=twilio) by the background sender with retries; status becomes sent (the provider took it) or failed, then delivered or failed from the provider's status callbacks; sms.sent, sms.failed, sms.delivered. A recipient who opted out (sms_opt_out, or STOP) is 409 OPTED_OUT; one who opts out while the SMS is queued makes it failed, not sent, as does its sender number being recorded for another tenant meanwhile. Counts against the tenant's hourly send limit (429). from must be one of the tenant's SMS numbers (recorded by the operator; default the first), or, for a tenant with none, CRMD_SMS_FROM (the default) unless that is another tenant's: any other is 422 at /from.",
          tags,
        },
      },
    )
    .post(
      "/sms/inbound/twilio/:tenant_id",
      async ({ request, params, body }) =>
        inboundSms(
          ctx,
          params.tenant_id,
          await twilioRequest(ctx, request, body, params.tenant_id),
        ),
      {
        params: TenantParams,
        response: { ...INBOUND_SMS_RESPONSES, 409: ErrorBody },
        detail: {
          operationId: "receiveTwilioSms",
          summary: "Twilio's incoming-message webhook: records an inbound SMS",
          description:
            "Set as the number's messaging webhook (`https://crm.example.com/api/external/sms/inbound/twilio/<tenant id>`). (or POST /api/twilio/webhook, which finds the tenant by the To number). Requests must carry a valid X-Twilio-Signature (HMAC-SHA1 with the auth token over the URL and the form): without one 401, a wrong one 403. STOP-like keywords opt the number and its contact out of SMS, START-like ones back in. Emits sms.received. A message whose To is a sender number recorded for another tenant is 409 and not recorded (its webhook names the wrong tenant).",
          security: [{ TwilioSignature: [] }],
          tags,
        },
      },
    )
    .post(
      "/sms/status/twilio/:tenant_id",
      async ({ request, params, query, body, set }) => {
        const form = await twilioRequest(ctx, request, body, params.tenant_id);
        await smsStatus(ctx, params.tenant_id, {
          messageSid: form.MessageSid ?? "",
          status: form.MessageStatus ?? "",
          errorCode: form.ErrorCode,
          interactionId: query.interaction_id,
        });
        set.status = 204;
      },
      {
        params: TenantParams,
        query: StatusCallbackQuery,
        response: { 204: t.Void(), ...errorResponses },
        detail: {
          operationId: "receiveTwilioSmsStatus",
          summary: "Twilio's status callback: delivered, undelivered or failed",
          description:
            "crmd passes this URL, naming the SMS in interaction_id, as StatusCallback when CRMD_PUBLIC_URL is set; a callback that comes before Twilio's answer to the send is recorded still applies (the SMS becomes sent with that SID, then delivered or failed). Statuses only move forward: a delivered or failed SMS stays so. Signed like the incoming-message webhook (401 without a signature, 403 with a wrong one).",
          security: [{ TwilioSignature: [] }],
          tags,
        },
      },
    )
    .post(
      "/calls",
      async ({ body, tenantId, actor, scopes, set }) => {
        set.status = 201;
        return answerTo(scopes, await logCall(ctx, writeScope(ctx, tenantId, actor), body));
      },
      {
        scope: "calls:write",
        body: CreateCall,
        response: { 201: WrittenInteraction, ...errorResponses },
        detail: {
          summary: "Log a call",
          description:
            "Emits call.started, and call.ended when the call already has ended_at. Without ended_at the call stays in_progress until PATCH /calls/{id} gives it.",
          tags,
        },
      },
    )
    .patch(
      "/calls/:id",
      async ({ params, body, tenantId, actor, scopes }) =>
        answerTo(scopes, await updateCall(ctx, writeScope(ctx, tenantId, actor), params.id, body)),
      {
        scope: "calls:write",
        params: IdParams,
        body: UpdateCall,
        response: { 200: WrittenInteraction, ...errorResponses, 409: ErrorBody },
        detail: {
          summary: "End a call, or correct its outcome, recording or notes",
          description:
            "The first `ended_at` a call gets completes it and emits `call.ended`, once; a later correction emits no event. The id of an email or SMS is 409.",
          tags,
        },
      },
    );
};
