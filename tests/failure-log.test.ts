import { expect, test } from "bun:test";
import { createLogger, RepeatedFailureLog } from "../src/logger";

test("a background loop failing every pass logs once, then every 30 s with the count, and once when it works again", () => {
  const lines: Array<Record<string, any>> = [];
  const logger = createLogger("info", {}, (line) => lines.push(JSON.parse(line)));
  let now = 1_000_000;
  const log = new RepeatedFailureLog(logger, "dispatcher pass failed", () => now);
  const outage = new Error("Failed to connect");

  // A database outage: a failed pass every 200 ms for 65 s.
  for (let elapsed = 0; elapsed <= 65_000; elapsed += 200, now += 200) log.failed(outage);
  expect(lines.map((l) => [l.level, l.msg, l.failures])).toEqual([
    ["error", "dispatcher pass failed", undefined],
    ["error", "dispatcher pass failed", 151],
    ["error", "dispatcher pass failed", 301],
  ]);
  expect(lines[0].error.message).toBe("Failed to connect");

  log.succeeded();
  log.succeeded();
  expect(lines.slice(3).map((l) => [l.level, l.msg, l.failures, l.failing_ms])).toEqual([
    ["info", "dispatcher pass failed: working again", 326, 65_200],
  ]);

  // The next outage starts afresh.
  log.failed(outage);
  expect(lines.at(-1)).toMatchObject({ level: "error", msg: "dispatcher pass failed" });
  expect(lines.at(-1)?.failures).toBeUndefined();
});
