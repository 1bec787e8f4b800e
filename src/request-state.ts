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
  /** The Idempotency-Key this request holds until its response is stored (see idempotency.ts). */
  idempotency?: IdempotencyClaim;
  /** The body, read and checked before routing (body.ts). */
  body?: Uint8Array;
  /** The status of an error answer, which the after-response hook cannot see otherwise. */
  status?: number;
}

const states = new WeakMap<Request, RequestState>();

export const setRequestState = (request: Request, state: RequestState) =>
  states.set(request, state);
export const requestState = (request: Request): RequestState | undefined => states.get(request);
