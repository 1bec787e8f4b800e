import { existsSync } from "node:fs";
import { join } from "node:path";
import { openDatabase } from "../db/client";
import { copyDatabase, MOVED_ON_WARNING, type SourcePosition } from "../db/copy";
import { MigrationsInterrupted } from "../db/migrate";
import { seedTenant } from "../db/seed";
import {
  checkNewKey,
  createKey,
  listKeys,
  MAX_EXPIRES_IN_DAYS,
  revokeKey,
} from "../plugins/api-keys";
import { moveFilesIntoDatabase } from "../plugins/documents";
import { createTenant, findTenant, listTenants, setSmsNumbers } from "../plugins/tenants";
import type { Config } from "./config";
import {
  CONFIG_FLAGS,
  ConfigError,
  checkDatabaseWritable,
  checkSmsFrom,
  databaseUrl,
  documentsStoreOf,
  settingsHelp,
} from "./config";
import { createDemoTenant } from "./demo";
import { ApiError } from "./errors";
import { createLogger } from "./logger";
import { seedProgressBar } from "./progress";
import { databaseFailure, localUrl, openMigrated, type RunningServer, startServer } from "./server";

export const USAGE = `Usage: crmd [command] [options]

Commands:
  serve                         Start the server (default)
  migrate                       Apply database migrations and exit
  healthcheck [--host H] [--port P]
                                Exit 0 when the local server answers /readyz (for
                                containers); give it serve's --host/--port, if any
  tenants create --name NAME [--sms-numbers N1,N2]
                                Create a tenant (with its SMS sender numbers)
  tenants list                  List tenants
  tenants update --tenant T --sms-numbers N1,N2
                                Replace a tenant's SMS sender numbers (E.164; the
                                first is its default sender; "" for none)
  keys create --tenant T --name N --scopes a,b [--expires-in-days D] [--rate-limit R]
                                Create an API key (printed once)
  keys list --tenant T          List a tenant's keys
  keys revoke --tenant T KEY_ID Revoke a key
  copy --from URL --to URL [--from-auth-token T] [--to-auth-token T]
                                Copy a whole installation to an empty database
                                (SQLite <-> PostgreSQL <-> remote libSQL; row counts
                                verified), the source as of one snapshot taken at the
                                start: WARNING on stderr and "moved_on": true when the
                                source was written meanwhile (stop it first); a remote libSQL side's token is its
                                --*-auth-token, else CRMD_DATABASE_AUTH_TOKEN. When
                                the target keeps documents in the database (PostgreSQL's
                                default), documents stored as files under the source's
                                --data-dir are written into it, SHA-256 checked
  documents migrate             Write documents stored as files under
                                <data-dir>/documents into the database (for
                                CRMD_DOCUMENTS_STORE=database; progress on stderr;
                                exit 1 when a file is missing)
  seed --tenant T [--deals N] [--leads N] [--tasks N] [--partners N]
                                Fill a tenant with a year of sample data
                                (no events or activity rows; progress on stderr)

A command takes only the options it reads; any other, or an argument too many,
exits 2. serve reads every option below; migrate, tenants, keys, documents and seed read
--database-url, --database-auth-token and --data-dir besides their own;
healthcheck --host and --port; copy --database-auth-token and --data-dir besides its own.
The environment applies to every command.

Options (flags win over the environment, which wins over the default):
${settingsHelp()}
  -h, --help                    Show this help (crmd COMMAND --help: that command's)
  -v, --version                 Show the version
`;

type Values = Record<string, string | boolean | undefined>;

function required(values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== "string" || value === "") throw new ConfigError(`--${name} is required`);
  return value;
}

function optionalInt(
  values: Values,
  name: string,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !/^\d+$/.test(value) || Number(value) < 1)
    throw new ConfigError(`--${name} must be a positive integer`);
  if (Number(value) > max) throw new ConfigError(`--${name} must be at most ${max}`);
  return Number(value);
}

function count(values: Values, name: string): number {
  const value = values[name];
  if (value === undefined) return 0;
  if (typeof value !== "string" || !/^\d+$/.test(value))
    throw new ConfigError(`--${name} must be a whole number`);
  return Number(value);
}

/** The flag each field of the API's key body comes from, for messages. */
const KEY_FLAGS: Record<string, string> = { name: "--name", permissions: "--scopes" };

