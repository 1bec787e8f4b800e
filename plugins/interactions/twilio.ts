import { createHmac, timingSafeEqual } from "node:crypto";
import type { AppContext } from "../../src/core";
import { type Channel, SendFailure } from "./channel";
import type { InteractionRow } from "./service";

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  /** https://api.twilio.com, or a compatible endpoint. */
  apiUrl: string;
}

/**
 * Where Twilio posts a message's status changes, when crmd knows its public
 * URL. It names the interaction: a callback may come before crmd has stored
 * the SID from Twilio's answer.
 */
export const statusCallbackUrl = (ctx: AppContext, row: InteractionRow) =>
  ctx.config.publicUrl
    ? `${ctx.config.publicUrl.replace(/\/$/, "")}/api/external/sms/status/twilio/${row.tenantId}?interaction_id=${row.id}`
    : undefined;

/**
 * SMS through Twilio's Messages API: a form POST with Basic auth (account
 * SID and auth token). 2xx: accepted, its `sid` kept for status callbacks.
 * Other 4xx answers are permanent (a bad number, an unverified sender);
 * 401 (wrong credentials), 429, 5xx and network errors are retried.
 */
export function twilioChannel(ctx: AppContext, twilio: TwilioConfig): Channel {
  const url = `${twilio.apiUrl.replace(/\/$/, "")}/2010-04-01/Accounts/${twilio.accountSid}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${twilio.accountSid}:${twilio.authToken}`).toString("base64")}`;
  return {
    async send(row) {
      const form = new URLSearchParams({
        To: row.toAddresses[0] ?? "",
        From: row.fromAddress ?? "",
        Body: row.bodyText ?? "",
      });
      const callback = statusCallbackUrl(ctx, row);
      if (callback) form.set("StatusCallback", callback);
      const response = await fetch(url, {
        method: "POST",
        headers: { authorization, "content-type": "application/x-www-form-urlencoded" },
        body: form,
        signal: AbortSignal.timeout(ctx.config.sendTimeoutMs),
      });
      const answer = (await response.json().catch(() => ({}))) as {
        sid?: string;
        status?: string;
        code?: number;
        message?: string;
      };
      if (response.ok)
        return {
          providerId: answer.sid ?? null,
          response: `${response.status} ${answer.status ?? ""}`.trim(),
          deferred: [],
        };
      const detail = [response.status, answer.code, answer.message ?? response.statusText];
      // Refused credentials are the operator's configuration, not the message's: retried.
      const unauthenticated = response.status === 401;
      if (unauthenticated)
        ctx.logger.warn(
          "Twilio authentication failed: check CRMD_TWILIO_ACCOUNT_SID and CRMD_TWILIO_AUTH_TOKEN",
          { interaction_id: row.id, code: answer.code ?? null, response: answer.message ?? null },
        );
      const permanent = response.status < 500 && response.status !== 429 && !unauthenticated;
      throw new SendFailure(detail.filter(Boolean).join(" "), permanent);
    },
    close() {},
  };
}

/**
 * Twilio's request signature: base64 HMAC-SHA1, keyed with the auth token,
 * of the full URL followed by every POST parameter's name and value in
 * name order.
 */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>) {
  const data = Object.keys(params)
    .sort()
    .reduce((text, name) => text + name + params[name], url);
  return createHmac("sha1", authToken).update(data).digest("base64");
}

export function verifyTwilioSignature(
  authToken: string,
  url: string,
  params: Record<string, string>,
  presented: string,
): boolean {
  const expected = Buffer.from(twilioSignature(authToken, url, params));
  const given = Buffer.from(presented);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
