import { and, eq, inArray, isNull, like, notLike, or } from "drizzle-orm";
import { type Static, t } from "elysia";
import { communicationOptOuts, type contacts } from "../../db/schema";
import { ApiError, phoneParser, recordChange, type WriteScope, type WriteTx } from "../../src/core";

type Row = typeof contacts.$inferSelect;
type Channel = "email" | "sms";
export type SuppressionRow = typeof communicationOptOuts.$inferSelect;

/** An address on the tenant's suppression list, as the API shows it. */
export const Suppression = t.Object({
  channel: t.Union([t.Literal("email"), t.Literal("sms")]),
  address: t.String({
    description: "The email address (lower case) or phone number (E.164) sends are refused to",
  }),
  reason: t.Union([t.Literal("bounce"), t.Literal("opt_out")], {
    description:
      "bounce: a delivery report said the address takes no mail; opt_out: the person opted out (a contact's email_opt_out / sms_opt_out, or an SMS stop keyword)",
  }),
  detail: t.Nullable(
    t.String({
      description:
        "A bounce: the remote server's diagnostic. An SMS opt-out: the stop keyword the number texted (`texted STOP`)",
    }),
  ),
  created_at: t.String({ format: "date-time" }),
});
export type SuppressionView = Static<typeof Suppression>;

export const suppressionView = (row: SuppressionRow): SuppressionView => ({
  channel: row.channel as Channel,
  address: row.address,
  reason: row.reason as SuppressionView["reason"],
  detail: row.detail,
  created_at: row.createdAt.toISOString(),
});

/**
 * Records addresses joining (created) or leaving (deleted) the suppression
 * list: an activity row and a `suppression.created` / `suppression.deleted`
 * event each, in the caller's transaction. The entity id is
 * `<channel>:<address>`.
 */
export async function recordSuppressionChanges(
  tx: WriteTx,
  scope: WriteScope,
  rows: SuppressionRow[],
  action: "created" | "deleted",
) {
  for (const row of rows) {
    const view = suppressionView(row);
    await recordChange(tx, {
      tenantId: scope.tenantId,
      actor: scope.actor,
      entityType: "suppression",
      entityId: `${row.channel}:${row.address}`,
      action,
      before: action === "deleted" ? view : null,
      after: action === "created" ? view : null,
      at: scope.now,
      events: [{ type: `suppression.${action}`, data: view }],
    });
  }
}

/**
 * The `detail` of an opt-out the recipient texted (`texted STOP`, `texted
 * UNSUBSCRIBE`, …): only the recipient lifts it, by texting START.
 */
export const textedStop = (keyword: string) => `texted ${keyword}`;
const TEXTED = textedStop("%");

const normalised = (email: string) => email.trim().toLowerCase();

/** The contact's addresses on a channel as the opt-out list keys them: lower-case emails, E.164 numbers. */
async function addressesOf(row: Pick<Row, "emails" | "phones">, channel: Channel) {
  if (channel === "email") return [...new Set(row.emails.map((e) => normalised(e.email)))];
  const e164 = await phoneParser();
  return [...new Set(row.phones.map((p) => e164(p.number)).filter((n): n is string => n !== null))];
}

/**
 * The opt-outs a contact takes on from its addresses: `email_opt_out`
 * (`sms_opt_out`) becomes true when the contact is given emails (phone
 * numbers) of which one is on the tenant's list as opted out, unless the
 * same write sets it explicitly. A bounce is no opt-out: it does not set
 * the flag (the contact's other addresses still take mail).
 */
export async function inheritedOptOuts(
  tx: WriteTx,
  tenantId: string,
  input: { email_opt_out?: boolean; sms_opt_out?: boolean },
  given: { emails?: Row["emails"]; phones?: Row["phones"] },
  current: Pick<Row, "emailOptOut" | "smsOptOut"> | undefined,
): Promise<{ emailOptOut?: true; smsOptOut?: true }> {
  const inherited: { emailOptOut?: true; smsOptOut?: true } = {};
  const channels = [
    { channel: "email", list: given.emails, asked: input.email_opt_out, set: current?.emailOptOut },
    { channel: "sms", list: given.phones, asked: input.sms_opt_out, set: current?.smsOptOut },
  ] as const;
  for (const { channel, list, asked, set } of channels) {
    if (list === undefined || asked !== undefined || set) continue;
    const addresses =
      channel === "email"
        ? await addressesOf({ emails: list, phones: [] }, channel)
        : await addressesOf({ emails: [], phones: list }, channel);
    if (addresses.length === 0) continue;
    const o = communicationOptOuts;
    const [listed] = await tx
      .select({ address: o.address })
      .from(o)
      .where(
        and(
          eq(o.tenantId, tenantId),
          eq(o.channel, channel),
          inArray(o.address, addresses),
          eq(o.reason, "opt_out"),
        ),
      )
      .limit(1);
    if (listed) inherited[channel === "email" ? "emailOptOut" : "smsOptOut"] = true;
  }
  return inherited;
}

