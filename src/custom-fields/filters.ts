import { type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { t } from "elysia";
import type { ReadDb } from "../../db/client";
import { customFieldValues } from "../../db/schema";
import { invalid } from "../errors";
import type { BoundFilter } from "../pagination";
import { definitionsOf } from "./definitions";
import { filterOperand, isNumeric } from "./types";

/** `cf.<key>` or `cf.<key>[op]`: the query parameters custom-field filters take. */
export const CUSTOM_FILTER = /^cf\.([a-z][a-z0-9_]*)(?:\[([a-z]+)\])?$/;

/** Options of a list's query schema: it takes `cf.*` parameters (strict inputs accept them). */
export const CUSTOM_FILTER_QUERY = {
  patternProperties: {
    [CUSTOM_FILTER.source]: t.String({
      description:
        "Custom field filter: cf.<key>=value or cf.<key>[eq|ne|gt|gte|lt|lte|in]=value; text, select, url and email values match in any letter case; ne includes records without a value (docs/data-model.md)",
    }),
  },
};

const OPERATORS = { eq: "=", ne: "=", gt: ">", gte: ">=", lt: "<", lte: "<=", in: "in" } as const;
type Operator = keyof typeof OPERATORS;

/** The `cf.*` parameters of a request URL, in order. */
export function customFilterParams(url: string): Array<[string, string]> {
  const query = url.indexOf("?");
  if (query < 0 || !url.includes("cf.", query)) return [];
  return [...new URLSearchParams(url.slice(query + 1))].filter(([name]) => name.startsWith("cf."));
}

/**
 * The list filters of a request's `cf.*` parameters on `object`: each one
 * a subquery on the value index (tenant, object, key, value), so a list
 * filtered on a custom field reads that index. 422 for an unknown field or
 * operator, or a value that does not fit the field's type.
 */
export async function customFieldFilters(
  db: ReadDb,
  tenantId: string,
  object: string,
  idColumn: SQLiteColumn,
  url: string,
): Promise<BoundFilter[]> {
  const params = customFilterParams(url);
  if (params.length === 0) return [];
  const definitions = await definitionsOf(db, tenantId, object);
  return params.map(([name, raw]) => {
    const path = `/${name}`;
    const match = CUSTOM_FILTER.exec(name);
    const definition = match && definitions.get(match[1]);
    if (!definition) throw invalid(path, `is not a custom field of ${object}`);
    const op = (match[2] ?? "eq") as Operator;
    if (!(op in OPERATORS))
      throw invalid(path, `operator must be one of ${Object.keys(OPERATORS).join(", ")}`);
    const numeric = isNumeric(definition.type);
    if (op !== "eq" && op !== "ne" && op !== "in" && !numeric && definition.type !== "date")
      throw invalid(path, `a ${definition.type} field takes eq, ne and in only`);
    const operands = (op === "in" ? raw.split(",") : [raw]).map((v) => {
      const entry = filterOperand(definition, v.trim(), path);
      return numeric ? entry.num : entry.text;
    });
    const value = op === "in" ? JSON.stringify(operands) : operands[0];
    return valueFilter(tenantId, object, definition.key, idColumn, op, numeric, value);
  });
}

function valueFilter(
  tenantId: string,
  object: string,
  key: string,
  idColumn: SQLiteColumn,
  op: Operator,
  numeric: boolean,
  value: unknown,
): BoundFilter {
  const v = customFieldValues;
  const column = numeric ? v.valueNum : v.valueText;
  return {
    shape: `cf:${column.name}:${op}`,
    values: [tenantId, object, key, value],
    build: ([tenant, objectType, fieldKey, operand]): SQL => {
      const compare =
        op === "in"
          ? sql`${column} in (select value from json_each(${operand}))`
          : sql`${column} ${sql.raw(OPERATORS[op])} ${operand}`;
      // A number's row holds '' as its text: comparing it keeps the search on the key's prefix.
      const kind = numeric ? sql` and ${v.valueText} = ''` : sql``;
      const matching = sql`select ${v.recordId} from ${v} where ${v.tenantId} = ${tenant} and ${v.objectType} = ${objectType} and ${v.fieldKey} = ${fieldKey}${kind} and ${compare}`;
      return op === "ne"
        ? sql`${idColumn} not in (${matching})`
        : sql`${idColumn} in (${matching})`;
    },
  };
}
