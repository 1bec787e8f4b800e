/** Runtime configuration: flags override env, env overrides defaults. */
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

export interface Config {
  host: string;
  port: number;
  databaseUrl: string;
  databaseAuthToken?: string;
  adminToken?: string;
  logLevel: LogLevel;
  /** Requests per minute per API key unless the key sets its own. */
  rateLimit: number;
  /** Largest accepted request body in bytes. */
  bodyLimit: number;
  /** Create the demo tenant on first start with an empty database. */
  demo: boolean;
  /** Public base URL used in the demo curl line. */
  publicUrl?: string;
  webhookAllowPrivate: boolean;
  /** Run background workers (webhook dispatcher, scheduler). Tests may turn them off. */
  workers: boolean;
  dataDir: string;
  /** Cron expressions of scheduler jobs, by job name (CRMD_CRON_<JOB>). */
  cron: Record<string, string>;
  /** A scheduler job's lease: another instance takes the job over this long after its holder dies. */
  schedulerLeaseSeconds: number;
  /** Webhook retry delays in seconds. */
  webhookRetrySchedule: number[];
  webhookTimeoutMs: number;
  /** Webhook requests in flight at once, per instance. */
  webhookConcurrency: number;
  /** Deliveries per hour per webhook; the excess waits (seed 001: 1000). */
  webhookMaxPerHour: number;
  /** A webhook is disabled after this many consecutive failed attempts. */
  webhookDisableAfterFailures: number;
  /** … or after failing without a success for this many days. */
  webhookDisableAfterDays: number;
  /** Finished deliveries and their attempts are kept this many days. */
  webhookRetentionDays: number;
  /** Key that encrypts stored webhook secrets (CRMD_SECRET_KEY); unset: a key file in the data dir. */
  secretKey?: string;
  /** Largest accepted document upload in bytes. */
  uploadLimit: number;
  /** How often an instance looks for events other instances committed (live channels, SSE). */
  livePollMs: number;
  /** Seconds between heartbeats on an idle event stream. */
  liveHeartbeatSeconds: number;
  /** Bearer token that may read GET /metrics (as may the admin token). */
  metricsToken?: string;
  /** SMTP server for outbound email (CRMD_SMTP_URL, env only: it holds a password); unset: emails stay queued. */
  smtpUrl?: string;
  /** Default sender of outbound email. */
  emailFrom?: string;
  /** Seconds between attempts to send an email or SMS; after the last, it fails. */
  sendRetrySchedule: number[];
  /** Timeout of each step of a send (SMTP connect, greeting, reply; provider request). */
  sendTimeoutMs: number;
  /** Emails and SMS one tenant may queue per hour. */
  sendMaxPerHour: number;
  /** SMS provider adapter (`twilio`); unset: SMS stay queued. */
  smsProvider?: "twilio";
  twilioAccountSid?: string;
  /** Env only: it signs Twilio's requests and authenticates crmd's. */
  twilioAuthToken?: string;
  /** Twilio's API base URL (a compatible endpoint in tests). */
  twilioApiUrl: string;
  /** Default sender number (E.164). */
  smsFrom?: string;
  /** Widget API requests per minute per visitor, unless the widget key sets its own. */
  widgetRateLimit: number;
  /** Widget API requests per minute per client IP address. */
  widgetIpRateLimit: number;
  /** Origins allowed to call the API from a browser (CORS); `*` for any, empty for none. */
  corsOrigins: string[];
  /** OTLP/HTTP collector base URL (OTEL_EXPORTER_OTLP_ENDPOINT); unset: no trace export. */
  otlpEndpoint?: string;
  /** service.name of exported spans (OTEL_SERVICE_NAME). */
  serviceName: string;
}

export class ConfigError extends Error {}

const LOG_LEVELS: LogLevel[] = ["debug", "info", "warn", "error", "silent"];

export const DEFAULTS: Config = {
  host: "0.0.0.0",
  port: 8080,
  databaseUrl: "file:./data/crmd.db",
  logLevel: "info",
  rateLimit: 100,
  bodyLimit: 1024 * 1024,
  demo: true,
  webhookAllowPrivate: false,
  workers: true,
  dataDir: "./data",
  cron: {},
  schedulerLeaseSeconds: 120,
  webhookRetrySchedule: [60, 300, 900, 3600, 21600],
  webhookTimeoutMs: 15_000,
  // An event fanned out to 100 webhooks leaves in one round, not four; a slow
  // endpoint still holds at most eight of these (the per-webhook limit).
  webhookConcurrency: 128,
  webhookMaxPerHour: 1000,
  webhookDisableAfterFailures: 100,
  webhookDisableAfterDays: 5,
  webhookRetentionDays: 30,
  uploadLimit: 25 * 1024 * 1024,
  serviceName: "crmd",
  corsOrigins: [],
  livePollMs: 100,
  liveHeartbeatSeconds: 15,
  sendRetrySchedule: [30, 120, 600, 1800, 7200],
  sendTimeoutMs: 30_000,
  sendMaxPerHour: 500,
  twilioApiUrl: "https://api.twilio.com",
  widgetRateLimit: 60,
  widgetIpRateLimit: 300,
};

