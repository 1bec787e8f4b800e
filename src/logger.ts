import type { LogLevel } from "./config";

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
  /** Whether lines of `level` are written: a hot path builds a line's fields only then. */
  enabled(level: Exclude<LogLevel, "silent">): boolean;
}

/** Structured JSON-lines logger on stdout (errors on stderr). */
export function createLogger(
  level: LogLevel,
  base: LogFields = {},
  write: (line: string, isError: boolean) => void = defaultWrite,
): Logger {
  const min = ORDER[level];
  const log = (lvl: Exclude<LogLevel, "silent">, msg: string, fields?: LogFields) => {
    if (ORDER[lvl] < min) return;
    const entry = { time: new Date().toISOString(), level: lvl, msg, ...base, ...fields };
    write(JSON.stringify(entry, errorReplacer()), ORDER[lvl] >= ORDER.error);
  };
  return {
    debug: (m, f) => log("debug", m, f),
    info: (m, f) => log("info", m, f),
    warn: (m, f) => log("warn", m, f),
    error: (m, f) => log("error", m, f),
    child: (fields) => createLogger(level, { ...base, ...fields }, write),
    enabled: (lvl) => ORDER[lvl] >= min,
  };
}

function defaultWrite(line: string, isError: boolean) {
  (isError ? process.stderr : process.stdout).write(`${line}\n`);
}

/**
 * drizzle's "Failed query: …" message ends with the statement's parameters:
 * the values written (a message's body, a customer's email). The log keeps
 * the statement and how many values it had, never the values.
 */
const QUERY_PARAMS = /\nparams: [\s\S]*$/;
/** The parameters line of a statement that had none. */
const NO_PARAMS = /\nparams:\s*$/;

/** An error's message and stack as the log may show them (without a failed query's values). */
function loggable(error: Error): { message: string; stack?: string } {
  const { message, stack } = error;
  const withValues = QUERY_PARAMS.test(message) && !NO_PARAMS.test(message);
  if (!message.startsWith("Failed query: ") || !withValues) return { message, stack };
  const params = (error as { params?: unknown }).params;
  const count = Array.isArray(params) ? params.length : "some";
  const safe = message.replace(QUERY_PARAMS, `\nparams: (${count} values, not logged)`);
  return { message: safe, stack: stack?.split(message).join(safe) };
}

/** Errors as objects, with their causes: a failed query's says why (refused, timed out). */
function errorReplacer() {
  const seen = new WeakSet<Error>(); // a cause may lead back to an error already written
  return (_key: string, value: unknown) => {
    if (!(value instanceof Error)) return value;
    const { message, stack } = loggable(value);
    if (seen.has(value)) return `[${value.name}: ${message}]`;
    seen.add(value);
    return { name: value.name, message, stack, cause: value.cause };
  };
}

/** An error's message, then its causes' and their codes, for a one-line report. */
export function errorMessage(error: unknown): string {
  const parts: string[] = [];
  for (let e = error, depth = 0; e !== undefined && depth < 5; depth++) {
    // A failed query's statement, without its values.
    const text =
      e instanceof Error ? loggable(e).message.replace(QUERY_PARAMS, "").trim() : String(e);
    const code = (e as { code?: unknown } | null)?.code;
    if (!parts.some((part) => part.includes(text)))
      parts.push(typeof code === "string" && !text.includes(code) ? `${text} (${code})` : text);
    e = e instanceof Error ? e.cause : undefined;
  }
  return parts.join(": ");
}

/**
 * A text with the credentials of the URLs in it as `***` (the user part, and
 * parameters named like a token, password or secret), as database URLs are logged.
 */
export function redactSecrets(text: string): string {
  // A parameter's value ends before a `: ` that goes on with the message (`…authToken=***: why`).
  return text
    .replace(/\/\/[^@/\s"']*@/g, "//***@")
    .replace(
      /([?&][^=&#\s"']*(?:token|password|secret)[^=&#\s"']*=)[^&#\s"']*?(?=:\s|[&#\s"']|$)/gim,
      "$1***",
    );
}

/** How often a failure that keeps repeating is logged again. */
const REPEAT_LOG_MS = 30_000;

/**
 * The log of a background loop's failures (webhook dispatch, sending, search
 * indexing): during a database outage every pass fails, a few times a
 * second. The first failure is logged at once, then at most one line every
 * 30 s with how many failed meanwhile, and one line when a pass works again.
 */
export class RepeatedFailureLog {
  private failures = 0;
  private firstAt = 0;
  private loggedAt = 0;

  constructor(
    private readonly logger: Logger,
    private readonly message: string,
    private readonly now: () => number = Date.now,
  ) {}

  failed(error: unknown) {
    const now = this.now();
    this.failures++;
    if (this.failures === 1) this.firstAt = now;
    else if (now - this.loggedAt < REPEAT_LOG_MS) return;
    this.loggedAt = now;
    const repeated = this.failures > 1 ? { failures: this.failures } : {};
    this.logger.error(this.message, { error, ...repeated });
  }

  succeeded() {
    if (this.failures === 0) return;
    this.logger.info(`${this.message}: working again`, {
      failures: this.failures,
      failing_ms: this.now() - this.firstAt,
    });
    this.failures = 0;
  }
}
