import { AsyncLocalStorage } from "node:async_hooks";
import type { IdempotencyClaim } from "./idempotency";
import type { KeyPrincipal } from "./keys";
import type { Precondition } from "./preconditions";

export interface AdminPrincipal {
  kind: "admin";
}
export type Principal = KeyPrincipal | AdminPrincipal;

/** Per-request facts gathered before routing (request id, start time, caller). */
export interface RequestState {
  requestId: string;
  startedAt: number;
  principal: Principal | null;
  /** The client's address (behind trusted proxies, from X-Forwarded-For), worked out when asked. */
  clientAddress: () => string;
  /** The Idempotency-Key this request holds until its response is stored (see idempotency.ts). */
  idempotency?: IdempotencyClaim;
  /** The body, read and checked before routing (body.ts). */
  body?: Uint8Array;
  /**
   * A multipart upload, left unread before routing: its route streams it
   * (body.ts `uploadBody`) and claims the Idempotency-Key afterwards.
   */
  streamed?: boolean;
  /** The streamed body's request hash for the Idempotency-Key, once read to its end. */
  bodyHash?: string;
  /** The status of an error answer, which the after-response hook cannot see otherwise. */
  status?: number;
  /** The success status of the route (201 for a create), known once routed. */
  successStatus?: number;
  /**
   * A strict-input refusal (undeclared field or parameter, 422) held until
   * the route's auth check passed: a key without the scope sees 403, never
   * a 422 that teaches the schema (src/app.ts, src/auth.ts `inputsChecked`).
   */
  inputError?: unknown;
  /** If-Match or If-Unmodified-Since on a record, until the request's write checks it (preconditions.ts). */
  precondition?: Precondition;
  /** The version of the record the route answers with, if it answers with one (record-version.ts). */
  recordVersion?: number;
  /** What to undo if the request fails (see whenRequestEnds). */
  cleanups?: Array<() => Promise<void>>;
}

const states = new WeakMap<Request, RequestState>();

export const setRequestState = (request: Request, state: RequestState) =>
  states.set(request, state);
export const requestState = (request: Request): RequestState | undefined => states.get(request);

/**
 * Runs `cleanup` when the request ends: in the error hook, before a
 * failure is answered, or else after the response. For what a route began
 * before it knows whether its handler runs (an upload its parser staged):
 * the route makes `cleanup` a no-op once the handler finished with it.
 */
export function whenRequestEnds(request: Request, cleanup: () => Promise<void>): void {
  const state = requestState(request);
  if (!state) return;
  state.cleanups ??= [];
  state.cleanups.push(cleanup);
}

/** Runs (once) what whenRequestEnds registered; failures are the cleanups' own to log. */
export async function requestEnded(request: Request): Promise<void> {
  const state = requestState(request);
  const cleanups = state?.cleanups;
  if (!state || !cleanups) return;
  state.cleanups = undefined;
  for (const cleanup of cleanups) await cleanup().catch(() => {});
}

const current = new AsyncLocalStorage<Request>();

/** Handles a request with it as the current one: writes made for it can find its state. */
export const handling = <T>(request: Request, fn: () => T): T => current.run(request, fn);

/** The request whose handling this code runs in, if any. */
export const currentRequest = (): Request | undefined => current.getStore();

/** Runs `fn` outside any request: work a request only wakes (the webhook dispatcher). */
export const outsideRequest = <T>(fn: () => T): T => current.exit(fn);
