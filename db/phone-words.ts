/**
 * The digit words a phone number is searched by, whichever way it is
 * written: its digits, and when it carries a country code (`+`, or
 * digits too long to be a national number), its national number and
 * national dialling form too (`+1 (555) 123-4567` → 15551234567,
 * 5551234567; `+44 20 7946 0958` → 442079460958, 2079460958,
 * 02079460958). The index holds these words for every phone, and a query
 * that looks like a phone number searches for them, so the two sides meet
 * whatever format either used.
 */
import type { parsePhoneNumberFromString } from "libphonenumber-js";

type Parse = typeof parsePhoneNumberFromString;
let parse: Parse | undefined;
let loading: Promise<void> | undefined;

/** libphonenumber-js (its metadata is large) loads with the first search or indexing pass, not at start. */
export const loadPhoneNumbers = (): Promise<void> =>
  (loading ??= import("libphonenumber-js").then((module) => {
    parse = module.parsePhoneNumberFromString;
  }));

/** Fewer digits than this is a year, a zip code or a house number, not a phone number. */
const MIN_PHONE_DIGITS = 7;
/** A national number (trunk prefix included) rarely has more digits; more, and a country code leads. */
const MAX_NATIONAL_DIGITS = 10;

/** An extension after the number (`ext. 89`, `x89`, `#89`): not part of the number dialled. */
const EXTENSION = /\s*(?:ext\.?|extension|x|#)\s*\d{1,6}\s*$/i;

/** Only digits and what people write between them: `+1 (555) 123-4567`, `555.123.4567`. */
const PHONE_LIKE = /^\+?[\d\s().\-/]+$/;

/**
 * The digit words of `text` read as a phone number, its digits first;
 * empty when it is no phone number. Call loadPhoneNumbers first.
 */
export function phoneWords(text: string): string[] {
  const trimmed = text.replace(EXTENSION, "").trim();
  const digits = trimmed.replace(/\D/g, "");
  if (!PHONE_LIKE.test(trimmed) || digits.length < MIN_PHONE_DIGITS) return [];
  if (!parse) throw new Error("phoneWords before loadPhoneNumbers");
  const international =
    trimmed.startsWith("+") || (digits.length > MAX_NATIONAL_DIGITS && !digits.startsWith("0"));
  const parsed = international ? parse(`+${digits}`) : undefined;
  const words = [digits];
  if (parsed?.isPossible())
    words.push(parsed.nationalNumber, parsed.formatNational().replace(/\D/g, ""));
  return [...new Set(words)];
}
