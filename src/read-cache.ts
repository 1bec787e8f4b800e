import type { Database } from "../db/client";

/**
 * Results of reads, kept while the database is unchanged: SQLite's
 * data_version moves on any commit from any process, and then every entry
 * goes. List totals and KPIs use it; on remote databases (no data_version)
 * nothing is cached.
 */
export class ReadCache {
  private version: number | null = null;
  private entries = new Map<string, { value: unknown; at: number }>();

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
    const version = db.dataVersion();
    if (version === null) return compute();
    if (version !== this.version) {
      this.version = version;
      this.entries.clear();
    }
    const hit = this.entries.get(key);
    const age = hit && freshness ? freshness.nowMs - hit.at : 0;
    if (hit && age >= 0 && age < (freshness?.maxAgeMs ?? Number.POSITIVE_INFINITY))
      return hit.value as T;
    const value = await compute();
    if (this.entries.size > 10_000) this.entries.clear();
    this.entries.set(key, { value, at: freshness?.nowMs ?? 0 });
    return value;
  }
}
