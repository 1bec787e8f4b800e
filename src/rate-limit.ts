import type { SharedWindows } from "../db/client";

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Unix seconds at which the window resets. */
  reset: number;
  retryAfter: number;
}

/**
 * Per-key request budget: in memory for one process, in the database
 * (SharedWindowRateLimiter) when several instances serve one database.
 */
export interface RateLimiter {
  consume(
    key: string,
    limit: number,
    nowMs: number,
  ): RateLimitDecision | Promise<RateLimitDecision>;
}

const WINDOW_MS = 60_000;

function decide(limit: number, count: number, start: number, nowMs: number, windowMs: number) {
  const end = start + windowMs;
  return {
    allowed: count <= limit,
    limit,
    remaining: Math.max(0, limit - count),
    reset: Math.ceil(end / 1000),
    retryAfter: Math.max(1, Math.ceil((end - nowMs) / 1000)),
  };
}

/** Fixed one-minute windows counted in the database: 100/min is 100 in all, whatever instance answers. */
export class SharedWindowRateLimiter implements RateLimiter {
  constructor(
    private readonly windows: SharedWindows,
    private readonly windowMs = WINDOW_MS,
  ) {}

  async consume(key: string, limit: number, nowMs: number): Promise<RateLimitDecision> {
    const start = nowMs - (nowMs % this.windowMs);
    const hit = await this.windows.hit(key, start);
    return decide(limit, hit.count, hit.windowStart, nowMs, this.windowMs);
  }
}

/** Fixed one-minute windows, as seed 001's "100 requests per minute". */
export class FixedWindowRateLimiter implements RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();
  constructor(private readonly windowMs = WINDOW_MS) {}

  consume(key: string, limit: number, nowMs: number): RateLimitDecision {
    const start = nowMs - (nowMs % this.windowMs);
    let window = this.windows.get(key);
    if (!window || window.start !== start) {
      if (this.windows.size > 100_000) this.prune(start);
      window = { start, count: 0 };
      this.windows.set(key, window);
    }
    // Refused requests are not counted: the count stops at the limit.
    if (window.count < limit) window.count++;
    else return decide(limit, limit + 1, start, nowMs, this.windowMs);
    return decide(limit, window.count, start, nowMs, this.windowMs);
  }

  private prune(currentStart: number) {
    for (const [key, w] of this.windows) if (w.start !== currentStart) this.windows.delete(key);
  }
}
