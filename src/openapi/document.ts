import { STATUS_CODES } from "node:http";
import { API_PREFIX, ownAuthenticationOf } from "../auth";
import { MAX_URL_LENGTH } from "../body";
import { CONSISTENCY_HEADER, readsMayLag } from "../consistency";
import { refusesIdempotencyKey, takesIdempotencyKeyOutsideApi } from "../idempotency";
import { versionedPathOf } from "../preconditions";
import { grantsOf, type Scope } from "../scopes";
import { exampleOf } from "./examples";
import { isGeneratedOperationId, operationIdOf } from "./operation-ids";
import { componentize, type Schema } from "./schemas";
import { TAG_DESCRIPTIONS } from "./tags";
import { signatureParameters, webhookOperations } from "./webhooks";

interface Response {
  /** A shared response: `#/components/responses/<name>`. */
  $ref?: string;
  description?: string;
  content?: Record<string, { schema?: Schema }>;
  headers?: Record<string, { $ref: string }>;
}

interface Parameter {
  /** A shared parameter: `#/components/parameters/<name>`. */
  $ref?: string;
  name: string;
  in?: string;
  description?: string;
  schema?: Schema;
}

interface Operation {
  operationId?: string;
  description?: string;
  /** The scope an API key needs, as the route's auth macro declares it (src/auth.ts). */
  "x-required-scope"?: string;
  tags?: string[];
  security?: Array<Record<string, unknown>>;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema; example?: unknown }> };
  responses?: Record<string, Response>;
}

export interface OpenApiDocument {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> } & Record<string, unknown>;
  [key: string]: unknown;
}

export interface DocumentOptions {
  /** Where the API is served; relative ("/") when no public URL is configured. */
  serverUrl: string;
  eventTypes: string[];
}

const IDEMPOTENCY_HEADER = {
  in: "header",
  name: "Idempotency-Key",
  required: false,
  description:
    "Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409.",
  schema: { type: "string", maxLength: 255 },
};

/** Shared by every operation whose reads may go to the read replica (src/consistency.ts). */
const CONSISTENCY_PARAMETER = {
  in: "header",
  name: CONSISTENCY_HEADER,
  required: false,
  description:
    "`strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing.",
  schema: { type: "string", enum: ["strong"] },
};

const JSON_TYPE = "application/json";
/** What Elysia lists for a body without a declared parser; crmd's JSON routes take JSON only. */
const DEFAULT_BODY_TYPES = [JSON_TYPE, "application/x-www-form-urlencoded", "multipart/form-data"];

function finishBody(operation: Operation, components: Record<string, Schema>) {
  const content = operation.requestBody?.content;
  if (!content) return;
  const types = Object.keys(content);
  if (DEFAULT_BODY_TYPES.every((type) => types.includes(type)))
    for (const type of types) if (type !== JSON_TYPE) delete content[type];
  for (const media of Object.values(content)) {
    if (!media.schema) continue;
    media.schema = componentize(media.schema, components);
    if (media === content[JSON_TYPE]) media.example = exampleOf(media.schema, components);
  }
}

/** A response crmd documents itself: what it says, and its name once shared (`components.responses`). */
interface Documented {
  name: string;
  description: string;
}

/**
 * What the body check before routing (src/body.ts) answers to any route that
 * takes a JSON body, whichever route it is: documented on each of them here,
 * where the routes' own schemas cannot know of it.
 */
const BODY_REFUSALS: Record<string, Documented> = {
  400: { name: "MalformedBody", description: "Malformed JSON, or a body that is not valid UTF-8" },
  413: { name: "BodyTooLarge", description: "Body over the size limit (CRMD_BODY_LIMIT)" },
  415: {
    name: "UnsupportedMediaType",
    description: "Body that is not JSON (Content-Type other than application/json or +json)",
  },
};

/** What the same check answers to any request, before routing (after authentication). */
const URL_REFUSALS: Record<string, Documented> = {
  414: { name: "UriTooLong", description: `URL longer than ${MAX_URL_LENGTH} bytes` },
};

/** Adds an Error response for each status the operation does not document yet. */
function documentErrors(operation: Operation, refusals: Record<string, Documented>) {
  operation.responses ??= {};
  for (const [status, { description }] of Object.entries(refusals))
    operation.responses[status] ??= {
      description,
      content: { [JSON_TYPE]: { schema: { $ref: "#/components/schemas/Error" } } },
    };
}

