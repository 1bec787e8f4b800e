/** Characters (code points, as SQL's length() counts them) of a text the value index holds as it is. */
export const INDEX_TEXT_MAX = 500;

/**
 * A text as the custom field value index holds it: a longer one is its
 * first INDEX_TEXT_MAX characters, `#` and its SHA-256. PostgreSQL's B-tree
 * takes entries of about 2.7 kB only, and index text is only compared for
 * equality (eq, ne, in, unique), which the digest keeps. Longer than any
 * text held as it is, so it equals none of them.
 */
export function indexedText(value: string): string {
  if (value.length <= INDEX_TEXT_MAX) return value;
  const chars = [...value];
  if (chars.length <= INDEX_TEXT_MAX) return value;
  const digest = new Bun.CryptoHasher("sha256").update(value).digest("hex");
  return `${chars.slice(0, INDEX_TEXT_MAX).join("")}#${digest}`;
}
