import { and, eq, isNull, like } from "drizzle-orm";
import { contacts, interactions } from "../../db/schema";
import {
  type Actor,
  ApiError,
  type AppContext,
  conflict,
  type E164,
  invalid,
  newId,
  notFound,
  phoneParser,
  type WriteScope,
  type WriteTx,
  writeScope,
} from "../../src/core";
import { applyContactUpdate, insertContact, textedStop } from "../contacts";
import { smsNumberOwner, smsNumbersOf } from "../tenants";
import { assertConsent, type ConsentRecipient, setAddressOptOut } from "./consent";
import { smsToInbox } from "./inbox";
import type { InteractionView, SendSmsBody } from "./model";
import { assertWithinSendLimit } from "./send-limit";
import {
  changeInteraction,
  EMPTY_INTERACTION,
  type InteractionRow,
  insertInteraction,
  messageContact,
  recipientContact,
  resolveLinks,
} from "./service";

type ContactRow = typeof contacts.$inferSelect;

const RECEIVER: Actor = { type: "system", id: null, name: "inbound sms" };

function requireE164(e164: E164, number: string, path: string): string {
  const normalised = e164(number);
  if (!normalised)
    throw invalid(path, "is not a valid phone number in international format (E.164, +…)");
  return normalised;
}

/**
 * The live contacts having this E.164 number among their phones, stored in
 * any international format (`+1 415-555-0123` too). The LIKE pattern only
 * narrows the candidates (the number's digits in order, anything between);
 * each candidate's phones are then compared in E.164.
 */
async function contactsByPhone(tx: WriteTx, tenantId: string, number: string, e164: E164) {
  const digitsInOrder = `%${number.replace(/\D/g, "").split("").join("%")}%`;
  const candidates = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.tenantId, tenantId), like(contacts.phones, digitsInOrder)));
  return candidates.filter(
    (c) => c.deletedAt === null && c.phones.some((p) => e164(p.number) === number),
  );
}

/** The contact a number links a message to: the first contact having it. */
const contactByPhone = async (tx: WriteTx, tenantId: string, number: string, e164: E164) =>
  (await contactsByPhone(tx, tenantId, number, e164))[0] ?? null;

const firstMobile = (contact: ContactRow, e164: E164): string | null =>
  contact.phones.map((p) => e164(p.number)).find((n) => n !== null) ?? null;

/**
 * The SMS's contact (contact_id) and every contact having the number
 * (duplicates are common): any of them may have opted out.
 */
function smsRecipients(
  to: string,
  contact: ContactRow | null,
  owners: ContactRow[],
): ConsentRecipient[] {
  const recipients = [{ contact, address: to }];
  for (const owner of owners)
    if (owner.id !== contact?.id) recipients.push({ contact: owner, address: to });
  return recipients;
}

/** Who a queued SMS reaches now, for the consent check when it is sent. */
export async function queuedSmsRecipients(tx: WriteTx, row: InteractionRow) {
  const to = row.toAddresses[0] ?? "";
  const owners = await contactsByPhone(tx, row.tenantId, to, await phoneParser());
  return smsRecipients(to, await messageContact(tx, row), owners);
}

/** How a refused sender names the tenant's numbers: the first few. */
const someOf = (numbers: string[]) =>
  numbers.length > 5 ? `${numbers.slice(0, 5).join(", ")}, …` : numbers.join(", ");

/**
 * The number an SMS goes from: one of the tenant's recorded sender numbers
 * (default the first), or, for a tenant with none, CRMD_SMS_FROM unless it
 * is recorded for another tenant. Replies and STOPs to a number reach the
 * tenant its webhook names, so a send from another tenant's number would
 * hand that tenant the conversation and lose the sender's opt-outs.
 */
