import { describe, expect, test } from "bun:test";
import {
  businessClock,
  isoWeekday,
  isValidTimeZone,
  wallClock,
} from "../plugins/sla/business-time";
import { zoneOffset } from "../src/zones";

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
  test("time zones are validated with Intl", () => {
    expect(isValidTimeZone("America/New_York")).toBe(true);
    expect(isValidTimeZone("Asia/Kolkata")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
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
