import { describe, expect, test } from "bun:test";
import { businessClock, type Calendar, isoWeekday, wallClock } from "../src/business-time";
import { canonicalZone, localToUtc, zoneOffset } from "../src/zones";

const H = 3_600_000;
const M = 60_000;
const at = (s: string) => Date.parse(s);
const isoOf = (ms: number) => new Date(ms).toISOString();

// Mon–Fri 09:00–17:00 New York; DST starts Sunday 2026-03-08.
const newYork = businessClock({
  timeZone: "America/New_York",
  workingDays: [1, 2, 3, 4, 5],
  startMinute: 9 * 60,
  endMinute: 17 * 60,
});
// Mon–Fri 09:30–18:00 Kolkata (UTC+05:30, no DST).
const kolkata = businessClock({
  timeZone: "Asia/Kolkata",
  workingDays: [1, 2, 3, 4, 5],
  startMinute: 9 * 60 + 30,
  endMinute: 18 * 60,
});

describe("helpers", () => {
  test("time zones are IANA names known to Intl, in their canonical spelling", () => {
    expect(canonicalZone("America/New_York")).toBe("America/New_York");
    expect(canonicalZone("asia/kolkata")).toBe("Asia/Kolkata");
    expect(canonicalZone("Mars/Olympus_Mons")).toBeNull();
    expect(canonicalZone("+02:00")).toBeNull();
  });

  test("ISO weekdays of local epoch days", () => {
    expect(isoWeekday(0)).toBe(4); // 1970-01-01, a Thursday
    expect(isoWeekday(4)).toBe(1);
    expect(isoWeekday(-1)).toBe(3);
    expect(isoWeekday(Math.floor(at("2026-03-08T12:00:00Z") / 86_400_000))).toBe(7);
  });

  test("zone offsets follow DST", () => {
    expect(zoneOffset("America/New_York", at("2026-03-06T12:00:00Z"))).toBe(-5 * H);
    expect(zoneOffset("America/New_York", at("2026-03-09T12:00:00Z"))).toBe(-4 * H);
    expect(zoneOffset("Asia/Kolkata", at("2026-03-09T12:34:56.789Z"))).toBe(5.5 * H);
  });
});

describe("wall clock", () => {
  test("counts every millisecond", () => {
    expect(wallClock.add(1000, 500)).toBe(1500);
    expect(wallClock.latestStart(1500, 500)).toBe(1000);
    expect(wallClock.between(1000, 1500)).toBe(500);
    expect(wallClock.between(1500, 1000)).toBe(0);
  });
});

describe("business clock", () => {
  test("Friday 16:00 EST plus 2 working hours is Monday 10:00 EDT (weekend and DST skipped)", () => {
    const friday4pm = at("2026-03-06T21:00:00Z"); // 16:00 EST
    expect(isoOf(newYork.add(friday4pm, 2 * H))).toBe("2026-03-09T14:00:00.000Z"); // 10:00 EDT
    expect(newYork.between(friday4pm, at("2026-03-09T14:00:00Z"))).toBe(2 * H);
  });

  test("a clock started on the weekend starts counting at Monday's opening", () => {
    const saturday = at("2026-03-07T15:00:00Z");
    expect(isoOf(newYork.add(saturday, 30 * M))).toBe("2026-03-09T13:30:00.000Z"); // 09:30 EDT
    expect(newYork.between(saturday, at("2026-03-09T13:00:00Z"))).toBe(0);
  });

  test("a target ending exactly at closing time is due at closing, not next morning", () => {
    const friday4pm = at("2026-03-06T21:00:00Z");
    expect(isoOf(newYork.add(friday4pm, H))).toBe("2026-03-06T22:00:00.000Z"); // 17:00 EST
  });

  test("multi-day targets count 8 hours per working day", () => {
    const monday9am = at("2026-03-09T13:00:00Z");
    expect(isoOf(newYork.add(monday9am, 40 * H))).toBe("2026-03-13T21:00:00.000Z"); // Fri 17:00 EDT
    expect(isoOf(newYork.add(monday9am, 41 * H))).toBe("2026-03-16T14:00:00.000Z"); // next Mon 10:00
    expect(newYork.between(monday9am, at("2026-03-16T14:00:00Z"))).toBe(41 * H);
  });

  test("Kolkata's half-hour offset: Friday 17:00 IST plus 3 working hours is Monday 11:30 IST", () => {
    const friday5pm = at("2026-03-13T11:30:00Z"); // 17:00 IST
    expect(isoOf(kolkata.add(friday5pm, 3 * H))).toBe("2026-03-16T06:00:00.000Z"); // 11:30 IST
    expect(kolkata.between(friday5pm, at("2026-03-16T06:00:00Z"))).toBe(3 * H);
  });

  test("latestStart inverts add: the latest start whose target is met by `end`", () => {
    // Monday 10:00 EDT: the 2 working hours before it began Friday 16:00 EST.
    expect(isoOf(newYork.latestStart(at("2026-03-09T14:00:00Z"), 2 * H))).toBe(
      "2026-03-06T21:00:00.000Z",
    );
    // Landing exactly on an opening: the opening itself (earlier off-hours starts map to it too).
    expect(isoOf(newYork.latestStart(at("2026-03-09T14:00:00Z"), H))).toBe(
      "2026-03-09T13:00:00.000Z",
    );
    // An end in the weekend counts back from Friday's closing.
    expect(isoOf(newYork.latestStart(at("2026-03-07T18:00:00Z"), H))).toBe(
      "2026-03-06T21:00:00.000Z",
    );
    expect(newYork.latestStart(12345, 0)).toBe(12345);
  });

  test("for random instants, add(s, d) <= e exactly when s <= latestStart(e, d)", () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const base = at("2026-02-20T00:00:00Z");
    for (const clock of [newYork, kolkata]) {
      for (let i = 0; i < 300; i++) {
        const end = base + Math.floor(random() * 40 * 24 * H);
        const duration = Math.floor(random() * 30 * H) + 1;
        const start = clock.latestStart(end, duration);
        expect(clock.add(start, duration)).toBeLessThanOrEqual(end);
        expect(clock.add(start + 1, duration)).toBeGreaterThan(end);
        expect(clock.between(start, clock.add(start, duration))).toBe(duration);
      }
    }
  });

  test("an end of day at 24:00 counts up to midnight", () => {
    const allDayUtc = businessClock({
      timeZone: "UTC",
      workingDays: [1, 2, 3, 4, 5],
      startMinute: 0,
      endMinute: 24 * 60,
    });
    const fridayNoon = at("2026-03-13T12:00:00Z");
    expect(isoOf(allDayUtc.add(fridayNoon, 13 * H))).toBe("2026-03-16T01:00:00.000Z");
  });

  test("a target the calendar does not reach within 20 years is never due", () => {
    const monday = at("2026-03-09T14:00:00Z");
    const tooFar = 50_000 * H; // about 24 years of 40-hour weeks
    expect(newYork.add(monday, tooFar)).toBe(Number.POSITIVE_INFINITY);
    expect(newYork.latestStart(monday, tooFar)).toBe(Number.NEGATIVE_INFINITY);
  });
});