/** What a POST taking Idempotency-Key answers to a reused key (src/idempotency.ts). */
const IDEMPOTENCY_REFUSALS: Record<string, Documented> = {
  409: {
    name: "IdempotencyKeyConflict",
    description:
      "IDEMPOTENCY_KEY_REUSED: the key came with another request; IDEMPOTENCY_IN_PROGRESS: its first request still runs (Retry-After)",
  },
};

/** What a change to a record answers when If-Match or If-Unmodified-Since fails (src/preconditions.ts). */
const PRECONDITION_REFUSALS: Record<string, Documented> = {
  412: {
    name: "PreconditionFailed",
    description:
      "PRECONDITION_FAILED: the record changed since the version If-Match names (or after If-Unmodified-Since); nothing was changed. GET it again for its current ETag",
  },
};

const NOT_MODIFIED: Documented = {
  name: "NotModified",
  description: "Not Modified: If-None-Match named the answer's current ETag",
};
/** A list page's 304 carries the 200's Link too (RFC 9110 §15.4.5 lets it): a cache keeps the next page's address. */
const NOT_MODIFIED_PAGE: Documented = {
  name: "NotModifiedPage",
  description:
    "Not Modified: If-None-Match named the answer's current ETag; Link (the next page or cursor) as on the 200",
};

/** A file's ranges (plugins/documents/download.ts): the 206 and 416 a Range request may get. */
const FILE_RANGES: Record<string, Documented> = {
  412: {
    name: "FilePreconditionFailed",
    description:
      "PRECONDITION_FAILED: If-Match names another content, or without If-Match the file was uploaded after If-Unmodified-Since",
  },
  416: {
    name: "RangeNotSatisfiable",
    description:
      "RANGE_NOT_SATISFIABLE: every range asked starts past the end of the file; Content-Range gives its size",
  },
};
const PARTIAL_FILE: Response = {
  description:
    "Partial Content: the ranges asked (Range, and If-Range still naming this file): one range as it is, with Content-Range; several as multipart/byteranges, each part with its own Content-Range",
  content: {
    "*/*": { schema: { type: "string", format: "binary" } },
    "multipart/byteranges": { schema: { type: "string", format: "binary" } },
  },
};

/** A file's 304: its date validates it too (plugins/documents/download.ts). */
const NOT_MODIFIED_FILE =
  "Not Modified: If-None-Match named the file's ETag or, without If-None-Match, If-Modified-Since is not before its Last-Modified; with the ETag, without Last-Modified (RFC 9110 15.4.5)";

/**
 * Elysia files every text or file answer under text/plain: the media type it
 * is sent with is the schema's `contentMediaType`, and a file's (binary) is
 * the one it was stored with, so any.
 */
function mediaTypeOf(type: string, schema: Schema | undefined): string {
  if (type !== "text/plain" || !schema) return type;
  if (typeof schema.contentMediaType === "string") return schema.contentMediaType;
  return schema.format === "binary" ? "*/*" : type;
}

function finishResponses(operation: Operation, components: Record<string, Schema>) {
  for (const response of Object.values(operation.responses ?? {})) {
    const content = response.content as Record<string, { schema?: Schema }> & { type?: string };
    // Elysia writes a bodiless (204) response as content {type: "void"}.
    if (content?.type === "void") delete response.content;
    if (!response.content) continue;
    response.content = Object.fromEntries(
      Object.entries(response.content).map(([type, media]) => [
        mediaTypeOf(type, media.schema),
        media.schema ? { ...media, schema: componentize(media.schema, components) } : media,
      ]),
    );
  }
}