/**
 * Keeps a contact's opt-outs on the tenant's opt-out list, per address: a
 * contact that opts out of email (or SMS) puts each of its emails (phone
 * numbers, in E.164) there, and so does one that is opted out when it
 * gets new ones. The opt-out then belongs to the address, not to the
 * record: it outlives the contact's deletion, and a contact created again
 * with the address is still not sent to. An explicit `false` (the person
 * opted back in) lifts the opt-out of the contact's addresses; a bounce
 * stays. Each address joining or leaving the list is recorded
 * (`suppression.created` / `suppression.deleted`).
 */
export async function keepOptOuts(
  tx: WriteTx,
  scope: WriteScope,
  row: Row,
  input: {
    email_opt_out?: boolean;
    sms_opt_out?: boolean;
    email?: unknown;
    phone_number?: unknown;
  },
  /**
   * `recipient`: the write is a recipient's START on one of the contact's
   * numbers (lifted by the caller): the contact's other numbers lose the
   * opt-outs recorded through the API, and keep those they texted STOP to.
   */
  by: "api" | "recipient" = "api",
) {
  const channels = [
    { channel: "email", optOut: row.emailOptOut, asked: input.email_opt_out, changed: input.email },
    {
      channel: "sms",
      optOut: row.smsOptOut,
      asked: input.sms_opt_out,
      changed: input.phone_number,
    },
  ] as const;
  for (const { channel, optOut, asked, changed } of channels) {
    const record = optOut && (asked === true || changed !== undefined);
    const lift = !optOut && asked === false;
    if (!record && !lift) continue;
    const addresses = await addressesOf(row, channel);
    if (addresses.length === 0) continue;
    const o = communicationOptOuts;
    if (record) {
      const added = await tx
        .insert(o)
        .values(
          addresses.map((address) => ({
            tenantId: row.tenantId,
            channel,
            address,
            createdAt: scope.now,
          })),
        )
        .onConflictDoNothing()
        .returning();
      await recordSuppressionChanges(tx, scope, added, "created");
    } else {
      if (channel === "sms" && by === "api")
        await refuseLiftingTextedStops(tx, row.tenantId, addresses);
      const lifted = await tx
        .delete(o)
        .where(
          and(
            eq(o.tenantId, row.tenantId),
            eq(o.channel, channel),
            inArray(o.address, addresses),
            eq(o.reason, "opt_out"),
            by === "recipient" ? or(isNull(o.detail), notLike(o.detail, TEXTED)) : undefined,
          ),
        )
        .returning();
      await recordSuppressionChanges(tx, scope, lifted, "deleted");
    }
  }
}

/**
 * A number whose opt-out came from the recipient texting STOP is not opted
 * back in by an API write (`sms_opt_out: false`): carrier rules (CTIA) leave
 * that to the recipient's START, and Twilio keeps refusing the number until
 * then. 409 OPTED_OUT, the whole write refused (nothing half-applied).
 */
async function refuseLiftingTextedStops(tx: WriteTx, tenantId: string, numbers: string[]) {
  const o = communicationOptOuts;
  const [stopped] = await tx
    .select({ address: o.address, detail: o.detail })
    .from(o)
    .where(
      and(
        eq(o.tenantId, tenantId),
        eq(o.channel, "sms"),
        inArray(o.address, numbers),
        eq(o.reason, "opt_out"),
        like(o.detail, TEXTED),
      ),
    )
    .limit(1);
  if (stopped)
    throw new ApiError(
      409,
      "OPTED_OUT",
      `${stopped.address} ${stopped.detail}: only the recipient lifts that, by texting START to your number (carrier rules); sms_opt_out: false lifts only opt-outs recorded through the API`,
    );
}
