import { describe, expect, test } from "bun:test";
import { httpDate, parseHttpDate } from "../src/http-date";

const NOV_6_1994 = Date.UTC(1994, 10, 6, 8, 49, 37);

describe("HTTP dates (RFC 9110 5.6.7)", () => {
  test("the three forms a recipient accepts name the same time", () => {
    for (const form of [
      "Sun, 06 Nov 1994 08:49:37 GMT",
      "Sunday, 06-Nov-94 08:49:37 GMT",
      "Sun Nov  6 08:49:37 1994",
      "Sun Nov 06 08:49:37 1994",
    ])
      expect({ form, at: parseHttpDate(form, Date.UTC(2026, 0, 1)) }).toEqual({
        form,
        at: NOV_6_1994,
      });
  });

  test("a two-digit year over 50 years ahead is the century before", () => {
    const now = Date.UTC(2026, 0, 1);
    expect(parseHttpDate("Thursday, 01-Jan-76 00:00:00 GMT", now)).toBe(Date.UTC(2076, 0, 1));
    expect(parseHttpDate("Friday, 01-Jan-77 00:00:00 GMT", now)).toBe(Date.UTC(1977, 0, 1));
  });

  test("anything else is no date", () => {
    for (const value of [
      null,
      "",
      "tomorrow",
      "1994-11-06T08:49:37Z",
      "Sun, 06 Nov 1994 08:49:37 GMT, Mon, 07 Nov 1994 08:49:37 GMT",
      "sun, 06 nov 1994 08:49:37 gmt",
      "Sun, 06 Nov 1994 08:49:37 UTC",
      "Sun, 6 Nov 1994 08:49:37 GMT",
      "Thu, 31 Feb 1994 08:49:37 GMT",
      "Sun, 06 Nov 1994 24:00:00 GMT",
    ])
      expect({ value, at: parseHttpDate(value) }).toEqual({ value, at: null });
  });

  test("a time is sent as an IMF-fixdate, to the second, and read back as that second", () => {
    const at = new Date(NOV_6_1994 + 678);
    expect(httpDate(at)).toBe("Sun, 06 Nov 1994 08:49:37 GMT");
    expect(parseHttpDate(httpDate(at))).toBe(NOV_6_1994);
  });
});
