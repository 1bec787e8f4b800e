import type { ValidationError } from "elysia";
import { ApiError, type FieldError } from "./errors";
import type { Logger } from "./logger";

interface ValueErrorLike {
  path: string;
  message: string;
  schema?: { anyOf?: Array<{ const?: unknown }>; enum?: unknown[]; title?: string };
}

/** Field errors from Elysia's validation error, without echoing the schema. */
export function fieldErrors(error: ValidationError): FieldError[] {
  const all = (error.all ?? []) as ValueErrorLike[];
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of all) {
    // Elysia checks numeric query values on their own and loses the name: the
    // schema's title (pageQuery sets it) says which field it was.
    const path = e.path || (e.schema?.title ? `/${e.schema.title}` : "/");
    if (seen.has(path)) continue;
    seen.add(path);
    const choices = e.schema?.anyOf?.every((s) => "const" in s)
      ? e.schema.anyOf.map((s) => String(s.const))
      : undefined;
    out.push({ path, message: choices ? `must be one of: ${choices.join(", ")}` : e.message });
  }
  if (out.length === 0) out.push({ path: "/", message: "invalid request" });
  return out;
}

const json = (status: number, body: unknown, headers: Record<string, string>) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { ...headers, "content-type": "application/json; charset=utf-8" },
  });

/**
 * Turns any failure into the one error shape: `{"detail", "code"}` plus
 * field `errors` for 422, with the request id. 500s never show internals.
 */
export function errorResponse(
  code: string | number,
  error: unknown,
  headers: Record<string, string>,
  requestId: string,
  logger: Logger,
): Response {
  // Errors thrown by our body parser arrive wrapped in Elysia's ParseError.
  const cause = (error as { cause?: unknown })?.cause;
  if (code === "PARSE" && cause instanceof ApiError) error = cause;
  if (error instanceof ApiError) {
    return json(
      error.status,
      {
        detail: error.message,
        code: error.code,
        request_id: requestId,
        ...(error.errors ? { errors: error.errors } : {}),
      },
      { ...headers, ...error.headers },
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
        { detail: "Malformed request body", code: "BAD_REQUEST", request_id: requestId },
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
      const status = (error as { status?: number }).status;
      if (typeof status === "number" && status >= 400 && status < 500) {
        return json(
          status,
          {
            detail: (error as Error).message || "Request failed",
            code: "BAD_REQUEST",
            request_id: requestId,
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
