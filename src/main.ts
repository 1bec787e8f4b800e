#!/usr/bin/env bun
import { parseArgs } from "node:util";
import pkg from "../package.json";
import { COMMAND_FLAGS, commandHelp, commandOf, runCommand, USAGE } from "./cli";
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

/**
 * Exit codes: 0 ok, 1 runtime failure, 2 bad usage or configuration, 3 a
 * command other than serve stopped by SIGTERM/SIGINT while it migrated
 * (STOPPED_WHILE_MIGRATING; serve exits 0 then).
 */
async function main(argv: string[]): Promise<number> {
  // Every flag some command reads takes a value; commandOf refuses those the command does not read.
  const flagOptions = Object.fromEntries(
    COMMAND_FLAGS.map((flag) => [flag, { type: "string" as const }]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        ...flagOptions,
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (error) {
    process.stderr.write(`crmd: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if ((positionals[0] ?? "serve") === "serve" && !values.help && !values.version) {
    const level = values["log-level"] ?? process.env.CRMD_LOG_LEVEL;
    serving = { silent: level === "silent" };
  }
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
    const command = commandOf(positionals, values as Record<string, string | boolean | undefined>);
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
    return await runCommand(
      command,
      values as Record<string, string | boolean | undefined>,
      config,
    );
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
