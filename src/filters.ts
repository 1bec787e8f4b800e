import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { type FieldFilter, filterBy } from "./pagination";

/**
 * A list filter: `column = value` when the query gives the value, no
 * condition otherwise. A FieldFilter, so the list is prepared once per shape.
 */
export const eqIf = (column: SQLiteColumn, value: string | undefined): FieldFilter | undefined =>
  filterBy(column, "eq", value);
