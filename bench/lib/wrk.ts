import { unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface LoadResult {
  requests_per_s: number;
  p50_ms: number;
  p99_ms: number;
  requests: number;
  errors: number;
}

export interface LoadOptions {
  url: string;
  seconds: number;
  connections: number;
  headers?: Record<string, string>;
  method?: string;
  /** Lua expression producing the request body (evaluated per request). */
  bodyLua?: string;
  /** Pin the load generator to this CPU so it does not share the server's core. */
  cpu?: number;
  scratchDir: string;
}

function toMs(value: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(value.trim());
  if (!match) return Number.NaN;
  const n = Number(match[1]);
  return { us: n / 1000, ms: n, s: n * 1000, m: n * 60_000 }[match[2] as "us" | "ms" | "s" | "m"];
}

/** Drives one URL with wrk (Debian's package) and parses its summary. */
export async function wrk(options: LoadOptions): Promise<LoadResult> {
  const script = join(options.scratchDir, `wrk-${Math.random().toString(36).slice(2)}.lua`);
  const headerLines = Object.entries(options.headers ?? {})
    .map(([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`)
    .join("\n");
  const lua = [
    `wrk.method = ${JSON.stringify(options.method ?? "GET")}`,
    headerLines,
    options.bodyLua
      ? `counter = 0\nrequest = function()\n  counter = counter + 1\n  return wrk.format(nil, nil, nil, ${options.bodyLua})\nend`
      : "",
  ].join("\n");
  writeFileSync(script, lua);
  const args = [
    "wrk",
    "--latency",
    "-t1",
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    "-s",
    script,
    options.url,
  ];
  const command =
    options.cpu !== undefined ? ["taskset", "-c", String(options.cpu), ...args] : args;
  const proc = Bun.spawn(command, { stdout: "pipe", stderr: "pipe" });
  const out = await new Response(proc.stdout).text();
  await proc.exited;
  unlinkSync(script);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0);
  const p50 = toMs(/\s50%\s+(\S+)/.exec(out)?.[1] ?? "");
  const p99 = toMs(/\s99%\s+(\S+)/.exec(out)?.[1] ?? "");
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(
    out,
  );
  const errors =
    non2xx + (socketErrors ? socketErrors.slice(1).reduce((a, b) => a + Number(b), 0) : 0);
  return { requests_per_s: Math.round(rps), p50_ms: p50, p99_ms: p99, requests, errors };
}

/** Installs wrk from Debian's packages when it is missing. */
export async function ensureWrk(): Promise<boolean> {
  if (Bun.which("wrk")) return true;
  process.stderr.write("bench: installing wrk (apt-get)…\n");
  const update = Bun.spawn(["apt-get", "update", "-qq"], { stdout: "ignore", stderr: "ignore" });
  await update.exited;
  const install = Bun.spawn(["apt-get", "install", "-y", "-qq", "wrk"], {
    stdout: "ignore",
    stderr: "ignore",
  });
  await install.exited;
  return Bun.which("wrk") !== null;
}
