import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Clock } from "../../src/clock";
import { type Config, DEFAULTS } from "../../src/config";
import { createLogger, type Logger } from "../../src/logger";
import { type RunningServer, startServer } from "../../src/server";

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
      init.body = typeof body === "string" ? body : JSON.stringify(body);
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

let counter = 0;

/**
 * Starts a real crmd on an ephemeral port against a temporary libSQL file.
 * Logs are silent unless CRMD_TEST_LOG is set.
 */
export async function startTestServer(
  options: { config?: Partial<Config>; clock?: Clock; dir?: string; logger?: Logger } = {},
): Promise<TestServer> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), "crmd-test-"));
  const adminToken = `admin-${crypto.randomUUID()}`;
  const config: Config = {
    ...DEFAULTS,
    cron: {},
    host: "127.0.0.1",
    port: 0,
    dataDir: dir,
    databaseUrl: `file:${join(dir, "crmd.db")}`,
    adminToken,
    demo: false,
    workers: false,
    webhookAllowPrivate: true,
    logLevel: (process.env.CRMD_TEST_LOG as Config["logLevel"]) ?? "silent",
    ...options.config,
  };
  const server = await startServer(config, {
    clock: options.clock,
    logger: options.logger ?? createLogger(config.logLevel),
  });
  const admin = new Api(server.url, { authorization: `Bearer ${adminToken}` });
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
    return new Api(server.url, { "x-api-key": created.body.key });
  };
  return {
    ...server,
    dir,
    adminToken,
    admin,
    anonymous: new Api(server.url),
    keyFor,
    async tenant(name = `tenant-${++counter}-${Date.now()}`, permissions = ["*"], keyOptions = {}) {
      const created = await admin.post("/api/external/tenants", { name });
      if (created.status !== 201)
        throw new Error(`tenant create failed: ${JSON.stringify(created.body)}`);
      const api = await keyFor(created.body.id, permissions, keyOptions);
      return { tenantId: created.body.id, key: api.headers["x-api-key"], api };
    },
    async close() {
      await server.stop();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
