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

/** Numbers whose national forms are kept: the same number recurs (a switchboard, a seeded range). */
const CACHED_NUMBERS = 20_000;
/** `+digits` → its national number and national dialling form ([] when not a possible number). */
const nationalForms = new Map<string, readonly string[]>();
let parses = 0;

/** How many numbers libphonenumber has parsed in this process (each distinct number once while cached). */
export const phoneParses = (): number => parses;

/**
 * +1 and ten digits (North America's plan, most numbers crmd sees): possible
 * whatever its area code, its national number and national form those ten
 * digits. libphonenumber answers the same (tests/search.test.ts compares
 * them), but only after matching the number against the plan's 25
 * countries, most of a parse's cost.
 */
const NANP = /^1\d{10}$/;

/** The national forms of the international number `+digits`, parsed once while cached. */
export function nationalFormsOf(digits: string): readonly string[] {
  if (NANP.test(digits)) return [digits.slice(1)];
  const key = `+${digits}`;
  let forms = nationalForms.get(key);
  if (forms) return forms;
  if (!parse) throw new Error("phoneWords before loadPhoneNumbers");
  parses++;
  // The text is the number alone: nothing to extract.
  const parsed = parse(key, { extract: false });
  forms = parsed?.isPossible()
    ? [parsed.nationalNumber, parsed.formatNational().replace(/\D/g, "")]
    : [];
  // Bounded: when full, start afresh (a rebuild reads its numbers in no useful order for LRU).
  if (nationalForms.size >= CACHED_NUMBERS) nationalForms.clear();
  nationalForms.set(key, forms);
  return forms;
}

/**
 * The digit words of `text` read as a phone number, its digits first;
 * empty when it is no phone number. Call loadPhoneNumbers first.
 */
export function phoneWords(text: string): string[] {
  const trimmed = text.replace(EXTENSION, "").trim();
  const digits = trimmed.replace(/\D/g, "");
  if (!PHONE_LIKE.test(trimmed) || digits.length < MIN_PHONE_DIGITS) return [];
  const international =
    trimmed.startsWith("+") || (digits.length > MAX_NATIONAL_DIGITS && !digits.startsWith("0"));
  if (!international) return [digits];
  return [...new Set([digits, ...nationalFormsOf(digits)])];
}
