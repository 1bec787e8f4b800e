/**
 * A worker thread with its own bun:sqlite connection that runs WAL
 * checkpoints for db/checkpointer.ts, off the thread that serves requests.
 */
import { Database } from "bun:sqlite";

declare const self: Worker;

let db: Database | null = null;

self.onmessage = (
  event: MessageEvent<{ path: string } | { close: true } | { checkpoint: true }>,
) => {
  const message = event.data;
  if ("close" in message) {
    db?.close();
    db = null;
    self.postMessage({ closed: true });
    return;
  }
  if ("path" in message) {
    db = new Database(message.path, { readwrite: true });
    db.exec("PRAGMA busy_timeout = 5000");
    return;
  }
  try {
    if (!db) throw new Error("checkpoint worker not opened");
    // PASSIVE: copies what no reader still needs and never waits for, or blocks, a writer.
    const result = db.query("PRAGMA wal_checkpoint(PASSIVE)").get() as {
      busy: number;
      log: number;
      checkpointed: number;
    };
    self.postMessage({ done: true, ...result });
  } catch (error) {
    self.postMessage({ done: true, error: (error as Error).message });
  }
};
