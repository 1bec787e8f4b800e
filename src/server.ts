import { websocket } from "elysia/ws";
import { type Database, type OpenOptions, openDatabase } from "../db/client";
import type { CommitBatchObserver } from "../db/group-commit";
import {
  type MigrateOptions,
  type MigrationProgress,
  MigrationsInterrupted,
  migrate,
  migrationsApplied,
  migrationsOf,
} from "../db/migrate";
import { unresolvedHost } from "../db/urls";
import { createApp } from "./app";
import { type Clock, systemClock } from "./clock";
import { type Config, ConfigError } from "./config";
import { prefersPrimary } from "./consistency";
import type { AppContext } from "./context";
import { asSent, JSON_TYPE } from "./http-conventions";
import { replayWithWrite } from "./idempotency";
import { KeyStore } from "./keys";
import { createLogger, errorMessage, type Logger } from "./logger";
import { Metrics } from "./metrics";
import { takePrecondition } from "./preconditions";
import { progressLog } from "./progress";
import { FixedWindowRateLimiter, SharedWindowRateLimiter } from "./rate-limit";
import { ReadCache } from "./read-cache";
import { handling, outsideRequest } from "./request-state";
import { Scheduler } from "./scheduler";
import { loadSecretKey, SecretBox } from "./secrets";
import { currentTrace, idOnlyTracer, startRequestSpan, withTrace } from "./tracing";
import { backlogs } from "./webhooks/fanout";
import { startWorkers, type Workers } from "./workers";

export interface ContextOptions {
  clock?: Clock;
  logger?: Logger;
  /**
   * Stops the start while it migrates (SIGTERM): the migration step under
   * way finishes or rolls back, and startServer throws MigrationsInterrupted.
   */
  stopSignal?: AbortSignal;
}

/**
 * Group-commit batches into the metrics and, at debug, one log line each;
 * at other levels a batch builds nothing for the log.
 */
function watchCommits(metrics: Metrics, logger: Logger): CommitBatchObserver {
  const debug = logger.enabled("debug");
  return (writes, seconds, outcome) => {
    metrics.observeCommitBatch(writes, seconds, outcome);
    if (debug)
      logger.debug("group commit", {
        writes,
        duration_ms: Math.round(seconds * 1e6) / 1000,
        outcome,
      });
  };
}

/** Opens the database, applies migrations and builds the context plugins receive. */
export async function createContext(
  config: Config,
  options: ContextOptions = {},
): Promise<AppContext> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const { db, applied } = await openMigrated(
    config,
    progressLog(logger, "migration progress"),
    {
      replicaUrl: config.databaseReplicaUrl,
      warn: (message, fields) => logger.warn(message, fields),
      info: (message, fields) => logger.info(message, fields),
      prefersPrimary,
    },
    {
      signal: options.stopSignal,
      starting: (pending) =>
        logger.info("applying migrations", { pending: pending.length, first: pending[0] }),
    },
  );
  if (applied.length) logger.info("migrations applied", { migrations: applied });
  // Instances on several hosts tell the time by the database's clock where it has one.
  const clock = options.clock ?? db.clock ?? systemClock;
  const listeners: Array<() => void> = [];
  const stopListeners: Array<() => void | Promise<void>> = [];
  const metrics = new Metrics(
    {
      backlogs: () => backlogs(db),
      databaseUp: () => migrationsApplied(db).catch(() => false),
      pool: () => db.pool(),
      replicaUp: db.replicaUp,
      connections: db.connections,
    },
    config.webhookConcurrency,
  );
  db.observeCommits(watchCommits(metrics, logger));
  db.observeReplica?.({
    read: (servedBy) => metrics.observeReplicaRead(servedBy),
    fallback: (active) => metrics.observeReplicaFallback(active),
  });
  return {
    config,
    db,
    clock,
    logger,
    keys: new KeyStore(db, clock, logger),
    rateLimiter: db.sharedWindows
      ? new SharedWindowRateLimiter(db.sharedWindows)
      : new FixedWindowRateLimiter(),
    adminLockouts: new Map(),
    cache: new ReadCache(),
    secrets: new SecretBox(loadSecretKey(config.secretKey, config.dataDir)),
    async write(fn) {
      const storeReplay = replayWithWrite(); // an Idempotency-Key's replay commits with the write
      const precondition = takePrecondition(); // If-Match: checked against the row this write sees
      // Group commit may run this in another request's turn: the events keep this request's trace.
      const trace = currentTrace();
      const result = await db.transaction(async (tx) => {
        await precondition?.(tx);
        const value = await withTrace(trace, () => fn(tx));
        await storeReplay?.(tx, value);
        return value;
      });
      outsideRequest(() => {
        for (const listener of listeners) listener();
      });
      return result;
    },
    onCommit(listener) {
      listeners.push(listener);
    },
    onStop(listener) {
      stopListeners.push(listener);
    },
    async notifyStop() {
      for (const listener of stopListeners) await listener();
    },
    scheduler: new Scheduler({
      db,
      logger,
      clock,
      overrides: config.cron,
      leaseMs: config.schedulerLeaseSeconds * 1000,
      onRun: (job, result) => metrics.observeJob(job, result),
    }),
    workers: [],
    metrics,
    tracer: config.otlpEndpoint
      ? (await import("./otlp")).otlpTracer(config.otlpEndpoint, config.serviceName)
      : idOnlyTracer,
  };
}

