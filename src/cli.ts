import { existsSync } from "node:fs";
import { openDatabase } from "../db/client";
import { copyDatabase } from "../db/copy";
import { migrate, migrationsOf } from "../db/migrate";
import { seedTenant } from "../db/seed";
import { createKey, listKeys, MAX_EXPIRES_IN_DAYS, revokeKey } from "../plugins/api-keys";
import { createTenant, findTenant, listTenants } from "../plugins/tenants";
import type { Config } from "./config";
import { ConfigError, databaseUrl, settingsHelp } from "./config";
import { createDemoTenant } from "./demo";
import { ApiError } from "./errors";
import { createLogger } from "./logger";
import { seedProgressBar } from "./progress";
import { localUrl, startServer } from "./server";

export const USAGE = `Usage: crmd [command] [options]

Commands:
  serve                         Start the server (default)
  migrate                       Apply database migrations and exit
  healthcheck                   Exit 0 when the local server answers /readyz (for containers)
  tenants create --name NAME    Create a tenant
  tenants list                  List tenants
  keys create --tenant T --name N --scopes a,b [--expires-in-days D] [--rate-limit R]
                                Create an API key (printed once)
  keys list --tenant T          List a tenant's keys
  keys revoke --tenant T KEY_ID Revoke a key
  copy --from URL --to URL      Copy a whole installation to an empty database
                                (SQLite <-> PostgreSQL; row counts verified)
  seed --tenant T [--deals N] [--leads N] [--tasks N] [--partners N]
                                Fill a tenant with a year of sample data
                                (no events or activity rows; progress on stderr)

Options (flags win over the environment, which wins over the default):
${settingsHelp()}
  -h, --help                    Show this help
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

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

/** Runs `fn` on the configured database, migrated first; `applied` names the migrations that ran. */
async function withDatabase<T>(
  config: Config,
  fn: (db: Awaited<ReturnType<typeof openDatabase>>, applied: string[]) => Promise<T>,
) {
  const db = await openDatabase(config.databaseUrl, config.databaseAuthToken);
  try {
    const applied = await migrate(db, migrationsOf(db), seedProgressBar());
    return await fn(db, applied);
  } finally {
    await db.close();
  }
}

async function serve(config: Config): Promise<number> {
  const logger = createLogger(config.logLevel);
  const server = await startServer(config, { logger });
  const demo = config.demo
    ? createDemoTenant(server.ctx, config.publicUrl ?? server.url)
    : Promise.resolve();
  let exiting = false;
  const shutdown = async (signal: string) => {
    if (exiting) return;
    exiting = true;
    logger.info("shutting down", { signal });
    // A signal during the first start lets the demo tenant finish (or fail) first.
    await demo.catch(() => undefined);
    await server.stop();
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
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

/** `crmd copy`: every table to an empty database, counts compared; exit 1 on a mismatch. */
async function copyCommand(fromUrl: string, toUrl: string): Promise<number> {
  databaseUrl(toUrl, "--to");
  const from = await openDatabase(copySource(fromUrl));
  try {
    const to = await openDatabase(toUrl);
    try {
      const tables = await copyDatabase(from, to, seedProgressBar());
      const mismatched = tables.filter((t) => t.source !== t.target);
      print({ tables, verified: mismatched.length === 0 });
      return mismatched.length === 0 ? 0 : 1;
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
}

/** Runs one CLI command; returns the exit code (-1: keep the process running). */
export async function runCommand(
  positionals: string[],
  values: Values,
  config: Config,
): Promise<number> {
  const [command = "serve", sub, arg] = positionals;
  const now = new Date();
  try {
    switch (`${command} ${sub ?? ""}`.trim()) {
      case "serve":
        return await serve(config);
      case "healthcheck":
        return await healthcheck(config);
      case "migrate":
        return await withDatabase(config, async (_db, applied) => {
          print({ applied });
          return 0;
        });
      case "tenants create":
        return await withDatabase(config, async (db) => {
          print(await createTenant(db, required(values, "name"), now));
          return 0;
        });
      case "tenants list":
        return await withDatabase(config, async (db) => {
          print(await listTenants(db));
          return 0;
        });
      case "keys create":
        return await withDatabase(config, async (db) => {
          const tenant = await findTenant(db, required(values, "tenant"));
          const created = await createKey(
            db,
            {
              tenantId: tenant.id,
              name: (values.name as string | undefined) ?? "cli key",
              permissions: required(values, "scopes")
                .split(",")
                .map((s) => s.trim())
                .filter(Boolean),
              expiresInDays: optionalInt(values, "expires-in-days", MAX_EXPIRES_IN_DAYS),
              rateLimit: optionalInt(values, "rate-limit"),
            },
            now,
          );
          print(created);
          return 0;
        });
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
        return await copyCommand(required(values, "from"), required(values, "to"));
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
      default:
        throw new ConfigError(`unknown command "${positionals.join(" ")}"\n\n${USAGE}`);
    }
  } catch (error) {
    if (error instanceof ApiError) {
      process.stderr.write(`crmd: ${error.message}\n`);
      return error.status === 422 ? 2 : 1;
    }
    throw error;
  }
}