/**
 * The plain definition, one local day at a time with no shortcut: each
 * working day's window converted to UTC with the zone's offsets that day.
 */
function referenceClock(calendar: Calendar) {
  const DAY = 86_400_000;
  const MAX_DAYS = 366 * 20;
  const windows = new Map<number, [number, number] | null>();
  const utc = (local: number) => localToUtc(local, (t) => zoneOffset(calendar.timeZone, t));
  const windowOf = (day: number) => {
    if (!windows.has(day))
      windows.set(
        day,
        calendar.workingDays.includes(isoWeekday(day))
          ? [utc(day * DAY + calendar.startMinute * M), utc(day * DAY + calendar.endMinute * M)]
          : null,
      );
    return windows.get(day) ?? null;
  };
  const localDay = (t: number) => Math.floor((t + zoneOffset(calendar.timeZone, t)) / DAY);
  return {
    add(start: number, ms: number) {
      const first = localDay(start);
      for (let day = first; day < first + MAX_DAYS; day++) {
        const w = windowOf(day);
        const from = w ? Math.max(w[0], start) : 0;
        if (!w || w[1] <= from) continue;
        if (ms <= w[1] - from) return from + ms;
        ms -= w[1] - from;
      }
      return Number.POSITIVE_INFINITY;
    },
    latestStart(end: number, ms: number) {
      const last = localDay(end);
      for (let day = last; day > last - MAX_DAYS; day--) {
        const w = windowOf(day);
        const to = w ? Math.min(w[1], end) : 0;
        if (!w || to <= w[0]) continue;
        if (ms <= to - w[0]) return to - ms;
        ms -= to - w[0];
      }
      return Number.NEGATIVE_INFINITY;
    },
    between(a: number, b: number) {
      let total = 0;
      for (let day = localDay(a); day <= localDay(b); day++) {
        const w = windowOf(day);
        if (w) total += Math.max(0, Math.min(w[1], b) - Math.max(w[0], a));
      }
      return total;
    },
  };
}

