import { API_PREFIX } from "../auth";

/**
 * operationIds that read as method names in a generated client: `listDeals`,
 * `createDeal`, `getDeal`, `updateDeal`, `replaceDeal`, `deleteDeal`, and for
 * an action on a record its verb first (`moveDeal`, `rotateWebhookSecret`).
 * Elysia's own (`getApiExternalDealsById`, `postApiExternalApi-keys`) name
 * the URL instead, some with a hyphen no language takes in a name. A route
 * whose verb or noun this cannot tell sets `detail.operationId` itself.
 */

const WIDGET_PREFIX = "/api/widget";
const VERBS: Record<string, string> = {
  get: "get",
  put: "replace",
  patch: "update",
  delete: "delete",
};

const pascal = (words: string[]) =>
  words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("");

/** The singular of a plural as crmd's paths spell them: companies, properties, deals, addresses. */
function singular(word: string): string {
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("ses") || word.endsWith("xes")) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

const isParameter = (segment: string) => segment.startsWith("{");
const wordsOf = (segment: string) => segment.split("-");

/** The path's nouns, each record's in the singular (`/webhooks/{id}/deliveries/{delivery_id}`: webhook, delivery). */
function nouns(segments: string[]): string[] {
  return segments.flatMap((segment, i) => {
    if (isParameter(segment)) return [];
    const words = wordsOf(segment);
    if (!isParameter(segments[i + 1] ?? "")) return words;
    return [...words.slice(0, -1), singular(words[words.length - 1])];
  });
}

/** Elysia's own operationId for a route: what `detail.operationId` replaces. */
export function isGeneratedOperationId(operationId: string, method: string, path: string): boolean {
  const first = path.split("/").find(Boolean) ?? "";
  return operationId.startsWith(`${method}${first.charAt(0).toUpperCase()}${first.slice(1)}`);
}

/**
 * The operationId of `method path`; `isList` says a GET answers a list (a
 * page, or the collection's rows under its own name).
 * A record's action (`POST /deals/{id}/move`) is its verb and the record's
 * noun; a nested collection, a plural after a record (`/webhooks/{id}/deliveries`),
 * is listed or created.
 */
export function operationIdOf(method: string, path: string, isList: boolean): string {
  const widget = path.startsWith(`${WIDGET_PREFIX}/`);
  const rest = widget ? path.slice(WIDGET_PREFIX.length) : path.replace(API_PREFIX, "");
  const segments = rest.split("/").filter(Boolean);
  const owner = widget ? ["widget"] : [];
  const last = segments[segments.length - 1] ?? "";
  const afterRecord = segments.length > 1 && isParameter(segments[segments.length - 2]);
  if (!isParameter(last) && afterRecord && !last.endsWith("s")) {
    const [verb, ...more] = wordsOf(last);
    return verb + pascal([...owner, ...nouns(segments.slice(0, -1)), ...more]);
  }
  const noun = [...owner, ...nouns(segments)];
  if (isParameter(last)) return (VERBS[method] ?? method) + pascal(noun);
  if (method === "get") return (isList ? "list" : "get") + pascal(noun);
  if (method === "post")
    return `create${pascal([...noun.slice(0, -1), singular(noun[noun.length - 1])])}`;
  return (VERBS[method] ?? method) + pascal(noun);
}
