import { Database as BunSqlite, type Statement } from "bun:sqlite";

/** Statements a connection keeps compiled: more than crmd's distinct write and read shapes. */
const STATEMENT_CACHE_SIZE = 256;

/**
 * A bun:sqlite connection whose prepare() reuses compiled statements (least
 * recently used out first). drizzle prepares every query anew; compiling an
 * insert into `deals` (16 indexes, two triggers) costs more than running it.
 *
 * An evicted statement is not finalized: a drizzle prepared query may still
 * hold it (src/prepared.ts keeps hot ones for the life of the handle). It is
 * left to the garbage collector, and whatever is still alive when the
 * connection closes is finalized then, never after.
 */
export class CachingConnection extends BunSqlite {
  private readonly statements = new Map<string, Statement>();
  private evicted: WeakRef<Statement>[] = [];

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
    if (this.statements.size > STATEMENT_CACHE_SIZE) this.evictOldest();
    return statement;
  }

  private evictOldest() {
    const [oldest, statement] = this.statements.entries().next().value as [string, Statement];
    this.statements.delete(oldest);
    if (this.evicted.length >= STATEMENT_CACHE_SIZE)
      this.evicted = this.evicted.filter((ref) => ref.deref() !== undefined);
    this.evicted.push(new WeakRef(statement));
  }

  override close(throwOnError?: boolean): void {
    for (const statement of this.statements.values()) statement.finalize();
    for (const ref of this.evicted) ref.deref()?.finalize();
    this.statements.clear();
    this.evicted = [];
    super.close(throwOnError);
  }
}
