import type { Database } from "../../db/client";

export interface Explainable {
  toSQL(): { sql: string; params: unknown[] };
}

/** The steps of EXPLAIN QUERY PLAN for a query, on an embedded database. */
export function planOf(db: Database, query: Explainable): string[] {
  const { sql, params } = query.toSQL();
  const rows = db.raw?.query(`EXPLAIN QUERY PLAN ${sql}`).all(...(params as never[])) ?? [];
  return (rows as Array<{ detail: string }>).map((r) => r.detail);
}

/**
 * Steps reading a whole table: `SCAN deals`, not `SCAN deals USING [COVERING]
 * INDEX …`, nor json_each over one row's tags, nor SCAN CONSTANT ROW.
 */
export const fullScans = (steps: string[]) =>
  steps.filter(
    (s) =>
      s.startsWith("SCAN ") &&
      !s.includes(" USING ") &&
      !s.includes("VIRTUAL TABLE") &&
      s !== "SCAN CONSTANT ROW",
  );
