import type { Database } from "../db/client";

/**
 * Results of reads, kept while the database is unchanged: its change
 * version (db.changeVersion: SQLite's data_version, PostgreSQL's change
 * counters) moves on any commit from any process or instance, and then
 * every entry goes. List totals and KPIs use it; on remote libSQL (no
 * version) nothing is cached.
 */
export class ReadCache {
  private version: number | null = null;
  private entries = new Map<string, { value: unknown; at: number }>();
  /** Computations under way: callers asking for the same key meanwhile share one. */
  private pending = new Map<string, Promise<unknown>>();

  /**
   * The cached value of `key`, or `compute()`'s. `maxAgeMs` bounds how old an
   * answer may be for values that also depend on the time (`nowMs`).
   */
  async get<T>(
    db: Database,
    key: string,
    compute: () => Promise<T>,
    freshness?: { maxAgeMs: number; nowMs: number },
  ): Promise<T> {
    const current = db.changeVersion();
    const version = typeof current === "number" || current === null ? current : await current;
    if (version === null) return compute();
    if (version !== this.version) {
      this.version = version;
      this.entries.clear();
    }
    const hit = this.entries.get(key);
    const age = hit && freshness ? freshness.nowMs - hit.at : 0;
    if (hit && age >= 0 && age < (freshness?.maxAgeMs ?? Number.POSITIVE_INFINITY))
      return hit.value as T;
    const flightKey = `${version}\u0000${key}`;
    const running = this.pending.get(flightKey);
    if (running) return running as Promise<T>;
    const computing = compute()
      .then((value) => {
        // Stored only while the database is still at the version it was computed for.
        if (this.version === version) {
          if (this.entries.size > 10_000) this.entries.clear();
          this.entries.set(key, { value, at: freshness?.nowMs ?? 0 });
        }
        return value;
      })
      .finally(() => this.pending.delete(flightKey));
    this.pending.set(flightKey, computing);
    return computing;
  }
}
