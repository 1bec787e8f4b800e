import { eq, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

/** A list filter: `column = value` when the query gives the value, no condition otherwise. */
export const eqIf = (column: SQLiteColumn, value: string | undefined): SQL | undefined =>
  value === undefined ? undefined : eq(column, value);