/** Flag name (as given on the command line) → env variable it overrides. */
export const CONFIG_FLAGS = {
  host: "CRMD_HOST",
  port: "CRMD_PORT",
  "database-url": "CRMD_DATABASE_URL",
  "database-auth-token": "CRMD_DATABASE_AUTH_TOKEN",
  "admin-token": "CRMD_ADMIN_TOKEN",
  "log-level": "CRMD_LOG_LEVEL",
  "rate-limit": "CRMD_RATE_LIMIT",
  "body-limit": "CRMD_BODY_LIMIT",
  demo: "CRMD_DEMO",
  "public-url": "CRMD_PUBLIC_URL",
  "data-dir": "CRMD_DATA_DIR",
  "webhook-allow-private": "CRMD_WEBHOOK_ALLOW_PRIVATE",
  "webhook-retry-schedule": "CRMD_WEBHOOK_RETRY_SCHEDULE",
  "webhook-timeout-ms": "CRMD_WEBHOOK_TIMEOUT_MS",
  "webhook-concurrency": "CRMD_WEBHOOK_CONCURRENCY",
  "webhook-max-per-hour": "CRMD_WEBHOOK_MAX_PER_HOUR",
  "webhook-disable-after-failures": "CRMD_WEBHOOK_DISABLE_AFTER_FAILURES",
  "webhook-disable-after-days": "CRMD_WEBHOOK_DISABLE_AFTER_DAYS",
  "webhook-retention-days": "CRMD_WEBHOOK_RETENTION_DAYS",
  "upload-limit": "CRMD_UPLOAD_LIMIT",
  "scheduler-lease-seconds": "CRMD_SCHEDULER_LEASE_SECONDS",
  "cors-origins": "CRMD_CORS_ORIGINS",
  "live-poll-ms": "CRMD_LIVE_POLL_MS",
  "live-heartbeat-seconds": "CRMD_LIVE_HEARTBEAT_SECONDS",
  "email-from": "CRMD_EMAIL_FROM",
  "send-retry-schedule": "CRMD_SEND_RETRY_SCHEDULE",
  "send-timeout-ms": "CRMD_SEND_TIMEOUT_MS",
  "send-max-per-hour": "CRMD_SEND_MAX_PER_HOUR",
  "sms-provider": "CRMD_SMS_PROVIDER",
  "sms-from": "CRMD_SMS_FROM",
  "twilio-account-sid": "CRMD_TWILIO_ACCOUNT_SID",
  "twilio-api-url": "CRMD_TWILIO_API_URL",
  "widget-rate-limit": "CRMD_WIDGET_RATE_LIMIT",
  "widget-ip-rate-limit": "CRMD_WIDGET_IP_RATE_LIMIT",
} as const;

function positiveInt(name: string, raw: string, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a positive integer, got "${raw}"`);
  const value = Number(raw);
  if (value < 1 || value > max) throw new ConfigError(`${name} must be between 1 and ${max}`);
  return value;
}

/** The SMS provider's settings; a provider without its credentials is a configuration error. */
function smsConfig(
  c: Config,
  v: (flag: keyof typeof CONFIG_FLAGS) => string | undefined,
  env: Record<string, string | undefined>,
) {
  c.smsFrom = v("sms-from");
  const apiUrl = v("twilio-api-url");
  if (apiUrl) c.twilioApiUrl = apiUrl;
  c.twilioAccountSid = v("twilio-account-sid");
  c.twilioAuthToken = env.CRMD_TWILIO_AUTH_TOKEN || undefined;
  const provider = v("sms-provider");
  if (provider === undefined) return;
  if (provider !== "twilio")
    throw new ConfigError(`CRMD_SMS_PROVIDER must be "twilio", got "${provider}"`);
  if (!c.twilioAccountSid || !c.twilioAuthToken)
    throw new ConfigError(
      "CRMD_SMS_PROVIDER=twilio needs CRMD_TWILIO_ACCOUNT_SID and CRMD_TWILIO_AUTH_TOKEN",
    );
  c.smsProvider = provider;
}

/** A comma-separated list of seconds (a retry schedule). */
const secondsList = (name: string, raw: string): number[] =>
  raw.split(",").map((s) => positiveInt(`${name} entry`, s.trim()));

function bool(name: string, raw: string): boolean {
  if (["1", "true", "yes", "on"].includes(raw.toLowerCase())) return true;
  if (["0", "false", "no", "off"].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be 1/0 or true/false, got "${raw}"`);
}

function databaseUrl(raw: string): string {
  if (raw === ":memory:" || /^(file|libsql|https?|wss?):/.test(raw)) return raw;
  throw new ConfigError(
    `CRMD_DATABASE_URL must be file:PATH, :memory:, libsql://, http(s):// or ws(s)://, got "${raw}"`,
  );
}

function corsOrigins(raw: string): string[] {
  const origins = raw
    .split(",")
    .map((o) => o.trim().replace(/\/+$/, ""))
    .filter(Boolean);
  for (const origin of origins)
    if (origin !== "*" && !/^https?:\/\/[^/\s]+$/.test(origin))
      throw new ConfigError(
        `CRMD_CORS_ORIGINS entries are origins such as https://app.example.com or *, got "${origin}"`,
      );
  return origins;
}

