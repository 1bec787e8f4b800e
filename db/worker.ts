/**
 * A worker thread with its own bun:sqlite connection, in one of two roles:
 * - read (db/read-pool.ts): long reads (KPI aggregates, reports) run here so
 *   they never block the event loop that serves every other request; in
 *   file mode the driver runs queries synchronously;
 * - checkpoint (db/checkpointer.ts): WAL checkpoints, off the writer's thread.
 * One script for both, so the binary embeds one entrypoint for either.
 */
import { Database } from "bun:sqlite";

declare const self: Worker;

interface Job {
  id: number;
  sql: string;
  params: unknown[];
}

type Message =
  | { path: string; role: "read" | "checkpoint" }
  | { close: true }
  | { checkpoint: true }
  | Job;

let db: Database | null = null;

function open(path: string, role: "read" | "checkpoint") {
  db =
    role === "read"
      ? new Database(path, { readonly: true, strict: true })
      : new Database(path, { readwrite: true });
  db.exec("PRAGMA busy_timeout = 5000");
}

/** PASSIVE: copies what no reader still needs and never waits for, or blocks, a writer. */
function checkpoint(conn: Database) {
  return conn.query("PRAGMA wal_checkpoint(PASSIVE)").get() as {
    busy: number;
    log: number;
    checkpointed: number;
  };
}

self.onmessage = (event: MessageEvent<Message>) => {
  const message = event.data;
  if ("close" in message) {
    // Close the connection on this thread before the owner terminates it.
    db?.close();
    db = null;
    self.postMessage({ closed: true });
    return;
  }
  if ("path" in message) return open(message.path, message.role);
  if ("checkpoint" in message) {
    try {
      if (!db) throw new Error("worker not opened");
      self.postMessage({ done: true, ...checkpoint(db) });
    } catch (error) {
      self.postMessage({ done: true, error: (error as Error).message });
    }
    return;
  }
  try {
    if (!db) throw new Error("worker not opened");
    const rows = db.query(message.sql).values(...(message.params as never[]));
    self.postMessage({ id: message.id, rows });
  } catch (error) {
    self.postMessage({ id: message.id, error: (error as Error).message });
  }
};
