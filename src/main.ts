#!/usr/bin/env bun
import { type ParseArgsOptionsConfig, parseArgs } from "node:util";
import pkg from "../package.json";
import { COMMAND_FLAGS, commandHelp, commandOf, isCommand, runCommand, USAGE } from "./cli";
import { CONFIG_FLAGS, ConfigError, loadConfig, unknownVariables } from "./config";
import { createLogger, errorMessage, redactSecrets } from "./logger";

/** Whether the command is serve (the default), whose failed start is also logged; silent when its log level is. */
let serving: { silent: boolean } | undefined;

/**
 * A start of serve that fails (a bad setting, a database it cannot open):
 * besides the message on stderr, one JSON line where the server logs its
 * errors (stderr), so a log pipeline sees why the process ended.
 * Credentials in URLs are hidden there as in the message (stderr is often
 * a log file too) and in every log line.
 */
function logFailedStart(error: unknown, exitCode: number) {
  if (!serving || serving.silent) return;
  const message = redactSecrets(errorMessage(error));
  const name = error instanceof Error ? error.name : "Error";
  createLogger("error").error("start failed", { error: { name, message }, exit_code: exitCode });
}

/** Every flag some command reads takes a value; commandOf refuses those the command does not read. */
const OPTIONS: ParseArgsOptionsConfig = {
  ...Object.fromEntries(COMMAND_FLAGS.map((flag) => [flag, { type: "string" as const }])),
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
};

/** A command line as parseArgs read it. */
interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** The command line; `strict`: an unknown option or a missing value throws. */
const parse = (argv: string[], strict: boolean): Parsed =>
  parseArgs({ args: argv, allowPositionals: true, strict, options: OPTIONS }) as Parsed;

/** Notes whether the command line starts serve (the default), whose failed start is also logged. */
function noteServing({ values, positionals }: Parsed) {
  if ((positionals[0] ?? "serve") !== "serve" || values.help || values.version) return;
  const level = values["log-level"] ?? process.env.CRMD_LOG_LEVEL;
  serving = { silent: level === "silent" };
}

/**
 * A command line parseArgs refused (an unknown option, a missing value), as
 * a usage error like any other: the option, and the help that lists the
 * command's options. Never an option's value, which may be a secret.
 */
function usageError(error: unknown, { positionals }: Parsed): ConfigError {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = message.match(/^Unknown option '([^']+)'/)?.[1];
  const [first = "serve", second] = positionals;
  const pair = `${first} ${second}`;
  const name = isCommand(first) ? first : isCommand(pair) ? pair : undefined;
  const help = name ? `crmd ${name} --help` : "crmd --help";
  return new ConfigError(
    `${unknown ? `unknown option ${unknown}` : message} (${help} lists the options)`,
  );
}

/**
 * Exit codes: 0 ok, 1 runtime failure, 2 bad usage or configuration, 3 a
 * command other than serve stopped by SIGTERM/SIGINT while it migrated
 * (STOPPED_WHILE_MIGRATING; serve exits 0 then).
 */
async function main(argv: string[]): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parse(argv, true);
  } catch (error) {
    // The command line as far as it can be read: serve's bad usage is logged as its bad settings are.
    const lenient = parse(argv, false);
    noteServing(lenient);
    const usage = usageError(error, lenient);
    process.stderr.write(`crmd: ${redactSecrets(usage.message)}\n`);
    logFailedStart(usage, 2);
    return 2;
  }
  const { values, positionals } = parsed;
  noteServing(parsed);
  if (values.version) {
    process.stdout.write(`crmd ${pkg.version}\n`);
    return 0;
  }
  try {
    if (values.help) {
      // `crmd copy --help`: that command's help; `crmd --help`: the whole.
      const name = positionals.length ? commandOf(positionals, {}).name : undefined;
      process.stdout.write(name ? commandHelp(name) : USAGE);
      return 0;
    }
    const command = commandOf(positionals, values);
    const flags = Object.fromEntries(
      Object.keys(CONFIG_FLAGS)
        .filter((flag) => typeof values[flag] === "string")
        .map((flag) => [flag, values[flag] as string]),
    );
    const config = loadConfig(process.env, flags);
    for (const name of unknownVariables(process.env))
      process.stderr.write(
        `crmd: warning: ${name} is no crmd setting and is ignored (crmd --help lists them)\n`,
      );
    return await runCommand(command, values, config);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`crmd: ${redactSecrets(error.message)}\n`);
      logFailedStart(error, 2);
      return 2;
    }
    throw error;
  }
}

// No top-level await: the compiled binary is bytecode, which needs CommonJS.
main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exit(code);
  },
  (error) => {
    process.stderr.write(`crmd: ${redactSecrets(errorMessage(error))}\n`);
    logFailedStart(error, 1);
    process.exit(1);
  },
);
