import type { SharedWindows } from "../client";
import { type Runner, runOn } from "./database";

/**
 * One upsert a request: the key's row moves to the newer window (count 1)
 * or counts one more in the current one. An instance whose clock lags
 * counts into the window the others have opened, never resets it.
 */
const HIT = `INSERT INTO rate_limit_windows AS w (key, window_start, count) VALUES ($1, $2, 1)
ON CONFLICT (key) DO UPDATE SET
  count = CASE WHEN excluded.window_start > w.window_start THEN 1 ELSE w.count + 1 END,
  window_start = greatest(w.window_start, excluded.window_start)
RETURNING count, window_start`;

/** Rate-limit windows in the primary's rate_limit_windows table, shared by every instance. */
export const sharedWindows = (primary: Runner): SharedWindows => ({
  async hit(key, windowStart) {
    const { rows } = await runOn(primary, HIT, [key, windowStart], "values", true);
    const [count, start] = (rows as number[][])[0];
    return { count, windowStart: start };
  },
});
