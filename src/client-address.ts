import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";

/**
 * The client's address from the socket's peer and X-Forwarded-For. Behind a
 * load balancer every peer is the balancer; when the peer is a trusted proxy
 * (CRMD_TRUSTED_PROXIES), the client is the last address of the chain that
 * is not a trusted proxy itself, since whatever comes before it was written
 * by the client (Express's rule, through its proxy-addr library). With no
 * trusted proxy the header is ignored.
 */
export function clientAddressOf(trusted: string[]): (request: Request, peer: string) => string {
  if (trusted.length === 0) return (_request, peer) => peer;
  const trust = proxyaddr.compile(trusted);
  return (request, peer) => {
    const forwardedFor = request.headers.get("x-forwarded-for") ?? undefined;
    // proxy-addr reads a Node request: the peer and the header are all it looks at.
    const asNode = {
      socket: { remoteAddress: peer },
      headers: { "x-forwarded-for": forwardedFor },
    };
    return proxyaddr(asNode as unknown as IncomingMessage, trust);
  };
}
