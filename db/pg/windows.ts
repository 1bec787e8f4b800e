import type { SharedWindows } from "../client";
import { type Runner, runOn } from "./database";

/**
 * One upsert for `$3` requests of a key: its row moves to the newer window
 * (counting them from 1) or counts them on in the current one. An instance
 * whose clock lags counts into the window the others have opened, never
 * resets it.
 */
const HITS = `INSERT INTO rate_limit_windows AS w (key, window_start, count) VALUES ($1, $2, $3)
ON CONFLICT (key) DO UPDATE SET
  count = CASE WHEN excluded.window_start > w.window_start THEN excluded.count ELSE w.count + excluded.count END,
  window_start = greatest(w.window_start, excluded.window_start)
RETURNING count, window_start`;

type Counted = { count: number; windowStart: number };

interface Waiting {
  key: string;
  windowStart: number;
  callers: Array<{ resolve: (hit: Counted) => void; reject: (error: unknown) => void }>;
}

/**
 * Rate-limit windows in the primary's rate_limit_windows table, shared by
 * every instance. A key's requests that arrive while its upsert is on the
 * way are counted together by the next one: a busy key costs one upsert
 * per round trip, not one per request queueing on the row's lock. Each
 * request still gets its own place in the window's count.
 */
export function sharedWindows(primary: Runner): SharedWindows {
  const waiting = new Map<string, Waiting>();
  const sending = new Set<string>();

  async function send(group: string) {
    sending.add(group);
    try {
      for (let next = waiting.get(group); next; next = waiting.get(group)) {
        waiting.delete(group);
        await count(next);
      }
    } finally {
      sending.delete(group);
    }
  }

  async function count({ key, windowStart, callers }: Waiting) {
    try {
      const params = [key, windowStart, callers.length];
      const { rows } = await runOn(primary, HITS, params, "values", true);
      const [total, start] = (rows as number[][])[0];
      let place = total - callers.length;
      for (const caller of callers) caller.resolve({ count: ++place, windowStart: start });
    } catch (error) {
      for (const caller of callers) caller.reject(error);
    }
  }

  return {
    hit(key, windowStart) {
      return new Promise<Counted>((resolve, reject) => {
        const group = `${windowStart}:${key}`;
        let next = waiting.get(group);
        if (!next) {
          next = { key, windowStart, callers: [] };
          waiting.set(group, next);
        }
        next.callers.push({ resolve, reject });
        if (!sending.has(group)) void send(group);
      });
    },
  };
}
