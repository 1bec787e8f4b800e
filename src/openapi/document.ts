import { API_PREFIX } from "../auth";
import { MAX_URL_LENGTH } from "../body";
import { refusesIdempotencyKey } from "../idempotency";
import { exampleOf } from "./examples";
import { componentize, type Schema } from "./schemas";
import { TAG_DESCRIPTIONS } from "./tags";
import { webhookOperations } from "./webhooks";

interface Operation {
  tags?: string[];
  security?: unknown[];
  parameters?: Array<{ name: string; schema?: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema; example?: unknown }> };
  responses?: Record<
    string,
    { description?: string; content?: Record<string, { schema?: Schema }> }
  >;
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

/**
 * What the body check before routing (src/body.ts) answers to any route that
 * takes a JSON body, whichever route it is: documented on each of them here,
 * where the routes' own schemas cannot know of it.
 */
const BODY_REFUSALS: Record<string, string> = {
  400: "Malformed JSON, or a body that is not valid UTF-8",
  413: "Body over the size limit (CRMD_BODY_LIMIT)",
  415: "Body that is not JSON (Content-Type other than application/json or +json)",
};

/** What the same check answers to any request, before routing (after authentication). */
const URL_REFUSALS = {
  414: `URL longer than ${MAX_URL_LENGTH} bytes`,
};

/** Adds an Error response for each status the operation does not document yet. */
function documentErrors(operation: Operation, descriptions: Record<string, string>) {
  operation.responses ??= {};
  for (const [status, description] of Object.entries(descriptions))
    operation.responses[status] ??= {
      description,
      content: { [JSON_TYPE]: { schema: { $ref: "#/components/schemas/Error" } } },
    };
}

/** What a POST taking Idempotency-Key answers to a reused key (src/idempotency.ts). */
const IDEMPOTENCY_REFUSALS = {
  409: "IDEMPOTENCY_KEY_REUSED: the key came with another request; IDEMPOTENCY_IN_PROGRESS: its first request still runs (Retry-After)",
};

function finishResponses(operation: Operation, components: Record<string, Schema>) {
  for (const response of Object.values(operation.responses ?? {})) {
    const content = response.content as Record<string, { schema?: Schema }> & { type?: string };
    // Elysia writes a bodiless (204) response as content {type: "void"}.
    if (content?.type === "void") delete response.content;
    for (const media of Object.values(response.content ?? {}))
      if (media.schema) media.schema = componentize(media.schema, components);
  }
}

function finishOperation(
  path: string,
  method: string,
  operation: Operation,
  components: Record<string, Schema>,
) {
  for (const parameter of operation.parameters ?? [])
    if (parameter.schema) parameter.schema = componentize(parameter.schema, components);
  finishBody(operation, components);
  finishResponses(operation, components);
  if (operation.requestBody?.content?.[JSON_TYPE]) documentErrors(operation, BODY_REFUSALS);
  documentErrors(operation, URL_REFUSALS);
  // Probes and the documents' public links take no credentials: said explicitly.
  operation.security ??= [];
  if (method === "post" && path.startsWith(API_PREFIX) && !refusesIdempotencyKey(path)) {
    operation.parameters = [...(operation.parameters ?? []), IDEMPOTENCY_HEADER];
    documentErrors(operation, IDEMPOTENCY_REFUSALS);
  }
}

const tagList = (used: Set<string>) =>
  [...used].sort().map((name) => ({
    name,
    description: TAG_DESCRIPTIONS[name] ?? `Operations on ${name.replace(/-/g, " ")}`,
  }));

/**
 * Turns the document Elysia generates into a clean OpenAPI 3.1 document:
 * JSON Schema 2020-12 without 3.0 leftovers, named schemas under
 * `components` referenced by `$ref`, JSON-only bodies with a working example,
 * servers, described tags, and the `webhooks` section. Works on a copy.
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
    components: { ...doc.components, schemas: sorted },
  };
}
