import type { businessHours } from "../db/schema";
import { canonicalZone, localToUtc, zoneOffset } from "./zones";

/**
 * Working time: how SLA clocks count when a tenant has business hours.
 *
 * A calendar is a time zone, a set of ISO weekdays (1 = Monday … 7 = Sunday)
 * and one daily window [start, end) in local wall time. Every function works
 * on instants (epoch ms) and is exact across DST changes: each local day's
 * window is converted to UTC with the zone's offset on that day.
 *
 * `addWorking(start, ms)` is the earliest t with ms of working time in
 * [start, t); `latestStart(end, ms)` is its inverse, the latest s with
 * addWorking(s, ms) <= end. The scheduler uses the inverse to turn "due in
 * (last tick, now]" into a range of stage_entered_at that an index can serve.
 */

export interface Calendar {
  timeZone: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  workingDays: readonly number[];
  /** Minutes after local midnight; start < end. */
  startMinute: number;
  endMinute: number;
}

/** A tenant's stored business hours as a calendar. */
export const calendarOf = (row: typeof businessHours.$inferSelect): Calendar => ({
  timeZone: row.timeZone,
  workingDays: row.workingDays,
  startMinute: row.startMinute,
  endMinute: row.endMinute,
});

/** How an SLA clock measures time: all the time, or working time only. */
export interface WorkClock {
  /**
   * Earliest instant with `ms` of counted time since `start` (start itself when ms <= 0);
   * Infinity when the calendar does not count that much time within its horizon.
   */
  add(start: number, ms: number): number;
  /**
   * Latest start s whose add(s, ms) is at or before `end` (end itself when ms <= 0);
   * -Infinity when no start within the horizon is early enough.
   */
  latestStart(end: number, ms: number): number;
  /** Counted time in [a, b) (0 when b <= a). */
  between(a: number, b: number): number;
}

const DAY_MS = 86_400_000;
/**
 * Walks at most this many local days (20 years) before deciding a target is
 * unreachable: such a point never comes due (it must not stop the clocks of
 * other policies and tenants checked in the same run).
 */
const MAX_DAYS = 366 * 20;

export const wallClock: WorkClock = {
  add: (start, ms) => start + Math.max(ms, 0),
  latestStart: (end, ms) => end - Math.max(ms, 0),
  between: (a, b) => Math.max(b - a, 0),
};

/** The UTC instant of local wall time `localMs` (ms since the local epoch) in `zone`. */
const zoneLocalToUtc = (zone: string, localMs: number): number =>
  localToUtc(localMs, (t) => zoneOffset(zone, t));

/** ISO weekday of a local epoch day (day 0 = Thursday 1970-01-01). */
export const isoWeekday = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;

/**
 * Far targets skip whole weeks in which the zone's offset cannot change, so
 * a walk to the horizon costs about two offset look-ups per week, cached per
 * zone, instead of a few per day. Offsets are sampled every half week: two
 * equal neighbouring samples mean no change between them, because the tz
 * database never changes a zone's offset twice within 3.5 days (the closest
 * pairs, as in Gaza's Ramadan weeks, are 7 days minus an hour apart).
 */
const HALF_WEEK_MS = 3.5 * DAY_MS;
const SAMPLES_PER_ZONE = 16_384; // about 157 years of half weeks
const zoneSamples = new Map<string, Map<number, number>>();

/** The zone's offset at half week `k` (instant k × 3.5 days). */
function sampledOffset(zone: string, k: number): number {
  let samples = zoneSamples.get(zone);
  if (!samples) {
    if (zoneSamples.size >= 1000) zoneSamples.clear();
    samples = new Map();
    zoneSamples.set(zone, samples);
  }
  let offset = samples.get(k);
  if (offset === undefined) {
    offset = zoneOffset(zone, k * HALF_WEEK_MS);
    if (samples.size >= SAMPLES_PER_ZONE) samples.clear();
    samples.set(k, offset);
  }
  return offset;
}

/**
 * True when the zone keeps one offset from half a week before local epoch
 * week `week` (days 7·week … 7·week + 6) to half a week after it. Its
 * windows, within 16 hours of the week's days, then all have their nominal
 * length, and no local time in them is skipped or repeated.
 */
function steadyWeek(zone: string, week: number): boolean {
  const offset = sampledOffset(zone, 2 * week - 1);
  for (let k = 2 * week; k <= 2 * week + 3; k++)
    if (sampledOffset(zone, k) !== offset) return false;
  return true;
}

/** Working time counted by a business-hours calendar. */
export function businessClock(calendar: Calendar): WorkClock {
  const days = new Set(calendar.workingDays);
  // Day windows are recomputed on every tick for the same few days: cache them.
  const windows = new Map<number, [number, number] | null>();
  const windowOf = (day: number): [number, number] | null => {
    let w = windows.get(day);
    if (w === undefined) {
      w = days.has(isoWeekday(day))
        ? [
            zoneLocalToUtc(calendar.timeZone, day * DAY_MS + calendar.startMinute * 60_000),
            zoneLocalToUtc(calendar.timeZone, day * DAY_MS + calendar.endMinute * 60_000),
          ]
        : null;
      if (windows.size > 4096) windows.clear();
      windows.set(day, w);
    }
    return w;
  };
  const localDay = (t: number) => Math.floor((t + zoneOffset(calendar.timeZone, t)) / DAY_MS);
  const zone = canonicalZone(calendar.timeZone) ?? calendar.timeZone;
  /** Working time of a week whose offset does not change: every window at its nominal length. */
  const weekMs = days.size * (calendar.endMinute - calendar.startMinute) * 60_000;
  /** Local days `from` … from + 6 are one steady week (the walks skip it whole). */
  const steadyFrom = (from: number) => from % 7 === 0 && steadyWeek(zone, from / 7);

  return {
    add(start, ms) {
      if (ms <= 0) return start;
      let remaining = ms;
      const first = localDay(start);
      const horizon = first + MAX_DAYS;
      for (let day = first; day < horizon; day++) {
        // Only days after the first: none of their windows is cut by `start`.
        if (day > first && remaining > weekMs && day + 7 <= horizon && steadyFrom(day)) {
          remaining -= weekMs;
          day += 6;
          continue;
        }
        const w = windowOf(day);
        if (!w) continue;
        const from = Math.max(w[0], start);
        const available = w[1] - from;
        if (available <= 0) continue;
        if (remaining <= available) return from + remaining;
        remaining -= available;
      }
      return Number.POSITIVE_INFINITY;
    },
    latestStart(end, ms) {
      if (ms <= 0) return end;
      let remaining = ms;
      const last = localDay(end);
      const horizon = last - MAX_DAYS;
      for (let day = last; day > horizon; day--) {
        if (day < last && remaining > weekMs && day - 7 >= horizon && steadyFrom(day - 6)) {
          remaining -= weekMs;
          day -= 6;
          continue;
        }
        const w = windowOf(day);
        if (!w) continue;
        const to = Math.min(w[1], end);
        const available = to - w[0];
        if (available <= 0) continue;
        if (remaining <= available) return to - remaining;
        remaining -= available;
      }
      return Number.NEGATIVE_INFINITY;
    },
    between(a, b) {
      if (b <= a) return 0;
      let total = 0;
      const first = localDay(a);
      const last = localDay(b);
      for (let day = first; day <= last; day++) {
        if (day > first && day + 7 <= last && steadyFrom(day)) {
          total += weekMs;
          day += 6;
          continue;
        }
        const w = windowOf(day);
        if (w) total += Math.max(0, Math.min(w[1], b) - Math.max(w[0], a));
      }
      return total;
    },
  };
}
