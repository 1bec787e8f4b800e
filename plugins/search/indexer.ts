import { type AppContext, type BackgroundWorker, RepeatedFailureLog } from "../../src/core";

/** How often queued rows are indexed: how stale the index may be for a reader that does not search. */
const INDEX_INTERVAL_MS = 200;

/**
 * Indexes the rows that writes queued for full-text search (db/search.ts), a
 * few times a second, so a search rarely finds work left to do before it
 * answers. Any instance on the database may do it; batches never overlap.
 */
export function searchIndexer(ctx: AppContext): BackgroundWorker {
  let timer: ReturnType<typeof setInterval> | null = null;
  let running: Promise<void> | null = null;
  const failures = new RepeatedFailureLog(ctx.logger, "search indexing failed");
  const pass = async () => {
    try {
      await ctx.db.dialect.catchUpSearchIndex(ctx.db);
      failures.succeeded();
    } catch (error) {
      failures.failed(error);
    } finally {
      running = null;
    }
  };
  return {
    name: "search_indexer",
    start() {
      timer = setInterval(() => {
        running ??= pass();
      }, INDEX_INTERVAL_MS);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
