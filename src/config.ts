import { accessSync, constants, existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import proxyaddr from "proxy-addr";
import { isPostgresUrl } from "../db/urls";
import { phoneParser } from "./phone";
/** Runtime configuration: flags override env, env overrides defaults. */
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

const SMTP_TLS = ["required", "opportunistic", "off"] as const;
/** STARTTLS on smtp:// (CRMD_SMTP_TLS). */
export type SmtpTls = (typeof SMTP_TLS)[number];

/** localhost, 127.0.0.0/8, ::1: a session that never leaves the machine. */
function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    host === "::1" ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}

/**
 * The STARTTLS policy of an SMTP URL: CRMD_SMTP_TLS when set; otherwise
 * `required` when the URL carries credentials for a host beyond this
 * machine (the password must not cross a network in clear), else
 * `opportunistic` (a local relay, or a server taking mail without AUTH).
 */
export function smtpTlsMode(url: string, setting: SmtpTls | undefined): SmtpTls {
  if (setting) return setting;
  const parsed = new URL(url);
  const credentials = parsed.username !== "" || parsed.password !== "";
  return credentials && !isLoopbackHost(parsed.hostname) ? "required" : "opportunistic";
}

export interface Config {
  host: string;
  port: number;
  databaseUrl: string;
  databaseAuthToken?: string;
  /** PostgreSQL only: a streaming replica that serves reads which may lag (CRMD_DATABASE_REPLICA_URL). */
  databaseReplicaUrl?: string;
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
  /** Key that encrypts stored webhook secrets and header values (CRMD_SECRET_KEY); unset: a key file in the data dir. */
  secretKey?: string;
  /** Largest accepted document upload in bytes. */
  uploadLimit: number;
  /**
   * Where uploaded documents' bytes go (CRMD_DOCUMENTS_STORE): `database`
   * (rows of document_contents) or `filesystem` (the data directory).
   * Unset: database on PostgreSQL, filesystem otherwise (documentsStoreOf).
   */
  documentsStore?: DocumentsStore;
  /** How often an instance looks for events other instances committed (live channels, SSE). */
  livePollMs: number;
  /** Seconds between heartbeats on an idle event stream. */
  liveHeartbeatSeconds: number;
  /** Bearer token that may read GET /metrics (as may the admin token). */
  metricsToken?: string;
  /** SMTP server for outbound email (CRMD_SMTP_URL, env only: it holds a password); unset: emails stay queued. */
  smtpUrl?: string;
  /** PEM file of certificate authorities trusted for the SMTP server's certificate, besides the system's. */
  smtpCaFile?: string;
  /**
   * STARTTLS on smtp:// (CRMD_SMTP_TLS): `required` (no session, and no
   * AUTH, without it), `opportunistic` (when offered), `off` (never).
   * Unset: required when the URL has credentials and a host other than
   * loopback, else opportunistic (see smtpTlsMode).
   */
  smtpTls?: SmtpTls;
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
  /** SNS topics whose SES received email POST /api/ses/webhook takes; empty: the route is 404. */
  sesTopicArns: string[];
  /**
   * Hosts SNS's signing certificates and SubscribeURLs may be on: HTTPS
   * hosts (`*` one DNS label, `:port` allowed), or `http://host:port`.
   */
  sesCertHosts: string[];
  /** Widget API requests per minute per visitor, unless the widget key sets its own. */
  widgetRateLimit: number;
  /** Widget API requests per minute per client IP address. */
  widgetIpRateLimit: number;
  /**
   * Proxies whose X-Forwarded-For names the client (addresses, CIDR ranges,
   * or proxy-addr's `loopback`, `linklocal`, `uniquelocal`); empty: the
   * socket's peer is the client.
   */
  trustedProxies: string[];
  /** Origins allowed to call the API from a browser (CORS); `*` for any, empty for none. */
  corsOrigins: string[];
  /** OTLP/HTTP collector base URL (OTEL_EXPORTER_OTLP_ENDPOINT); unset: no trace export. */
  otlpEndpoint?: string;
  /** service.name of exported spans (OTEL_SERVICE_NAME). */
  serviceName: string;
}

export type DocumentsStore = "database" | "filesystem";

