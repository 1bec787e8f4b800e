import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Clock } from "../../src/clock";
import { CONFIG_FLAGS, type Config, DEFAULTS } from "../../src/config";
import { createLogger, type Logger } from "../../src/logger";
import { type RunningServer, startServer } from "../../src/server";
import { databaseUrlOf, testDatabase } from "./database";

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A small HTTP client bound to one credential. */
export class Api {
  constructor(
    readonly baseUrl: string,
    readonly headers: Record<string, string> = {},
  ) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const init: RequestInit = { method, headers: { ...this.headers, ...headers } };
    if (body !== undefined) {
      init.body =
        typeof body === "string" || body instanceof Uint8Array || body instanceof FormData
          ? body
          : JSON.stringify(body);
      if (!(body instanceof FormData))
        (init.headers as Record<string, string>)["content-type"] ??= "application/json";
    }
    const response = await fetch(`${this.baseUrl}${path}`, init);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {}
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
  get<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>("GET", path, undefined, headers);
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>("POST", path, body, headers);
  }
  put<T = any>(path: string, body?: unknown) {
    return this.request<T>("PUT", path, body);
  }
  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>("PATCH", path, body);
  }
  delete<T = any>(path: string) {
    return this.request<T>("DELETE", path);
  }
}

export interface TestServer extends RunningServer {
  dir: string;
  adminToken: string;
  admin: Api;
  anonymous: Api;
  /** The server's log lines, parsed, when started with `captureLogs` (or a logger of your own). */
  logs: Array<Record<string, any>>;
  /** Creates a tenant and an API key with `permissions`; returns a client for it. */
  tenant(
    name?: string,
    permissions?: string[],
    keyOptions?: Record<string, unknown>,
  ): Promise<TenantClient>;
  /** A client for an existing tenant with a new key. */
  keyFor(
    tenantId: string,
    permissions: string[],
    keyOptions?: Record<string, unknown>,
  ): Promise<Api>;
  close(): Promise<void>;
}

export interface TenantClient {
  tenantId: string;
  key: string;
  api: Api;
}

export interface TestServerOptions {
  config?: Partial<Config>;
  clock?: Clock;
  dir?: string;
  logger?: Logger;
  /** Keep the server's log lines in `logs` (info level). */
  captureLogs?: boolean;
  /** On PostgreSQL, a database in the C locale (see testDatabase). */
  localeC?: boolean;
}

const documentsStore = process.env.CRMD_TEST_DOCUMENTS_STORE as Config["documentsStore"];

/** The compiled binary the contract suite runs against instead of the source, if set. */
export const binaryUnderTest = process.env.CRMD_TEST_BINARY;

let counter = 0;

/** Admin and anonymous clients, and tenant/key helpers, for a server at `url`. */
function clients(url: string, adminToken: string) {
  const admin = new Api(url, { authorization: `Bearer ${adminToken}` });
  const keyFor = async (
    tenantId: string,
    permissions: string[],
    keyOptions: Record<string, unknown> = {},
  ) => {
    const created = await admin.post(`/api/external/api-keys?tenant_id=${tenantId}`, {
      name: "test key",
      permissions,
      ...keyOptions,
    });
    if (created.status !== 201)
      throw new Error(`key create failed: ${JSON.stringify(created.body)}`);
    return new Api(url, { "x-api-key": created.body.key });
  };
  return {
    admin,
    anonymous: new Api(url),
    keyFor,
    async tenant(name = `tenant-${++counter}-${Date.now()}`, permissions = ["*"], keyOptions = {}) {
      const created = await admin.post("/api/external/tenants", { name });
      if (created.status !== 201)
        throw new Error(`tenant create failed: ${JSON.stringify(created.body)}`);
      const api = await keyFor(created.body.id, permissions, keyOptions);
      return { tenantId: created.body.id, key: api.headers["x-api-key"], api };
    },
  };
}