/** `keys create`'s flags as the API's key body, refused by the API's own rules (exit 2). */
function newKey(values: Values) {
  const key = {
    name: (values.name as string | undefined) ?? "cli key",
    permissions: required(values, "scopes")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    expiresInDays: optionalInt(values, "expires-in-days", MAX_EXPIRES_IN_DAYS),
    rateLimit: optionalInt(values, "rate-limit"),
  };
  try {
    checkNewKey(key);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const fields = (error.errors ?? []).map(({ path, message }) => {
      const field = path.split("/")[1] ?? "";
      return `${KEY_FLAGS[field] ?? field}: ${message}`;
    });
    throw new ConfigError(fields.join("; ") || error.message);
  }
  return key;
}

/** `--sms-numbers`: comma-separated numbers; given empty, none. Undefined when not given. */
function smsNumbers(values: Values): string[] | undefined {
  const value = values["sms-numbers"];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw new ConfigError("--sms-numbers takes a value");
  return value
    .split(",")
    .map((n) => n.trim())
    .filter(Boolean);
}

/** Runs a tenant change; a number the API refuses (422) is a usage error naming the flag (exit 2). */
async function withSmsNumbers<T>(numbers: string[], fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const field = error instanceof ApiError ? error.errors?.[0] : undefined;
    const index = field?.path.match(/^\/sms_numbers\/(\d+)$/)?.[1];
    if (!field || index === undefined) throw error;
    throw new ConfigError(`--sms-numbers: "${numbers[Number(index)]}" ${field.message}`);
  }
}

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

/**
 * Exit code of a command stopped by SIGTERM or SIGINT while it migrated the
 * database: the step under way finished or rolled back, the command did not
 * run, and running it again continues with the first pending step.
 */
export const STOPPED_WHILE_MIGRATING = 3;

/**
 * A second signal while a start waits (on a migration step, or on a
 * database that does not answer) ends the process without waiting, as an
 * uncaught signal would (128 + its number). SQLite and PostgreSQL roll back
 * the step under way.
 */
function exitAtOnce(signal: string): never {
  process.stderr.write(`crmd: ${signal} again: exiting without waiting\n`);
  process.exit(signal === "SIGINT" ? 130 : 143);
}

/**
 * Runs `fn` on the configured database, migrated first; `applied` names the
 * migrations that ran. A signal during the migrations stops them cleanly
 * (STOPPED_WHILE_MIGRATING).
 */