/** The documents store a configuration uses: as set, else database on PostgreSQL and filesystem elsewhere. */
export const documentsStoreOf = (config: Config): DocumentsStore =>
  config.documentsStore ?? (isPostgresUrl(config.databaseUrl) ? "database" : "filesystem");

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** The shortest admin token crmd starts with: it opens every tenant, so it must not be guessable. */
export const MIN_ADMIN_TOKEN_LENGTH = 32;

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
  sesTopicArns: [],
  sesCertHosts: ["sns.*.amazonaws.com", "sns.*.amazonaws.com.cn"],
  widgetRateLimit: 60,
  widgetIpRateLimit: 300,
  trustedProxies: [],
};

/** One setting as documented: `crmd --help` and the README's table are made from this list. */
export interface Setting {
  /** Command-line flag without `--`; none for env-only settings (secrets, OpenTelemetry's names). */
  flag?: string;
  env: string;
  /** The default as shown to people; "–" for none. */
  shown: string;
  help: string;
}

const bytes = (n: number) => String(n);

/** Every setting, in the order people read them. Add new ones here. */
export const SETTINGS = [
  { flag: "host", env: "CRMD_HOST", shown: DEFAULTS.host, help: "listen address" },
  {
    flag: "port",
    env: "CRMD_PORT",
    shown: String(DEFAULTS.port),
    help: "listen port (`0`: any free port); `PORT` is read too",
  },
  {
    flag: "database-url",
    env: "CRMD_DATABASE_URL",
    shown: "file:<data-dir>/crmd.db",
    help: "`file:PATH`, `:memory:` (a temporary file removed at exit), a remote libSQL server `libsql://…`, `http(s)://…`, `ws(s)://…`, or PostgreSQL `postgres(ql)://…` ([docs/postgresql.md](docs/postgresql.md))",
  },
  {
    flag: "database-replica-url",
    env: "CRMD_DATABASE_REPLICA_URL",
    shown: "–",
    help: "PostgreSQL only: a streaming replica for lists, feeds, KPIs and search; reads fall back to the primary while it is down",
  },
  {
    flag: "database-auth-token",
    env: "CRMD_DATABASE_AUTH_TOKEN",
    shown: "–",
    help: "token for a remote libSQL server",
  },
  {
    flag: "admin-token",
    env: "CRMD_ADMIN_TOKEN",
    shown: "–",
    help: "operator token for the admin endpoints (tenants, key bootstrap, scheduler) and metrics, at least 32 characters (`openssl rand -hex 32`); unset: they answer 401. Wrong tokens are throttled: 10 a minute per client address, then 429 until the minute ends",
  },
  {
    flag: "log-level",
    env: "CRMD_LOG_LEVEL",
    shown: DEFAULTS.logLevel,
    help: "`debug`, `info`, `warn`, `error`, `silent`",
  },
  {
    flag: "rate-limit",
    env: "CRMD_RATE_LIMIT",
    shown: String(DEFAULTS.rateLimit),
    help: "requests per minute per API key (a key can carry its own limit); keys made by a key also spend their maker's budget",
  },
  {
    flag: "body-limit",
    env: "CRMD_BODY_LIMIT",
    shown: bytes(DEFAULTS.bodyLimit),
    help: "largest JSON request body in bytes (413 above)",
  },
  {
    flag: "upload-limit",
    env: "CRMD_UPLOAD_LIMIT",
    shown: bytes(DEFAULTS.uploadLimit),
    help: "largest document upload in bytes",
  },
  {
    flag: "documents-store",
    env: "CRMD_DOCUMENTS_STORE",
    shown: "database on PostgreSQL, else filesystem",
    help: "where uploaded documents' bytes are kept: `database` (shared by every instance, no shared volume needed) or `filesystem` (`<data-dir>/documents`); files stored before a switch to `database` stay readable from the data directory until `crmd documents migrate` moves them in ([docs/postgresql.md](docs/postgresql.md#uploaded-documents))",
  },
  {
    flag: "data-dir",
    env: "CRMD_DATA_DIR",
    shown: DEFAULTS.dataDir,
    help: "database file (by default) and uploaded documents",
  },
  {
    flag: "demo",
    env: "CRMD_DEMO",
    shown: DEFAULTS.demo ? "1" : "0",
    help: "create the demo tenant on first start with an empty database (its key goes to stderr)",
  },
  {
    flag: "public-url",
    env: "CRMD_PUBLIC_URL",
    shown: "the listen URL in the `curl` line, `/` in `servers`",
    help: "base URL in the demo `curl` line and the OpenAPI document's `servers` (unset, `servers` is `/`: Swagger UI calls the host it was loaded from); its path (behind a proxy serving crmd at `/crm/`) starts every list's `Link` ([docs/operations.md](docs/operations.md))",
  },
  {
    flag: "cors-origins",
    env: "CRMD_CORS_ORIGINS",
    shown: "– (no CORS)",
    help: "comma-separated origins (`https://app.example.com`) allowed to call the API from a browser, or `*`; preflights are answered before authentication",
  },
  {
    flag: "webhook-allow-private",
    env: "CRMD_WEBHOOK_ALLOW_PRIVATE",
    shown: DEFAULTS.webhookAllowPrivate ? "1" : "0",
    help: "allow webhook URLs on private, loopback and link-local addresses (receivers on localhost)",
  },
  {
    flag: "webhook-retry-schedule",
    env: "CRMD_WEBHOOK_RETRY_SCHEDULE",
    shown: DEFAULTS.webhookRetrySchedule.join(","),
    help: "seconds between delivery attempts",
  },
  {
    flag: "webhook-timeout-ms",
    env: "CRMD_WEBHOOK_TIMEOUT_MS",
    shown: String(DEFAULTS.webhookTimeoutMs),
    help: "timeout of one delivery attempt",
  },
  {
    flag: "webhook-concurrency",
    env: "CRMD_WEBHOOK_CONCURRENCY",
    shown: String(DEFAULTS.webhookConcurrency),
    help: "delivery requests in flight per instance",
  },
  {
    flag: "webhook-max-per-hour",
    env: "CRMD_WEBHOOK_MAX_PER_HOUR",
    shown: String(DEFAULTS.webhookMaxPerHour),
    help: "deliveries per webhook per hour; the excess waits, never dropped",
  },
  {
    flag: "webhook-disable-after-failures",
    env: "CRMD_WEBHOOK_DISABLE_AFTER_FAILURES",
    shown: String(DEFAULTS.webhookDisableAfterFailures),
    help: "consecutive failures that disable a webhook",
  },
  {
    flag: "webhook-disable-after-days",
    env: "CRMD_WEBHOOK_DISABLE_AFTER_DAYS",
    shown: String(DEFAULTS.webhookDisableAfterDays),
    help: "days failing without a success that disable a webhook",
  },
  {
    flag: "webhook-retention-days",
    env: "CRMD_WEBHOOK_RETENTION_DAYS",
    shown: String(DEFAULTS.webhookRetentionDays),
    help: "days the delivery log (and delivered outbox events) are kept",
  },
  {
    flag: "scheduler-lease-seconds",
    env: "CRMD_SCHEDULER_LEASE_SECONDS",
    shown: String(DEFAULTS.schedulerLeaseSeconds),
    help: "how long a job's lease lasts: another instance takes over this long after its holder dies",
  },
  {
    flag: "live-poll-ms",
    env: "CRMD_LIVE_POLL_MS",
    shown: String(DEFAULTS.livePollMs),
    help: "how often an instance checks the database for events other instances committed (SSE streams, live channels)",
  },
  {
    flag: "live-heartbeat-seconds",
    env: "CRMD_LIVE_HEARTBEAT_SECONDS",
    shown: String(DEFAULTS.liveHeartbeatSeconds),
    help: "seconds between heartbeats on an idle event stream",
  },
  {
    flag: "email-from",
    env: "CRMD_EMAIL_FROM",
    shown: "–",
    help: "default sender of outbound email (`Sales <sales@example.com>`); its domain names the Message-IDs",
  },
  {
    flag: "send-retry-schedule",
    env: "CRMD_SEND_RETRY_SCHEDULE",
    shown: DEFAULTS.sendRetrySchedule.join(","),
    help: "seconds between attempts to send an email or SMS; after the last retry it is `failed`",
  },
  {
    flag: "send-timeout-ms",
    env: "CRMD_SEND_TIMEOUT_MS",
    shown: String(DEFAULTS.sendTimeoutMs),
    help: "timeout of each step of a send (SMTP connect, greeting, each reply; a provider request)",
  },
  {
    flag: "send-max-per-hour",
    env: "CRMD_SEND_MAX_PER_HOUR",
    shown: String(DEFAULTS.sendMaxPerHour),
    help: "emails and SMS one tenant may queue per hour (429 with `Retry-After` above)",
  },
  {
    flag: "widget-rate-limit",
    env: "CRMD_WIDGET_RATE_LIMIT",
    shown: String(DEFAULTS.widgetRateLimit),
    help: "public widget API requests per minute per visitor (a widget key can carry its own)",
  },
  {
    flag: "widget-ip-rate-limit",
    env: "CRMD_WIDGET_IP_RATE_LIMIT",
    shown: String(DEFAULTS.widgetIpRateLimit),
    help: "public widget API requests per minute per client IP address",
  },
  {
    flag: "trusted-proxies",
    env: "CRMD_TRUSTED_PROXIES",
    shown: "– (the peer is the client)",
    help: "comma-separated addresses or CIDR ranges of your load balancers or reverse proxies (or `loopback`, `linklocal`, `uniquelocal`): behind them, the client's address (the widget's per-address limit) is the last one in X-Forwarded-For that is not a trusted proxy",
  },
  {
    flag: "sms-provider",
    env: "CRMD_SMS_PROVIDER",
    shown: "\u2013",
    help: "`twilio`: send SMS through Twilio's REST API; unset: SMS stay queued",
  },
  {
    flag: "twilio-account-sid",
    env: "CRMD_TWILIO_ACCOUNT_SID",
    shown: "\u2013",
    help: "Twilio account SID (`AC\u2026`)",
  },
  {
    env: "CRMD_TWILIO_AUTH_TOKEN",
    shown: "\u2013",
    help: "Twilio auth token: authenticates sends, verifies `X-Twilio-Signature` on Twilio's webhooks. Env only",
  },
  {
    flag: "twilio-api-url",
    env: "CRMD_TWILIO_API_URL",
    shown: "https://api.twilio.com",
    help: "Twilio's API base URL (a compatible endpoint)",
  },
  {
    flag: "sms-from",
    env: "CRMD_SMS_FROM",
    shown: "\u2013",
    help: "default SMS sender number (E.164) of a tenant with no SMS numbers of its own, unless it is recorded for another tenant (see docs/communications.md)",
  },
  {
    flag: "ses-topic-arns",
    env: "CRMD_SES_TOPIC_ARNS",
    shown: "\u2013 (`POST /api/ses/webhook` is 404)",
    help: "comma-separated ARNs of the SNS topics your SES receipt rules publish received email to (`arn:aws:sns:eu-west-1:123456789012:crmd-inbound`); messages of any other topic are 403 ([more](docs/communications.md#amazon-ses))",
  },
  {
    flag: "ses-cert-hosts",
    env: "CRMD_SES_CERT_HOSTS",
    shown: DEFAULTS.sesCertHosts.join(","),
    help: "comma-separated hosts an SNS message's `SigningCertURL` and `SubscribeURL` must be on, over HTTPS (`*` is one DNS label; `host:port`); an entry written `http://host:port` allows plain HTTP to that host (a local test double only)",
  },
  {
    env: "CRMD_CRON_<JOB>",
    shown: "per job",
    help: "cron expression overriding a scheduler job's schedule (e.g. `CRMD_CRON_TASK_OVERDUE`)",
  },
  {
    env: "CRMD_SECRET_KEY",
    shown: "a key file `<data-dir>/secret.key` (0600), made once",
    help: "32-byte key (64 hex chars or base64) that encrypts stored webhook secrets and custom header values (AES-256-GCM); every instance on one database needs the same key",
  },
  {
    env: "CRMD_SMTP_URL",
    shown: "–",
    help: "SMTP server for outbound email: `smtp://user:pass@host:587` (STARTTLS: see CRMD_SMTP_TLS) or `smtps://\u2026:465` (TLS); unset: emails stay queued. Env only (a password)",
  },
  {
    flag: "smtp-ca-file",
    env: "CRMD_SMTP_CA_FILE",
    shown: "\u2013 (the system's authorities)",
    help: "PEM file of certificate authorities trusted for the SMTP server's certificate (STARTTLS or TLS) besides the system's: a private CA or a self-signed server",
  },
  {
    flag: "smtp-tls",
    env: "CRMD_SMTP_TLS",
    shown: "`required` / `opportunistic`",
    help: "STARTTLS on `smtp://`: `required` (else nothing is sent, AUTH neither: emails wait), `opportunistic` (when offered, else in clear), `off`. Default: `required` if CRMD_SMTP_URL has credentials for a non-loopback host ([more](docs/communications.md#tls))",
  },
  {
    env: "CRMD_METRICS_TOKEN",
    shown: "–",
    help: "bearer token that may read `GET /metrics` (the admin token may too); served even to an address locked out after wrong tokens, so give it to scrapers; at least 32 characters, as the admin token",
  },
  {
    env: "OTEL_EXPORTER_OTLP_ENDPOINT",
    shown: "– (no export)",
    help: "OTLP/HTTP collector base URL: spans of requests and webhook deliveries go to `<url>/v1/traces`",
  },
  {
    env: "OTEL_SERVICE_NAME",
    shown: DEFAULTS.serviceName,
    help: "`service.name` of exported spans",
  },
] as const satisfies readonly Setting[];