/** The headers crmd's answers carry (src/auth.ts, src/http-conventions.ts), as `components.headers`. */
const HEADERS = {
  "X-Request-Id": "The request's id (the one the request sent, if any), as the log line has it",
  "Idempotent-Replayed":
    "`true` when the answer is the stored one of an earlier request with the same Idempotency-Key",
  "X-RateLimit-Limit": "Requests per minute allowed to the credential",
  "X-RateLimit-Remaining": "Requests left in the current minute",
  "X-RateLimit-Reset": "When the current minute's window ends (unix seconds)",
  "Retry-After": "Seconds to wait before trying again",
  ETag: "Validator of the answer: on one record (its GET, create, update or tombstone), strong, naming the record's version, which every change of it moves on, and on a compressed answer its coding (`…-gzip\"`): sent as If-Match, in any coding, a change applies only to that version (else 412). On lists and reports, weak; on a file, its SHA-256. Sent back as If-None-Match, it gets 304 while the answer is unchanged",
  "Cache-Control":
    "`private, no-cache`: no shared cache stores tenant data; a client's cache revalidates with the ETag (If-None-Match) before reuse",
  Link: 'RFC 8288 `<…>; rel="next"`: the next page, or on a change feed the next cursor; absent on the last page',
  "Last-Modified":
    "On a file: when its content was uploaded (an HTTP date, to the second), a strong validator as the content never changes: sent back as If-Modified-Since it gets 304, as If-Unmodified-Since 412 if the content is newer, as If-Range the ranges",
  "Accept-Ranges": "`bytes`: the file answers Range requests",
  "Content-Range":
    "On a 206 of one range: `bytes <first>-<last>/<size>`; on a 416: `bytes */<size>`",
};
const INTEGER_HEADERS = new Set([
  "X-RateLimit-Limit",
  "X-RateLimit-Remaining",
  "X-RateLimit-Reset",
  "Retry-After",
]);
const RATE_LIMIT_HEADERS = ["X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"];
/** A refused credential is counted against no limit: its 401 carries no X-RateLimit-*. */
const UNCOUNTED_STATUS = "401";
/** Credentials counted against a rate limit: each answer after authentication carries X-RateLimit-*. */
const RATE_LIMITED_SCHEMES = ["ApiKeyHeader", "BearerAuth", "WidgetKey", "VisitorToken"];
/**
 * What an API key gets from an admin endpoint: 403, or what is refused before
 * the scope is checked (a body or URL refused, over its rate limit).
 */
const KEY_REFUSALS_ON_ADMIN = new Set(["400", "403", "413", "414", "415", "429"]);
/** The widget API counts each client address before it checks the key: its 401s carry X-RateLimit-* too. */
const COUNTED_BEFORE_AUTH_SCHEMES = ["WidgetKey", "VisitorToken"];

const headerComponents = () =>
  Object.fromEntries(
    Object.entries(HEADERS).map(([name, description]) => [
      name,
      { description, schema: { type: INTEGER_HEADERS.has(name) ? "integer" : "string" } },
    ]),
  );

function addHeaders(response: Response, names: string[]) {
  response.headers ??= {};
  for (const name of names) response.headers[name] = { $ref: `#/components/headers/${name}` };
}

const IF_MATCH = {
  in: "header",
  name: "If-Match",
  required: false,
  description:
    'The record\'s ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version',
  schema: { type: "string" },
};

const IF_UNMODIFIED_SINCE = {
  in: "header",
  name: "If-Unmodified-Since",
  required: false,
  description:
    "An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second",
  schema: { type: "string" },
};

const WRITES = new Set(["patch", "put", "delete", "post"]);

/**
 * A change to one record (src/preconditions.ts) takes If-Match and
 * If-Unmodified-Since and may answer 412; its answers, and a create's in its
 * collection, carry the record's strong ETag.
 */
function documentPreconditions(path: string, method: string, operation: Operation) {
  if (!WRITES.has(method)) return;
  const pattern = path.replace(/\{([^}]+)\}/g, ":$1");
  const onRecord = versionedPathOf(pattern) !== undefined;
  const creates = method === "post" && versionedPathOf(`${pattern}/:id`) === `${pattern}/:id`;
  if (!onRecord && !creates) return;
  if (onRecord) {
    operation.parameters = [...(operation.parameters ?? []), IF_MATCH, IF_UNMODIFIED_SINCE];
    documentErrors(operation, PRECONDITION_REFUSALS);
  }
  for (const [status, response] of Object.entries(operation.responses ?? {}))
    if (status.startsWith("2") && response.content?.[JSON_TYPE]) addHeaders(response, ["ETag"]);
}

const IF_NONE_MATCH = {
  in: "header",
  name: "If-None-Match",
  required: false,
  description: "An ETag of this answer: 304 without a body while the answer is still the same",
  schema: { type: "string" },
};

/** A JSON answer's properties, directly or by `$ref`. */
function propertiesOf(
  schema: Schema | undefined,
  components: Record<string, Schema>,
): Record<string, Schema> {
  const ref = schema?.$ref as string | undefined;
  const target = ref ? components[ref.split("/").pop() as string] : schema;
  return (target?.properties as Record<string, Schema> | undefined) ?? {};
}

