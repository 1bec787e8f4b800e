import type { Logger } from "./logger";

const WIDTH = 30;

/**
 * Progress of `crmd seed`, `crmd copy`, `crmd documents migrate` and the CLI's
 * migrations on stderr. On a terminal, a bar per entity redrawn in place.
 * Elsewhere (a file, a pipe, a container's log) no carriage returns: one JSON
 * line per entity every `everyMs` at most, and one when it is done
 * (`{"time", "level": "info", "msg": "progress", "entity", "done", "total"}`).
 */
export function seedProgressBar(stream: NodeJS.WriteStream = process.stderr, everyMs = 1_000) {
  const started = performance.now();
  const last = new Map<string, number>();
  return (progress: { entity: string; done: number; total: number }) => {
    // Nothing to do (a data step on a new database): no line saying 0 of 0.
    if (progress.total === 0) return;
    const done = progress.done === progress.total;
    if (!stream.isTTY) {
      const now = performance.now();
      const previous = last.get(progress.entity);
      if (!done && previous !== undefined && now - previous < everyMs) return;
      last.set(progress.entity, now);
      const { entity, done: count, total } = progress;
      const entry = { time: new Date().toISOString(), level: "info", msg: "progress", entity };
      stream.write(`${JSON.stringify({ ...entry, done: count, total })}\n`);
      return;
    }
    const ratio = progress.done / progress.total;
    const filled = Math.round(ratio * WIDTH);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const line = `${progress.entity.padEnd(9)} [${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}% ${progress.done.toLocaleString("en")}/${progress.total.toLocaleString("en")} ${seconds}s`;
    stream.write(`\r${line}${done ? "\n" : ""}`);
  };
}

/**
 * Progress of long work in the structured log, where there is no terminal to
 * draw on (a server applying a long migration as it starts): a line every
 * `everyMs` at most, and one when an entity is done.
 */
export function progressLog(logger: Logger, msg: string, everyMs = 5_000) {
  let last = performance.now();
  return (progress: { entity: string; done: number; total: number }) => {
    // Nothing to do (a data step on a new database): no line saying 0 of 0.
    if (progress.total === 0) return;
    const done = progress.done === progress.total;
    if (!done && performance.now() - last < everyMs) return;
    last = performance.now();
    logger.info(msg, { ...progress });
  };
}