export type ConfigFlag = Extract<(typeof SETTINGS)[number], { flag: string }>["flag"];

/** Flag name (as given on the command line) → env variable it overrides. */
export const CONFIG_FLAGS = Object.fromEntries(
  SETTINGS.flatMap((s) => ("flag" in s ? [[s.flag, s.env]] : [])),
) as Record<ConfigFlag, string>;

/**
 * The `CRMD_` variables of `env` that no setting reads: most likely a
 * misspelt one (`CRMD_DATABSE_URL`), which would otherwise leave its setting
 * at the default without a word. Variables of crmd's own test and CI tooling
 * (`CRMD_TEST_…`, `CRMD_PG_…`, `CRMD_BENCH_…`) are not settings and pass.
 */
export function unknownVariables(env: Record<string, string | undefined>): string[] {
  const known = new Set<string>(SETTINGS.map((s) => s.env));
  return Object.keys(env)
    .filter((name) => name.startsWith("CRMD_") && !known.has(name))
    .filter((name) => !/^CRMD_(CRON|TEST|PG|BENCH)_/.test(name))
    .sort();
}

/** A setting's README wording for a terminal: no backticks, links as their target. */
const plain = (text: string) =>
  text
    .replace(/`/g, "")
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, (_, label: string, target: string) =>
      target.startsWith(label) ? target : `${label}: ${target}`,
    );

/** The options part of `crmd --help`. */
export function settingsHelp(flags?: readonly string[]): string {
  const shown = flags ? SETTINGS.filter((s) => "flag" in s && flags.includes(s.flag)) : SETTINGS;
  return shown
    .map((s) => {
      const name = "flag" in s ? `  --${s.flag}` : `  ${s.env}`;
      const where = "flag" in s ? `${s.env}, ` : "env only, ";
      const text = `${plain(s.help)} (${where}default ${plain(s.shown)})`;
      return name.length < 32 ? `${name.padEnd(32)}${text}` : `${name}\n${"".padEnd(32)}${text}`;
    })
    .join("\n");
}

function positiveInt(name: string, raw: string, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a positive integer, got "${raw}"`);
  const value = Number(raw);
  if (value < 1 || value > max) throw new ConfigError(`${name} must be between 1 and ${max}`);
  return value;
}