/** Whether a JSON answer's schema is a list page (`has_more`), directly or by `$ref`. */
const isPage = (schema: Schema | undefined, components: Record<string, Schema>) =>
  Object.hasOwn(propertiesOf(schema, components), "has_more");

/** Whether a GET answers a list: a page, or the collection's rows under its name (`{"tenants": […]}`). */
function answersList(path: string, operation: Operation, components: Record<string, Schema>) {
  const schema = operation.responses?.["200"]?.content?.[JSON_TYPE]?.schema;
  const collection = (path.split("/").pop() ?? "").replace(/-/g, "_");
  return (
    isPage(schema, components) || propertiesOf(schema, components)[collection]?.type === "array"
  );
}

/** A file's 206, 412 and 416, and the headers saying it takes ranges. */
function documentRanges(operation: Operation) {
  const responses = operation.responses ?? {};
  addHeaders(responses["200"], ["Accept-Ranges"]);
  responses["206"] = structuredClone(PARTIAL_FILE);
  addHeaders(responses["206"], ["Content-Range", "Accept-Ranges", "ETag", "Last-Modified"]);
  documentErrors(operation, FILE_RANGES);
  addHeaders(responses["416"], ["Content-Range"]);
}

/**
 * The headers the server adds to answers, whatever the route: X-RateLimit-*
 * after authentication, Retry-After on 429, and on a successful JSON GET an
 * ETag and Cache-Control (and the 304 it allows, with both) and a list's Link.
 */
function documentHeaders(method: string, operation: Operation, components: Record<string, Schema>) {
  const responses = operation.responses ?? {};
  const schemes = (operation.security ?? []).flatMap((s) => Object.keys(s));
  const json = responses["200"]?.content?.[JSON_TYPE];
  // JSON answers get theirs from src/http-conventions.ts, files (documents) their SHA-256.
  if (method === "get" && (json || responses["200"]?.content?.["*/*"])) {
    const validated = ["ETag", "Cache-Control"];
    const cached = isPage(json?.schema, components) ? [...validated, "Link"] : validated;
    // A file's date validates it too (plugins/documents/download.ts); its 304,
    // which has the ETag, leaves it out (RFC 9110 15.4.5).
    addHeaders(responses["200"], json ? cached : [...cached, "Last-Modified"]);
    const notModified = cached.includes("Link") ? NOT_MODIFIED_PAGE : NOT_MODIFIED;
    responses["304"] = { description: json ? notModified.description : NOT_MODIFIED_FILE };
    addHeaders(responses["304"], cached);
    operation.parameters = [...(operation.parameters ?? []), IF_NONE_MATCH];
    if (!json) documentRanges(operation);
  }
  if (responses["429"]) addHeaders(responses["429"], ["Retry-After"]);
  for (const response of Object.values(responses)) addHeaders(response, ["X-Request-Id"]);
  const replayable = operation.parameters?.includes(IDEMPOTENCY_HEADER);
  for (const [status, response] of Object.entries(responses))
    if (replayable && status.startsWith("2")) addHeaders(response, ["Idempotent-Replayed"]);
  // An API key sent to an admin endpoint is counted, then refused: those
  // answers carry its X-RateLimit-* (the admin token's answers do not).
  if (schemes.length && schemes.every((scheme) => scheme === "AdminToken")) {
    for (const [status, response] of Object.entries(responses))
      if (KEY_REFUSALS_ON_ADMIN.has(status)) addHeaders(response, RATE_LIMIT_HEADERS);
    return;
  }
  if (!schemes.some((scheme) => RATE_LIMITED_SCHEMES.includes(scheme))) return;
  const countedBeforeAuth = schemes.some((s) => COUNTED_BEFORE_AUTH_SCHEMES.includes(s));
  for (const [status, response] of Object.entries(responses))
    if (status !== UNCOUNTED_STATUS || countedBeforeAuth) addHeaders(response, RATE_LIMIT_HEADERS);
}

