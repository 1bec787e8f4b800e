export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Unix seconds at which the window resets. */
  reset: number;
  retryAfter: number;
}

/**
 * Per-key request budget. In memory behind this interface so a shared store
 * (database or Redis) can replace it when several instances serve one tenant.
 */
export interface RateLimiter {
  consume(key: string, limit: number, nowMs: number): RateLimitDecision;
}

/** Fixed one-minute windows, as seed 001's "100 requests per minute". */
export class FixedWindowRateLimiter implements RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();
  constructor(private readonly windowMs = 60_000) {}

  consume(key: string, limit: number, nowMs: number): RateLimitDecision {
    const start = nowMs - (nowMs % this.windowMs);
    let window = this.windows.get(key);
    if (!window || window.start !== start) {
      if (this.windows.size > 100_000) this.prune(start);
      window = { start, count: 0 };
      this.windows.set(key, window);
    }
    const end = start + this.windowMs;
    const allowed = window.count < limit;
    if (allowed) window.count++;
    return {
      allowed,
      limit,
      remaining: Math.max(0, limit - window.count),
      reset: Math.ceil(end / 1000),
      retryAfter: Math.max(1, Math.ceil((end - nowMs) / 1000)),
    };
  }

  private prune(currentStart: number) {
    for (const [key, w] of this.windows) if (w.start !== currentStart) this.windows.delete(key);
  }
}
