import { and, eq } from "drizzle-orm";
import type { WriteTx } from "../db/client";
import { API_PREFIX } from "./auth";
import { ApiError } from "./errors";
import { parseHttpDate, wholeSecond } from "./http-date";
import type { SyncedTable } from "./pagination";
import { versionNamed } from "./record-version";
import { currentRequest, requestState } from "./request-state";

/**
 * Optimistic concurrency (RFC 9110 13.1.1, 13.1.4): a change to a record
 * may name the version it was made from (If-Match, or If-Unmodified-Since),
 * and is refused with 412 when the record has changed since. The check runs
 * as the first step of the request's write transaction (AppContext.write),
 * under the writer lock every write takes (SQLite's, or PostgreSQL's across
 * instances): nothing can change the row between the check and the write.
 */

/** Record routes (`/deals/:id`) and the table their `:id` names. */
const versionedRoutes = new Map<string, SyncedTable>();

/**
 * Declares that PATCH, PUT, DELETE and POST on `path` (`/deals/:id`) and
 * below it (`/deals/:id/move`) change the record `:id` of `table`: they
 * honour If-Match and If-Unmodified-Since, and the OpenAPI document says so.
 */
export function registerVersionedRecords(path: string, table: SyncedTable): void {
  versionedRoutes.set(`${API_PREFIX}${path}`, table);
}

/** The registered record path a route pattern is or is under, if any. */
export function versionedPathOf(route: string): string | undefined {
  for (const path of versionedRoutes.keys())
    if (route === path || route.startsWith(`${path}/`)) return path;
  return undefined;
}

const WRITES = new Set(["PATCH", "PUT", "DELETE", "POST"]);

/** What a request's write checks first: the record and the conditions the client sent. */
export interface Precondition {
  table: SyncedTable;
  tenantId: string;
  id: string;
  ifMatch: string | null;
  ifUnmodifiedSince: string | null;
}

/**
 * Before a write route's handler: notes the precondition its write must
 * check, when the request has one and the route changes a registered record.
 */
export function notePrecondition(
  request: Request,
  route: string,
  params: Record<string, string | undefined>,
): void {
  if (!WRITES.has(request.method)) return;
  const ifMatch = request.headers.get("if-match");
  const ifUnmodifiedSince = request.headers.get("if-unmodified-since");
  if (ifMatch === null && ifUnmodifiedSince === null) return;
  const path = versionedPathOf(route);
  const table = path && versionedRoutes.get(path);
  const state = requestState(request);
  const principal = state?.principal;
  if (!state || !table || !params.id || principal?.kind !== "key") return;
  state.precondition = {
    table,
    tenantId: principal.tenantId,
    id: params.id,
    ifMatch,
    ifUnmodifiedSince,
  };
}

/**
 * The current request's precondition check, taken once: the first write of
 * the request runs it inside its transaction. Called before the
 * transaction starts, since group commit may run it in another request's turn.
 */
export function takePrecondition(): ((tx: WriteTx) => Promise<void>) | undefined {
  const request = currentRequest();
  const state = request && requestState(request);
  const precondition = state?.precondition;
  if (!state || !precondition) return;
  state.precondition = undefined;
  return (tx) => checkPrecondition(tx, precondition);
}

/**
 * Refuses the write (412 PRECONDITION_FAILED) when the record, as it is in
 * this transaction, is not the version the client named. A record that is
 * not there (or deleted) is left to the route's own 404: RFC 9110 13.2.1
 * has preconditions ignored where the request would fail without them.
 */
export async function checkPrecondition(tx: WriteTx, precondition: Precondition): Promise<void> {
  const { table, tenantId, id, ifMatch, ifUnmodifiedSince } = precondition;
  const [row] = await tx
    .select({ syncSeq: table.syncSeq, updatedAt: table.updatedAt, deletedAt: table.deletedAt })
    .from(table)
    .where(and(eq(table.id, id), eq(table.tenantId, tenantId)));
  if (!row || row.deletedAt !== null) return;
  const version = (row.syncSeq as number).toString(36);
  if (ifMatch !== null) {
    if (!matchesVersion(ifMatch, version))
      throw preconditionFailed(
        "If-Match names another version of this record: it changed since. GET it again for its current ETag",
      );
    return;
  }
  // If-Unmodified-Since counts only without If-Match (RFC 9110 13.2.2).
  const since = parseHttpDate(ifUnmodifiedSince);
  if (since === null) return; // not an HTTP date: ignored (RFC 9110 13.1.4)
  // HTTP dates have whole seconds: a change within the named second counts as not after it.
  if (wholeSecond(row.updatedAt as Date) > since)
    throw preconditionFailed(
      `The record changed after If-Unmodified-Since: it was updated at ${(row.updatedAt as Date).toISOString()}`,
    );
}

/** `*` (the record exists), or a list of entity tags of which one names `version`. */
function matchesVersion(header: string, version: string): boolean {
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => versionNamed(tag) === version);
}

const preconditionFailed = (detail: string) => new ApiError(412, "PRECONDITION_FAILED", detail);
