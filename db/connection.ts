import { Database as BunSqlite, type Statement } from "bun:sqlite";

/** Statements a connection keeps compiled: more than crmd's distinct write and read shapes. */
const STATEMENT_CACHE_SIZE = 256;

/**
 * A bun:sqlite connection whose prepare() reuses compiled statements (least
 * recently used out first). drizzle prepares every query anew; compiling an
 * insert into `deals` (16 indexes, two triggers) costs more than running it.
 * Statements are finalized before the connection closes, never after.
 */
export class CachingConnection extends BunSqlite {
  private readonly statements = new Map<string, Statement>();

  // biome-ignore lint/suspicious/noExplicitAny: mirrors bun:sqlite's own signature.
  override prepare(sql: string, params?: any): Statement<any, any> {
    if (params !== undefined) return super.prepare(sql, params);
    const cached = this.statements.get(sql);
    if (cached) {
      this.statements.delete(sql);
      this.statements.set(sql, cached);
      return cached;
    }
    const statement = super.prepare(sql);
    this.statements.set(sql, statement);
    if (this.statements.size > STATEMENT_CACHE_SIZE) {
      const [oldest, evicted] = this.statements.entries().next().value as [string, Statement];
      this.statements.delete(oldest);
      evicted.finalize();
    }
    return statement;
  }

  override close(throwOnError?: boolean): void {
    for (const statement of this.statements.values()) statement.finalize();
    this.statements.clear();
    super.close(throwOnError);
  }
}
