import { Elysia } from "elysia";
import { type AppContext, forbidden } from "../../src/core";
import { type ChannelPrincipal, channelPrincipal, originAllowed, protocolToken } from "./auth";
import { Connection, MAX_PAYLOAD_BYTES } from "./connection";
import { ChannelHub } from "./hub";
import { PresenceTracker } from "./presence";

/**
 * How often the principals of open sockets are checked again. With the key
 * caches' lifetimes (0.5 s on PostgreSQL) a revocation on any instance
 * closes the topics it joined within about a second; a key or visitor token
 * that ends by time (expiry, or its proving identity secret's overlap over)
 * closes them at the first check after, as the times are in the token and
 * the cached key. Events never wait for it: the hub checks each member's
 * end as it sends, and reads revocations before each batch.
 */
const RECHECK_MS = 500;

/** Principals found at the upgrade, handed to the socket when it opens. */
const upgraded = new WeakMap<
  Request,
  { principal: ChannelPrincipal | null; origin: string | null }
>();

/**
 * Live channels: a WebSocket endpoint speaking the Phoenix Channels protocol
 * (V2 JSON serializer) at `/socket/websocket`, so the `phoenix` npm client
 * connects with `new Socket("/socket", {params: {token}})` unchanged.
 * Topics: `conversation:<id>` (messages, typing, seen marks, presence) and
 * `notification:<tenant_id>` (the inbox: new and updated conversations, new
 * messages).
 */
export const livePlugin = (ctx: AppContext) => {
  const services = {
    ctx,
    hub: new ChannelHub(ctx),
    presence: new PresenceTracker(),
    logger: ctx.logger,
  };
  const connections = new Map<{ close(code?: number, reason?: string): void }, Connection>();
  const recheck = setInterval(() => void recheckPrincipals(), RECHECK_MS);
  recheck.unref();
  let rechecking = false;
  /** Closes the topics of principals revoked, expired or narrowed since they joined. */
  async function recheckPrincipals() {
    if (rechecking) return;
    rechecking = true;
    const principals = new Map<string, Promise<ChannelPrincipal | null>>();
    const lookup = (token: string) => {
      let principal = principals.get(token);
      if (!principal) {
        principal = channelPrincipal(ctx, token);
        principals.set(token, principal);
      }
      return principal;
    };
    try {
      await Promise.all(
        [...connections.values()].filter((c) => c.topicCount > 0).map((c) => c.recheck(lookup)),
      );
    } finally {
      rechecking = false;
    }
  }
  // A stopping server waits for open sockets: close them (clients reconnect to another instance).
  ctx.onStop(() => {
    clearInterval(recheck);
    for (const [socket, connection] of connections) {
      connection.closed();
      socket.close(1001, "server stopping");
    }
    connections.clear();
  });
  return new Elysia({ name: "crmd.live" }).ws("/socket/websocket", {
    detail: { hide: true },
    // Frames the client sends: large enough that an oversized push gets an error reply, not a dropped socket.
    maxPayloadLength: MAX_PAYLOAD_BYTES * 4,
    idleTimeout: 120,
    async beforeHandle({ request, query, set }) {
      const fromProtocol = protocolToken(request.headers.get("sec-websocket-protocol"));
      if (fromProtocol !== undefined) set.headers["sec-websocket-protocol"] = "phoenix";
      const token = fromProtocol ?? (typeof query.token === "string" ? query.token : undefined);
      const principal = token ? await channelPrincipal(ctx, token) : null;
      const origin = request.headers.get("origin");
      if (token && (!principal || !originAllowed(principal, origin)))
        throw forbidden("Invalid token");
      upgraded.set(request, { principal, origin });
    },
    open(ws) {
      const { principal, origin } = upgraded.get(ws.data.request) ?? {
        principal: null,
        origin: null,
      };
      connections.set(ws.raw, new Connection(services, ws.raw, principal, origin));
    },
    message(ws, message) {
      connections.get(ws.raw)?.receive(message);
    },
    close(ws) {
      connections.get(ws.raw)?.closed();
      connections.delete(ws.raw);
    },
  });
};
