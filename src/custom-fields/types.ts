import { indexKey } from "../../db/index-key";
import { invalid } from "../errors";
import { CURRENCY_MESSAGE, CURRENCY_PATTERN } from "../fields";
import { parseTime } from "../pagination";

/** The types a custom field can have. */
export const FIELD_TYPES = [
  "text",
  "number",
  "money",
  "date",
  "datetime",
  "boolean",
  "select",
  "multi_select",
  "url",
  "email",
  "phone",
  "reference",
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** What coercion needs of a definition. */
export interface FieldSpec {
  key: string;
  type: FieldType;
  options: string[] | null;
  currency: string | null;
}

/** One row of the value index: text-like values compare as text, the others as numbers. */
export interface IndexEntry {
  text: string | null;
  num: number | null;
}

export interface Coerced {
  /** The value as stored in the record's `custom_fields`. */
  value: unknown;
  index: IndexEntry[];
}

const TEXT_MAX = 10_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[0-9+()./ #*x-]{3,50}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A text value's index row: a long text is keyed by a prefix and a hash (db/index-key.ts). */
const text = (value: string): IndexEntry[] => [{ text: indexKey(value), num: null }];
/**
 * Text that compares in any letter case, as crmd's own name filters do: the
 * index holds it in lower case (every script), and so does the operand a
 * filter compares with it. The stored value keeps its case.
 */
const caseless = (value: string): IndexEntry[] => text(foldCase(value));
const foldCase = (value: string): string => value.toLowerCase();
const num = (value: number): IndexEntry[] => [{ text: null, num: value }];

type Coercer = (spec: FieldSpec, value: unknown, path: string) => Coerced;

function asString(value: unknown, path: string): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw invalid(path, "must be a string");
}

/** A number as text: plain decimal notation (no hex, exponent, spaces or `Infinity`, which Number() takes). */
const DECIMAL = /^-?\d+(\.\d+)?$/;

function asNumber(value: unknown, path: string): number {
  const n = typeof value === "string" && DECIMAL.test(value) ? Number(value) : value;
  if (typeof n !== "number" || !Number.isFinite(n)) throw invalid(path, "must be a number");
  return n;
}

function asInteger(value: unknown, path: string): number {
  const n = asNumber(value, path);
  if (!Number.isSafeInteger(n)) throw invalid(path, "must be an integer (minor units)");
  return n;
}

/** A calendar date YYYY-MM-DD (a full timestamp gives its UTC date). */
function asDate(value: unknown, path: string): string {
  const s = asString(value, path);
  const day = DATE.test(s) ? s : parseTime(s, path).toISOString().slice(0, 10);
  const parsed = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day)
    throw invalid(path, "must be a calendar date (YYYY-MM-DD)");
  return day;
}

function asBoolean(value: unknown, path: string): boolean {
  if (typeof value === "boolean") return value;
  if (value === "true" || value === 1 || value === "1") return true;
  if (value === "false" || value === 0 || value === "0") return false;
  throw invalid(path, "must be a boolean");
}

function asOption(spec: FieldSpec, value: unknown, path: string): string {
  const s = asString(value, path);
  if (!spec.options?.includes(s))
    throw invalid(path, `must be one of: ${spec.options?.join(", ")}`);
  return s;
}

function checked(
  s: string,
  ok: boolean,
  path: string,
  what: string,
  index: (value: string) => IndexEntry[] = text,
): Coerced {
  if (!ok) throw invalid(path, `must be ${what}`);
  return { value: s, index: index(s) };
}

const COERCERS: Record<FieldType, Coercer> = {
  text: (_spec, value, path) => {
    const s = asString(value, path);
    if (s.length > TEXT_MAX) throw invalid(path, `must be at most ${TEXT_MAX} characters`);
    return { value: s, index: caseless(s) };
  },
  number: (_spec, value, path) => {
    const n = asNumber(value, path);
    return { value: n, index: num(n) };
  },
  money: (spec, value, path) => {
    const object =
      typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
    const amount = asInteger(object ? object.value : value, object ? `${path}/value` : path);
    const currency = object?.currency ?? spec.currency ?? "USD";
    if (typeof currency !== "string" || !new RegExp(CURRENCY_PATTERN).test(currency))
      throw invalid(`${path}/currency`, CURRENCY_MESSAGE);
    return { value: { value: amount, currency }, index: num(amount) };
  },
  date: (_spec, value, path) => {
    const day = asDate(value, path);
    return { value: day, index: text(day) };
  },
  datetime: (_spec, value, path) => {
    const at = parseTime(asString(value, path), path);
    return { value: at.toISOString(), index: num(at.getTime()) };
  },
  boolean: (_spec, value, path) => {
    const b = asBoolean(value, path);
    return { value: b, index: num(b ? 1 : 0) };
  },
  select: (spec, value, path) => {
    const s = asOption(spec, value, path);
    return { value: s, index: caseless(s) };
  },
  multi_select: (spec, value, path) => {
    const list = Array.isArray(value) ? value : [value];
    const chosen = [...new Set(list.map((v, i) => asOption(spec, v, `${path}/${i}`)))];
    // options that differ only in case are one index row
    return { value: chosen, index: [...new Set(chosen.map(foldCase))].flatMap(text) };
  },
  url: (_spec, value, path) => {
    const s = asString(value, path);
    const ok = /^https?:\/\/[^\s/]/i.test(s) && URL.canParse(s);
    return checked(s, ok, path, "an http(s) URL", caseless);
  },
  email: (_spec, value, path) => {
    const s = asString(value, path).toLowerCase();
    return checked(s, EMAIL.test(s) && s.length <= 320, path, "an email address");
  },
  phone: (_spec, value, path) => {
    const s = asString(value, path);
    return checked(s, PHONE.test(s), path, "a phone number");
  },
  reference: (_spec, value, path) => {
    const s = asString(value, path);
    return checked(s, s.length > 0 && s.length <= 100, path, "a record id");
  },
};

/** Validates and coerces one value of a field; 422 at `path` when it does not fit the type. */
export const coerceValue = (spec: FieldSpec, value: unknown, path: string): Coerced =>
  COERCERS[spec.type](spec, value, path);

/**
 * The index value a `cf.<key>` filter compares with, parsed from the query
 * string as the field's type says (a datetime filter takes any ISO time).
 */
export function filterOperand(spec: FieldSpec, raw: string, path: string): IndexEntry {
  switch (spec.type) {
    case "select":
    case "multi_select":
      return text(foldCase(raw))[0];
    case "money":
      return { text: null, num: asInteger(raw, path) };
    default: {
      const [entry] = coerceValue(spec, raw, path).index;
      return entry;
    }
  }
}

/** True when the type's index compares numbers (ranges are numeric). */
export const isNumeric = (type: FieldType): boolean =>
  type === "number" || type === "money" || type === "datetime" || type === "boolean";