/**
 * Opens the configured database and applies pending migrations. A failure
 * (unreachable, refused, a migration's error) names the database, without
 * its credentials, and says why.
 */
export async function openMigrated(
  config: Config,
  progress: (progress: MigrationProgress) => void,
  options: OpenOptions = {},
  migrateOptions: MigrateOptions = {},
): Promise<{ db: Database; applied: string[] }> {
  try {
    const db = await openDatabase(config.databaseUrl, config.databaseAuthToken, options);
    try {
      // The key is read only if a step stores a secret (a first start may have no data dir yet).
      let box: SecretBox | undefined;
      const seal = (plain: string) => {
        box ??= new SecretBox(loadSecretKey(config.secretKey, config.dataDir));
        return box.seal(plain);
      };
      return {
        db,
        applied: await migrate(db, migrationsOf(db), progress, { seal, ...migrateOptions }),
      };
    } catch (error) {
      await db.close().catch(() => {});
      throw error;
    }
  } catch (error) {
    if (error instanceof MigrationsInterrupted) throw error;
    throw await databaseFailure("database", config.databaseUrl, error);
  }
}

/**
 * A database that failed, as one message: `label` and the URL (credentials
 * hidden), then why. A host name that does not resolve is said so, whatever
 * the driver reported (Bun's PostgreSQL client: a refused connection).
 */
export async function databaseFailure(label: string, url: string, error: unknown): Promise<Error> {
  const unresolved = await unresolvedHost(url);
  if (unresolved)
    return new Error(
      `${label} ${redactUrl(url)}: host ${unresolved.host} could not be resolved (${errorMessage(unresolved.error)})`,
      { cause: unresolved.error },
    );
  return new Error(`${label} ${redactUrl(url)}: ${errorMessage(error)}`, { cause: error });
}

export interface RunningServer {
  ctx: AppContext;
  url: string;
  port: number;
  /** Stops accepting, finishes in-flight requests, stops workers, closes the database. */
  stop(): Promise<void>;
}

/** Starts crmd: context, HTTP listener and background workers. */
export async function startServer(
  config: Config,
  options: ContextOptions = {},
): Promise<RunningServer> {
  const ctx = await createContext(config, options);
  const app = createApp(ctx); // plugins register their jobs and workers here
  ctx.scheduler.checkOverrides();
  let server: ReturnType<typeof Bun.serve>;
  try {
    server = Bun.serve({
      hostname: config.host,
      port: config.port,
      // crmd applies its own limits on the bytes it reads (body.ts), with its JSON
      // 413; Bun's cap, far above them, would answer with an empty body.
      maxRequestBodySize: Number.MAX_SAFE_INTEGER,
      fetch: (request) =>
        handling(request, () =>
          withTrace(startRequestSpan(ctx.tracer, request).context, () =>
            app.handle(request).then((response) => asSent(request, response)),
          ),
        ),
      // Elysia's WebSocket routes (live channels) upgrade through this server; its
      // handler types name an older ServerWebSocket than @types/bun's.
      websocket: websocket as unknown as Bun.WebSocketHandler<unknown>,
      error: (error) => {
        ctx.logger.error("server error", { error });
        return new Response(JSON.stringify({ detail: "Internal server error", code: "INTERNAL" }), {
          status: 500,
          headers: { "content-type": JSON_TYPE },
        });
      },
    });
  } catch (error) {
    await ctx.db.close().catch(() => {});
    // Bun's words for a host that is no address here ("ENOTTY … listen") name neither setting.
    throw new ConfigError(
      `cannot listen on ${config.host}:${config.port} (CRMD_HOST / --host, CRMD_PORT / --port): ${errorMessage(error)}`,
    );
  }
  app.server = server; // WebSocket upgrades and client addresses (widget rate limits) need it
  const workers: Workers = config.workers ? startWorkers(ctx) : { stop: async () => {} };
  const url = localUrl(config.host, server.port as number);
  ctx.logger.info("listening", {
    url,
    database: redactUrl(config.databaseUrl),
    ...(config.databaseReplicaUrl ? { replica: redactUrl(config.databaseReplicaUrl) } : {}),
  });
  let stopping: Promise<void> | null = null;
  return {
    ctx,
    url,
    port: server.port as number,
    stop() {
      stopping ??= (async () => {
        await ctx.notifyStop(); // live streams end first: the listener waits for open requests
        await server.stop(false);
        await workers.stop();
        await ctx.scheduler.stop(); // also when workers are off: tests run jobs by hand
        await ctx.db.close();
        ctx.metrics.stop();
        await ctx.tracer.shutdown();
      })();
      return stopping;
    },
  };
}

/**
 * The URL this machine reaches a server listening on `host` at: loopback for
 * the any-address, an IPv6 address in brackets.
 */
export function localUrl(host: string, port: number): string {
  const reachable = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  return `http://${reachable.includes(":") ? `[${reachable}]` : reachable}:${port}`;
}

/**
 * Database URLs may carry credentials, in the user part or as parameters
 * (libSQL's `authToken`, PostgreSQL's `password` / `sslpassword`, which Bun's
 * client reads as libpq does): logs and messages get them as `***`.
 */
export function redactUrl(url: string): string {
  return url
    .replace(/\/\/[^@/]*@/, "//***@")
    .replace(/([?&][^=&#]*(?:token|password|secret)[^=&#]*=)[^&#]*/gi, "$1***");
}
