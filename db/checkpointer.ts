/**
 * WAL checkpoints off the request path. SQLite's automatic checkpoint runs
 * inside whichever COMMIT takes the WAL past its threshold, on the writer's
 * thread, and waits for two fsyncs: measured at 60 % of a deal write's
 * database time (508 → 208 µs a deal, 25 deals a commit). The writer keeps an
 * automatic checkpoint only as a far safety net; this class has a worker
 * thread, with its own connection, run a PASSIVE checkpoint shortly after
 * writes: one at a time, at most one every `intervalMs`. Should the thread
 * fail, `onFailure` hands checkpoints back to the writer.
 */
export class Checkpointer {
  private worker: Worker | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  /** Commits since the running checkpoint started: another one is due when it ends. */
  private dirty = false;
  private idle: (() => void) | null = null;
  private failed = false;

  constructor(
    private readonly path: string,
    private readonly onFailure: () => void,
    private readonly intervalMs = 100,
  ) {}

  /** After a commit: a checkpoint runs within `intervalMs` (the thread starts on the first). */
  noteCommit(): void {
    if (this.failed) return;
    if (this.running) {
      this.dirty = true;
      return;
    }
    if (this.timer) return;
    this.timer = setTimeout(() => this.start(), this.intervalMs);
    this.timer.unref();
  }

  private start() {
    this.timer = null;
    this.running = true;
    this.dirty = false;
    this.thread().postMessage({ checkpoint: true });
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./worker.ts", import.meta.url).href);
    worker.postMessage({ path: this.path, role: "checkpoint" });
    worker.onmessage = (event: MessageEvent<{ done?: true; closed?: true }>) => {
      if (!event.data.done) return;
      this.running = false;
      if (this.idle) this.idle();
      else if (this.dirty) this.noteCommit();
    };
    worker.onerror = () => this.fail(worker);
    // The thread must not keep the process alive on its own.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private fail(worker: Worker) {
    if (this.failed) return;
    this.failed = true;
    this.running = false;
    this.worker = null;
    worker.terminate();
    this.onFailure();
    this.idle?.();
  }

  /** Stops scheduling, lets a running checkpoint finish, then closes the thread's connection. */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const worker = this.worker;
    if (!worker) return;
    // Until it ends, the close keeps the process alive: awaited alone on an
    // unref'd thread, the process would end (exit code 0) before its caller.
    worker.ref();
    if (this.running) await new Promise<void>((resolve) => (this.idle = resolve));
    // From here on the writer is closing: a late error must not hand checkpoints back to it.
    this.failed = true;
    worker.onerror = null;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1000);
      worker.onmessage = (event: MessageEvent<{ closed?: true }>) => {
        if (!event.data.closed) return;
        clearTimeout(timer);
        resolve();
      };
      worker.postMessage({ close: true });
    });
    worker.terminate();
  }
}
