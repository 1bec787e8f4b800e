import { describe, expect, test } from "bun:test";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase } from "../db/client";
import { migrate, migrationsApplied, migrationsOf } from "../db/migrate";
import { CONNECT_TIMEOUT_SECONDS } from "../db/pg/database";
import { ConfigError, loadConfig, SETTINGS } from "../src/config";
import type { AppContext } from "../src/context";
import { createDemoTenant } from "../src/demo";
import { createLogger, errorMessage } from "../src/logger";
import { startWorkers } from "../src/workers";
import { describeOnce, testDatabase, testOnce } from "./helpers/database";
import { startCrmdProcess } from "./helpers/process";
import { startTestServer } from "./helpers/server";

const MAIN = join(import.meta.dir, "..", "src", "main.ts");

function crmd(args: string[], env: Record<string, string> = {}) {
  return Bun.spawn([process.execPath, MAIN, ...args], {
    env: { ...process.env, CRMD_LOG_LEVEL: "warn", ...env },
    stdout: "pipe",
    stderr: "pipe",
  });
}

/**
 * How a command that should exit on its own ended: its code (or "running",
 * killed, when it still ran after 10 s) and what it wrote on stderr.
 */
async function ended(child: ReturnType<typeof crmd>) {
  const code = await Promise.race([child.exited, Bun.sleep(10_000).then(() => "running" as const)]);
  if (code === "running") child.kill("SIGKILL");
  return { code, stderr: code === "running" ? "" : await new Response(child.stderr).text() };
}

/** Waits up to 20 s: a first start from source migrates a new database, slowly on a busy machine. */
async function waitForReady(url: string) {
  for (let i = 0; i < 800; i++) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {}
    await Bun.sleep(25);
  }
  throw new Error("server did not become ready");
}

/** A port free on 127.0.0.1 right now, chosen by the kernel (a random one may be another server's). */
function freePort(): number {
  const probe = Bun.listen({ hostname: "127.0.0.1", port: 0, socket: { data() {} } });
  const { port } = probe;
  probe.stop(true);
  return port;
}

describeOnce("configuration", () => {
  test("defaults, env and flags (flags win)", () => {
    const defaults = loadConfig({});
    expect(defaults).toMatchObject({
      port: 8080,
      databaseUrl: "file:./data/crmd.db",
      rateLimit: 100,
      bodyLimit: 1048576,
      demo: true,
    });
    expect(loadConfig({ PORT: "9000" }).port).toBe(9000);
    expect(loadConfig({ PORT: "9000", CRMD_PORT: "9100" }).port).toBe(9100);
    expect(loadConfig({ CRMD_PORT: "9100" }, { port: "9200" }).port).toBe(9200);
    expect(loadConfig({ CRMD_DATABASE_URL: "libsql://db.example.com" }).databaseUrl).toBe(
      "libsql://db.example.com",
    );
    expect(loadConfig({ CRMD_DEMO: "0" }).demo).toBe(false);
    expect(loadConfig({ CRMD_CRON_SLA_CHECK: "*/5 * * * *" }).cron).toEqual({
      sla_check: "*/5 * * * *",
    });
  });

  test("an empty value counts as unset: CRMD_PORT= leaves PORT in charge", () => {
    // `CRMD_PORT=` in a compose file or an env file, with the platform's PORT beside it.
    expect(loadConfig({ CRMD_PORT: "", PORT: "9000" }).port).toBe(9000);
    expect(loadConfig({ CRMD_PORT: "" }, { port: "" }).port).toBe(8080);
    const allEmpty = Object.fromEntries(
      SETTINGS.filter((s) => !s.env.includes("<")).map((s) => [s.env, ""]),
    );
    expect(loadConfig({ ...allEmpty, PORT: "" })).toEqual(loadConfig({}));
  });

  test("bad values are refused with a clear message", () => {
    expect(() => loadConfig({ CRMD_PORT: "http" })).toThrow(ConfigError);
    expect(() => loadConfig({ CRMD_PORT: "70000" })).toThrow("between 1 and 65535");
    expect(() => loadConfig({ CRMD_RATE_LIMIT: "-1" })).toThrow("CRMD_RATE_LIMIT");
    expect(() => loadConfig({ CRMD_LOG_LEVEL: "loud" })).toThrow("CRMD_LOG_LEVEL");
    // Each message names the setting, as the README's table and --help spell it.
    for (const [env, flag, value] of [
      ["CRMD_PORT", "port", "http"],
      ["CRMD_BODY_LIMIT", "body-limit", "0"],
      ["CRMD_UPLOAD_LIMIT", "upload-limit", "1k"],
      ["CRMD_WEBHOOK_RETRY_SCHEDULE", "webhook-retry-schedule", "60,soon"],
      ["CRMD_WEBHOOK_TIMEOUT_MS", "webhook-timeout-ms", "0"],
      ["CRMD_SCHEDULER_LEASE_SECONDS", "scheduler-lease-seconds", "-5"],
      ["CRMD_SEND_RETRY_SCHEDULE", "send-retry-schedule", "x"],
    ] as const) {
      expect(() => loadConfig({ [env]: value })).toThrow(env);
      expect(() => loadConfig({}, { [flag]: value })).toThrow(env);
      // A value given as a flag is named as the flag the operator typed.
      expect(() => loadConfig({ [env]: "1" }, { [flag]: value })).toThrow(`--${flag} (${env})`);
    }
    for (const [flag, value] of [
      ["log-level", "loud"],
      ["database-url", "mysql://x"],
      ["demo", "maybe"],
      ["cors-origins", "app.example.com"],
      ["trusted-proxies", "lb.internal"],
      ["admin-token", "short"],
      ["documents-store", "s3"],
      ["public-url", "crm.example.com"],
      ["smtp-tls", "always"],
      ["widget-rate-limit", "0"],
    ] as const)
      expect(() => loadConfig({}, { [flag]: value })).toThrow(`--${flag} (`);
    // PORT (the platform's variable) is named as itself, not as CRMD_PORT the operator never set.
    expect(() => loadConfig({ PORT: "http" })).toThrow(
      'PORT must be a positive integer, got "http"',
    );
    expect(() => loadConfig({ PORT: "http" })).not.toThrow("CRMD_PORT");
    expect(() => loadConfig({ CRMD_DATABASE_URL: "mysql://x" })).toThrow("CRMD_DATABASE_URL");
    expect(() =>
      loadConfig({
        CRMD_DATABASE_URL: "file:x.db",
        CRMD_DATABASE_REPLICA_URL: "postgres://r/crmd",
      }),
    ).toThrow("CRMD_DATABASE_REPLICA_URL");
    expect(() => loadConfig({ CRMD_DEMO: "maybe" })).toThrow("CRMD_DEMO");
    expect(() => loadConfig({ CRMD_TRUSTED_PROXIES: "10.0.0.0/8, lb.internal" })).toThrow(
      'CRMD_TRUSTED_PROXIES: "lb.internal"',
    );
    expect(() => loadConfig({ CRMD_TRUSTED_PROXIES: "10.0.0.0/33" })).toThrow(
      "CRMD_TRUSTED_PROXIES",
    );
  });

  test("trusted proxies: addresses, ranges and proxy-addr's names", () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(
      loadConfig({ CRMD_TRUSTED_PROXIES: " 10.0.0.0/8, loopback,fd00::/8 ," }).trustedProxies,
    ).toEqual(["10.0.0.0/8", "loopback", "fd00::/8"]);
  });

  test("a URL setting must be a URL crmd can use", () => {
    // `file:$UNSET_PATH`: SQLite would open a private temporary database per connection.
    expect(() => loadConfig({ CRMD_DATABASE_URL: "file:" })).toThrow("CRMD_DATABASE_URL");
    expect(() => loadConfig({ CRMD_DATABASE_URL: "file:?mode=ro" })).toThrow("CRMD_DATABASE_URL");
    expect(() => loadConfig({ CRMD_PUBLIC_URL: "crm.example.com" })).toThrow("CRMD_PUBLIC_URL");
    expect(() => loadConfig({ CRMD_SMTP_URL: "mail.example.com:587" })).toThrow("CRMD_SMTP_URL");
    expect(() => loadConfig({ CRMD_SMTP_URL: "https://mail.example.com" })).toThrow(
      "CRMD_SMTP_URL",
    );
    expect(() => loadConfig({ CRMD_TWILIO_API_URL: "api.twilio.com" })).toThrow(
      "CRMD_TWILIO_API_URL",
    );
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318" })).toThrow(
      "OTEL_EXPORTER_OTLP_ENDPOINT",
    );
    const good = loadConfig({
      CRMD_DATABASE_URL: "file:crm.db?mode=rwc",
      CRMD_PUBLIC_URL: "https://crm.example.com/",
      CRMD_SMTP_URL: "smtps://user:pass@mail.example.com:465",
      CRMD_TWILIO_API_URL: "http://127.0.0.1:9999",
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318",
    });
    expect(good.smtpUrl).toBe("smtps://user:pass@mail.example.com:465");
    expect(loadConfig({ CRMD_SMTP_URL: "smtp://mail.example.com:587" }).smtpUrl).toBeDefined();
  });
});

