import { and, asc, count, desc, eq, gt, or, type SQL } from "drizzle-orm";
import { t } from "elysia";
import { communicationOptOuts } from "../../db/schema";
import {
  ApiError,
  type AppContext,
  invalid,
  notFound,
  pageQuery,
  phoneParser,
  type WriteScope,
} from "../../src/core";
import {
  applyContactUpdate,
  contactsWithEmail,
  recordSuppressionChanges,
  type SuppressionRow,
  type SuppressionView,
  suppressionView,
} from "../contacts";

const o = communicationOptOuts;
type Channel = "email" | "sms";

const ChannelSchema = t.Union([t.Literal("email"), t.Literal("sms")], {
  description: "email, or sms (phone numbers)",
});

export const SuppressionListQuery = t.Object({
  page: pageQuery.page,
  page_size: pageQuery.page_size,
  cursor: t.Optional(
    t.String({
      description:
        "Keyset cursor from a previous `next_cursor` (empty string: from the start): entries oldest first, each once while the list grows; lifted entries are announced by `suppression.deleted`",
    }),
  ),
  channel: t.Optional(ChannelSchema),
  reason: t.Optional(
    t.Union([t.Literal("bounce"), t.Literal("opt_out")], {
      description: "bounce (the address takes no mail) or opt_out (the person opted out)",
    }),
  ),
  address: t.Optional(
    t.String({
      description: "One address (any case) or phone number (any international format)",
    }),
  ),
});

export const SuppressionParams = t.Object({
  address: t.String({
    description: "An email address, or a phone number in international format (`+14155550123`)",
  }),
});

export const SuppressionChannelQuery = t.Object({
  channel: t.Optional(
    t.Union([t.Literal("email"), t.Literal("sms")], {
      description: "Default: email for an address with `@`, sms otherwise",
    }),
  ),
});

/** The channel of an address (given, or by its shape) and the address as the list keys it. */
async function keyOf(address: string, channel?: Channel) {
  const on: Channel = channel ?? (address.includes("@") ? "email" : "sms");
  if (on === "email") return { channel: on, address: address.trim().toLowerCase() };
  const e164 = await phoneParser();
  return { channel: on, address: e164(address) ?? address.trim() };
}

const encodeCursor = (row: SuppressionRow) =>
  Buffer.from(JSON.stringify([row.createdAt.getTime(), row.channel, row.address])).toString(
    "base64url",
  );

function decodeCursor(cursor: string): [Date, string, string] | null {
  if (cursor === "") return null;
  try {
    const [at, channel, address] = JSON.parse(Buffer.from(cursor, "base64url").toString());
    if (Number.isSafeInteger(at) && typeof channel === "string" && typeof address === "string")
      return [new Date(at), channel, address];
  } catch {}
  throw invalid("/cursor", "is not a cursor returned by this API");
}

/**
 * The tenant's suppression list: newest first by page, or with `cursor`
 * oldest first after the cursor's entry (a poller keeps `next_cursor`).
 */
export async function listSuppressions(
  ctx: AppContext,
  tenantId: string,
  query: typeof SuppressionListQuery.static,
) {
  const filters: Array<SQL | undefined> = [eq(o.tenantId, tenantId)];
  if (query.channel) filters.push(eq(o.channel, query.channel));
  if (query.reason) filters.push(eq(o.reason, query.reason));
  if (query.address !== undefined) {
    const key = await keyOf(query.address, query.channel);
    filters.push(eq(o.address, key.address));
  }
  const pageSize = query.page_size ?? 50;
  const feed = query.cursor !== undefined;
  const after = feed ? decodeCursor(query.cursor ?? "") : null;
  const page = feed ? 1 : (query.page ?? 1);
  const keyset = after
    ? or(
        gt(o.createdAt, after[0]),
        and(eq(o.createdAt, after[0]), gt(o.channel, after[1])),
        and(eq(o.createdAt, after[0]), eq(o.channel, after[1]), gt(o.address, after[2])),
      )
    : undefined;
  const rows = await ctx.db.read
    .select()
    .from(o)
    .where(and(...filters, keyset))
    .orderBy(
      ...(feed
        ? [asc(o.createdAt), asc(o.channel), asc(o.address)]
        : [desc(o.createdAt), asc(o.channel), asc(o.address)]),
    )
    .limit(pageSize + 1)
    .offset(feed ? 0 : (page - 1) * pageSize);
  const [{ n }] = await ctx.db.read
    .select({ n: count() })
    .from(o)
    .where(and(...filters));
  const hasMore = rows.length > pageSize;
  if (hasMore) rows.pop();
  const last = rows[rows.length - 1];
  return {
    items: rows.map(suppressionView),
    total: Number(n),
    page,
    page_size: pageSize,
    has_more: hasMore,
    next_cursor: feed ? (last ? encodeCursor(last) : (query.cursor ?? "")) : null,
  };
}

async function findSuppression(
  ctx: AppContext,
  tenantId: string,
  address: string,
  channel?: Channel,
): Promise<SuppressionRow> {
  const key = await keyOf(address, channel);
  const [row] = await ctx.db.read
    .select()
    .from(o)
    .where(and(eq(o.tenantId, tenantId), eq(o.channel, key.channel), eq(o.address, key.address)));
  if (!row) throw notFound(`${key.address} on the ${key.channel} suppression list`);
  return row;
}

export const getSuppression = async (
  ctx: AppContext,
  tenantId: string,
  address: string,
  channel?: Channel,
): Promise<SuppressionView> =>
  suppressionView(await findSuppression(ctx, tenantId, address, channel));

/**
 * Lifts an email suppression (a bounce once the mailbox works again, or an
 * opt-out the person took back): sends to the address are allowed again.
 * Lifting an opt-out opts the contacts having the address back in
 * (`email_opt_out: false`, which lifts their other addresses' opt-outs too).
 * An SMS opt-out is refused (409 OPTED_OUT): only the person lifts it,
 * by texting START (carrier rules; Twilio itself keeps refusing the number
 * until then), or, for one recorded through the API, `sms_opt_out: false`
 * on the contact.
 */
export async function deleteSuppression(
  ctx: AppContext,
  scope: WriteScope,
  address: string,
  channel?: Channel,
) {
  const key = await keyOf(address, channel);
  if (key.channel === "sms")
    throw new ApiError(
      409,
      "OPTED_OUT",
      `${key.address} opted out of SMS: only the recipient lifts that, by texting START to your number (carrier rules); an opt-out recorded through the API is lifted with sms_opt_out: false on the contact`,
    );
  await ctx.write(async (tx) => {
    const lifted = await tx
      .delete(o)
      .where(
        and(eq(o.tenantId, scope.tenantId), eq(o.channel, key.channel), eq(o.address, key.address)),
      )
      .returning();
    if (lifted.length === 0)
      throw notFound(`${key.address} on the ${key.channel} suppression list`);
    await recordSuppressionChanges(tx, scope, lifted, "deleted");
    // Lifting an opt-out is the person opting back in, as `email_opt_out: false` on their contact.
    if (lifted[0].reason === "opt_out")
      for (const contact of await contactsWithEmail(tx, scope.tenantId, key.address))
        if (contact.emailOptOut)
          await applyContactUpdate(tx, scope, contact, { email_opt_out: false });
  });
}
