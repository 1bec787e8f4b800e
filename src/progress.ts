import type { Logger } from "./logger";

const WIDTH = 30;

/**
 * A progress bar for `crmd seed`, `crmd copy` and the CLI's migrations on stderr: redrawn in place on a terminal,
 * one line per finished entity otherwise (logs stay readable).
 */
export function seedProgressBar(stream: NodeJS.WriteStream = process.stderr) {
  const started = performance.now();
  return (progress: { entity: string; done: number; total: number }) => {
    // Nothing to do (a data step on a new database): no line saying 0 of 0.
    if (progress.total === 0) return;
    const done = progress.done === progress.total;
    if (!stream.isTTY && !done) return;
    const ratio = progress.total === 0 ? 1 : progress.done / progress.total;
    const filled = Math.round(ratio * WIDTH);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const line = `${progress.entity.padEnd(9)} [${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}% ${progress.done.toLocaleString("en")}/${progress.total.toLocaleString("en")} ${seconds}s`;
    stream.write(stream.isTTY ? `\r${line}${done ? "\n" : ""}` : `${line}\n`);
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
