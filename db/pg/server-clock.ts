/** How old a reading of the server's time may get before a clock reads it again. */
const READING_MAX_AGE_MS = 1000;

/**
 * The PostgreSQL server's clock, as every instance on PostgreSQL tells the
 * time. Instances on several hosts stamp their writes with it, so change
 * times follow commit order across hosts whatever their own clocks say: a
 * write batch reads the server's time with the writer lock it takes (one
 * statement, no extra round trip), and a write stamped after that reading
 * commits after every write committed before it, each stamped at most the
 * server's time of its own commit. Between readings the time runs on the
 * host's monotonic clock (not its wall clock, which may be stepped); a
 * reading older than a second (an instance that only reads) is refreshed in
 * the background, so the drift of two oscillators never adds up.
 */
export class ServerClock {
  private serverMs = Number.NEGATIVE_INFINITY;
  private readAt = Number.NEGATIVE_INFINITY;
  private refreshing: Promise<void> | null = null;

  /** `readServerMs` reads the server's time (epoch milliseconds) outside any write. */
  constructor(private readonly readServerMs: () => Promise<number>) {}

  now(): Date {
    const elapsed = performance.now() - this.readAt;
    if (elapsed > READING_MAX_AGE_MS) this.refresh();
    // Until the first reading arrives: the host's clock.
    return new Date(Number.isFinite(elapsed) ? this.serverMs + elapsed : Date.now());
  }

  /**
   * Takes a reading of the server's time (epoch milliseconds) that has just
   * arrived: it is at most the server's time now, by the trip back. A
   * reading taken on the server before the one in use (a background
   * reading overtaken by a write batch's) is dropped: it would put the
   * clock before writes the newer one was taken after.
   */
  observe(serverMs: number): void {
    if (serverMs < this.serverMs) return;
    this.serverMs = serverMs;
    this.readAt = performance.now();
  }

  private refresh(): void {
    this.refreshing ??= this.readServerMs()
      .then(
        (serverMs) => this.observe(serverMs),
        // The database is away: the last reading runs on; the next now() tries again.
        () => {},
      )
      .finally(() => {
        this.refreshing = null;
      });
  }
}

/** The server's time (epoch ms) as one float column, `now_ms`. */
export const SERVER_NOW_MS = "(extract(epoch from clock_timestamp()) * 1000)::float8 AS now_ms";
