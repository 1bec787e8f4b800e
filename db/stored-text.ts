/**
 * Request text as the databases store it: both keep text as UTF-8, which
 * has no place for an unpaired surrogate (half of a character outside the
 * BMP, which a client that cut a string through an emoji sends as a
 * `\ud83d` escape); it is stored as U+FFFD. A body gets the same before the
 * write, so its answer, its events and later reads agree.
 */

/** The text with each unpaired surrogate as U+FFFD. */
export const wellFormed = (text: string): string =>
  text.isWellFormed() ? text : text.toWellFormed();

/** `value` (parsed JSON) with each string and key passed through `clean`, changed in place. */
export function cleanText(value: unknown, clean: (text: string) => string): unknown {
  if (typeof value === "string") return clean(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = cleanText(value[i], clean);
  } else if (
    value !== null &&
    typeof value === "object" &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      const cleaned = cleanText(object[key], clean);
      const cleanKey = clean(key);
      if (cleanKey !== key) delete object[key];
      object[cleanKey] = cleaned;
    }
  }
  return value;
}

/** A request body as SQLite stores its text. */
export const storedText = (body: unknown): unknown => cleanText(body, wellFormed);