/**
 * Starts a real crmd on an ephemeral port against a temporary database: a
 * SQLite file, or a PostgreSQL database when CRMD_TEST_POSTGRES_URL is set
 * (tests/helpers/database.ts).
 * Logs are silent unless CRMD_TEST_LOG is set (or `captureLogs`). With
 * CRMD_TEST_BINARY set, a test that needs nothing but HTTP (no clock or
 * logger of its own) gets the compiled binary instead (startBinary).
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  if (binaryUnderTest && !options.clock && !options.logger) return startBinary(options);
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), "crmd-test-"));
  const database =
    options.config?.databaseUrl === undefined
      ? await testDatabase(dir, { shared: options.dir !== undefined, localeC: options.localeC })
      : { url: options.config.databaseUrl, drop: async () => {} };
  const adminToken = `admin-${crypto.randomUUID()}`;
  const logs: Array<Record<string, any>> = [];
  const level = options.captureLogs ? "info" : undefined;
  const config: Config = {
    ...DEFAULTS,
    cron: {},
    host: "127.0.0.1",
    port: 0,
    dataDir: dir,
    databaseUrl: database.url,
    adminToken,
    demo: false,
    workers: false,
    webhookAllowPrivate: true,
    logLevel: level ?? (process.env.CRMD_TEST_LOG as Config["logLevel"]) ?? "silent",
    // The documents tests run with each store: CRMD_TEST_DOCUMENTS_STORE=database|filesystem.
    ...(documentsStore ? { documentsStore } : {}),
    ...options.config,
  };
  const logger =
    options.logger ??
    (options.captureLogs
      ? createLogger("info", {}, (line) => logs.push(JSON.parse(line)))
      : createLogger(config.logLevel));
  const server = await startServer(config, { clock: options.clock, logger });
  return {
    ...server,
    ...clients(server.url, adminToken),
    dir,
    adminToken,
    logs,
    async close() {
      await server.stop();
      await database.drop();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `bodyLimit` → CRMD_BODY_LIMIT, through the same flag table the binary reads. */
function configEnv(config: Partial<Config>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) {
    const flag = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`) as keyof typeof CONFIG_FLAGS;
    if (!(flag in CONFIG_FLAGS)) throw new Error(`config ${key} cannot be given to the binary`);
    env[CONFIG_FLAGS[flag]] = typeof value === "boolean" ? (value ? "1" : "0") : String(value);
  }
  return env;
}

/** Reads a child's output line by line into `into` (JSON lines parsed), calling `onLine` on each. */
async function collectLines(
  stream: ReadableStream<Uint8Array>,
  into: Array<Record<string, any>>,
  onLine: (line: Record<string, any>) => void,
) {
  let pending = "";
  const decoder = new TextDecoder();
  for await (const chunk of stream) {
    pending += decoder.decode(chunk, { stream: true });
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const text of lines) {
      if (!text.startsWith("{")) continue;
      const line = JSON.parse(text);
      into.push(line);
      onLine(line);
    }
  }
}

export interface CrmdProcess {
  child: ReturnType<typeof Bun.spawn>;
  url: string;
  /** Its log lines (stdout and stderr), parsed. */
  logs: Array<Record<string, any>>;
}

const REPO = resolve(import.meta.dir, "../..");

/**
 * crmd as a child process serving `dir` (its data directory and database)
 * on an ephemeral port: the binary under test, or the source run by Bun.
 * Resolves once it listens.
 */
export async function spawnCrmd(
  dir: string,
  adminToken: string,
  env: Record<string, string> = {},
  command = binaryUnderTest
    ? [resolve(binaryUnderTest), "serve"]
    : [process.execPath, "--max-http-header-size=65536", join(REPO, "src/main.ts"), "serve"],
): Promise<CrmdProcess> {
  const logs: Array<Record<string, any>> = [];
  const child = Bun.spawn(command, {
    cwd: command[0] === "npm" ? REPO : dir,
    env: {
      ...process.env,
      CRMD_HOST: "127.0.0.1",
      CRMD_PORT: "0",
      CRMD_DATA_DIR: dir,
      CRMD_DATABASE_URL: databaseUrlOf(dir),
      CRMD_ADMIN_TOKEN: adminToken,
      CRMD_DEMO: "0",
      CRMD_WEBHOOK_ALLOW_PRIVATE: "1",
      CRMD_LOG_LEVEL: "info",
      ...env,
    },
    stdout: "pipe",
    stderr: "pipe",
  });
  const url = await new Promise<string>((ready, fail) => {
    const onLine = (line: Record<string, any>) => {
      if (line.msg === "listening") ready(line.url);
    };
    collectLines(child.stdout, logs, onLine).catch(fail);
    collectLines(child.stderr, logs, onLine).catch(fail);
    child.exited.then((code) => fail(new Error(`${command.join(" ")} exited with ${code}`)));
  });
  return { child, url, logs };
}

/** The compiled binary as a child process: `serve` on an ephemeral port, its own temp database. */
async function startBinary(options: TestServerOptions): Promise<TestServer> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), "crmd-bin-test-"));
  const adminToken = `admin-${crypto.randomUUID()}`;
  const { child, url, logs } = await spawnCrmd(dir, adminToken, configEnv(options.config ?? {}));
  const stop = async () => {
    child.kill("SIGTERM");
    await child.exited;
  };
  return {
    ...clients(url, adminToken),
    ctx: undefined as never,
    url,
    port: Number(new URL(url).port),
    dir,
    adminToken,
    logs,
    stop,
    async close() {
      await stop();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