/** The SMS provider's settings; a provider without its credentials is a configuration error. */
function smsConfig(
  c: Config,
  v: (flag: ConfigFlag) => string | undefined,
  name: (flag: ConfigFlag) => string,
  env: Record<string, string | undefined>,
) {
  c.smsFrom = v("sms-from");
  const apiUrl = v("twilio-api-url");
  if (apiUrl) c.twilioApiUrl = urlWith(name("twilio-api-url"), apiUrl, HTTP);
  c.twilioAccountSid = v("twilio-account-sid");
  c.twilioAuthToken = env.CRMD_TWILIO_AUTH_TOKEN || undefined;
  const provider = v("sms-provider");
  if (provider === undefined) return;
  if (provider !== "twilio")
    throw new ConfigError(`${name("sms-provider")} must be "twilio", got "${provider}"`);
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

/** A database URL crmd can open; `name` is the setting or flag it came from, for the message. */
export function databaseUrl(raw: string, name = "CRMD_DATABASE_URL"): string {
  // `file:` without a path would open a private temporary database per connection.
  if (/^file:(\?|$)/.test(raw)) throw new ConfigError(`${name} file: needs a path, got "${raw}"`);
  if (raw === ":memory:" || /^(file|libsql|https?|wss?):/.test(raw) || isPostgresUrl(raw))
    return raw;
  throw new ConfigError(
    `${name} must be file:PATH, :memory:, libsql://, http(s)://, ws(s):// or postgres(ql)://, got "${raw}"`,
  );
}

/** An absolute URL with one of `schemes` (without the colon), as `name` must hold. */
function urlWith(name: string, raw: string, schemes: string[]): string {
  let scheme: string | undefined;
  try {
    scheme = new URL(raw).protocol.slice(0, -1);
  } catch {}
  if (!scheme || !schemes.includes(scheme))
    throw new ConfigError(
      `${name} must be a ${schemes.map((s) => `${s}://`).join(" or ")} URL, got "${raw}"`,
    );
  return raw;
}

const HTTP = ["http", "https"];

/** The entries of a comma-separated setting, trimmed, empty ones left out. */
const commaList = (raw: string) =>
  raw
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);

