import { t } from "elysia";
import { named } from "./openapi/schemas";

export interface FieldError {
  path: string;
  message: string;
}

/** An error with an HTTP status and a stable machine-readable code; the only kind handlers throw. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
  }
}

export const badRequest = (detail: string) => new ApiError(400, "BAD_REQUEST", detail);
export const unauthorized = (detail = "Invalid or missing API key") =>
  new ApiError(401, "UNAUTHORIZED", detail);
export const forbidden = (detail = "Insufficient permissions") =>
  new ApiError(403, "FORBIDDEN", detail);
export const notFound = (what: string) => new ApiError(404, "NOT_FOUND", `${what} not found`);
export const conflict = (detail: string) => new ApiError(409, "CONFLICT", detail);
/** 409 for one field (a value another record holds), with its path as a 422 has it. */
export const conflictAt = (path: string, message: string) =>
  new ApiError(409, "CONFLICT", `${path.slice(1)}: ${message}`, [{ path, message }]);
/** 422 for one field; `path` is a JSON pointer such as `/stage_id`. */
export const invalid = (path: string, message: string) =>
  new ApiError(422, "VALIDATION_ERROR", `${path.slice(1) || "request"}: ${message}`, [
    { path, message },
  ]);

/**
 * Runs `work` on a part of the request body at `prefix` (such as `/fields/2`):
 * the field errors it throws point at that part, as the caller sent it.
 */
export async function within<T>(prefix: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ApiError) || !error.errors) throw error;
    const [first] = error.errors;
    const own = `${first.path.slice(1)}: `;
    const detail =
      error.errors.length === 1 && error.message.startsWith(own)
        ? `${prefix.slice(1)}${first.path}: ${error.message.slice(own.length)}`
        : error.message;
    const errors = error.errors.map((e) => ({ path: `${prefix}${e.path}`, message: e.message }));
    throw new ApiError(error.status, error.code, detail, errors, error.headers);
  }
}

/** What failed in a request: where (a JSON pointer into it, `/` for the whole) and why. */
const FieldErrorSchema = named(
  "FieldError",
  t.Object({
    path: t.String({
      description: "JSON pointer into the request (`/currency`); `/`: the request as a whole",
    }),
    message: t.String(),
  }),
);

/** The field errors a refusal carries, as the error bodies and bulk results show them. */
export const FieldErrors = t.Array(FieldErrorSchema);

/** The error body every failure answers with. */
export const ErrorBody = named(
  "Error",
  t.Object({
    detail: t.String(),
    code: t.String(),
    request_id: t.Optional(t.String()),
    errors: t.Optional(FieldErrors),
  }),
);

/** A 422's body: the error body, with the field errors every 422 carries (src/http-errors.ts). */
export const ValidationErrorBody = named(
  "ValidationError",
  t.Composite([
    t.Omit(ErrorBody, ["errors"]),
    t.Object({ errors: t.Array(FieldErrorSchema, { minItems: 1 }) }),
  ]),
);

/**
 * A refusal's field errors as answered: a 422 always names what failed,
 * so one thrown without them names the request as a whole.
 */
export const answeredFieldErrors = (
  status: number,
  detail: string,
  errors: FieldError[] | undefined,
): FieldError[] | undefined =>
  errors?.length || status !== 422 ? errors : [{ path: "/", message: detail }];

/** Standard error responses for the OpenAPI document of an authenticated route. */
export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  422: ValidationErrorBody,
  429: ErrorBody,
};
