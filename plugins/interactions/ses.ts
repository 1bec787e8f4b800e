import { inArray } from "drizzle-orm";
import { teamEmailAddresses } from "../../db/schema";
import { ApiError, type AppContext, badRequest, forbidden } from "../../src/core";
import type { DocumentFiles } from "../documents";
import { receiveEmail } from "./inbound";
import { allowedSnsUrl, type SnsMessage, SnsVerifier } from "./sns";

/** What crmd did with an SNS message, as its answer says (docs/communications.md#amazon-ses). */
export const SES_OUTCOMES = [
  "recorded",
  "already_recorded",
  "no_tenant",
  "no_content",
  "virus",
  "ignored",
  "subscription_confirmed",
  "unsubscribed",
] as const;
export type SesOutcome = (typeof SES_OUTCOMES)[number];

/** The most recipients looked up: SES takes at most 50 per message. */
const MAX_RECIPIENTS = 100;

/** SES's notification of a received email, as the SNS message's Message (the fields crmd reads). */
interface SesReceipt {
  notificationType?: unknown;
  receipt?: {
    recipients?: unknown;
    action?: { type?: unknown; encoding?: unknown };
    virusVerdict?: { status?: unknown };
  };
  content?: unknown;
}

/**
 * The tenants an email to `recipients` (the envelope's, as SES reports
 * them) is for: per recipient, the tenant listing that address among its
 * team addresses, else the one listing its domain (`@acme.com`). A
 * recipient two tenants claim alike is no tenant's (reported in
 * `ambiguous`): a tenant listing another's domain must not get its mail.
 */
async function recipientTenants(ctx: AppContext, recipients: string[]) {
  const addresses = recipients.map((r) => r.trim().toLowerCase()).filter((r) => r.includes("@"));
  const domainOf = (address: string) => address.slice(address.lastIndexOf("@"));
  const candidates = [...new Set(addresses.flatMap((a) => [a, domainOf(a)]))];
  if (candidates.length === 0) return { tenants: [], ambiguous: [] };
  // On the primary: a tenant's list just changed decides where mail goes at once.
  const rows = await ctx.db.primaryRead
    .select({ tenantId: teamEmailAddresses.tenantId, address: teamEmailAddresses.address })
    .from(teamEmailAddresses)
    .where(inArray(teamEmailAddresses.address, candidates));
  const claimants = (entry: string) => [
    ...new Set(rows.filter((row) => row.address === entry).map((row) => row.tenantId)),
  ];
  const tenants = new Set<string>();
  const ambiguous: string[] = [];
  for (const address of addresses) {
    const exact = claimants(address);
    const found = exact.length > 0 ? exact : claimants(domainOf(address));
    if (found.length === 1) tenants.add(found[0]);
    else if (found.length > 1) ambiguous.push(address);
  }
  return { tenants: [...tenants], ambiguous };
}