/** Each credential other than a tenant API key, as an operation's description names it (src/swagger.ts). */
const CREDENTIALS: Record<string, string> = {
  AdminToken: "the admin token (`Authorization: Bearer <CRMD_ADMIN_TOKEN>`)",
  MetricsToken: "the metrics token (`Authorization: Bearer <CRMD_METRICS_TOKEN>`)",
  WidgetKey: "a widget key (`X-Widget-Key`)",
  VisitorToken: "a visitor token (`Authorization: Bearer vt_…`)",
  TwilioSignature: "Twilio's signature of the request (`X-Twilio-Signature`)",
  InboundSecret: "the tenant's inbound email secret, as the password of HTTP Basic auth",
};
const API_KEY_SCHEMES = new Set(["ApiKeyHeader", "BearerAuth"]);
/** A scope over the path's object types (`<object>:read`): what those stand for. */
const objectScopeNote = (scope: string) =>
  `\`<object>\` is the path's object type: a built-in one's scope name (\`contacts\`) or a custom object's plural (granted too by \`objects:read\` / \`objects:write\`)${scope.includes("<to_object>") ? "; `<to_object>`, the type in `to`, likewise" : ""}.`;

const quoted = (names: string[]) => names.map((name) => `\`${name}\``).join(", ");

/** The scope an API key needs, with the permissions that grant it too (src/scopes.ts). */
function scopeText(scope: string): string {
  if (scope.includes("<"))
    return `${scope.replace(/<\w+>:\w+/g, "`$&`")}. ${objectScopeNote(scope)}`;
  const [own, ...aliases] = grantsOf(scope as Scope);
  return aliases.length ? `\`${own}\` (or ${quoted(aliases)})` : `\`${own}\``;
}

/**
 * What every operation's description ends with, derived from how its route
 * declares authentication (the auth macros' `security` and
 * `x-required-scope`), so it cannot drift from what is checked: the
 * credentials it takes, and for an API key the scope it needs.
 */
function credentialsOf(operation: Operation): string {
  const schemes = (operation.security ?? []).flatMap((s) => Object.keys(s));
  if (!schemes.length) return "**Credentials:** none.";
  const scope = operation["x-required-scope"];
  const ways = schemes.flatMap((scheme) => (CREDENTIALS[scheme] ? [CREDENTIALS[scheme]] : []));
  if (schemes.some((scheme) => API_KEY_SCHEMES.has(scheme)))
    ways.push(scope ? `an API key with ${scopeText(scope)}` : "an API key");
  return `**Credentials:** ${ways.join(", or ")}${/\.$/.test(ways.at(-1) ?? "") ? "" : "."}`;
}

/** The route's own words (what to know beyond its summary), then its credentials. */
function describeOperation(operation: Operation) {
  const own = operation.description?.trim();
  operation.description = own ? `${own}\n\n${credentialsOf(operation)}` : credentialsOf(operation);
}

function finishOperation(
  path: string,
  method: string,
  operation: Operation,
  components: Record<string, Schema>,
) {
  for (const parameter of operation.parameters ?? []) {
    if (!parameter.schema) continue;
    parameter.schema = componentize(parameter.schema, components);
    // Swagger UI and code generators show a parameter's own description, not its schema's.
    const { description, ...schema } = parameter.schema;
    if (typeof description !== "string" || parameter.description) continue;
    parameter.description = description;
    parameter.schema = schema;
  }
  finishBody(operation, components);
  finishResponses(operation, components);
  if (operation.requestBody?.content?.[JSON_TYPE]) documentErrors(operation, BODY_REFUSALS);
  documentErrors(operation, URL_REFUSALS);
  // Probes and the documents' public links take no credentials: said explicitly.
  operation.security ??= [];
  describeOperation(operation);
  // Relays and provider callbacks (own authentication) de-duplicate by their own ids.
  const takesKey = !refusesIdempotencyKey(path) && !ownAuthenticationOf(path);
  const keyed = path.startsWith(API_PREFIX) || takesIdempotencyKeyOutsideApi(path);
  if (method === "post" && keyed && takesKey) {
    operation.parameters = [...(operation.parameters ?? []), IDEMPOTENCY_HEADER];
    documentErrors(operation, IDEMPOTENCY_REFUSALS);
  }
  if (readsMayLag(path))
    operation.parameters = [...(operation.parameters ?? []), CONSISTENCY_PARAMETER];
  documentPreconditions(path, method, operation);
  documentHeaders(method, operation, components);
  if (!operation.operationId || isGeneratedOperationId(operation.operationId, method, path))
    operation.operationId = operationIdOf(method, path, answersList(path, operation, components));
}

