/**
 * A worker thread with its own read-only bun:sqlite connection. Long reads
 * (KPI aggregates, reports) run here so they never block the event loop that
 * serves every other request: in file mode the driver runs queries
 * synchronously.
 */
import { Database } from "bun:sqlite";

declare const self: Worker;

interface Job {
  id: number;
  sql: string;
  params: unknown[];
}

let db: Database | null = null;

self.onmessage = (event: MessageEvent<{ path: string } | { close: true } | Job>) => {
  const message = event.data;
  if ("close" in message) {
    // Close the connection on this thread before the owner terminates it.
    db?.close();
    db = null;
    self.postMessage({ closed: true });
    return;
  }
  if ("path" in message) {
    db = new Database(message.path, { readonly: true, strict: true });
    db.exec("PRAGMA busy_timeout = 5000");
    return;
  }
  try {
    if (!db) throw new Error("read worker not opened");
    const rows = db.query(message.sql).values(...(message.params as never[]));
    self.postMessage({ id: message.id, rows });
  } catch (error) {
    self.postMessage({ id: message.id, error: (error as Error).message });
  }
};
