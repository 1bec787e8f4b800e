import { expect, test } from "bun:test";
import { createLogger } from "../src/logger";
import { progressLog } from "../src/progress";

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