describeOnce("CLI", () => {
  test("--version, --help; a bad flag or bad config exits 2 with a message", async () => {
    const version = crmd(["--version"]);
    expect(await version.exited).toBe(0);
    expect(await new Response(version.stdout).text()).toMatch(/^crmd \d+\.\d+\.\d+/);
    const help = crmd(["--help"]);
    expect(await help.exited).toBe(0);
    expect(await new Response(help.stdout).text()).toContain("keys create");
    const badFlag = crmd(["serve", "--no-such-flag"]);
    expect(await badFlag.exited).toBe(2);
    expect(await new Response(badFlag.stderr).text()).toContain("no-such-flag");
    const badPort = crmd(["serve"], { CRMD_PORT: "eighty" });
    expect(await badPort.exited).toBe(2);
    expect(await new Response(badPort.stderr).text()).toContain("CRMD_PORT");
    const badPortFlag = crmd(["serve", "--port", "eighty"], { CRMD_PORT: "8080" });
    expect(await badPortFlag.exited).toBe(2);
    expect(await new Response(badPortFlag.stderr).text()).toContain(
      'crmd: --port (CRMD_PORT) must be a positive integer, got "eighty"',
    );
    // A command group without its command names the commands it has.
    for (const [args, said] of [
      [["keys"], '"keys" needs a command: keys create, keys list, keys revoke (crmd --help)'],
      [["tenants", "delete"], 'unknown command "tenants delete": tenants create, tenants list'],
      [["documents"], '"documents" needs a command: documents migrate'],
    ] as const) {
      const group = crmd([...args]);
      expect(await group.exited).toBe(2);
      expect(await new Response(group.stderr).text()).toContain(said);
    }
    const badCommand = crmd(["frobnicate"]);
    expect(await badCommand.exited).toBe(2);
  });

  test("an unknown option or a missing value is a usage error as a bad setting is: its message, serve's JSON line, exit 2, no option value echoed", async () => {
    const run = async (args: string[], env: Record<string, string> = {}) => {
      const child = crmd(args, env);
      const [code, stderr] = await Promise.all([child.exited, new Response(child.stderr).text()]);
      const lines = stderr.trim().split("\n");
      const logged = lines.filter((line) => line.startsWith("{")).map((line) => JSON.parse(line));
      return { code, lines, logged };
    };
    for (const [args, said] of [
      [["serve", "--bogus"], "crmd: unknown option --bogus (crmd serve --help lists the options)"],
      [["--bogus"], "crmd: unknown option --bogus (crmd serve --help lists the options)"],
      [["serve", "--admin-tokn=not-logged"], "crmd: unknown option --admin-tokn (crmd serve"],
      [["serve", "--port"], "crmd: Option '--port <value>' argument missing (crmd serve"],
    ] as const) {
      const { code, lines, logged } = await run([...args]);
      expect(`${args.join(" ")}: ${code}`).toBe(`${args.join(" ")}: 2`);
      expect(lines[0]).toStartWith(said);
      // One line for a log pipeline, as a failed start on a bad setting writes.
      expect(logged).toEqual([
        expect.objectContaining({ level: "error", msg: "start failed", exit_code: 2 }),
      ]);
      expect(logged[0].error.message).toBe(lines[0].slice("crmd: ".length));
      expect(logged[0].error.name).toBe("ConfigError");
      expect(lines.join("\n")).not.toContain("not-logged");
      // The message, not the whole usage: a crash-looping container's log stays readable.
      expect(lines.length).toBe(2);
    }
    // Another command: the message alone (no server, no log); its own help named.
    const tenants = await run(["tenants", "list", "--bogus"]);
    expect(tenants.code).toBe(2);
    expect(tenants.lines).toEqual([
      "crmd: unknown option --bogus (crmd tenants list --help lists the options)",
    ]);
    // At log level silent, serve's message alone.
    const silent = await run(["serve", "--bogus", "--log-level", "silent"]);
    expect(silent.code).toBe(2);
    expect(silent.logged).toEqual([]);
  });

  test("crmd <command> --help prints that command's usage and the flags it reads, exit 0; crmd --help the whole", async () => {
    const run = async (args: string[]) => {
      const child = crmd(args);
      return { code: await child.exited, out: await new Response(child.stdout).text() };
    };
    const whole = await run(["--help"]);
    const copy = await run(["copy", "--help"]);
    expect(copy.code).toBe(0);
    expect(copy.out).toStartWith("Usage: crmd copy [options]\n");
    expect(copy.out).toContain("copy --from URL --to URL");
    expect(copy.out).toContain("--data-dir");
    expect(copy.out).not.toContain("keys create");
    expect(copy.out).not.toContain("--admin-token");
    expect(copy.out.length).toBeLessThan(whole.out.length / 3);
    const create = await run(["keys", "create", "-h"]);
    expect(create.code).toBe(0);
    expect(create.out).toContain("keys create --tenant T --name N --scopes a,b");
    expect(create.out).toContain("--database-url");
    // Its --rate-limit is the key's own, named in its usage line, not the server's setting.
    expect(create.out).not.toContain("CRMD_RATE_LIMIT");
    expect(create.out).not.toContain("keys list");
    const serve = await run(["serve", "--help"]);
    expect(serve.code).toBe(0);
    expect(serve.out).toContain("Start the server");
    expect(serve.out).toContain("--admin-token");
    expect(serve.out).not.toContain("tenants create");
    // The whole help still lists every command.
    expect(whole.code).toBe(0);
    expect(whole.out).toContain("keys create");
    expect(whole.out).toContain("copy --from");
    const unknown = crmd(["frobnicate", "--help"]);
    expect(await unknown.exited).toBe(2);
  });

  test("a CRMD_ variable no setting reads (a misspelt one) is named in a warning on stderr; known ones and the test tooling's are not", async () => {
    const dir = mkdtempSync(join(tmpdir(), "crmd-unknown-var-"));
    try {
      const child = crmd(["tenants", "list"], {
        CRMD_DATA_DIR: dir,
        CRMD_DATABSE_URL: "postgres://crmd@db.example.com/crmd",
        CRMD_LOG_LEVEL: "warn",
        CRMD_TEST_LOG: "silent",
      });
      expect(await child.exited).toBe(0);
      const stderr = await new Response(child.stderr).text();
      expect(stderr).toContain(
        "crmd: warning: CRMD_DATABSE_URL is no crmd setting and is ignored (crmd --help lists them)",
      );
      expect(stderr).not.toContain("CRMD_LOG_LEVEL is");
      expect(stderr).not.toContain("CRMD_TEST_LOG");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a flag or argument the command does not take exits 2 before touching the database", async () => {
    const dir = mkdtempSync(join(tmpdir(), "crmd-args-"));
    const env = { CRMD_DATABASE_URL: `file:${join(dir, "crmd.db")}` };
    try {
      const refusals: Array<[string[], string]> = [
        [["tenants", "list", "--json"], "--json"],
        [["keys", "list", "--tenant", "t", "--json"], "--json"],
        [["migrate", "--port", "9000"], "--port"],
        [["tenants", "create", "--name", "n", "--scopes", "read"], "--scopes"],
        [["keys", "list", "--tenant", "t", "--deals", "5"], "--deals"],
        [["healthcheck", "--database-url", "file:x.db"], "--database-url"],
        [["copy", "--from", "file:a.db", "--to", "file:b.db", "--tenant", "t"], "--tenant"],
        [["tenants", "list", "extra"], "extra"],
        [["keys", "revoke", "--tenant", "t", "key-id", "extra"], "extra"],
        [["migrate", "now"], "now"],
      ];
      for (const [args, named] of refusals) {
        const child = crmd(args, env);
        const [code, err] = await Promise.all([child.exited, new Response(child.stderr).text()]);
        expect(`${args.join(" ")}: ${code}`).toBe(`${args.join(" ")}: 2`);
        expect(err).toContain(named);
      }
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  test("an empty file: database URL exits 2 instead of serving on throwaway databases", async () => {
    const dir = mkdtempSync(join(tmpdir(), "crmd-url-"));
    try {
      const child = crmd(["serve"], {
        CRMD_DATA_DIR: dir,
        CRMD_PORT: "0",
        CRMD_DEMO: "0",
        CRMD_DATABASE_URL: "file:",
      });
      const code = await Promise.race([child.exited, Bun.sleep(8000).then(() => "running")]);
      if (code === "running") child.kill("SIGTERM");
      expect(code).toBe(2);
      expect(await new Response(child.stderr).text()).toContain("CRMD_DATABASE_URL");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 20_000);

  test("a scheduler override with a bad cron or naming no job exits 2 with a message", async () => {
    const dir = mkdtempSync(join(tmpdir(), "crmd-cron-"));
    const env = { CRMD_DATA_DIR: dir, CRMD_PORT: "0", CRMD_HOST: "127.0.0.1", CRMD_DEMO: "0" };
    /** Its exit code, or "running" when it is still serving after a while (then stopped). */
    const outcome = async (child: ReturnType<typeof crmd>) => {
      const code = await Promise.race([child.exited, Bun.sleep(8000).then(() => "running")]);
      if (code === "running") child.kill("SIGTERM");
      return { code, stderr: code === "running" ? "" : await new Response(child.stderr).text() };
    };
    try {
      const badCron = await outcome(crmd(["serve"], { ...env, CRMD_CRON_SLA: "every minute" }));
      expect(badCron.code).toBe(2);
      expect(badCron.stderr).toContain("CRMD_CRON_SLA");
      const typo = await outcome(crmd(["serve"], { ...env, CRMD_CRON_TASK_OVERDU: "* * * * *" }));
      expect(typo.code).toBe(2);
      expect(typo.stderr).toContain("CRMD_CRON_TASK_OVERDU");
      expect(typo.stderr).toContain("task_overdue");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  test("a database that refuses connections: migrate and serve exit 1 naming it and why, not wait forever", async () => {
    const closed = Bun.listen({ hostname: "127.0.0.1", port: 0, socket: { data() {} } });
    const port = closed.port;
    closed.stop(true);
    for (const url of [
      `postgres://crmd:not-logged@127.0.0.1:${port}/crmd`,
      // libpq's password parameter, which Bun's client reads too.
      `postgres://crmd@127.0.0.1:${port}/crmd?sslmode=disable&password=not-logged`,
      `http://127.0.0.1:${port}?authToken=not-logged`,
    ])
      for (const args of [["migrate"], ["serve"]]) {
        const child = crmd([...args, "--database-url", url], { CRMD_PORT: "0", CRMD_DEMO: "0" });
        const { code, stderr } = await ended(child);
        expect(`${args[0]} on ${url}: ${code}`).toBe(`${args[0]} on ${url}: 1`);
        expect(stderr).toContain(`127.0.0.1:${port}`);
        // The driver's reason, not only the query that failed.
        expect(stderr).toMatch(/ECONNREFUSED|CONNECTION_REFUSED/);
        expect(stderr).not.toContain("not-logged");
        // serve also logs why it ended, as one JSON line for a log pipeline.
        const logged = stderr.split("\n").filter((line) => line.startsWith("{"));
        if (args[0] === "serve")
          expect(logged.map((line) => JSON.parse(line))).toEqual([
            expect.objectContaining({
              level: "error",
              msg: "start failed",
              exit_code: 1,
              error: expect.objectContaining({
                message: expect.stringMatching(/ECONNREFUSED|CONNECTION_REFUSED/),
              }),
            }),
          ]);
      }
  }, 60_000);

  test("a database host name that does not resolve: migrate, serve and copy exit 1 saying so (not a refused connection), credentials hidden", async () => {
    const host = "no-such-host.invalid"; // .invalid never resolves (RFC 2606)
    for (const url of [
      // connect_timeout: were the name tried as an address, the wait stays short.
      `postgres://u:not-logged@${host}/db?connect_timeout=2`,
      `libsql://${host}?authToken=not-logged`,
      `http://u:not-logged@${host}:8080`,
    ])
      for (const args of [["migrate"], ["serve"]]) {
        const child = crmd([...args, "--database-url", url], { CRMD_PORT: "0", CRMD_DEMO: "0" });
        const { code, stderr } = await ended(child);
        expect(`${args[0]} on ${url}: ${code}`).toBe(`${args[0]} on ${url}: 1`);
        const said = `: host ${host} could not be resolved (getaddrinfo `;
        expect(stderr.split("\n")[0]).toStartWith(`crmd: database ${url.split(":")[0]}:`);
        expect(stderr).toContain(said);
        expect(stderr).not.toMatch(/REFUSED|Failed to connect/);
        expect(stderr).not.toContain("not-logged");
        if (args[0] === "serve") {
          const logged = stderr.split("\n").filter((line) => line.startsWith("{"));
          expect(logged.map((line) => JSON.parse(line).error.message)).toEqual([
            expect.stringContaining(said),
          ]);
        }
      }
    const dir = mkdtempSync(join(tmpdir(), "crmd-copy-unresolved-"));
    try {
      const source = `file:${join(dir, "source.db")}`;
      expect(await crmd(["migrate", "--database-url", source]).exited).toBe(0);
      const target = `postgres://u:not-logged@${host}/db?connect_timeout=2`;
      const copy = crmd(["copy", "--from", source, "--to", target]);
      expect(await copy.exited).toBe(1);
      const stderr = await new Response(copy.stderr).text();
      expect(stderr).toContain(
        `--to postgres://***@${host}/db?connect_timeout=2: host ${host} could not be resolved`,
      );
      expect(stderr).not.toContain("not-logged");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);

  test("a start of serve on a bad setting logs one JSON error line besides its message, credentials hidden in both; exit 2 still", async () => {
    const child = crmd(["serve"], { CRMD_DATABASE_URL: "mysql://bob:not-logged@db.example/crm" });
    expect(await child.exited).toBe(2);
    const stderr = await new Response(child.stderr).text();
    const lines = stderr.trim().split("\n");
    expect(lines[0]).toStartWith("crmd: CRMD_DATABASE_URL must be file:PATH");
    const logged = lines.filter((line) => line.startsWith("{")).map((line) => JSON.parse(line));
    expect(logged).toEqual([
      expect.objectContaining({ level: "error", msg: "start failed", exit_code: 2 }),
    ]);
    expect(logged[0].error.message).toContain('got "mysql://***@db.example/crm"');
    // A log pipeline tells a bad setting from a failure of the database or the port.
    expect(logged[0].error.name).toBe("ConfigError");
    // stderr is often a log file too: the message hides them as the JSON line does.
    expect(lines[0]).toContain('got "mysql://***@db.example/crm"');
    expect(stderr).not.toContain("not-logged");
    // At log level silent, the message alone.
    const silent = crmd(["serve"], { CRMD_PORT: "eighty", CRMD_LOG_LEVEL: "silent" });
    expect(await silent.exited).toBe(2);
    expect((await new Response(silent.stderr).text()).trim()).toBe(
      'crmd: CRMD_PORT must be a positive integer, got "eighty"',
    );
  });

  test("a PostgreSQL address that never answers: migrate exits 1 saying the connection timed out, after 10 s an attempt or the URL's connect_timeout", async () => {
    // Accepts connections and says nothing, as a stuck server or a proxy with no backend does.
    const silent = Bun.listen({ hostname: "127.0.0.1", port: 0, socket: { data() {} } });
    try {
      for (const [query, seconds] of [
        ["", CONNECT_TIMEOUT_SECONDS],
        ["?connect_timeout=1", 1],
      ] as const) {
        const url = `postgres://crmd:not-logged@127.0.0.1:${silent.port}/crmd${query}`;
        const child = crmd(["migrate", "--database-url", url]);
        // Bun's own default (30 s an attempt, two attempts) would still be waiting.
        const code = await Promise.race([child.exited, Bun.sleep(45_000).then(() => "waiting")]);
        if (code === "waiting") child.kill("SIGKILL");
        expect(`${query}: ${code}`).toBe(`${query}: 1`);
        const stderr = await new Response(child.stderr).text();
        expect(stderr).toContain(`127.0.0.1:${silent.port}`);
        expect(stderr).toContain(`timeout after ${seconds}s`);
        expect(stderr).not.toContain("not-logged");
      }
    } finally {
      silent.stop(true);
    }
  }, 60_000);

  test("copy to a database that refuses connections exits 1 naming that side (--to, credentials hidden) and why", async () => {
    const dir = mkdtempSync(join(tmpdir(), "crmd-copy-refused-"));
    const closed = Bun.listen({ hostname: "127.0.0.1", port: 0, socket: { data() {} } });
    const port = closed.port;
    closed.stop(true);
    try {
      const source = `file:${join(dir, "source.db")}`;
      expect(await crmd(["migrate", "--database-url", source]).exited).toBe(0);
      const child = crmd([
        "copy",
        "--from",
        source,
        "--to",
        `postgres://crmd:not-logged@127.0.0.1:${port}/crmd`,
      ]);
      expect(await child.exited).toBe(1);
      const stderr = await new Response(child.stderr).text();
      expect(stderr).toContain(`crmd: --to postgres://***@127.0.0.1:${port}/crmd: `);
      expect(stderr).toMatch(/CONNECTION_REFUSED|ECONNREFUSED/);
      expect(stderr).not.toContain("not-logged");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a data directory crmd cannot write: serve and migrate exit 2 naming the setting and the path", async () => {
    const dir = mkdtempSync(join(tmpdir(), "crmd-readonly-"));
    chmodSync(dir, 0o755);
    // root writes anywhere: run crmd as nobody then.
    const asUser =
      process.getuid?.() === 0
        ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        : [];
    const run = async (args: string[], env: Record<string, string>) => {
      const child = Bun.spawn([...asUser, process.execPath, MAIN, ...args], {
        env: { ...process.env, CRMD_LOG_LEVEL: "warn", CRMD_PORT: "0", CRMD_DEMO: "0", ...env },
        stdout: "pipe",
        stderr: "pipe",
      });
      return ended(child);
    };
    try {
      const empty = join(dir, "empty");
      mkdirSync(empty, { mode: 0o555 });
      chmodSync(empty, 0o555);
      const migrated = join(dir, "migrated");
      mkdirSync(migrated);
      chmodSync(migrated, 0o777);
      expect((await run(["migrate"], { CRMD_DATA_DIR: migrated })).code).toBe(0);
      chmodSync(join(migrated, "crmd.db"), 0o444);
      chmodSync(migrated, 0o555);
      for (const [args, dataDir] of [
        [["migrate"], empty],
        [["serve"], empty],
        [["tenants", "list"], migrated],
        [["serve"], migrated],
      ] as const) {
        const { code, stderr } = await run([...args], { CRMD_DATA_DIR: dataDir });
        expect(`${args.join(" ")} on ${dataDir}: ${code}`).toBe(
          `${args.join(" ")} on ${dataDir}: 2`,
        );
        expect(stderr).toContain("CRMD_DATA_DIR");
        expect(stderr).toContain(dataDir);
      }
      // The database elsewhere: the secret key file is what the data directory must take.
      const databases = join(dir, "databases");
      mkdirSync(databases);
      chmodSync(databases, 0o777);
      const secret = await run(["serve"], {
        CRMD_DATA_DIR: empty,
        CRMD_DATABASE_URL: `file:${join(databases, "crmd.db")}`,
        CRMD_SECRET_KEY: "",
      });
      expect(secret.code).toBe(2);
      expect(secret.stderr).toContain("CRMD_SECRET_KEY");
      expect(secret.stderr).toContain(empty);
    } finally {
      chmodSync(join(dir, "migrated"), 0o755);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  test("a default sender that is no address or number exits 2 naming the setting, not a 422 on every send", async () => {
    const dir = mkdtempSync(join(tmpdir(), "crmd-senders-"));
    const env = { CRMD_DATA_DIR: dir, CRMD_PORT: "0", CRMD_HOST: "127.0.0.1", CRMD_DEMO: "0" };
    try {
      for (const [setting, value] of [
        ["CRMD_EMAIL_FROM", "sales team"],
        ["CRMD_SMS_FROM", "12"],
      ]) {
        const child = crmd(["serve"], { ...env, [setting]: value });
        const { code, stderr } = await ended(child);
        expect(`${setting}: ${code}`).toBe(`${setting}: 2`);
        expect(stderr).toContain(setting);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  test("an address crmd cannot listen on exits 2 naming the host and port settings", async () => {
    const dir = mkdtempSync(join(tmpdir(), "crmd-listen-"));
    const taken = Bun.listen({ hostname: "127.0.0.1", port: 0, socket: { data() {} } });
    try {
      for (const [host, port] of [
        ["999.1.1.1", "0"],
        ["127.0.0.1", String(taken.port)],
      ]) {
        const child = crmd(["serve", "--host", host, "--port", port], {
          CRMD_DATA_DIR: dir,
          CRMD_DEMO: "0",
        });
        const { code, stderr } = await ended(child);
        expect(`${host}:${port}: ${code}`).toBe(`${host}:${port}: 2`);
        expect(stderr).toContain(`${host}:${port}`);
        expect(stderr).toContain("CRMD_HOST");
      }
    } finally {
      taken.stop(true);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  test("migrate prints the migrations it applied: all of them on a new database, none the second time", async () => {
    const dir = mkdtempSync(join(tmpdir(), "crmd-migrate-"));
    try {
      const migrate = async () => {
        const child = crmd(["migrate"], { CRMD_DATA_DIR: dir });
        expect(await child.exited).toBe(0);
        return JSON.parse(await new Response(child.stdout).text()).applied as string[];
      };
      const first = await migrate();
      expect(first[0]).toBe("0001_core");
      expect(first.length).toBeGreaterThan(10);
      expect(await migrate()).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("tenants and keys from the CLI", async () => {
    const dir = mkdtempSync(join(tmpdir(), "crmd-cli-"));
    const env = { CRMD_DATABASE_URL: `file:${join(dir, "crmd.db")}` };
    try {
      const created = crmd(["tenants", "create", "--name", "cli-co"], env);
      expect(await created.exited).toBe(0);
      const key = crmd(
        [
          "keys",
          "create",
          "--tenant",
          "cli-co",
          "--scopes",
          "deals:read,tasks:read",
          "--expires-in-days",
          "30",
          "--rate-limit",
          "500",
        ],
        env,
      );
      expect(await key.exited).toBe(0);
      const printed = JSON.parse(await new Response(key.stdout).text());
      expect(printed.key).toMatch(/^elk_/);
      expect(printed).toMatchObject({ permissions: ["deals:read", "tasks:read"], rate_limit: 500 });
      const list = crmd(["keys", "list", "--tenant", "cli-co"], env);
      expect(await list.exited).toBe(0);
      const listed = await new Response(list.stdout).text();
      expect(listed).toContain(printed.id);
      expect(listed).not.toContain(printed.key);
      const revoke = crmd(["keys", "revoke", "--tenant", "cli-co", printed.id], env);
      expect(await revoke.exited).toBe(0);
      expect(JSON.parse(await new Response(revoke.stdout).text()).revoked_at).not.toBeNull();
      const badScope = crmd(
        ["keys", "create", "--tenant", "cli-co", "--scopes", "everything"],
        env,
      );
      expect(await badScope.exited).toBe(2);
      // The API's bound (100 years); past it a key was stored, never shown, then "Invalid Date".
      for (const days of ["36501", "99999999999"]) {
        const tooLong = crmd(
          [
            "keys",
            "create",
            "--tenant",
            "cli-co",
            "--scopes",
            "deals:read",
            "--expires-in-days",
            days,
          ],
          env,
        );
        expect(await tooLong.exited).toBe(2);
        expect(await new Response(tooLong.stderr).text()).toContain("--expires-in-days");
      }
      // What the API refuses (422): a key without scopes, a key without a name.
      for (const [flag, value] of [
        ["--scopes", ","],
        ["--scopes", " , "],
        ["--name", ""],
      ]) {
        const refused = crmd(
          ["keys", "create", "--tenant", "cli-co", "--scopes", "deals:read", flag, value],
          env,
        );
        expect(await refused.exited).toBe(2);
        expect(await new Response(refused.stderr).text()).toContain(flag);
      }
      const keys = crmd(["keys", "list", "--tenant", "cli-co"], env);
      expect(JSON.parse(await new Response(keys.stdout).text()).length).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 20_000);
});

describeOnce("logs", () => {
  test("a logged error carries its causes: a failed query's says why it failed", () => {
    const lines: string[] = [];
    const logger = createLogger("info", {}, (line) => lines.push(line));
    const refused = Object.assign(new Error("Failed to connect"), { code: "ECONNREFUSED" });
    const failed = new Error("Failed query: select 1\nparams: ", { cause: refused });
    logger.error("search indexing failed", { error: failed });
    const looped = new Error("outer");
    looped.cause = new Error("inner", { cause: looped });
    logger.error("looped", { error: looped });
    const [first, second] = lines.map((line) => JSON.parse(line));
    expect(first.error.message).toBe("Failed query: select 1\nparams: ");
    expect(first.error.cause.message).toBe("Failed to connect");
    expect(second.error.cause.cause).toBe("[Error: outer]");
    expect(errorMessage(failed)).toBe("Failed query: select 1: Failed to connect (ECONNREFUSED)");
  });
});

/**
 * Holds the write lock of a new database (its migrations table made,
 * nothing applied) until `release`, which waits for the lock to go.
 */
async function holdWriteLock(db: Awaited<ReturnType<typeof openDatabase>>) {
  await migrate(db, []);
  let open = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  let locked = () => {};
  const holding = new Promise<void>((resolve) => {
    locked = resolve;
  });
  const held = db.transaction(async (tx) => {
    await tx.run(sql`UPDATE _migrations SET applied_at = applied_at WHERE 1 = 0`);
    locked();
    await gate;
  });
  await holding;
  return {
    release: () => {
      open();
      return held;
    },
  };
}

/** Reads a process's output until it includes `marker`; the reader goes on from there. */
async function readUntil(stream: ReadableStream<Uint8Array>, marker: string) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  while (!text.includes(marker)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`crmd exited before "${marker}": ${text}`);
    text += decoder.decode(value);
  }
  return { reader, decoder, text };
}

describe("process lifecycle", () => {
  testOnce(
    "first start creates the demo tenant and prints its key once, on stderr: every stdout line is JSON; SIGTERM exits 0",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "crmd-demo-"));
      const port = freePort();
      const env = { CRMD_DATA_DIR: dir, CRMD_PORT: String(port), CRMD_HOST: "127.0.0.1" };
      try {
        const first = crmd(["serve"], { ...env, CRMD_LOG_LEVEL: "info" });
        await waitForReady(`http://127.0.0.1:${port}`);
        await fetch(`http://127.0.0.1:${port}/api/external/deals`);
        await fetch(`http://127.0.0.1:${port}/nowhere`);
        first.kill("SIGTERM");
        expect(await first.exited).toBe(0);
        const lines = (await new Response(first.stdout).text()).split("\n").filter(Boolean);
        const logged = lines.map((line) => JSON.parse(line));
        // A data step with no rows to rewrite (all of them, on a new database) reports nothing.
        expect(logged.filter((l) => l.msg === "migration progress" && l.total === 0)).toEqual([]);
        expect(logged.filter((l) => l.msg === "request").map((l) => [l.path, l.status])).toEqual(
          expect.arrayContaining([
            ["/api/external/deals", 401],
            ["/nowhere", 404],
          ]),
        );
        const out = await new Response(first.stderr).text();
        const key = /elk_[A-Za-z0-9_-]{43}/.exec(out)?.[0];
        expect(key).toBeDefined();
        expect(out).toContain(`curl -H "X-API-Key: ${key}"`);

        const second = crmd(["serve"], env);
        await waitForReady(`http://127.0.0.1:${port}`);
        const reply = await fetch(`http://127.0.0.1:${port}/api/external/api-keys`, {
          headers: { "x-api-key": key as string },
        });
        expect(reply.status).toBe(200);
        second.kill("SIGINT");
        expect(await second.exited).toBe(0);
        expect(await new Response(second.stdout).text()).not.toContain("elk_");
        expect(await new Response(second.stderr).text()).not.toContain("elk_");
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  testOnce(
    "a public URL with a trailing slash: the demo curl line, the Swagger UI link and the OpenAPI servers stay valid",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "crmd-public-url-"));
      const port = freePort();
      const local = `http://127.0.0.1:${port}`;
      try {
        const server = crmd(["serve", "--public-url", `${local}/`], {
          CRMD_DATA_DIR: dir,
          CRMD_PORT: String(port),
          CRMD_HOST: "127.0.0.1",
        });
        await waitForReady(local);
        const doc = (await (await fetch(`${local}/swagger/json`)).json()) as any;
        expect(doc.servers[0].url).toBe(local);
        server.kill("SIGTERM");
        expect(await server.exited).toBe(0);
        const banner = await new Response(server.stderr).text();
        const [, key, deals] = /curl -H "X-API-Key: (elk_\S+)" (\S+)/.exec(banner) ?? [];
        expect(deals).toBe(`${local}/api/external/deals`);
        expect(banner).toContain(`Swagger UI: ${local}/swagger\n`);
        expect(key).toBeDefined();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  test("instances starting together on an empty database: one makes the demo tenant, none fails", async () => {
    const server = await startTestServer();
    try {
      // What two instances do at their first start, interleaved on one database.
      const made = await Promise.all([
        createDemoTenant(server.ctx, server.url),
        createDemoTenant(server.ctx, server.url),
      ]);
      expect(made.filter((key) => key !== null).length).toBe(1);
      const tenants = await server.admin.get("/api/external/tenants");
      expect(tenants.body.tenants.map((t: { name: string }) => t.name)).toEqual(["demo"]);
    } finally {
      await server.close();
    }
  });

  testOnce(
    "healthcheck takes serve's --host and --port, over what the environment says",
    async () => {
      // What a container gets: the image's CRMD_PORT, and `serve --port …` as its command.
      const probe = Bun.serve({ hostname: "127.0.0.1", port: 0, fetch: () => new Response() });
      const closed = String(probe.port);
      probe.stop(true);
      const dir = mkdtempSync(join(tmpdir(), "crmd-health-"));
      const server = await startCrmdProcess({ CRMD_DATA_DIR: dir });
      try {
        const port = new URL(server.url).port;
        const env = { CRMD_PORT: closed, CRMD_HOST: "0.0.0.0" };
        expect(await crmd(["healthcheck"], env).exited).toBe(1);
        expect(await crmd(["healthcheck", "--port", port], env).exited).toBe(0);
        expect(await crmd(["healthcheck", "--host", "127.0.0.1", "--port", port], env).exited).toBe(
          0,
        );
      } finally {
        server.child.kill("SIGTERM");
        await server.child.exited;
        rmSync(dir, { recursive: true, force: true });
      }
    },
    20_000,
  );

  testOnce(
    "on an IPv6 address the logged URL works and healthcheck sees the server ready",
    async () => {
      let ipv6 = true;
      try {
        Bun.serve({ hostname: "::1", port: 0, fetch: () => new Response() }).stop(true);
      } catch {
        ipv6 = false; // no IPv6 loopback on this machine
      }
      if (!ipv6) return;
      const dir = mkdtempSync(join(tmpdir(), "crmd-ipv6-"));
      const server = await startCrmdProcess({ CRMD_DATA_DIR: dir, CRMD_HOST: "::1" });
      try {
        expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
        const port = new URL(server.url).port;
        const check = crmd(["healthcheck", "--host", "::1", "--port", port]);
        expect(await check.exited).toBe(0);
      } finally {
        server.child.kill("SIGTERM");
        await server.child.exited;
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  test("SIGTERM while a first start migrates: the step under way ends cleanly, exit 0 with a log line, and the next start continues", async () => {
    const dir = mkdtempSync(join(tmpdir(), "crmd-migrate-stop-"));
    const database = await testDatabase(dir, { empty: true });
    const db = await openDatabase(database.url);
    const port = freePort();
    const env = {
      CRMD_DATA_DIR: dir,
      CRMD_DATABASE_URL: database.url,
      CRMD_PORT: String(port),
      CRMD_HOST: "127.0.0.1",
      CRMD_LOG_LEVEL: "info",
      CRMD_DEMO: "0",
    };
    // Holding the write lock keeps the start in its first migration step.
    const lock = await holdWriteLock(db);
    try {
      const first = crmd(["serve"], env);
      const { reader, decoder, text } = await readUntil(
        first.stdout,
        '"msg":"applying migrations"',
      );
      let out = text;
      first.kill("SIGTERM");
      await lock.release();
      expect(await first.exited).toBe(0);
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
        out += decoder.decode(chunk.value);
      const logged = out
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line));
      const stopped = logged.find((l) => l.msg.startsWith("stopped during migrations"));
      const all = migrationsOf(db).map((m) => m.id);
      expect(stopped).toMatchObject({ level: "info", signal: "SIGTERM" });
      expect(logged.some((l) => l.msg === "listening")).toBe(false);

      // Consistent: the steps applied are the first ones, each whole; the rest are pending.
      const ids = (await db.execute("SELECT id FROM _migrations")).map((r) => String(r.id)).sort();
      expect(ids).toEqual(all.slice(0, ids.length));
      expect(stopped.applied).toBe(ids.length);
      expect(stopped.pending).toBe(all.length - ids.length);
      expect(stopped.pending).toBeGreaterThan(0);
      expect(stopped.next).toBe(all[ids.length]);

      const second = crmd(["serve"], env);
      await waitForReady(`http://127.0.0.1:${port}`);
      expect(await migrationsApplied(db)).toBe(true);
      second.kill("SIGTERM");
      expect(await second.exited).toBe(0);
    } finally {
      await lock.release().catch(() => undefined);
      await db.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  testOnce(
    "a second SIGTERM while a start waits on a database that does not answer exits at once with 143",
    async () => {
      // A PostgreSQL address that accepts connections and never answers.
      let connected = () => {};
      const reached = new Promise<void>((resolve) => {
        connected = resolve;
      });
      const silent = Bun.listen({
        hostname: "127.0.0.1",
        port: 0,
        socket: { open: () => connected(), data() {} },
      });
      const dir = mkdtempSync(join(tmpdir(), "crmd-start-stop-twice-"));
      let first: ReturnType<typeof crmd> | undefined;
      try {
        first = crmd(["serve"], {
          CRMD_DATA_DIR: dir,
          CRMD_DATABASE_URL: `postgres://crmd@127.0.0.1:${silent.port}/crmd`,
          CRMD_PORT: String(freePort()),
          CRMD_HOST: "127.0.0.1",
          CRMD_LOG_LEVEL: "info",
          CRMD_DEMO: "0",
        });
        await reached;
        first.kill("SIGTERM");
        await readUntil(first.stdout, "shutting down once the migration step under way ends");
        first.kill("SIGTERM");
        expect(await first.exited).toBe(143);
        expect(await new Response(first.stderr).text()).toContain("SIGTERM again: exiting");
      } finally {
        first?.kill("SIGKILL");
        silent.stop(true);
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );

  test("SIGTERM while crmd migrate runs: the step under way ends cleanly, exit 3 with a message, and the next run continues", async () => {
    const dir = mkdtempSync(join(tmpdir(), "crmd-migrate-cli-stop-"));
    const database = await testDatabase(dir, { empty: true });
    const db = await openDatabase(database.url);
    const env = { CRMD_DATA_DIR: dir, CRMD_DATABASE_URL: database.url };
    const lock = await holdWriteLock(db);
    try {
      const first = crmd(["migrate"], env);
      const { reader, decoder, text } = await readUntil(first.stderr, "crmd: applying");
      let err = text;
      first.kill("SIGTERM");
      await lock.release();
      expect(await first.exited).toBe(3);
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
        err += decoder.decode(chunk.value);
      const all = migrationsOf(db).map((m) => m.id);
      const ids = (await db.execute("SELECT id FROM _migrations")).map((r) => String(r.id)).sort();
      expect(ids).toEqual(all.slice(0, ids.length));
      expect(ids.length).toBeLessThan(all.length);
      expect(err).toContain(
        `crmd: stopped by SIGTERM during migrations: ${ids.length} applied, ${all.length - ids.length} pending (next: ${all[ids.length]})`,
      );
      expect(await new Response(first.stdout).text()).toBe("");

      const second = crmd(["migrate"], env);
      expect(await second.exited).toBe(0);
      const applied = JSON.parse(await new Response(second.stdout).text()).applied;
      expect(applied).toEqual(all.slice(ids.length));
      expect(await migrationsApplied(db)).toBe(true);
    } finally {
      await lock.release().catch(() => undefined);
      await db.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  test("stop finishes in-flight requests, refuses new ones, then closes the database", async () => {
    const server = await startTestServer();
    const { api } = await server.tenant(undefined, ["keys:manage"]);
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Hold the write lock so the next write request stays in flight.
    const blocker = server.ctx.db.transaction(async () => held);
    const inFlight = api.post("/api/external/api-keys", {
      name: "late",
      permissions: ["keys:manage"],
    });
    await Bun.sleep(50);
    const stopping = server.stop();
    await Bun.sleep(20);
    const refused = await fetch(`${server.url}/healthz`).then(
      (r) => r.status,
      () => "refused",
    );
    expect(refused).toBe("refused");
    release();
    await blocker;
    const reply = await inFlight;
    expect(reply.status).toBe(201);
    await stopping;
    await server.close();
  });
});

describeOnce("background work", () => {
  function fakeContext(failToStart = false) {
    const log: string[] = [];
    const ctx = {
      logger: { error: (message: string) => void log.push(message) },
      workers: [
        {
          name: "fake",
          start: () => {
            if (failToStart) throw new Error("no thread");
            log.push("worker started");
          },
          stop: async () => void log.push("worker stopped"),
        },
      ],
      scheduler: {
        start: () => void log.push("scheduler started"),
        stop: async () => void log.push("scheduler stopped"),
      },
      metrics: { load: async () => {} },
    } as unknown as AppContext;
    return { ctx, log };
  }

  test("starts just after the listener, not with it, and stops in reverse", async () => {
    const { ctx, log } = fakeContext();
    const workers = startWorkers(ctx);
    expect(log).toEqual([]);
    await Bun.sleep(400);
    expect(log).toEqual(["worker started", "scheduler started"]);
    await workers.stop();
    expect(log.slice(2)).toEqual(["scheduler stopped", "worker stopped"]);
  });

  test("a worker that fails to start is logged; stopping still works", async () => {
    const { ctx, log } = fakeContext(true);
    const workers = startWorkers(ctx);
    await Bun.sleep(400);
    expect(log).toEqual(["background work failed to start"]);
    await workers.stop();
    expect(log.slice(1)).toEqual(["scheduler stopped", "worker stopped"]);
  });

  test("a server stopped before then never starts it", async () => {
    const { ctx, log } = fakeContext();
    await startWorkers(ctx).stop();
    await Bun.sleep(400);
    expect(log).toEqual([]);
  });
});
