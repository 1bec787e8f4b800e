import { eq } from "drizzle-orm";
import { tenants } from "../../db/schema";
import { type AppContext, forbidden, notFound, unauthorized } from "../../src/core";
import { verifyTwilioSignature } from "./twilio";

/** Twilio's webhook answer that sends no reply. */
export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/** The form fields Twilio posted, as the text it signed. */
export type TwilioForm = Record<string, string | undefined>;

/**
 * The form of a request Twilio signed: 401 without X-Twilio-Signature, 403
 * unless it is valid for the URL Twilio called (CRMD_PUBLIC_URL and the path
 * when set: a proxy in front changes the URL crmd sees) and every form field.
 */
export function signedTwilioForm(ctx: AppContext, request: Request, body: unknown): TwilioForm {
  const signature = request.headers.get("x-twilio-signature");
  if (!signature) throw unauthorized("Missing X-Twilio-Signature");
  const token = ctx.config.twilioAuthToken;
  if (!token) throw forbidden("No SMS provider is configured");
  const form = Object.fromEntries(
    Object.entries((body ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
  );
  const { pathname, search } = new URL(request.url);
  const url = ctx.config.publicUrl
    ? `${ctx.config.publicUrl.replace(/\/$/, "")}${pathname}${search}`
    : request.url;
  if (!verifyTwilioSignature(token, url, form, signature))
    throw forbidden("Invalid X-Twilio-Signature");
  return form;
}

/**
 * The form of a request Twilio signed for this tenant's URL (signedTwilioForm);
 * 404 for a tenant that does not exist.
 */
export async function twilioRequest(
  ctx: AppContext,
  request: Request,
  body: unknown,
  tenantId: string,
): Promise<TwilioForm> {
  const form = signedTwilioForm(ctx, request, body);
  const [tenant] = await ctx.db.read
    .select({ id: tenants.id })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  if (!tenant) throw notFound("Tenant");
  return form;
}
