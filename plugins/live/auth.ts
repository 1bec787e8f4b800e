import {
  type Actor,
  type AppContext,
  actorOf,
  type CredentialEnd,
  type KeyPrincipal,
  type Scope,
  sha256Hex,
} from "../../src/core";
import { visitorRateBucket, widgetActor, widgetKeyStore } from "../widget";

/** What a visitor's pushes count against: the same budget as its HTTP requests. */
interface RateBudget {
  rateBucket: string;
  /** Requests per minute. */
  rateLimit: number;
}

/**
 * Who is on a socket: an API key (an agent's inbox) or a widget visitor.
 * `token` is checked again at every join and push: a revocation or an expiry
 * ends it. Nothing is sent to it after `end`.
 */
export type ChannelPrincipal = { end: CredentialEnd } & (
  | {
      kind: "key";
      tenantId: string;
      scopes: ReadonlySet<Scope>;
      /** Its pushes count as its HTTP requests do (consumeKeyRateLimit). */
      key: KeyPrincipal;
      token: string;
      actor: Actor;
      name: string;
    }
  | (RateBudget & {
      kind: "visitor";
      tenantId: string;
      customerId: string;
      /** The one conversation the visitor's token names. */
      conversationId: string | null;
      /** The visitor (browser session): it reads the conversations it opened unverified. */
      visitorId: string | null;
      /** A verified visitor reads every conversation of its customer. */
      verified: boolean;
      /** Origins the visitor's widget key allows. */
      origins: readonly string[];
      token: string;
      actor: Actor;
      name: string;
    })
);

/**
 * The principal of a token from the socket's params, the auth subprotocol
 * or a join payload: an API key (`elk_…`) or a visitor token (`vt_…`); null
 * when it is neither valid.
 */
export async function channelPrincipal(
  ctx: AppContext,
  token: string,
): Promise<ChannelPrincipal | null> {
  if (token.startsWith("vt_")) {
    const store = widgetKeyStore(ctx);
    const verified = await store.verify(token);
    if (!verified) return null;
    const { claims, key } = verified;
    return {
      kind: "visitor",
      tenantId: claims.tenantId,
      customerId: claims.customerId,
      conversationId: claims.conversationId,
      visitorId: claims.visitorId,
      verified: claims.verified,
      origins: key.row.allowedOrigins,
      // Its widget key's revocation ends it too.
      end: { endsAt: store.tokenEnd(claims, key), revocations: store.revocations, id: key.row.id },
      rateBucket: visitorRateBucket(claims),
      rateLimit: key.row.visitorRateLimit ?? ctx.config.widgetRateLimit,
      token,
      actor: widgetActor(key),
      name: "customer",
    };
  }
  const key = await ctx.keys.authenticate(token, sha256Hex(token));
  if (!key) return null;
  return {
    kind: "key",
    tenantId: key.tenantId,
    scopes: key.scopes,
    key,
    end: {
      endsAt: key.expiresAt ?? Number.POSITIVE_INFINITY,
      revocations: ctx.keys.revocations,
      id: key.keyId,
    },
    token,
    actor: actorOf(key),
    name: key.keyName,
  };
}

/**
 * What a socket's principal is now: null once its token no longer holds
 * (revoked, expired, or its page's origin no longer allowed), else the
 * principal with its key's current scopes. Both lookups are cached as for
 * HTTP requests, so a change made on another instance counts once that
 * instance's cache entry expires.
 */
export async function currentPrincipal(
  ctx: AppContext,
  principal: ChannelPrincipal,
  origin: string | null,
): Promise<ChannelPrincipal | null> {
  const current = await channelPrincipal(ctx, principal.token);
  return current && originAllowed(current, origin) ? current : null;
}

/** Whether a principal may read conversations (every topic needs it): a visitor its own. */
export const readsConversations = (principal: ChannelPrincipal) =>
  principal.kind === "visitor" || principal.scopes.has("conversations:read");

const AUTH_PROTOCOL = "base64url.bearer.phx.";

/**
 * The token the `phoenix` client's `authToken` option sends in
 * Sec-WebSocket-Protocol (`phoenix, base64url.bearer.phx.<base64>`), so it
 * stays out of URLs and logs.
 */
export function protocolToken(header: string | null | undefined): string | undefined {
  const entry = header
    ?.split(",")
    .map((p) => p.trim())
    .find((p) => p.startsWith(AUTH_PROTOCOL));
  return entry ? Buffer.from(entry.slice(AUTH_PROTOCOL.length), "base64").toString() : undefined;
}

/** A browser page may use a visitor token only from an origin its widget key allows. */
export const originAllowed = (principal: ChannelPrincipal, origin: string | null) =>
  principal.kind !== "visitor" || origin === null || principal.origins.includes(origin);