async function senderNumber(
  tx: WriteTx,
  tenantId: string,
  chosen: string | null,
  smsFrom: string | undefined,
  e164: E164,
): Promise<string> {
  const own = await smsNumbersOf(tx, tenantId);
  if (own.length > 0) {
    if (chosen === null) return own[0];
    if (own.includes(chosen)) return chosen;
    throw invalid("/from", `is not one of this tenant's SMS numbers (${someOf(own)})`);
  }
  const shared = smsFrom === undefined ? null : requireE164(e164, smsFrom, "/from");
  if (shared === null || (await smsNumberOwner(tx, shared)) !== null)
    throw invalid(
      "/from",
      "this tenant has no SMS sender number: the operator records its numbers (PATCH /tenants/{id} with sms_numbers, or crmd tenants update --sms-numbers)",
    );
  if (chosen === null || chosen === shared) return shared;
  throw invalid(
    "/from",
    `this tenant has no SMS numbers of its own and sends only from CRMD_SMS_FROM (${shared}); the operator records a tenant's numbers`,
  );
}

/**
 * Why a queued SMS may no longer go from its number: since it was queued,
 * the number was recorded for another tenant, which its replies now reach.
 */
export async function senderTakenSinceQueued(tx: WriteTx, row: InteractionRow) {
  const from = row.fromAddress;
  const owner = from === null ? null : await smsNumberOwner(tx, from);
  return owner === null || owner === row.tenantId
    ? null
    : `its sender number ${from} is now another tenant's`;
}

/**
 * Queues an SMS like an email: the interaction row (status `queued`) is the
 * queue entry, committed with its activity row; the outbound sender sends
 * it through the configured provider. An opted-out recipient is 409.
 */
export const queueSms = (
  ctx: AppContext,
  scope: WriteScope,
  input: SendSmsBody,
): Promise<InteractionView> => ctx.write((tx) => queueSmsIn(ctx, tx, scope, input));

/** Queues an SMS inside `tx`. */
export async function queueSmsIn(
  ctx: AppContext,
  tx: WriteTx,
  scope: WriteScope,
  input: SendSmsBody,
): Promise<InteractionView> {
  const e164 = await phoneParser();
  const chosen = input.from === undefined ? null : requireE164(e164, input.from, "/from");
  if (input.contact_id === undefined && input.to === undefined)
    throw invalid("/to", "give to, contact_id or both");
  const given = input.to === undefined ? null : requireE164(e164, input.to, "/to");
  const from = await senderNumber(tx, scope.tenantId, chosen, ctx.config.smsFrom, e164);
  await assertWithinSendLimit(tx, scope, ctx.config.sendMaxPerHour);
  const contact = input.contact_id
    ? await recipientContact(tx, scope.tenantId, input.contact_id)
    : await contactByPhone(tx, scope.tenantId, given as string, e164);
  const to = given ?? (contact ? firstMobile(contact, e164) : null);
  if (!to) throw invalid("/to", "the contact has no valid phone number; give to");
  const owners = await contactsByPhone(tx, scope.tenantId, to, e164);
  await assertConsent(tx, scope.tenantId, "sms", smsRecipients(to, contact, owners));
  const links = await resolveLinks(tx, scope.tenantId, { ...input, contact_id: contact?.id });
  return insertInteraction(
    tx,
    scope,
    {
      ...EMPTY_INTERACTION,
      id: newId(),
      type: "sms",
      direction: "outbound",
      status: "queued",
      ...links,
      fromAddress: from,
      toAddresses: [to],
      bodyText: input.body,
      nextAttemptAt: scope.now,
      occurredAt: scope.now,
    },
    () => [],
  );
}

/**
 * Opt-out and opt-in keywords: Twilio's defaults, and those Canadian
 * carriers require besides (CWTA: UNSUB, and the French ARRET, as Twilio's
 * Proxy also takes it).
 */
const STOP = new Set([
  "STOP",
  "STOPALL",
  "UNSUBSCRIBE",
  "CANCEL",
  "END",
  "QUIT",
  "REVOKE",
  "OPTOUT",
  "ARRET",
  "ARRETE",
  "ARRETT",
  "UNSUB",
]);
const START = new Set(["START", "UNSTOP", "YES", "OPTIN"]);

