import { and, count, eq, gte, inArray, min } from "drizzle-orm";
import { interactions } from "../../db/schema";
import { ApiError, type WriteScope, type WriteTx } from "../../src/core";

const HOUR_MS = 3_600_000;

/**
 * Emails and SMS a tenant queued in the last hour count against its own
 * limit (CRMD_SEND_MAX_PER_HOUR), apart from the API's request rate, so a
 * runaway integration cannot spam. Over it: 429 with Retry-After (when the
 * oldest send of the hour leaves the window). Counted in the database, so
 * every instance sees the same number.
 */
export async function assertWithinSendLimit(tx: WriteTx, scope: WriteScope, limit: number) {
  const i = interactions;
  const windowStart = new Date(scope.now.getTime() - HOUR_MS);
  const [{ sent, oldest }] = await tx
    .select({ sent: count(), oldest: min(i.createdAt) })
    .from(i)
    .where(
      and(
        eq(i.tenantId, scope.tenantId),
        gte(i.createdAt, windowStart),
        eq(i.direction, "outbound"),
        inArray(i.type, ["email", "sms"]),
      ),
    );
  if (sent < limit) return;
  const retryAfter = Math.max(
    1,
    Math.ceil(((oldest?.getTime() ?? scope.now.getTime()) + HOUR_MS - scope.now.getTime()) / 1000),
  );
  throw new ApiError(
    429,
    "SEND_LIMIT_EXCEEDED",
    `This tenant's limit of ${limit} emails and SMS per hour is reached`,
    undefined,
    { "retry-after": String(retryAfter) },
  );
}