/**
 * Names of the error responses Elysia documents from a route's `response`
 * schemas, all worded alike ("Response for status 404").
 */
const STATUS_NAMES: Record<string, string> = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  409: "Conflict",
  422: "ValidationError",
  429: "RateLimited",
};

/** What the responses Elysia words "Response for status N" mean, once shared (docs/conventions.md). */
const STATUS_DESCRIPTIONS: Record<string, string> = {
  BadRequest: "BAD_REQUEST: the request could not be read (malformed body, bad Idempotency-Key)",
  Unauthorized: "UNAUTHORIZED: missing, unknown, expired or revoked credentials",
  Forbidden:
    "FORBIDDEN: the credentials may not do this (a scope missing, the admin token on tenant data, a key on an admin endpoint)",
  NotFound: "NOT_FOUND: no such record in this tenant (or it was deleted)",
  Conflict: "CONFLICT: the record's state forbids it",
  ValidationError:
    "VALIDATION_ERROR: a schema or rule is violated; errors[].path points into the request",
  RateLimited: "RATE_LIMITED: over the rate limit; retry after Retry-After seconds",
};

/** The shared name of each response worded as one of those above, by `<status> <description>`. */
const SHARED_NAMES = new Map<string, string>([
  ...Object.entries(STATUS_NAMES).map(
    ([status, name]) => [`${status} Response for status ${status}`, name] as const,
  ),
  ...[
    BODY_REFUSALS,
    URL_REFUSALS,
    IDEMPOTENCY_REFUSALS,
    PRECONDITION_REFUSALS,
    FILE_RANGES,
    { 304: NOT_MODIFIED },
    { 304: NOT_MODIFIED_PAGE },
  ].flatMap((documented) =>
    Object.entries(documented).map(
      ([status, { name, description }]) => [`${status} ${description}`, name] as const,
    ),
  ),
]);

/**
 * The name a response would be shared under: from its wording, and
 * `…Unmetered` for the variant without X-RateLimit-*, answered to callers no
 * rate limit counts (the admin and metrics tokens, signed callbacks, public
 * routes). A 401 has them only where the caller is counted before its
 * credential is checked (the widget API): `UnauthorizedMetered`.
 */
function sharedName(status: string, response: Response): string | undefined {
  const name = SHARED_NAMES.get(`${status} ${response.description}`);
  if (!name) return undefined;
  const metered = Object.hasOwn(response.headers ?? {}, "X-RateLimit-Limit");
  if (status === UNCOUNTED_STATUS) return metered ? `${name}Metered` : name;
  return metered ? name : `${name}Unmetered`;
}

