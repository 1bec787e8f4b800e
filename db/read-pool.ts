import type { OffloadableQuery } from "./client";

/** Rows of an offloaded query keyed like the select's fields. */
export function keyedRows<T>(query: OffloadableQuery, rows: unknown[][]): T[] {
  const names = Object.keys(query._?.selectedFields ?? {});
  return rows.map(
    (values) => Object.fromEntries(values.map((v, i) => [names[i] ?? String(i), v])) as T,
  );
}

/**
 * Runs long read queries on a worker thread with its own connection, so a
 * 50 ms aggregate does not stall every other request on the event loop.
 */
export class ReadWorker {
  private worker: Worker;
  private onClosed: (() => void) | null = null;
  private nextId = 1;
  private pending = new Map<
    number,
    { resolve: (rows: unknown[]) => void; reject: (e: Error) => void }
  >();

  constructor(path: string) {
    this.worker = new Worker(new URL("./worker.ts", import.meta.url).href);
    this.worker.postMessage({ path, role: "read" });
    this.worker.onmessage = (
      event: MessageEvent<{ id: number; rows?: unknown[]; error?: string; closed?: true }>,
    ) => {
      if (event.data.closed) return this.onClosed?.();
      const { id, rows, error } = event.data;
      const waiter = this.pending.get(id);
      if (!waiter) return;
      this.pending.delete(id);
      if (error !== undefined) waiter.reject(new Error(error));
      else waiter.resolve(rows ?? []);
    };
    // The worker must not keep the process alive on its own.
    this.worker.unref();
  }

  /** Queries sent and not yet answered: the one running on the thread and those waiting. */
  get inFlight(): number {
    return this.pending.size;
  }

  query<T>(sql: string, params: unknown[]): Promise<T[]> {
    const id = this.nextId++;
    return new Promise<T[]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (rows: unknown[]) => void, reject });
      this.worker.postMessage({ id, sql, params });
    });
  }

  /** Closes the worker's connection on its own thread, then ends the thread. */
  async close(): Promise<void> {
    for (const waiter of this.pending.values()) waiter.reject(new Error("database closed"));
    this.pending.clear();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1000);
      this.onClosed = () => {
        clearTimeout(timer);
        resolve();
      };
      this.worker.postMessage({ close: true });
    });
    this.worker.terminate();
  }
}