/** A message as a keyword: the whole text, trimmed, any case, accents dropped (Arrêt is ARRET). */
const keywordOf = (body: string) =>
  body.trim().normalize("NFD").replace(/\p{M}/gu, "").toUpperCase();

/**
 * Whether a message opts its number out (true), back in (false) or
 * neither. Twilio's own finding (OptOutType, sent when its Advanced
 * Opt-Out matched a keyword, in whatever language the account configured)
 * decides first: Twilio blocks or unblocks the number itself.
 */
function consentChange(body: string, optOutType: string | undefined): boolean | null {
  switch (optOutType?.trim().toUpperCase()) {
    case "STOP":
      return true;
    case "START":
      return false;
    case "HELP":
      return null;
  }
  const keyword = keywordOf(body);
  return STOP.has(keyword) ? true : START.has(keyword) ? false : null;
}

/**
 * A message from a number: the number's SMS consent, and that of every
 * contact having it (duplicates are common), follow STOP / START. True
 * when the message was such a keyword (or one Twilio matched, HELP too).
 */
async function applyKeyword(
  tx: WriteTx,
  scope: WriteScope,
  owners: ContactRow[],
  from: string,
  sms: InboundSms,
) {
  if (sms.optOutType?.trim().toUpperCase() === "HELP") return true;
  const optOut = consentChange(sms.body, sms.optOutType);
  if (optOut === null) return false;
  const detail = optOut ? textedStop(keywordOf(sms.body).slice(0, 40) || "STOP") : null;
  await setAddressOptOut(tx, scope, "sms", from, optOut, detail);
  for (const contact of owners)
    if (contact.smsOptOut !== optOut)
      await applyContactUpdate(tx, scope, contact, { sms_opt_out: optOut }, { by: "recipient" });
  return true;
}

/** A contact for a number nobody has yet: the customer who texted it, named by the number until the team knows more. */
const phoneContact = (tx: WriteTx, scope: WriteScope, number: string) =>
  insertContact(tx, scope, { first_name: number, phone_number: [{ number, type: "mobile" }] });

export interface InboundSms {
  messageSid: string;
  from: string;
  to: string;
  body: string;
  /** Twilio's OptOutType (STOP, START, HELP): its Advanced Opt-Out matched a keyword. */
  optOutType?: string;
}

/** An SMS to a number no tenant has recorded is 404: the message is nobody's to record. */
function nobodysNumber(to: string): never {
  throw new ApiError(
    404,
    "NOT_FOUND",
    `${to} is not an SMS number of any tenant: the operator records a tenant's numbers (PATCH /tenants/{id} with sms_numbers)`,
  );
}

/**
 * Records an SMS Twilio received for the tenant (null: the tenant its To
 * number is recorded for, 404 when none): linked to the contact with that
 * number, `sms.received` emitted; "STOP" opts the number (and its contact)
 * out, "START" back in. Twilio's retry of the same MessageSid is recorded
 * once. A message to a number recorded for another tenant is 409 and not
 * recorded: the reply or STOP is that tenant's, not this one's.
 */
