/**
 * A record's version (its sync number, which every write of it, a tombstone
 * too, takes anew) travels with its API view under this symbol, defined
 * non-enumerable (withVersion): JSON leaves it out and JSON.stringify keeps
 * its fast path (on an object with an enumerable symbol key it leaves it and
 * takes two to three times as long: a list page carries fifty views). The
 * answer's strong ETag is made from it (http-conventions.ts). A spread of a
 * view (`{ ...view, associations }`) copies enumerable keys only: a copy that
 * answers for the record takes the version again (sameVersion).
 */
export const RECORD_VERSION: unique symbol = Symbol("crmd.recordVersion");

/** The version an answer's top-level value carries: a single record's view, else undefined. */
export function versionOf(value: unknown): number | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const version = (value as { [RECORD_VERSION]?: unknown })[RECORD_VERSION];
  return typeof version === "number" ? version : undefined;
}

/** `value` carrying `version`, as a record's view does: a replayed answer (a Response) gets its ETag so. */
export function withVersion<T extends object>(value: T, version: number): T {
  Object.defineProperty(value, RECORD_VERSION, { value: version, enumerable: false });
  return value;
}

/** A record's view carrying its row's version (a row read without its sync number has none). */
export const versioned = <T extends object>(row: { syncSeq?: number }, view: T): T =>
  row.syncSeq === undefined ? view : withVersion(view, row.syncSeq);

/** `copy`, made from a record's view (a spread with more fields), carrying the view's version, if it has one. */
export function sameVersion<T extends object>(copy: T, view: object): T {
  const version = versionOf(view);
  return version === undefined ? copy : withVersion(copy, version);
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