function trustedProxies(setting: string, raw: string): string[] {
  const entries = commaList(raw);
  for (const entry of entries) {
    try {
      proxyaddr.compile(entry);
    } catch {
      throw new ConfigError(
        `${setting}: "${entry}" is not an IP address, a CIDR range, loopback, linklocal or uniquelocal`,
      );
    }
  }
  return entries;
}

function sesTopicArns(setting: string, raw: string): string[] {
  const arns = commaList(raw);
  for (const arn of arns)
    if (!/^arn:aws[\w-]*:sns:[\w-]+:\d{12}:[\w.-]+$/.test(arn))
      throw new ConfigError(
        `${setting}: "${arn}" is not an SNS topic ARN (arn:aws:sns:<region>:<account>:<topic>)`,
      );
  return arns;
}

function sesCertHosts(setting: string, raw: string): string[] {
  const hosts = commaList(raw).map((host) => host.toLowerCase());
  for (const host of hosts)
    if (!/^(http:\/\/)?(\*|[a-z0-9-]+)(\.(\*|[a-z0-9-]+))*(:\d{1,5})?$/.test(host))
      throw new ConfigError(
        `${setting}: "${host}" is not a host (sns.*.amazonaws.com, host:port) or http://host:port`,
      );
  return hosts;
}