export async function receiveSms(ctx: AppContext, tenantId: string | null, sms: InboundSms) {
  const e164 = await phoneParser();
  const to = e164(sms.to) ?? sms.to;
  await ctx.write(async (tx) => {
    const owner = await smsNumberOwner(tx, to);
    const tenant = tenantId ?? owner ?? nobodysNumber(to);
    const scope = writeScope(ctx, tenant, RECEIVER);
    const [known] = await tx
      .select({ id: interactions.id })
      .from(interactions)
      .where(and(eq(interactions.tenantId, tenant), eq(interactions.providerId, sms.messageSid)));
    if (known) return;
    if (owner !== null && owner !== tenant) {
      ctx.logger.warn("inbound SMS refused: its number is another tenant's", {
        to,
        tenant_id: tenant,
        owner_tenant_id: owner,
      });
      throw conflict(
        `${to} is a sender number of another tenant: its messaging webhook must name that tenant's URL`,
      );
    }
    const from = e164(sms.from) ?? sms.from;
    const owners = await contactsByPhone(tx, tenant, from, e164);
    const keyword = await applyKeyword(tx, scope, owners, from, sms);
    // A keyword (STOP, START, HELP) is consent, not a conversation: no contact is made for it.
    const contact = owners[0] ?? (keyword ? null : await phoneContact(tx, scope, from));
    const received = {
      ...EMPTY_INTERACTION,
      id: newId(),
      type: "sms",
      direction: "inbound",
      status: "received",
      contactId: contact?.id ?? null,
      companyId: contact?.companyId ?? null,
      fromAddress: from,
      toAddresses: [to],
      bodyText: sms.body,
      providerId: sms.messageSid,
      occurredAt: scope.now,
    };
    await insertInteraction(tx, scope, received, (view) => [{ type: "sms.received", data: view }]);
    if (contact && !keyword) await smsToInbox(tx, scope, { contact, from, interaction: received });
  });
}

/** Twilio's MessageStatus → the interaction's status, for the ones that change it. */
const STATUS: Record<string, "delivered" | "failed"> = {
  delivered: "delivered",
  undelivered: "failed",
  failed: "failed",
};

/**
 * The outbound SMS a status callback is about: the one with its SID, or
 * the one its URL names while that has no SID yet (Twilio's answer to the
 * send is not recorded yet, or never arrived).
 */
async function callbackSubject(
  tx: WriteTx,
  tenantId: string,
  messageSid: string,
  interactionId: string | undefined,
) {
  const i = interactions;
  const [bySid] = await tx
    .select()
    .from(i)
    .where(and(eq(i.tenantId, tenantId), eq(i.providerId, messageSid)));
  if (bySid || interactionId === undefined) return bySid;
  const [named] = await tx
    .select()
    .from(i)
    .where(and(eq(i.tenantId, tenantId), eq(i.id, interactionId), isNull(i.providerId)));
  return named;
}

/**
 * A delivery-status callback: `delivered` (sms.delivered) or `failed` /
 * `undelivered` (sms.failed, with Twilio's error code) settle the SMS;
 * intermediate statuses (queued, sending, sent) only update
 * provider_response. A callback for an SMS still queued proves Twilio took
 * it: the SMS becomes sent (sms.sent) with that SID first, and the sender
 * leaves it so when it gets Twilio's answer. Callbacks for an SMS already
 * delivered or failed change nothing.
 */
export async function smsStatus(
  ctx: AppContext,
  tenantId: string,
  update: { messageSid: string; status: string; errorCode?: string; interactionId?: string },
) {
  const scope = writeScope(ctx, tenantId, RECEIVER);
  await ctx.write(async (tx) => {
    const row = await callbackSubject(tx, tenantId, update.messageSid, update.interactionId);
    if (row?.type !== "sms") throw notFound("SMS");
    const providerResponse = [update.status, update.errorCode].filter(Boolean).join(" ");
    const status = STATUS[update.status];
    let sent = row;
    if (row.status === "queued") {
      const columns = {
        status: "sent",
        sentAt: scope.now,
        providerId: update.messageSid,
        providerResponse,
        // An attempt in flight (leased) counts here: the sender will find the SMS settled.
        attempts: row.attempts + (row.leaseUntil ? 1 : 0),
        leaseUntil: null,
        nextAttemptAt: null,
      };
      await changeInteraction(tx, scope, row, columns, (view) => [
        { type: "sms.sent", data: view },
      ]);
      if (!status) return;
      sent = { ...row, ...columns };
    }
    // Twilio's callbacks may come late, out of order or again: a settled SMS stays as it was.
    else if (row.status !== "sent") return;
    if (!status) return changeInteraction(tx, scope, sent, { providerResponse }, () => []);
    return changeInteraction(tx, scope, sent, { status, providerResponse }, (view) => [
      { type: `sms.${status}`, data: view },
    ]);
  });
}
