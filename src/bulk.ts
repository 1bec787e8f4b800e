import { type TypeCheck, TypeCompiler } from "@sinclair/typebox/compiler";
import { type Static, type TSchema, t } from "elysia";
import type { WriteTx } from "../db/client";
import type { AppContext } from "./context";
import { ApiError, type FieldError, FieldErrors } from "./errors";
import { JsonInteger } from "./fields";
import { type ValueErrorLike, valueFieldErrors } from "./http-errors";
import { named, ONE_OF } from "./openapi/schemas";
import { unknownFields } from "./strict-input";

export const MAX_BULK_RECORDS = 500;

/**
 * `POST /<resource>/bulk` body. Records are checked one by one by runBulk,
 * not by the router, so an invalid record fails alone instead of the call.
 * Its example holds `example`, one valid record.
 */
export const bulkRequest = (recordDescription: string, example: unknown) =>
  t.Object(
    {
      records: t.Array(t.Any({ description: recordDescription }), {
        minItems: 1,
        maxItems: MAX_BULK_RECORDS,
        description: `1 to ${MAX_BULK_RECORDS} records`,
      }),
    },
    { examples: [{ records: [example] }] },
  );

const RecordIndex = JsonInteger({ description: "Position of the record in `records`" });
/** A record's outcome: applied (with the record's id), or refused with what failed. */
const BulkRecordResult = t.Union(
  [
    t.Object({
      index: RecordIndex,
      status: t.Union([t.Literal("created"), t.Literal("updated")]),
      id: t.String({ format: "uuid" }),
    }),
    t.Object({ index: RecordIndex, status: t.Literal("error"), errors: FieldErrors }),
  ],
  { [ONE_OF]: true },
);

export const BulkResult = named(
  "BulkResult",
  t.Object({
    results: t.Array(BulkRecordResult),
    created: JsonInteger(),
    updated: JsonInteger(),
    failed: JsonInteger(),
  }),
);

export type BulkResult = Static<typeof BulkResult>;
export interface BulkOutcome {
  status: "created" | "updated";
  id: string;
}

/** A bulk upsert's step: update the matching record when there is one, else create one. */
export async function upsert<Row>(
  existing: Row | undefined,
  update: (row: Row) => Promise<{ id: string }>,
  create: () => Promise<{ id: string }>,
): Promise<BulkOutcome> {
  if (existing) return { status: "updated", id: (await update(existing)).id };
  return { status: "created", id: (await create()).id };
}

const checkers = new WeakMap<TSchema, TypeCheck<TSchema>>();
function checkerFor(schema: TSchema): TypeCheck<TSchema> {
  let check = checkers.get(schema);
  if (!check) {
    check = TypeCompiler.Compile(schema);
    checkers.set(schema, check);
  }
  return check;
}

const errorsOf = (error: ApiError): FieldError[] =>
  error.errors ?? [{ path: "/", message: error.message }];

/**
 * Creates or updates many records in one write transaction. Each record is
 * validated against `schema` (undeclared fields included, as for a
 * single-record body), then applied in its own savepoint: a record that is
 * invalid or fails its checks (any 4xx ApiError) is reported and
 * rolled back alone, the others commit together. Any other error aborts the
 * whole call.
 */
export async function runBulk<S extends TSchema>(
  ctx: AppContext,
  records: unknown[],
  schema: S,
  apply: (tx: WriteTx, record: Static<S>) => Promise<BulkOutcome>,
): Promise<BulkResult> {
  const check = checkerFor(schema);
  return ctx.write(async (tx) => {
    const results: BulkResult["results"] = [];
    for (const [index, record] of records.entries()) {
      // A field the record does not declare fails it, as it fails a single-record body.
      const unknown = unknownFields(schema, record);
      if (unknown.length) {
        results.push({ index, status: "error", errors: unknown });
        continue;
      }
      if (!check.Check(record)) {
        const errors = valueFieldErrors([...check.Errors(record)] as ValueErrorLike[]);
        results.push({ index, status: "error", errors });
        continue;
      }
      try {
        const outcome = await tx.transaction((savepoint) => apply(savepoint as WriteTx, record));
        results.push({ index, ...outcome });
      } catch (error) {
        if (!(error instanceof ApiError) || error.status >= 500) throw error;
        results.push({ index, status: "error", errors: errorsOf(error) });
      }
    }
    // The answer itself: an Idempotency-Key's replay is stored with the write.
    const count = (status: string) => results.filter((r) => r.status === status).length;
    return {
      results,
      created: count("created"),
      updated: count("updated"),
      failed: count("error"),
    };
  });
}