/**
 * Builds the configuration from env and parsed flags (flags win).
 * Throws ConfigError with a message fit for a human on any bad value.
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  flags: Partial<Record<keyof typeof CONFIG_FLAGS, string>> = {},
): Config {
  const get = (flag: keyof typeof CONFIG_FLAGS): string | undefined => {
    const fromFlag = flags[flag];
    if (fromFlag !== undefined) return fromFlag;
    const name = CONFIG_FLAGS[flag];
    if (flag === "port") return env.CRMD_PORT ?? env.PORT;
    return env[name];
  };
  const c: Config = { ...DEFAULTS, cron: {} };
  const v = (flag: keyof typeof CONFIG_FLAGS) => {
    const raw = get(flag);
    return raw === undefined || raw === "" ? undefined : raw;
  };
  const host = v("host");
  if (host) c.host = host;
  const port = v("port");
  if (port) c.port = /^0$/.test(port) ? 0 : positiveInt("port", port, 65535);
  const dataDir = v("data-dir");
  if (dataDir) c.dataDir = dataDir;
  const url = v("database-url");
  c.databaseUrl = url ? databaseUrl(url) : `file:${c.dataDir}/crmd.db`;
  c.databaseAuthToken = v("database-auth-token");
  c.adminToken = v("admin-token");
  const level = v("log-level");
  if (level) {
    if (!LOG_LEVELS.includes(level as LogLevel))
      throw new ConfigError(`log level must be one of ${LOG_LEVELS.join(", ")}, got "${level}"`);
    c.logLevel = level as LogLevel;
  }
  const rate = v("rate-limit");
  if (rate) c.rateLimit = positiveInt("rate limit", rate);
  const body = v("body-limit");
  if (body) c.bodyLimit = positiveInt("body limit", body);
  const upload = v("upload-limit");
  if (upload) c.uploadLimit = positiveInt("upload limit", upload);
  const demo = v("demo");
  if (demo) c.demo = bool("CRMD_DEMO", demo);
  c.publicUrl = v("public-url");
  const allowPrivate = v("webhook-allow-private");
  if (allowPrivate) c.webhookAllowPrivate = bool("CRMD_WEBHOOK_ALLOW_PRIVATE", allowPrivate);
  const schedule = v("webhook-retry-schedule");
  if (schedule) c.webhookRetrySchedule = secondsList("webhook retry schedule", schedule);
  const timeout = v("webhook-timeout-ms");
  if (timeout) c.webhookTimeoutMs = positiveInt("webhook timeout", timeout);
  const lease = v("scheduler-lease-seconds");
  if (lease) c.schedulerLeaseSeconds = positiveInt("scheduler lease seconds", lease);
  const webhookInts = [
    ["webhook-concurrency", "webhookConcurrency", 10_000],
    ["webhook-max-per-hour", "webhookMaxPerHour", Number.MAX_SAFE_INTEGER],
    ["webhook-disable-after-failures", "webhookDisableAfterFailures", Number.MAX_SAFE_INTEGER],
    ["webhook-disable-after-days", "webhookDisableAfterDays", 3650],
    ["webhook-retention-days", "webhookRetentionDays", 36500],
    ["live-poll-ms", "livePollMs", 60_000],
    ["live-heartbeat-seconds", "liveHeartbeatSeconds", 3600],
    ["widget-rate-limit", "widgetRateLimit", 1_000_000],
    ["widget-ip-rate-limit", "widgetIpRateLimit", 1_000_000],
  ] as const;
  for (const [flag, key, max] of webhookInts) {
    const raw = v(flag);
    if (raw) c[key] = positiveInt(CONFIG_FLAGS[flag], raw, max);
  }
  c.emailFrom = v("email-from");
  const sendSchedule = v("send-retry-schedule");
  if (sendSchedule) c.sendRetrySchedule = secondsList("send retry schedule", sendSchedule);
  const sendInts = [
    ["send-timeout-ms", "sendTimeoutMs"],
    ["send-max-per-hour", "sendMaxPerHour"],
  ] as const;
  for (const [flag, key] of sendInts) {
    const raw = v(flag);
    if (raw) c[key] = positiveInt(CONFIG_FLAGS[flag], raw);
  }
  // Env only: a key or password on the command line would show in the process list.
  c.secretKey = env.CRMD_SECRET_KEY || undefined;
  c.metricsToken = env.CRMD_METRICS_TOKEN || undefined;
  c.smtpUrl = env.CRMD_SMTP_URL || undefined;
  smsConfig(c, v, env);
  const origins = v("cors-origins");
  if (origins) c.corsOrigins = corsOrigins(origins);
  // OpenTelemetry's own variable names, as every OTel SDK reads them.
  c.otlpEndpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT || undefined;
  if (env.OTEL_SERVICE_NAME) c.serviceName = env.OTEL_SERVICE_NAME;
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith("CRMD_CRON_") && value)
      c.cron[name.slice("CRMD_CRON_".length).toLowerCase()] = value;
  }
  return c;
}
