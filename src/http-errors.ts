import { ValueErrorType } from "@sinclair/typebox/errors";
import type { ValidationError } from "elysia";
import { ApiError, answeredFieldErrors, type FieldError } from "./errors";
import { CURRENCY_MESSAGE, CURRENCY_PATTERN, NOT_BLANK, NOT_BLANK_MESSAGE } from "./fields";
import { JSON_TYPE } from "./http-conventions";
import type { Logger } from "./logger";
import { actionFor } from "./strict-input";

export interface ValueErrorLike {
  path: string;
  message: string;
  /** TypeBox's kind of failure: which of the schema's rules the value broke. */
  type?: number;
  value?: unknown;
  schema?: {
    anyOf?: Array<{ const?: unknown }>;
    enum?: unknown[];
    type?: unknown;
    pattern?: string;
    format?: string;
    maxLength?: number;
  };
  /** A failed union's errors, one iterator per variant. */
  errors?: Array<{ First(): ValueErrorLike | undefined }>;
}

/** What a string of a format gets instead of TypeBox's "Expected string to match 'email' format". */
const FORMAT_MESSAGES: Record<string, string> = {
  email: "must be an email address",
};

/**
 * A failed optional-or-null field (`t.Nullable(x)`) reports "Expected union
 * value"; the error of its one non-null variant says what is wrong.
 */
function nullableCause(e: ValueErrorLike): ValueErrorLike {
  if (!e.errors?.length || e.value === null) return e;
  const causes = e.errors
    .map((variant) => variant.First())
    .filter(
      (cause): cause is ValueErrorLike => cause !== undefined && cause.schema?.type !== "null",
    );
  if (causes.length === 1 && e.errors.length === 2) return nullableCause(causes[0]);
  return variantOfValueType(e, causes) ?? e;
}

const jsonType = (value: unknown) =>
  Array.isArray(value) ? "array" : value === null ? "null" : typeof value;

/**
 * A union of variants of different types (one address or a list of them):
 * the variant of the value's own type says what is wrong inside it, so a
 * bad list item is reported at its index (`/to/0`), not as the whole union.
 */
function variantOfValueType(e: ValueErrorLike, causes: ValueErrorLike[]) {
  const sameType = causes.filter(
    (cause) => cause.path !== e.path || cause.schema?.type === jsonType(e.value),
  );
  return sameType.length === 1 ? sameType[0] : undefined;
}

/** Field errors from Elysia's validation error, without echoing the schema. */
export const fieldErrors = (error: ValidationError): FieldError[] =>
  valueFieldErrors((error.all ?? []) as ValueErrorLike[]);

/**
 * What a text that breaks a rule of its schema gets instead of TypeBox's
 * wording, by the rule it broke (a long body of a required text is too
 * long, not blank). Errors without a type (a hand-made check's) go by the schema.
 */
function stringMessage(e: ValueErrorLike): string | undefined {
  const broke = (type: ValueErrorType) => e.type === undefined || e.type === type;
  if (e.type === ValueErrorType.StringMaxLength && e.schema?.maxLength !== undefined)
    return `must be at most ${e.schema.maxLength} characters`;
  if (e.schema?.pattern === NOT_BLANK && broke(ValueErrorType.StringPattern))
    return NOT_BLANK_MESSAGE;
  if (e.schema?.pattern === CURRENCY_PATTERN && broke(ValueErrorType.StringPattern))
    return CURRENCY_MESSAGE;
  if (e.schema?.format && broke(ValueErrorType.StringFormat))
    return FORMAT_MESSAGES[e.schema.format];
  return undefined;
}

/** Field errors from TypeBox value errors: one per path, enum choices spelled out. */
export function valueFieldErrors(all: Iterable<ValueErrorLike>): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const error of all) {
    const e = nullableCause(error);
    const path = e.path || "/";
    if (seen.has(path)) continue;
    seen.add(path);
    const choices = e.schema?.anyOf?.every((s) => "const" in s)
      ? e.schema.anyOf.map((s) => String(s.const))
      : undefined;
    // A required text's pattern speaks for a blank string only: a missing
    // field is "is required", a number or an array keeps TypeBox's "Expected string".
    const action =
      choices && typeof e.value === "string" ? actionFor(e.schema, e.value) : undefined;
    const message = choices
      ? `must be one of: ${choices.join(", ")}${action ? `; ${e.value} ${action}` : ""}`
      : e.value === undefined
        ? "is required"
        : typeof e.value === "string"
          ? (stringMessage(e) ?? e.message)
          : e.message;
    out.push({ path, message });
  }
  if (out.length === 0) out.push({ path: "/", message: "invalid request" });
  return out;
}

