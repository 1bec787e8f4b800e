/**
 * Handles whose prepared queries live on another, longer-lived handle. A
 * PostgreSQL write batch gets a handle of its own (batch state such as
 * batchOf keys on it), but every batch's handle runs its statements through
 * one session that sends them on the batch open at the time: a query built
 * for one batch runs as well in the next, and building the write path's
 * queries anew each batch cost several percent of a `POST /deals`.
 */
const owners = new WeakMap<object, object>();

/** `handle`'s prepared queries are built once for `owner` and kept there. */
export function shareQueries(handle: object, owner: object): void {
  owners.set(handle, owner);
}

/** What a handle's prepared queries are kept on: its owner, or itself. */
export const queryOwner = (handle: object): object => owners.get(handle) ?? handle;

/**
 * A prepared statement run with its placeholders' values in their order in
 * the statement, as drizzle's `run` would bind them by name (its errors
 * wrapped as drizzle wraps them), without looking each value up by its
 * name and without drizzle's layers of promises around the call. PostgreSQL
 * handles' prepared queries carry one under this key (db/pg/database.ts);
 * a write batch's inserts run through it (src/prepared.ts, insertValues).
 */
export type RunByPosition = (values: unknown[]) => Promise<unknown>;
export const RUN_BY_POSITION: unique symbol = Symbol("crmd.runByPosition");