function corsOrigins(setting: string, raw: string): string[] {
  const origins = raw
    .split(",")
    .map((o) => o.trim().replace(/\/+$/, ""))
    .filter(Boolean);
  for (const origin of origins)
    if (origin !== "*" && !/^https?:\/\/[^/\s]+$/.test(origin))
      throw new ConfigError(
        `${setting} entries are origins such as https://app.example.com or *, got "${origin}"`,
      );
  return origins;
}

/**
 * Builds the configuration from env and parsed flags (flags win).
 * Throws ConfigError with a message fit for a human on any bad value.
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  flags: Partial<Record<ConfigFlag, string>> = {},
): Config {
  // An empty value counts as unset (`CRMD_PORT=` in an env file), so the next source decides.
  const given = (raw: string | undefined) => (raw === "" ? undefined : raw);
  const fromEnv = (flag: ConfigFlag) =>
    flag === "port" ? (given(env.CRMD_PORT) ?? given(env.PORT)) : given(env[CONFIG_FLAGS[flag]]);
  const v = (flag: ConfigFlag) => given(flags[flag]) ?? fromEnv(flag);
  // What a message names: the flag when it gave the value (with the variable the README lists
  // beside it), else the variable that did (PORT for the port when CRMD_PORT is unset).
  const name = (flag: ConfigFlag) =>
    given(flags[flag]) !== undefined
      ? `--${flag} (${CONFIG_FLAGS[flag]})`
      : flag === "port" && given(env.CRMD_PORT) === undefined
        ? "PORT"
        : CONFIG_FLAGS[flag];
  const c: Config = { ...DEFAULTS, cron: {} };
  const host = v("host");
  if (host) c.host = host;
  const port = v("port");
  if (port) c.port = /^0$/.test(port) ? 0 : positiveInt(name("port"), port, 65535);
  const dataDir = v("data-dir");
  if (dataDir) c.dataDir = dataDir;
  const url = v("database-url");
  c.databaseUrl = url ? databaseUrl(url, name("database-url")) : `file:${c.dataDir}/crmd.db`;
  c.databaseAuthToken = v("database-auth-token");
  const replica = v("database-replica-url");
  if (replica && !(isPostgresUrl(replica) && isPostgresUrl(c.databaseUrl)))
    throw new ConfigError(
      `${name("database-replica-url")} needs postgres(ql):// URLs for it and ${name("database-url")}`,
    );
  c.databaseReplicaUrl = replica;
  c.adminToken = v("admin-token");
  if (c.adminToken !== undefined && c.adminToken.length < MIN_ADMIN_TOKEN_LENGTH)
    throw new ConfigError(
      `${name("admin-token")} must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters (it is ${c.adminToken.length}): make one with \`openssl rand -hex 32\``,
    );
  const level = v("log-level");
  if (level) {
    if (!LOG_LEVELS.includes(level as LogLevel))
      throw new ConfigError(
        `${name("log-level")} must be one of ${LOG_LEVELS.join(", ")}, got "${level}"`,
      );
    c.logLevel = level as LogLevel;
  }
  const rate = v("rate-limit");
  if (rate) c.rateLimit = positiveInt(name("rate-limit"), rate);
  const body = v("body-limit");
  if (body) c.bodyLimit = positiveInt(name("body-limit"), body);
  const upload = v("upload-limit");
  if (upload) c.uploadLimit = positiveInt(name("upload-limit"), upload);
  const store = v("documents-store");
  if (store) {
    if (store !== "database" && store !== "filesystem")
      throw new ConfigError(
        `${name("documents-store")} must be database or filesystem, got "${store}"`,
      );
    c.documentsStore = store;
  }
  const demo = v("demo");
  if (demo) c.demo = bool(name("demo"), demo);
  const publicUrl = v("public-url");
  // Paths are appended to it (`<url>/api/external/…`): a trailing slash would double theirs.
  c.publicUrl = publicUrl && urlWith(name("public-url"), publicUrl, HTTP).replace(/\/+$/, "");
  const allowPrivate = v("webhook-allow-private");
  if (allowPrivate) c.webhookAllowPrivate = bool(name("webhook-allow-private"), allowPrivate);
  const schedule = v("webhook-retry-schedule");
  if (schedule) c.webhookRetrySchedule = secondsList(name("webhook-retry-schedule"), schedule);
  const timeout = v("webhook-timeout-ms");
  if (timeout) c.webhookTimeoutMs = positiveInt(name("webhook-timeout-ms"), timeout);
  const lease = v("scheduler-lease-seconds");
  if (lease) c.schedulerLeaseSeconds = positiveInt(name("scheduler-lease-seconds"), lease);
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
    if (raw) c[key] = positiveInt(name(flag), raw, max);
  }
  c.emailFrom = v("email-from");
  const sendSchedule = v("send-retry-schedule");
  if (sendSchedule) c.sendRetrySchedule = secondsList(name("send-retry-schedule"), sendSchedule);
  const sendInts = [
    ["send-timeout-ms", "sendTimeoutMs"],
    ["send-max-per-hour", "sendMaxPerHour"],
  ] as const;
  for (const [flag, key] of sendInts) {
    const raw = v(flag);
    if (raw) c[key] = positiveInt(name(flag), raw);
  }
  // Env only: a key or password on the command line would show in the process list.
  c.secretKey = env.CRMD_SECRET_KEY || undefined;
  c.metricsToken = env.CRMD_METRICS_TOKEN || undefined;
  // Served even to an address locked out after wrong guesses, so only its length keeps it from being guessed.
  if (c.metricsToken !== undefined && c.metricsToken.length < MIN_ADMIN_TOKEN_LENGTH)
    throw new ConfigError(
      `CRMD_METRICS_TOKEN must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters (it is ${c.metricsToken.length}): make one with \`openssl rand -hex 32\``,
    );
  c.smtpUrl = env.CRMD_SMTP_URL
    ? urlWith("CRMD_SMTP_URL", env.CRMD_SMTP_URL, ["smtp", "smtps"])
    : undefined;
  c.smtpCaFile = v("smtp-ca-file");
  const smtpTls = v("smtp-tls");
  if (smtpTls !== undefined) {
    if (!SMTP_TLS.includes(smtpTls as SmtpTls))
      throw new ConfigError(
        `${name("smtp-tls")} must be required, opportunistic or off, got "${smtpTls}"`,
      );
    c.smtpTls = smtpTls as SmtpTls;
  }
  if (c.smtpCaFile && !existsSync(c.smtpCaFile))
    throw new ConfigError(`${name("smtp-ca-file")}: no file at ${c.smtpCaFile}`);
  smsConfig(c, v, name, env);
  const topicArns = v("ses-topic-arns");
  if (topicArns) c.sesTopicArns = sesTopicArns(name("ses-topic-arns"), topicArns);
  const certHosts = v("ses-cert-hosts");
  if (certHosts) c.sesCertHosts = sesCertHosts(name("ses-cert-hosts"), certHosts);
  const origins = v("cors-origins");
  if (origins) c.corsOrigins = corsOrigins(name("cors-origins"), origins);
  const proxies = v("trusted-proxies");
  if (proxies) c.trustedProxies = trustedProxies(name("trusted-proxies"), proxies);
  // OpenTelemetry's own variable names, as every OTel SDK reads them.
  c.otlpEndpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT
    ? urlWith("OTEL_EXPORTER_OTLP_ENDPOINT", env.OTEL_EXPORTER_OTLP_ENDPOINT, HTTP)
    : undefined;
  if (env.OTEL_SERVICE_NAME) c.serviceName = env.OTEL_SERVICE_NAME;
  for (const [variable, value] of Object.entries(env)) {
    if (variable.startsWith("CRMD_CRON_") && value)
      c.cron[variable.slice("CRMD_CRON_".length).toLowerCase()] = value;
  }
  return c;
}

/**
 * Refuses, naming the setting and the path, an embedded database crmd could
 * not write (a read-only volume, another user's directory): SQLite's own
 * words ("unable to open database file") name neither.
 */