const json = (status: number, body: unknown, headers: Record<string, string>) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { ...headers, "content-type": JSON_TYPE },
  });

/**
 * 405 for a path that exists under other methods, with `Allow` naming them;
 * OPTIONS (other than a CORS preflight, answered before) gets 204 and `Allow`.
 */
export const methodNotAllowed = (
  method: string,
  allowed: string[],
  headers: Record<string, string>,
  requestId: string,
) =>
  method === "OPTIONS"
    ? new Response(null, { status: 204, headers: { ...headers, allow: allowed.join(", ") } })
    : json(
        405,
        {
          detail: `${method} is not allowed here; this path takes ${allowed.join(", ")}`,
          code: "METHOD_NOT_ALLOWED",
          request_id: requestId,
        },
        { ...headers, allow: allowed.join(", ") },
      );

/**
 * Turns any failure into the one error shape: `{"detail", "code"}` plus
 * field `errors` for 422, with the request id. 500s never show internals.
 */
/** The error, or one of its causes (drizzle wraps the database's), that carries a 4xx status. */
function clientError(error: unknown): { status: number; message?: string } | undefined {
  for (let e = error; e; e = (e as { cause?: unknown }).cause) {
    const status = (e as { status?: unknown }).status;
    if (typeof status === "number" && status >= 400 && status < 500)
      return e as { status: number; message?: string };
  }
  return undefined;
}

export function errorResponse(
  code: string | number,
  error: unknown,
  headers: Record<string, string>,
  requestId: string,
  logger: Logger,
): Response {
  // A body parser's own refusal (a malformed upload) comes wrapped in Elysia's ParseError.
  const cause = (error as { cause?: unknown } | null)?.cause;
  const refusal =
    error instanceof ApiError
      ? error
      : code === "PARSE" && cause instanceof ApiError
        ? cause
        : null;
  if (refusal) {
    const errors = answeredFieldErrors(refusal.status, refusal.message, refusal.errors);
    return json(
      refusal.status,
      {
        detail: refusal.message,
        code: refusal.code,
        request_id: requestId,
        ...(errors ? { errors } : {}),
      },
      { ...headers, ...refusal.headers },
    );
  }
  switch (code) {
    case "VALIDATION": {
      const errors = fieldErrors(error as ValidationError);
      const first = errors[0];
      return json(
        422,
        {
          detail: `${first.path === "/" ? "request" : first.path.slice(1)}: ${first.message}`,
          code: "VALIDATION_ERROR",
          request_id: requestId,
          errors,
        },
        headers,
      );
    }
    case "PARSE":
      return json(
        400,
        { detail: "Malformed JSON body", code: "BAD_REQUEST", request_id: requestId },
        headers,
      );
    case "NOT_FOUND":
      return json(
        404,
        { detail: "Route not found", code: "NOT_FOUND", request_id: requestId },
        headers,
      );
    case "INVALID_COOKIE_SIGNATURE":
    case "INVALID_FILE_TYPE":
      return json(
        400,
        { detail: (error as Error).message, code: "BAD_REQUEST", request_id: requestId },
        headers,
      );
    default: {
      const client = clientError(error);
      if (client) {
        // A 422 from below the API (input the database cannot store) is a validation error too.
        const detail = client.message || "Request failed";
        const errors = answeredFieldErrors(client.status, detail, undefined);
        return json(
          client.status,
          {
            detail,
            code: errors ? "VALIDATION_ERROR" : "BAD_REQUEST",
            request_id: requestId,
            ...(errors ? { errors } : {}),
          },
          headers,
        );
      }
      logger.error("unhandled error", { request_id: requestId, error });
      return json(
        500,
        { detail: "Internal server error", code: "INTERNAL", request_id: requestId },
        headers,
      );
    }
  }
}
