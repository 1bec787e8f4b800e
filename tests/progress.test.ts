import { expect, test } from "bun:test";
import { createLogger } from "../src/logger";
import { progressLog, seedProgressBar } from "../src/progress";

test("progressLog: a log line per interval at most, and always the finished one", () => {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger("info", {}, (line) => lines.push(JSON.parse(line)));
  const report = progressLog(logger, "migration progress", 60_000);
  report({ entity: "1300_custom_field_caseless", done: 20_000, total: 60_000 });
  report({ entity: "1300_custom_field_caseless", done: 40_000, total: 60_000 });
  report({ entity: "1300_custom_field_caseless", done: 60_000, total: 60_000 });
  expect(lines.map(({ msg, entity, done, total }) => ({ msg, entity, done, total }))).toEqual([
    {
      msg: "migration progress",
      entity: "1300_custom_field_caseless",
      done: 60_000,
      total: 60_000,
    },
  ]);
  const every = progressLog(logger, "migration progress", 0);
  every({ entity: "m", done: 1, total: 2 });
  expect(lines.at(-1)).toMatchObject({ entity: "m", done: 1, total: 2 });
});

test("seedProgressBar off a terminal: JSON lines, no carriage returns, one per entity per interval and its end; 0 of 0 prints nothing", () => {
  const written: string[] = [];
  const stream = { isTTY: false, write: (text: string) => written.push(text) };
  const report = seedProgressBar(stream as unknown as NodeJS.WriteStream, 60_000);
  report({ entity: "pipelines", done: 0, total: 0 });
  report({ entity: "deals", done: 1_000, total: 3_000 });
  report({ entity: "deals", done: 2_000, total: 3_000 });
  report({ entity: "leads", done: 5, total: 10 });
  report({ entity: "deals", done: 3_000, total: 3_000 });
  report({ entity: "leads", done: 10, total: 10 });
  expect(written.join("")).not.toContain("\r");
  expect(written.every((text) => text.endsWith("\n"))).toBe(true);
  const lines = written.map((text) => JSON.parse(text));
  for (const line of lines) expect(line).toMatchObject({ level: "info", msg: "progress" });
  expect(lines.map(({ entity, done, total }) => ({ entity, done, total }))).toEqual([
    { entity: "deals", done: 1_000, total: 3_000 },
    { entity: "leads", done: 5, total: 10 },
    { entity: "deals", done: 3_000, total: 3_000 },
    { entity: "leads", done: 10, total: 10 },
  ]);
});

test("seedProgressBar on a terminal: a bar redrawn in place", () => {
  const written: string[] = [];
  const stream = { isTTY: true, write: (text: string) => written.push(text) };
  const report = seedProgressBar(stream as unknown as NodeJS.WriteStream);
  report({ entity: "deals", done: 1, total: 2 });
  report({ entity: "deals", done: 2, total: 2 });
  expect(written[0]).toMatch(/^\rdeals +\[#{15}\.{15}\] +50% 1\/2 /);
  expect(written[1]).toMatch(/^\rdeals +\[#{30}\] 100% 2\/2 .*\n$/);
});