/** JSON with every object's keys sorted: equal for responses that say the same. */
const canonical = (value: unknown) =>
  JSON.stringify(value, (_, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

/**
 * Moves each response several operations document alike (the errors any
 * route can get, the 304) into `components.responses`, leaving a `$ref` in
 * each operation: once there were 1,600 copies of a dozen responses. A name
 * goes to the most used of the responses that would take it; one an
 * operation words its own way stays inline.
 */
function shareResponses(paths: Record<string, Record<string, Operation>>) {
  const all = Object.values(paths).flatMap((operations) =>
    Object.values(operations).flatMap(({ responses = {} }) =>
      Object.entries(responses).map(([status, response]) => ({
        responses,
        status,
        response,
        key: canonical(response),
        name: sharedName(status, response),
      })),
    ),
  );
  const uses = new Map<string, { name: string; response: Response; count: number }>();
  for (const { response, key, name } of all) {
    if (!name) continue;
    const use = uses.get(key) ?? { name, response, count: 0 };
    uses.set(key, { ...use, count: use.count + 1 });
  }
  const names = new Map<string, string>();
  const shared: Record<string, Response> = {};
  for (const [key, use] of [...uses].sort(([, a], [, b]) => b.count - a.count))
    if (use.count > 1 && !shared[use.name]) {
      const description = STATUS_DESCRIPTIONS[use.name.replace(/(Unmetered|Metered)$/, "")];
      shared[use.name] = description ? { ...use.response, description } : use.response;
      names.set(key, use.name);
    }
  for (const { responses, status, key } of all) {
    const name = names.get(key);
    if (name) responses[status] = { $ref: `#/components/responses/${name}` };
  }
  return Object.fromEntries(Object.entries(shared).sort(([a], [b]) => a.localeCompare(b)));
}

/** Operations that must take a parameter alike before it is shared (`components.parameters`). */
const MIN_SHARED_USES = 3;

/**
 * Moves each parameter several operations take alike (Idempotency-Key,
 * If-None-Match, a path's `id`, paging's `page`, `page_size`, `cursor`,
 * `since`, `include`, the common filters) into `components.parameters`
 * under its own name, leaving a `$ref` in each operation, as
 * `shareResponses` does for responses. A name goes to the most used of the
 * parameters that bear it (a path's `tenant_id` or a query's); one an
 * operation describes or bounds its own way stays inline, and so does a
 * name `taken` already (the webhooks' signature headers).
 */
function shareParameters(
  paths: Record<string, Record<string, Operation>>,
  taken: Set<string>,
): Record<string, Parameter> {
  const lists = Object.values(paths).flatMap((operations) =>
    Object.values(operations).flatMap(({ parameters }) => (parameters ? [parameters] : [])),
  );
  const uses = new Map<string, { parameter: Parameter; count: number }>();
  for (const parameters of lists)
    for (const parameter of parameters) {
      const key = canonical(parameter);
      const use = uses.get(key) ?? { parameter, count: 0 };
      uses.set(key, { ...use, count: use.count + 1 });
    }
  const names = new Map<string, string>();
  const shared: Record<string, Parameter> = {};
  for (const [key, { parameter, count }] of [...uses].sort(([, a], [, b]) => b.count - a.count))
    if (count >= MIN_SHARED_USES && !shared[parameter.name] && !taken.has(parameter.name)) {
      shared[parameter.name] = structuredClone(parameter);
      names.set(key, parameter.name);
    }
  for (const parameters of lists)
    parameters.forEach((parameter, i) => {
      const name = names.get(canonical(parameter));
      if (name) parameters[i] = { $ref: `#/components/parameters/${name}` } as Parameter;
    });
  return shared;
}

/**
 * Elysia words every response "Response for status N"; one left so after
 * the shared ones took their own words (a success, a refusal only one
 * operation has) says its status's reason phrase, as Swagger UI shows it.
 */
function nameStatuses(paths: Record<string, Record<string, Operation>>) {
  for (const operations of Object.values(paths))
    for (const { responses = {} } of Object.values(operations))
      for (const [status, response] of Object.entries(responses))
        if (response.description === `Response for status ${status}` && STATUS_CODES[status])
          response.description = STATUS_CODES[status];
}

const tagList = (used: Set<string>) =>
  [...used].sort().map((name) => ({
    name,
    description: TAG_DESCRIPTIONS[name] ?? `Operations on ${name.replace(/-/g, " ")}`,
  }));

/**
 * Turns the document Elysia generates into a clean OpenAPI 3.1 document:
 * JSON Schema 2020-12 without 3.0 leftovers, named schemas under
 * `components` referenced by `$ref`, the responses and parameters many
 * operations share likewise, JSON-only bodies with a working example, servers, described
 * tags, and the `webhooks` section. Works on a copy.
 */
export function finishDocument(generated: OpenApiDocument, options: DocumentOptions) {
  const doc = structuredClone(generated);
  const components: Record<string, Schema> = {};
  const used = new Set<string>();
  for (const [path, operations] of Object.entries(doc.paths ?? {}))
    for (const [method, operation] of Object.entries(operations)) {
      finishOperation(path, method, operation, components);
      for (const tag of operation.tags ?? []) used.add(tag);
    }
  const responses = shareResponses(doc.paths ?? {});
  nameStatuses(doc.paths ?? {});
  const signatures = signatureParameters();
  const parameters = {
    ...signatures,
    ...shareParameters(doc.paths ?? {}, new Set(Object.keys(signatures))),
  };
  const webhooks = webhookOperations(options.eventTypes, components);
  used.add("webhooks");
  const sorted = Object.fromEntries(
    Object.entries(components).sort(([a], [b]) => a.localeCompare(b)),
  );
  return {
    openapi: "3.1.0",
    info: doc.info,
    servers: [{ url: options.serverUrl, description: "This crmd instance" }],
    tags: tagList(used),
    paths: doc.paths,
    webhooks,
    components: {
      ...doc.components,
      headers: headerComponents(),
      parameters: Object.fromEntries(
        Object.entries(parameters).sort(([a], [b]) => a.localeCompare(b)),
      ),
      responses,
      schemas: sorted,
    },
  };
}