export function checkDatabaseWritable(config: Config): void {
  const { databaseUrl, dataDir } = config;
  if (!databaseUrl.startsWith("file:")) return;
  const file = databaseUrl.slice("file:".length).split("?")[0];
  const setting = databaseUrl === `file:${dataDir}/crmd.db` ? "CRMD_DATA_DIR" : "CRMD_DATABASE_URL";
  const refused = (what: string, path: string, error: unknown) =>
    new ConfigError(
      `${setting}: crmd cannot write ${what} ${path} (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  // SQLite writes its -wal and -shm files beside the database: the directory must take them.
  const dir = dirname(file);
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw refused("the directory", dir, error);
  }
  try {
    if (existsSync(file)) accessSync(file, constants.R_OK | constants.W_OK);
  } catch (error) {
    throw refused("the database file", file, error);
  }
}

/**
 * Refuses a CRMD_SMS_FROM that is no phone number, which every send left to
 * it would answer with a 422. Apart from loadConfig: the phone library loads
 * on first use, not with the configuration.
 */
export async function checkSmsFrom(config: Config): Promise<void> {
  if (config.smsFrom !== undefined && !(await phoneParser())(config.smsFrom))
    throw new ConfigError(
      `CRMD_SMS_FROM must be a phone number in international format (E.164, +…), got "${config.smsFrom}"`,
    );
}