/** The raw email of an SES SNS action: `content`, UTF-8 text or base64 as the action's encoding says. */
function rawEmail(content: string, encoding: unknown): Uint8Array {
  return encoding === "BASE64"
    ? new Uint8Array(Buffer.from(content, "base64"))
    : new TextEncoder().encode(content);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Amazon SES's received email, delivered by an SNS topic's HTTP(S)
 * subscription. Only the operator's topics are taken (CRMD_SES_TOPIC_ARNS),
 * and only messages SNS signed (see SnsVerifier). A subscription is
 * confirmed by GETting its SubscribeURL; a notification of a received
 * email records the email for the tenants its recipients are the team
 * addresses of, through the same path as POST /email/inbound.
 */
export function sesWebhook(ctx: AppContext, files: DocumentFiles) {
  const topics = new Set(ctx.config.sesTopicArns);
  const hosts = ctx.config.sesCertHosts;
  const verifier = new SnsVerifier(hosts, () => ctx.clock.now());
  const warn = (message: string, sns: SnsMessage, fields: Record<string, unknown> = {}) =>
    ctx.logger.warn(message, { sns_message_id: sns.MessageId, topic_arn: sns.TopicArn, ...fields });

  async function confirmSubscription(sns: SnsMessage): Promise<SesOutcome> {
    const url = sns.SubscribeURL;
    if (typeof url !== "string" || !allowedSnsUrl(url, hosts))
      throw forbidden("SubscribeURL is not on an allowed host (CRMD_SES_CERT_HOSTS)");
    const failure = await fetch(url, { redirect: "error", signal: AbortSignal.timeout(10_000) })
      .then(async (response) => {
        await response.body?.cancel();
        return response.ok ? null : `HTTP ${response.status}`;
      })
      .catch((error: Error) => error.message);
    if (failure !== null) {
      warn("SNS subscription not confirmed", sns, { error: failure });
      throw new ApiError(502, "BAD_GATEWAY", `Confirming the SNS subscription failed: ${failure}`);
    }
    ctx.logger.info("SNS subscription confirmed", {
      topic_arn: sns.TopicArn,
      sns_message_id: sns.MessageId,
    });
    return "subscription_confirmed";
  }

  async function received(sns: SnsMessage): Promise<SesOutcome> {
    const parsed = parseJson(String(sns.Message));
    if (!isObject(parsed) || parsed.notificationType !== "Received") {
      ctx.logger.info("SNS notification is no SES received email: ignored", {
        sns_message_id: sns.MessageId,
        notification_type: isObject(parsed) ? parsed.notificationType : undefined,
      });
      return "ignored";
    }
    const ses = parsed as SesReceipt;
    const action = ses.receipt?.action;
    if (typeof ses.content !== "string") {
      warn("SES notification without the email: crmd needs the SNS action's content", sns, {
        action_type: action?.type,
      });
      return "no_content";
    }
    // SES scanned it (the rule's scan_enabled) and found a virus: its attachments become no documents.
    if (ses.receipt?.virusVerdict?.status === "FAIL") {
      warn("SES found a virus in the email: not recorded", sns);
      return "virus";
    }
    const recipients = Array.isArray(ses.receipt?.recipients)
      ? ses.receipt.recipients.filter((r): r is string => typeof r === "string")
      : [];
    const { tenants, ambiguous } = await recipientTenants(ctx, recipients.slice(0, MAX_RECIPIENTS));
    if (ambiguous.length > 0)
      warn("SES recipients listed alike by several tenants: not delivered to them", sns, {
        recipients: ambiguous,
      });
    if (tenants.length === 0) {
      warn("SES email to no tenant's team addresses: not recorded", sns, { recipients });
      return "no_tenant";
    }
    const raw = rawEmail(ses.content, action?.encoding);
    let created = false;
    for (const tenantId of tenants)
      created = (await receiveEmail(ctx, files, tenantId, raw)).created || created;
    return created ? "recorded" : "already_recorded";
  }

  return async (headers: Headers, body: Uint8Array): Promise<{ outcome: SesOutcome }> => {
    // No topic configured: nobody's SNS may feed crmd, and the route is not there.
    if (topics.size === 0) throw new ApiError(404, "NOT_FOUND", "Not found");
    const sns = parseJson(new TextDecoder().decode(body));
    if (!isObject(sns)) throw badRequest("The body is not an SNS message (JSON)");
    const type = headers.get("x-amz-sns-message-type");
    if (type !== null && type !== sns.Type)
      throw badRequest("x-amz-sns-message-type does not match the message's Type");
    if (typeof sns.TopicArn !== "string" || !topics.has(sns.TopicArn))
      throw forbidden("The SNS topic is not one of CRMD_SES_TOPIC_ARNS");
    await verifier.verify(sns);
    if (sns.Type === "SubscriptionConfirmation") return { outcome: await confirmSubscription(sns) };
    if (sns.Type === "UnsubscribeConfirmation") {
      ctx.logger.info("SNS subscription ended", {
        topic_arn: sns.TopicArn,
        sns_message_id: sns.MessageId,
      });
      return { outcome: "unsubscribed" };
    }
    return { outcome: await received(sns) };
  };
}
