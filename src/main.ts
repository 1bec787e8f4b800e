#!/usr/bin/env bun
import { parseArgs } from "node:util";
import pkg from "../package.json";
import { COMMAND_FLAGS, commandHelp, commandOf, runCommand, USAGE } from "./cli";
import { CONFIG_FLAGS, ConfigError, loadConfig, unknownVariables } from "./config";
import { errorMessage } from "./logger";

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
      process.stderr.write(`crmd: ${error.message}\n`);
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
    process.stderr.write(`crmd: ${errorMessage(error)}\n`);
    process.exit(1);
  },
);
