import { join } from "node:path";
import { type Subprocess, spawn } from "bun";

const root = join(import.meta.dir, "../..");

export interface CrmdProcess {
  child: Subprocess<"ignore", "pipe", "inherit">;
  url: string;
}

/**
 * Starts crmd as a real process (`bun src/main.ts serve`) on an ephemeral
 * port with `env` on top of the caller's environment; resolves with its
 * base URL once it logs that it listens.
 */
export async function startCrmdProcess(env: Record<string, string>): Promise<CrmdProcess> {
  const child = spawn([join(root, "node_modules/.bin/bun"), "src/main.ts", "serve"], {
    cwd: root,
    env: {
      ...process.env,
      CRMD_HOST: "127.0.0.1",
      CRMD_PORT: "0",
      CRMD_DEMO: "0",
      CRMD_LOG_LEVEL: "info",
      ...env,
    },
    stdout: "pipe",
    stderr: "inherit",
  });
  const reader = child.stdout.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error("crmd exited before listening");
    buffered += decoder.decode(value);
    const line = buffered.split("\n").find((l) => l.includes('"msg":"listening"'));
    if (line) {
      // Keep draining its output so the pipe never fills.
      (async () => {
        while (!(await reader.read()).done);
      })().catch(() => {});
      return { child, url: JSON.parse(line).url };
    }
  }
}

/** What a crmd command printed, and its exit code. */
export interface CrmdRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one crmd command (`bun src/main.ts <args>`) to its end, `env` on top of the caller's. */
export async function runCrmd(args: string[], env: Record<string, string> = {}): Promise<CrmdRun> {
  const child = spawn([join(root, "node_modules/.bin/bun"), "src/main.ts", ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdout: "pipe",
    stderr: "pipe",
  });
  const [stdout, stderr, code] = await Promise.all([
    new Response(child.stdout).text(),
    new Response(child.stderr).text(),
    child.exited,
  ]);
  return { code, stdout, stderr };
}
