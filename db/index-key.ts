/**
 * The custom-field value index's key for a text (db/schema/custom-fields.ts,
 * value_text). PostgreSQL refuses a B-tree entry past about 2.7 kB, and a
 * text field holds 10,000 characters, so a long text is keyed by its first
 * characters and a hash of the whole text: equality and `in` filters and
 * unique checks compute the same key from their operand, so they still
 * match exactly. A text of up to KEY_LITERAL_MAX code points is its own key
 * (at most 1 kB in UTF-8); a hashed key is longer than that, so it never
 * equals a text kept as it is. Code points, not UTF-16 units: what a
 * UTF-8 byte count bounds, so a migration finds the long rows by their size.
 */
export const KEY_LITERAL_MAX = 256;
/** Code points of a long text that its key begins with. */
const KEY_PREFIX = 200;

export function indexKey(text: string): string {
  if (text.length <= KEY_LITERAL_MAX) return text;
  const points = Array.from(text);
  if (points.length <= KEY_LITERAL_MAX) return text;
  return `${points.slice(0, KEY_PREFIX).join("")}…${new Bun.CryptoHasher("sha256").update(text).digest("hex")}`;
}