describe("far targets", () => {
  test("a 10-year and a 17-year target land on the right instants; their inverse and count agree", () => {
    const monday9am = at("2026-12-07T14:00:00Z"); // 09:00 EST
    // 500 and 875 weeks of 40 hours: due on a Friday at 17:00 EDT.
    for (const [hours, due] of [
      [20_000, "2036-07-04T21:00:00.000Z"],
      [35_000, "2043-09-11T21:00:00.000Z"],
    ] as const) {
      expect(isoOf(newYork.add(monday9am, hours * H))).toBe(due);
      expect(isoOf(newYork.latestStart(at(due), hours * H))).toBe(isoOf(monday9am));
      expect(newYork.between(monday9am, at(due))).toBe(hours * H);
      expect(newYork.between(monday9am, at(due) - 1)).toBe(hours * H - 1);
    }
  });

  test("a calendar with a tiny daily window: reachable within 20 years, or never", () => {
    // One minute a week, Mondays 09:00 Athens.
    const minuteAWeek = businessClock({
      timeZone: "Europe/Athens",
      workingDays: [1],
      startMinute: 9 * 60,
      endMinute: 9 * 60 + 1,
    });
    const start = at("2026-12-07T07:00:00Z"); // Monday 09:00 EET
    // The 1000th Monday counted is 999 weeks later, 2046-01-29, in winter time again.
    expect(isoOf(minuteAWeek.add(start, 1000 * M))).toBe("2046-01-29T07:01:00.000Z");
    expect(isoOf(minuteAWeek.latestStart(at("2046-01-29T07:01:00Z"), 1000 * M))).toBe(isoOf(start));
    expect(minuteAWeek.add(start, 100 * H)).toBe(Number.POSITIVE_INFINITY);
    expect(minuteAWeek.latestStart(start, 100 * H)).toBe(Number.NEGATIVE_INFINITY);
  });

  test("a far walk asks the time-zone database about twice a week, once; the next tick's walk hardly at all", () => {
    // Look-ups counted, not time: each is one Intl formatToParts call.
    const formatToParts = Intl.DateTimeFormat.prototype.formatToParts;
    let lookUps = 0;
    Intl.DateTimeFormat.prototype.formatToParts = function (this: Intl.DateTimeFormat, date) {
      lookUps++;
      return formatToParts.call(this, date);
    };
    try {
      const clock = businessClock({
        timeZone: "America/Chicago",
        workingDays: [1, 2, 3, 4, 5],
        startMinute: 8 * 60,
        endMinute: 16 * 60,
      });
      const now = at("2026-12-07T00:40:00Z");
      const unreachable = 50_000 * H; // walks all 20 years, about 1040 weeks
      expect(clock.latestStart(now, unreachable)).toBe(Number.NEGATIVE_INFINITY);
      expect(lookUps).toBeLessThan(8_000);
      lookUps = 0;
      // The next minute's SLA tick: the same walk again.
      expect(clock.latestStart(now + 60_000, unreachable)).toBe(Number.NEGATIVE_INFINITY);
      expect(clock.latestStart(now + 60_000, 40_000 * H)).toBe(clock.latestStart(now, 40_000 * H));
      expect(lookUps).toBeLessThan(100);
    } finally {
      Intl.DateTimeFormat.prototype.formatToParts = formatToParts;
    }
  });

  test("walks of years give exactly what a day-by-day walk gives, across every DST change", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const calendars: Calendar[] = [
      // Transitions 7 days minus an hour apart around Ramadan 2040.
      { timeZone: "Asia/Gaza", workingDays: [1, 2, 3, 4, 6, 7], startMinute: 0, endMinute: 150 },
      // Half-hour DST; a window spanning the change at 02:00.
      { timeZone: "Australia/Lord_Howe", workingDays: [7], startMinute: 60, endMinute: 180 },
      // DST that lasted one week in October 2000.
      { timeZone: "America/Boa_Vista", workingDays: [1, 3, 7], startMinute: 0, endMinute: 24 * 60 },
      { timeZone: "America/New_York", workingDays: [2, 7], startMinute: 90, endMinute: 200 },
    ];
    for (const calendar of calendars) {
      const clock = businessClock(calendar);
      const reference = referenceClock(calendar);
      const weekMs = calendar.workingDays.length * (calendar.endMinute - calendar.startMinute) * M;
      for (let i = 0; i < 6; i++) {
        const instant = at("1995-01-01T00:00:00Z") + Math.floor(random() * 60 * 365 * 24 * H);
        const duration = Math.floor(random() * 1100 * weekMs) + 1; // up to about 21 years
        const due = reference.add(instant, duration);
        const earliest = reference.latestStart(instant, duration);
        const label = `${calendar.timeZone} ${isoOf(instant)} ${duration}`;
        expect({ label, due: clock.add(instant, duration) }).toEqual({ label, due });
        expect({ label, earliest: clock.latestStart(instant, duration) }).toEqual({
          label,
          earliest,
        });
        if (Number.isFinite(due))
          expect({ label, between: clock.between(instant, due) }).toEqual({
            label,
            between: reference.between(instant, due),
          });
        if (Number.isFinite(earliest)) expect(clock.between(earliest, instant)).toBe(duration);
      }
      const from = at("2000-01-01T00:00:00Z") + Math.floor(random() * 24 * H);
      for (const to of [at("2000-12-31T00:00:00Z"), at("2041-01-01T00:00:00Z")])
        expect(clock.between(from, to)).toBe(reference.between(from, to));
    }
  });
});
