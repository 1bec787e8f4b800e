import { currentRequest } from "./request-state";

/** The request header that sends a request's reads to the primary (docs/postgresql.md). */
export const CONSISTENCY_HEADER = "X-Consistency";

/**
 * Whether an operation's reads may be served by the read replica, and so
 * whether `X-Consistency: strong` changes what it answers: every operation
 * of the APIs (`/api/...`). Reads, and writes too, read through the read
 * handle (`db.read`, the replica's): lists and records, the lookups a write
 * validates against (an object type, a tenant's event types) and some
 * answers built after a write. The probes (`/healthz`, `/readyz`) and
 * `/metrics` read the primary.
 */
export const readsMayLag = (path: string): boolean => path.startsWith("/api/");

/** True while the current request asked for strong consistency: its reads go to the primary. */
export const prefersPrimary = (): boolean =>
  currentRequest()?.headers.get(CONSISTENCY_HEADER) === "strong";
