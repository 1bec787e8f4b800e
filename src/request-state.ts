import { AsyncLocalStorage } from "node:async_hooks";
import type { IdempotencyClaim } from "./idempotency";
import type { KeyPrincipal } from "./keys";

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
}

const states = new WeakMap<Request, RequestState>();

export const setRequestState = (request: Request, state: RequestState) =>
  states.set(request, state);
export const requestState = (request: Request): RequestState | undefined => states.get(request);

const current = new AsyncLocalStorage<Request>();

/** Handles a request with it as the current one: writes made for it can find its state. */
export const handling = <T>(request: Request, fn: () => T): T => current.run(request, fn);

/** The request whose handling this code runs in, if any. */
export const currentRequest = (): Request | undefined => current.getStore();

/** Runs `fn` outside any request: work a request only wakes (the webhook dispatcher). */
export const outsideRequest = <T>(fn: () => T): T => current.exit(fn);