async function withDatabase(
  config: Config,
  fn: (db: Awaited<ReturnType<typeof openDatabase>>, applied: string[]) => Promise<number>,
): Promise<number> {
  checkDatabaseWritable(config);
  const stop = new AbortController();
  const onSignal = (signal: string) => {
    if (stop.signal.aborted) return exitAtOnce(signal);
    process.stderr.write(`crmd: ${signal}: stopping once the migration step under way ends\n`);
    stop.abort(signal);
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  let opened: Awaited<ReturnType<typeof openMigrated>>;
  try {
    opened = await openMigrated(
      config,
      seedProgressBar(),
      {},
      {
        signal: stop.signal,
        starting: (pending) =>
          process.stderr.write(
            `crmd: applying ${pending.length} migrations (first: ${pending[0]})\n`,
          ),
      },
    );
  } catch (error) {
    if (!(error instanceof MigrationsInterrupted)) throw error;
    process.stderr.write(
      `crmd: stopped by ${stop.signal.reason} during migrations: ${error.applied.length} applied, ${error.pending.length} pending (next: ${error.pending[0]}); run the command again to continue\n`,
    );
    return STOPPED_WHILE_MIGRATING;
  } finally {
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
  }
  const { db, applied } = opened;
  try {
    return await fn(db, applied);
  } finally {
    await db.close();
  }
}

async function serve(config: Config): Promise<number> {
  checkDatabaseWritable(config);
  await checkSmsFrom(config);
  const logger = createLogger(config.logLevel);
  // Signals are taken from the start: one while the database migrates lets
  // the step under way finish or roll back, then the process exits 0.
  const starting = new AbortController();
  let shutdown: ((signal: string) => Promise<void>) | null = null;
  const onSignal = (signal: string) => {
    if (shutdown) return void shutdown(signal);
    if (starting.signal.aborted) return exitAtOnce(signal);
    logger.info("shutting down once the migration step under way ends", { signal });
    starting.abort(signal);
  };
  process.on("SIGTERM", () => onSignal("SIGTERM"));
  process.on("SIGINT", () => onSignal("SIGINT"));
  let server: RunningServer;
  try {
    server = await startServer(config, { logger, stopSignal: starting.signal });
  } catch (error) {
    if (!(error instanceof MigrationsInterrupted)) throw error;
    logger.info("stopped during migrations; the next start continues with the first pending one", {
      signal: starting.signal.reason,
      applied: error.applied.length,
      pending: error.pending.length,
      next: error.pending[0],
    });
    return 0;
  }
  const demo = config.demo
    ? createDemoTenant(server.ctx, config.publicUrl ?? server.url)
    : Promise.resolve();
  let exiting = false;
  shutdown = async (signal: string) => {
    if (exiting) return;
    exiting = true;
    logger.info("shutting down", { signal });
    // A signal during the first start lets the demo tenant finish (or fail) first.
    await demo.catch(() => undefined);
    await server.stop();
    logger.info("stopped");
    process.exit(0);
  };
  // A signal after the migrations, while the server was being set up.
  if (starting.signal.aborted) void shutdown(String(starting.signal.reason));
  await demo;
  return -1; // keep running
}

async function healthcheck(config: Config): Promise<number> {
  try {
    const response = await fetch(`${localUrl(config.host, config.port)}/readyz`, {
      signal: AbortSignal.timeout(2000),
    });
    return response.ok ? 0 : 1;
  } catch {
    return 1;
  }
}

/**
 * `copy --from`: a URL crmd can open, and for a file one that exists (opening
 * a mistyped path would create an empty database there, and its directories).
 */
function copySource(url: string): string {
  databaseUrl(url, "--from");
  const path = url.startsWith("file:") ? url.slice("file:".length).split("?")[0] : undefined;
  if (path && !existsSync(path)) throw new ConfigError(`--from: no database file at ${path}`);
  return url;
}

/** A source position as `copy` prints it on stderr. */
const position = (at: SourcePosition) =>
  `sync ${at.sync}, pipelines ${at.pipelines}, event ${at.outbox_seq}, webhook fan-out ${at.webhook_fanout}`;

/** One side of a copy: its URL and, for a remote libSQL server, its token. */
interface CopySide {
  url: string;
  authToken?: string;
}

/** `--from` or `--to`, with its own `--<side>-auth-token` or else the configured one. */
function copySide(values: Values, side: "from" | "to", config: Config): CopySide {
  const own = values[`${side}-auth-token`];
  return {
    url: required(values, side),
    authToken: typeof own === "string" && own !== "" ? own : config.databaseAuthToken,
  };
}

/**
 * `crmd copy`: every table to an empty database, counts compared; exit 1 on
 * a mismatch. The source is read in one snapshot; a loud warning (exit 0:
 * the copy is consistent) when it was written while the copy ran. Uploaded documents kept as files (the filesystem store, under
 * `<data-dir>/documents` of the source) are no table: when the target keeps
 * documents in the database (PostgreSQL's default, or CRMD_DOCUMENTS_STORE=
 * database), they are written into it as `crmd documents migrate` does,
 * checked against their SHA-256, with progress (exit 1 when one is missing);
 * otherwise the operator is told to give the copy that directory.
 */
async function copyCommand(source: CopySide, target: CopySide, config: Config): Promise<number> {
  databaseUrl(target.url, "--to");
  const from = await openDatabase(copySource(source.url), source.authToken);
  try {
    const to = await openDatabase(target.url, target.authToken);
    try {
      // A side that cannot be reached is named (credentials hidden), not left to the driver's words alone.
      for (const [flag, url, db] of [
        ["--from", from.url, from],
        ["--to", to.url, to],
      ] as const)
        await db.execute("SELECT 1").catch(async (error) => {
          throw await databaseFailure(flag, url, error);
        });
      const progress = seedProgressBar();
      const { tables, snapshot, sourceAtEnd, sourceMovedOn } = await copyDatabase(
        from,
        to,
        progress,
        {
          onSnapshot: (at) =>
            process.stderr.write(
              `crmd copy: reading the source as of one snapshot: ${position(at)}\n`,
            ),
        },
      );
      if (sourceMovedOn)
        process.stderr.write(
          `crmd copy: WARNING: ${MOVED_ON_WARNING} (the source is now at ${position(sourceAtEnd)})\n`,
        );
      const source = {
        snapshot,
        at_end: sourceAtEnd,
        moved_on: sourceMovedOn,
        ...(sourceMovedOn ? { warning: MOVED_ON_WARNING } : {}),
      };
      const mismatched = tables.filter((t) => t.source !== t.target);
      const verified = mismatched.length === 0;
      const files = join(config.dataDir, "documents");
      const intoDatabase = documentsStoreOf({ ...config, databaseUrl: target.url }) === "database";
      if (!verified || !intoDatabase) {
        if (verified && existsSync(files))
          process.stderr.write(
            `crmd copy: uploaded documents kept as files stay in ${files}: give the copy's servers that data directory (CRMD_DATA_DIR), or run them with CRMD_DOCUMENTS_STORE=database and run \`crmd documents migrate\` with this data directory\n`,
          );
        print({ tables, verified, source });
        return verified ? 0 : 1;
      }
      const documents = await moveFilesIntoDatabase(to, config.dataDir, progress);
      if (documents.missing.length)
        process.stderr.write(
          `crmd copy: ${documents.missing.length} uploaded document content(s) are neither in the source database nor in ${files} (--data-dir): run \`crmd documents migrate\` with CRMD_DATABASE_URL set to the --to database and CRMD_DATA_DIR to the source's data directory\n`,
        );
      print({ tables, verified, source, documents });
      return documents.missing.length === 0 ? 0 : 1;
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
}

/** The settings a command that opens the configured database reads. */
const DATABASE_FLAGS = ["database-url", "database-auth-token", "data-dir"];

/** Each command: the flags it reads and how many arguments follow its name. */
const COMMANDS = {
  serve: { flags: Object.keys(CONFIG_FLAGS) },
  healthcheck: { flags: ["host", "port"] },
  migrate: { flags: DATABASE_FLAGS },
  "tenants create": { flags: [...DATABASE_FLAGS, "name", "sms-numbers"] },
  "tenants list": { flags: DATABASE_FLAGS },
  "tenants update": { flags: [...DATABASE_FLAGS, "tenant", "sms-numbers"] },
  "keys create": {
    flags: [...DATABASE_FLAGS, "tenant", "name", "scopes", "expires-in-days", "rate-limit"],
  },
  "keys list": { flags: [...DATABASE_FLAGS, "tenant"] },
  "keys revoke": { flags: [...DATABASE_FLAGS, "tenant"], args: 1 },
  copy: {
    flags: ["from", "to", "from-auth-token", "to-auth-token", "database-auth-token", "data-dir"],
  },
  "documents migrate": { flags: DATABASE_FLAGS },
  seed: { flags: [...DATABASE_FLAGS, "tenant", "deals", "leads", "tasks", "partners"] },
} satisfies Record<string, { flags: readonly string[]; args?: number }>;

type CommandName = keyof typeof COMMANDS;

/** Every flag of every command. */
export const COMMAND_FLAGS = [...new Set(Object.values(COMMANDS).flatMap((c) => c.flags))];

/**
 * `crmd <command> --help`: the command's own lines of the usage, then the
 * settings it reads (serve: every one).
 */
export function commandHelp(name: CommandName): string {
  const lines = USAGE.split("Commands:\n")[1].split("\n\n")[0].split("\n");
  const start = lines.findIndex((line) => line === `  ${name}` || line.startsWith(`  ${name} `));
  let end = start + 1;
  while (end < lines.length && /^ {3}/.test(lines[end])) end++;
  const spec: { flags: readonly string[] } = COMMANDS[name];
  // A flag its usage line names is the command's own (keys create --rate-limit: the key's), not the setting.
  const own = (flag: string) => new RegExp(`--${flag}\\b`).test(lines[start]);
  const flags = spec.flags.filter((flag) => !own(flag));
  const settings = settingsHelp(name === "serve" ? undefined : flags);
  return `Usage: crmd ${name} [options]

${lines.slice(start, end).join("\n")}

Options (flags win over the environment, which wins over the default):
${settings ? `${settings}\n` : ""}  -h, --help                    Show this help

The environment applies to every command (crmd --help lists every setting).
`;
}

export interface Command {
  name: CommandName;
  args: string[];
}

export const isCommand = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);

/**
 * The command the words name and the arguments after it. A flag it does not
 * read or an argument too many is refused (exit 2) rather than ignored, so a
 * mistyped command line never half-works.
 */
export function commandOf(positionals: string[], values: Values): Command {
  const [first = "serve", second] = positionals;
  const name = isCommand(first) ? first : `${first} ${second ?? ""}`.trim();
  if (!isCommand(name)) {
    // `crmd keys` or `crmd keys add`: name the group's commands rather than only "unknown".
    const group = Object.keys(COMMANDS).filter((command) => command.startsWith(`${first} `));
    if (group.length)
      throw new ConfigError(
        `${second === undefined ? `"${first}" needs a command` : `unknown command "${first} ${second}"`}: ${group.join(", ")} (crmd --help)`,
      );
    throw new ConfigError(`unknown command "${positionals.join(" ")}"\n\n${USAGE}`);
  }
  const spec: { flags: readonly string[]; args?: number } = COMMANDS[name];
  const args = positionals.slice(name.split(" ").length);
  const extra = args.slice(spec.args ?? 0);
  if (extra.length) throw new ConfigError(`${name} takes no argument "${extra[0]}"`);
  const given = Object.keys(values).filter((flag) => values[flag] !== undefined);
  const unread = given.find((flag) => !spec.flags.includes(flag));
  if (unread) throw new ConfigError(`${name} does not take --${unread}`);
  return { name, args };
}

/** Runs one CLI command; returns the exit code (-1: keep the process running). */
export async function runCommand(
  command: Command,
  values: Values,
  config: Config,
): Promise<number> {
  const [arg] = command.args;
  const now = new Date();
  try {
    switch (command.name) {
      case "serve":
        return await serve(config);
      case "healthcheck":
        return await healthcheck(config);
      case "migrate":
        return await withDatabase(config, async (_db, applied) => {
          print({ applied });
          return 0;
        });
      case "tenants create": {
        const name = required(values, "name");
        const numbers = smsNumbers(values) ?? [];
        return await withDatabase(config, async (db) => {
          const create = () => createTenant(db, name, now, undefined, numbers);
          print(await withSmsNumbers(numbers, create));
          return 0;
        });
      }
      case "tenants list":
        return await withDatabase(config, async (db) => {
          print(await listTenants(db));
          return 0;
        });
      case "tenants update": {
        const tenant = required(values, "tenant");
        const numbers = smsNumbers(values);
        if (numbers === undefined)
          throw new ConfigError('--sms-numbers is required ("" records none)');
        return await withDatabase(config, async (db) => {
          print(await withSmsNumbers(numbers, () => setSmsNumbers(db, tenant, numbers, now)));
          return 0;
        });
      }
      case "keys create": {
        const key = newKey(values);
        return await withDatabase(config, async (db) => {
          const tenant = await findTenant(db, required(values, "tenant"));
          print(await createKey(db, { tenantId: tenant.id, ...key }, now));
          return 0;
        });
      }
      case "keys list":
        return await withDatabase(config, async (db) => {
          const tenant = await findTenant(db, required(values, "tenant"));
          print(await listKeys(db, tenant.id));
          return 0;
        });
      case "keys revoke":
        return await withDatabase(config, async (db) => {
          if (!arg) throw new ConfigError("keys revoke needs the key id");
          const tenant = await findTenant(db, required(values, "tenant"));
          print(await revokeKey(db, tenant.id, arg, now));
          return 0;
        });
      case "copy":
        return await copyCommand(
          copySide(values, "from", config),
          copySide(values, "to", config),
          config,
        );
      case "documents migrate":
        return await withDatabase(config, async (db) => {
          const moved = await moveFilesIntoDatabase(db, config.dataDir, seedProgressBar());
          print(moved);
          return moved.missing.length === 0 ? 0 : 1;
        });
      case "seed":
        return await withDatabase(config, async (db) => {
          const tenant = await findTenant(db, required(values, "tenant"));
          const started = performance.now();
          const seeded = await seedTenant(
            db,
            tenant.id,
            {
              deals: count(values, "deals"),
              leads: count(values, "leads"),
              tasks: count(values, "tasks"),
              partners: count(values, "partners"),
            },
            seedProgressBar(),
          );
          print({ tenant_id: tenant.id, ...seeded, ms: Math.round(performance.now() - started) });
          return 0;
        });
    }
  } catch (error) {
    if (error instanceof ApiError) {
      process.stderr.write(`crmd: ${error.message}\n`);
      return error.status === 422 ? 2 : 1;
    }
    throw error;
  }
}
