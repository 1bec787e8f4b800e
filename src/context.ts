import type { Database, WriteTx } from "../db/client";
import type { Clock } from "./clock";
import type { Config } from "./config";
import type { KeyStore } from "./keys";
import type { Logger } from "./logger";
import type { Metrics } from "./metrics";
import type { RateLimiter } from "./rate-limit";
import type { ReadCache } from "./read-cache";
import type { Scheduler } from "./scheduler";
import type { SecretBox } from "./secrets";
import type { Tracer } from "./tracing";

/** A long-running background task started with the server (webhook dispatcher, …). */
export interface BackgroundWorker {
  name: string;
  start(): void | Promise<void>;
  stop(): Promise<void>;
}

/** Everything a plugin gets from the core: one object, built once per server. */
export interface AppContext {
  config: Config;
  db: Database;
  clock: Clock;
  logger: Logger;
  keys: KeyStore;
  rateLimiter: RateLimiter;
  /** Client addresses refused the admin check until then (epoch ms): too many wrong tokens. */
  adminLockouts: Map<string, number>;
  /** Read results kept until the next write (list totals, KPIs). */
  cache: ReadCache;
  /** Encrypts secrets crmd must store and use again (webhook signing secrets, custom header values). */
  secrets: SecretBox;
  /**
   * Runs one write transaction; after it commits, wakes whoever waits for
   * new outbox events (the webhook dispatcher), so delivery starts at once.
   * For a POST, `fn` returns the route's answer: it is stored with the write
   * as the Idempotency-Key's replay, which a retry gets after a crash.
   */
  write<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T>;
  /** Called after every committed write. */
  onCommit(listener: () => void): void;
  /** Called when the server stops, before it waits for open requests (live streams end here). */
  onStop(listener: () => void | Promise<void>): void;
  /** Runs the onStop listeners; the server calls it as it stops. */
  notifyStop(): Promise<void>;
  /** Cron jobs registered by plugins; started with the server when workers are on. */
  scheduler: Scheduler;
  /** Background workers registered by plugins; started with the server when workers are on. */
  workers: BackgroundWorker[];
  /** Prometheus metrics of this server (GET /metrics). */
  metrics: Metrics;
  /** Spans of requests and webhook deliveries (exported over OTLP when configured). */
  tracer: Tracer;
}
