import { and, asc, eq, gt, isNull, lte, sql } from "drizzle-orm";
import type { WriteTx } from "../client";
import { communicationOptOuts, interactions } from "../schema";
import type { MigrationStep } from ".";

/** Inbound SMS read per page. */
const PAGE = 5_000;

/** Twilio's opt-out and opt-in keywords, as crmd applied them when this migration was written. */
const STOP = new Set([
  "STOP",
  "STOPALL",
  "UNSUBSCRIBE",
  "CANCEL",
  "END",
  "QUIT",
  "REVOKE",
  "OPTOUT",
]);
const START = new Set(["START", "UNSTOP", "YES", "OPTIN"]);

/**
 * Migration 1471 (both dialects): since crmd records the keyword of a STOP
 * (`detail` `texted STOP`), an API write cannot lift it (only the
 * recipient's START does, plugins/contacts/consent.ts). STOPs recorded
 * before have no `detail` and read as opt-outs made through the API. Each
 * SMS opt-out without one whose number's last keyword message (inbound
 * SMS, newest first) was a stop keyword gets `texted <KEYWORD>` now. One
 * whose last keyword was START (an opt-out made through the API since) is
 * left as it is.
 */
export async function recordTextedStops(tx: WriteTx, step: MigrationStep): Promise<void> {
  const i = interactions;
  const o = communicationOptOuts;
  /** `tenant \n number` → its newest keyword message. */
  const last = new Map<string, { at: number; id: string; keyword: string }>();
  let after = "";
  let done = 0;
  for (;;) {
    const page = await tx
      .select({
        id: i.id,
        tenantId: i.tenantId,
        from: i.fromAddress,
        body: i.bodyText,
        at: i.occurredAt,
      })
      .from(i)
      .where(
        and(
          eq(i.type, "sms"),
          eq(i.direction, "inbound"),
          lte(sql`length(${i.bodyText})`, 40),
          gt(i.id, after),
        ),
      )
      .orderBy(asc(i.id))
      .limit(PAGE);
    for (const row of page) {
      const keyword = (row.body ?? "").trim().toUpperCase();
      if (!row.from || (!STOP.has(keyword) && !START.has(keyword))) continue;
      const key = `${row.tenantId}\n${row.from.toLowerCase()}`;
      const at = row.at.getTime();
      const seen = last.get(key);
      if (!seen || at > seen.at || (at === seen.at && row.id > seen.id))
        last.set(key, { at, id: row.id, keyword });
    }
    done += page.length;
    step.progress(done, done);
    if (page.length < PAGE) break;
    after = page[page.length - 1].id;
  }
  for (const [key, { keyword }] of last) {
    if (!STOP.has(keyword)) continue;
    const [tenantId, address] = key.split("\n");
    await tx
      .update(o)
      .set({ detail: `texted ${keyword}` })
      .where(
        and(
          eq(o.tenantId, tenantId),
          eq(o.channel, "sms"),
          eq(o.address, address),
          eq(o.reason, "opt_out"),
          isNull(o.detail),
        ),
      );
  }
}
