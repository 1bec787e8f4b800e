/**
 * A record's version (its sync number, which every write of it, a tombstone
 * too, takes anew) travels with its API view under this symbol: JSON leaves
 * it out, spreading a view (`{ ...view, associations }`) keeps it, and the
 * answer's strong ETag is made from it (http-conventions.ts).
 */
export const RECORD_VERSION: unique symbol = Symbol("crmd.recordVersion");

/** The version an answer's top-level value carries: a single record's view, else undefined. */
export function versionOf(value: unknown): number | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const version = (value as { [RECORD_VERSION]?: unknown })[RECORD_VERSION];
  return typeof version === "number" ? version : undefined;
}

/**
 * `value` as JSON.stringify sees it: a record's view without its version.
 * JSON leaves the symbol key out either way, but on an object that has one
 * JSON.stringify leaves its fast path and takes about three times as long;
 * a copy of the view's fields is cheaper than that. Only plain objects are
 * copied (JSON of anything else, a toJSON of its class, stays as it was).
 */
export function withoutVersion(value: unknown): unknown {
  if (
    typeof value !== "object" ||
    value === null ||
    Object.getPrototypeOf(value) !== Object.prototype ||
    !Object.hasOwn(value, RECORD_VERSION)
  )
    return value;
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(value)) fields[key] = (value as Record<string, unknown>)[key];
  return fields;
}

/** `value` carrying `version`, as a record's view does: a replayed answer (a Response) gets its ETag so. */
export function withVersion<T extends object>(value: T, version: number): T {
  Object.defineProperty(value, RECORD_VERSION, { value: version, enumerable: false });
  return value;
}

/**
 * A record answer's strong ETag: the record's version, then a hash of the
 * answer's text, then the content coding it is sent in, if any
 * (`"2s.1x4k9d0q7w3b-gzip"`). The version is what If-Match compares
 * (preconditions.ts), so a tag from any answer about this version of the
 * record passes, whatever its coding; the hash keeps the tag apart for
 * answers that differ without the record changing (`include=associations`,
 * a renamed stage shown by name), so a 304 never hands back an answer that
 * changed; the coding keeps a strong tag to one representation's bytes
 * (RFC 9110 8.8.1), so a cache holding the gzip answer and the plain one
 * tells them apart by their tags.
 */
export const versionEtag = (
  version: number,
  body: string | Uint8Array,
  coding: string | null = null,
): string =>
  `"${version.toString(36)}.${Bun.hash(body).toString(36)}${coding ? `-${coding}` : ""}"`;

/**
 * The version an entity tag of If-Match names: its opaque part before the
 * dot (the hash and coding after it name the answer, not the version). A
 * weak tag (`W/"…"`) names none: If-Match compares strongly (RFC 9110 13.1.2).
 */
export function versionNamed(tag: string): string | null {
  const trimmed = tag.trim();
  if (!trimmed.startsWith('"') || !trimmed.endsWith('"') || trimmed.length < 2) return null;
  return trimmed.slice(1, -1).split(".")[0];
}
