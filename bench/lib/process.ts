import { readFileSync } from "node:fs";

/** Resident set size of a process in MB (Linux /proc). */
export function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 102.4) / 10;
  } catch {
    return 0;
  }
}

/** Samples a process's RSS until stopped; returns the peak. */
export function sampleRss(pid: number, everyMs = 100) {
  let peak = rssMb(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, rssMb(pid));
    },
  };
}

export async function waitForOk(url: string, timeoutMs = 10_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    try {
      if ((await fetch(url)).ok) return performance.now() - started;
    } catch {}
    await Bun.sleep(2);
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms`);
}

/**
 * A TCP port free on 127.0.0.1 right now, chosen by the kernel: parallel
 * bench runs (other worktrees, CI) do not collide on fixed ports.
 */
export function freePort(): number {
  const probe = Bun.listen({
    hostname: "127.0.0.1",
    port: 0,
    socket: { data() {} },
  });
  const { port } = probe;
  probe.stop(true);
  return port;
}

/** Waits until each of the scheduler's `names` jobs has run once (GET /scheduler, admin token). */
export async function waitForSchedulerRuns(baseUrl: string, adminToken: string, names: string[]) {
  for (;;) {
    const reply = await fetch(`${baseUrl}/api/external/scheduler`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    const { jobs } = (await reply.json()) as {
      jobs: Array<{ name: string; last_run_at: string | null; running: boolean }>;
    };
    const done = (name: string) =>
      jobs.some((j) => j.name === name && j.last_run_at !== null && !j.running);
    if (names.every(done)) return;
    await Bun.sleep(500);
  }
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc, 100 ticks a second). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Starts `binary serve` on `port` over `databaseUrl`, pinned to core 0 so
 * the load generator has the other, and waits until it is ready and its
 * scheduler jobs have run once (their first ticks stay out of the rounds).
 */
export async function startPinnedCrmd(binary: string, port: number, databaseUrl: string) {
  const admin = `ab-${crypto.randomUUID()}`;
  const proc = Bun.spawn(["taskset", "-c", "0", binary, "serve", "--port", String(port)], {
    env: {
      ...process.env,
      CRMD_DATABASE_URL: databaseUrl,
      CRMD_DEMO: "0",
      CRMD_LOG_LEVEL: "warn",
      CRMD_ADMIN_TOKEN: admin,
      CRMD_CRON_SLA: "*/10 * * * * *",
      CRMD_CRON_TASK_OVERDUE: "*/10 * * * * *",
    },
    stdout: "ignore",
    stderr: "inherit",
  });
  await waitForOk(`http://127.0.0.1:${port}/readyz`, 30_000);
  await waitForSchedulerRuns(`http://127.0.0.1:${port}`, admin, ["sla", "task_overdue"]);
  return proc;
}
