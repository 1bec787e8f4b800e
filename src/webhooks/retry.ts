/** Longest Retry-After crmd honours; a receiver cannot park a delivery for longer. */
const MAX_RETRY_AFTER_S = 86_400;

/**
 * Seconds to wait from a `Retry-After` header (delta-seconds or HTTP date),
 * or null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed), MAX_RETRY_AFTER_S);
  // An HTTP date starts with its day name; Date.parse would also read "1.5" or "-1" as dates.
  if (!/^[a-z]{3}/i.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(0, Math.ceil((at - now.getTime()) / 1000)), MAX_RETRY_AFTER_S);
}

/**
 * Delay before the next attempt after failed attempt number `failures`
 * (1-based) of the current schedule, or null when the schedule is spent.
 * Jitter of ±10% spreads the retries of a burst that failed together.
 */
export function retryDelayMs(
  schedule: readonly number[],
  failures: number,
  random: () => number = Math.random,
): number | null {
  const seconds = schedule[failures - 1];
  if (seconds === undefined) return null;
  return Math.round(seconds * 1000 * (0.9 + 0.2 * random()));
}
