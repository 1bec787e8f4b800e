import { canonicalZone, invalid, localToUtc, zoneOffset } from "../../src/core";

/**
 * Calendar time: IANA zones (through Intl, no time-zone database of our
 * own), wall-clock times in a zone, and the two shapes of event times —
 * instants for timed events, whole days for all-day events.
 */

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** The canonical IANA name of `zone` ("europe/athens" → "Europe/Athens"), or 422 at /time_zone. */
export function canonicalTimeZone(zone: string): string {
  const canonical = canonicalZone(zone);
  if (canonical) return canonical;
  throw invalid(
    "/time_zone",
    `unknown time zone "${zone}"; use an IANA name such as Europe/Athens`,
  );
}

/** Offset of `zone` from UTC at `instant`, in whole minutes (east positive): what ISO offsets show. */
const offsetMinutes = (instant: number, zone: string): number =>
  Math.round(zoneOffset(zone, instant) / 60_000);

/**
 * The instant at which clocks in `zone` show `wall`, with whole-minute
 * offsets so that localIso shows `wall` again. A wall time shown twice (the
 * hour the clocks go back) is its first occurrence, as RFC 5545 reads it:
 * localToUtc gives either, depending on the side of UTC the zone is on.
 */
function wallToInstant(wall: number, zone: string): number {
  const offsetAt = (t: number) => offsetMinutes(t, zone) * 60_000;
  const instant = localToUtc(wall, offsetAt);
  // The first occurrence reads the wall time with the larger offset from before the change.
  const earlier = wall - offsetAt(instant - DAY_MS);
  return earlier < instant && offsetAt(earlier) === wall - earlier ? earlier : instant;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** `instant` as the zone's local time with its offset: 2026-03-10T09:00:00.000+02:00. */
export function localIso(instant: Date, zone: string): string {
  const offset = offsetMinutes(instant.getTime(), zone);
  const local = new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, -1);
  const sign = offset < 0 ? "-" : "+";
  return `${local}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/** Date.UTC of the fields if they name a real calendar date and time, else null. */
function utcFields(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number | null {
  const value = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(value);
  const same =
    back.getUTCFullYear() === y &&
    back.getUTCMonth() === mo - 1 &&
    back.getUTCDate() === d &&
    back.getUTCHours() === h &&
    back.getUTCMinutes() === mi &&
    back.getUTCSeconds() === s;
  return same ? value : null;
}

/** A YYYY-MM-DD day as the UTC midnight of its fields, or 422 at `path`. */
function parseDay(value: string, path: string): number {
  const match = DATE.exec(value);
  const day = match && utcFields(Number(match[1]), Number(match[2]), Number(match[3]));
  if (day === null || day === undefined)
    throw invalid(path, "must be a date (YYYY-MM-DD) for an all-day event");
  return day;
}

/**
 * An ISO 8601 date-time as an instant. With an offset (or Z) it is exact;
 * without one it is wall-clock time in `zone`, as calendars do.
 */
function parseInstant(value: string, zone: string, path: string): number {
  const match = DATE_TIME.exec(value);
  const [, y, mo, d, h, mi, s, fraction, offset] = match ?? [];
  const wall = match && utcFields(+y, +mo, +d, +h, +mi, s ? +s : 0);
  if (wall === null || wall === undefined)
    throw invalid(
      path,
      "must be an ISO 8601 date-time such as 2026-03-10T09:00:00+02:00 (a date alone needs all_day: true)",
    );
  const ms = fraction ? Math.floor(Number(`0${fraction}`) * 1000) : 0;
  if (!offset) return wallToInstant(wall, zone) + ms;
  if (offset.toUpperCase() === "Z") return wall + ms;
  const digits = offset.replace(":", "");
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  if (minutes > 18 * 60 || Number(digits.slice(3, 5)) > 59) throw invalid(path, "has a bad offset");
  return wall + ms - (offset.startsWith("-") ? -minutes : minutes) * 60_000;
}

export interface TimesInput {
  start: string;
  end: string | null | undefined;
  allDay: boolean;
  /** Canonical IANA name. */
  timeZone: string;
}

export interface EventTimes {
  startAt: Date;
  /** Exclusive: an all-day event ends at the midnight after its last day. */
  endAt: Date;
  startDate: string | null;
  endDate: string | null;
}

/**
 * Turns `start`/`end` into stored times. Timed events take date-times; all-day
 * events take their first and last day (inclusive; `end` defaults to
 * `start`) in the event's zone. An end before the start is 422 at /end.
 */
export function resolveTimes(input: TimesInput): EventTimes {
  const { start, end, timeZone } = input;
  if (input.allDay) {
    const first = parseDay(start, "/start");
    const last = end ? parseDay(end, "/end") : first;
    if (last < first) throw invalid("/end", "must not be before start");
    return {
      startAt: new Date(wallToInstant(first, timeZone)),
      endAt: new Date(wallToInstant(last + DAY_MS, timeZone)),
      startDate: start,
      endDate: end ?? start,
    };
  }
  const startAt = parseInstant(start, timeZone, "/start");
  if (!end) throw invalid("/end", "is required unless the event is all-day");
  const endAt = parseInstant(end, timeZone, "/end");
  if (endAt < startAt) throw invalid("/end", "must not be before start");
  return { startAt: new Date(startAt), endAt: new Date(endAt), startDate: null, endDate: null };
}
