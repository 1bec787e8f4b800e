import type { SQL } from "bun";
import type { Runner } from "./database";

/** Bun.SQL's pool size when none is given. */
const BUN_DEFAULT_MAX = 10;

/**
 * One connection pool's work now, as crmd counts it (Bun.SQL tells nothing
 * of its pool): statements sent on the pool and not yet answered, and open
 * transactions, each holding a connection, or waiting for one while the
 * pool's `max` are taken.
 */
export class PoolUse {
  inUse = 0;
  readonly max: number;

  constructor(pool: SQL) {
    // A stand-in for the client (tests) may carry no options.
    this.max = pool.options?.max ?? BUN_DEFAULT_MAX;
  }

  /** `work`, counted until it settles. */
  during<T>(work: Promise<T>): Promise<T> {
    this.inUse++;
    return work.finally(() => {
      this.inUse--;
    });
  }

  /** `runner` with each of its statements counted until answered. */
  counted(runner: Runner): Runner {
    return (sql, params, arrays) => this.during(runner(sql, params, arrays));
  }
}
