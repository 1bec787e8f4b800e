import { builtInEventTypes } from "../events";

/** True when a webhook subscribed to `patterns` wants events of `type`: exact, `prefix.*` or `*`. */
export function matchesSubscription(patterns: readonly string[], type: string): boolean {
  for (const pattern of patterns) {
    if (pattern === "*" || pattern === type) return true;
    if (pattern.endsWith(".*") && type.startsWith(pattern.slice(0, -1))) return true;
  }
  return false;
}

/**
 * A pattern is valid when it is `*`, a known event type (of the catalogue or
 * `tenantTypes`, the subscribing tenant's own), or `prefix.*` matching some
 * known type. Types other tenants defined are unknown here: accepting them
 * would tell a tenant which custom objects others have.
 */
export function isValidSubscription(pattern: string, tenantTypes: readonly string[] = []): boolean {
  if (pattern === "*") return true;
  const known = [...builtInEventTypes(), ...tenantTypes];
  if (pattern.endsWith(".*")) {
    const prefix = pattern.slice(0, -1);
    return prefix.length > 1 && known.some((type) => type.startsWith(prefix));
  }
  return known.includes(pattern);
}

/**
 * Headers crmd sets itself (signatures, framing, routing, trace context): a
 * webhook's custom headers may not set them in any letter case (fetch would
 * join two spellings of one name into one comma-separated value).
 */
const RESERVED_HEADERS = new Set([
  "host",
  "content-type",
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "upgrade",
  "te",
  "trailer",
  "expect",
  "user-agent",
  "traceparent",
]);
const RESERVED_PREFIXES = ["x-webhook-", "webhook-", "proxy-"];

export const isReservedHeader = (name: string): boolean => {
  const lower = name.toLowerCase();
  return RESERVED_HEADERS.has(lower) || RESERVED_PREFIXES.some((p) => lower.startsWith(p));
};
