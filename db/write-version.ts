/**
 * Caches of rows read on the write path (custom field definitions) stay
 * valid while only this process's write transactions change the database:
 * those transactions keep them current themselves. What they key on, per
 * write handle, is a number that moves whenever something else may have
 * written: another process's commit (SQLite's data_version, read on the
 * write connection, ignores that connection's own commits) or a raw
 * statement on it (`execute`, `bulkWrite`). Handles whose writes can come
 * from other instances (PostgreSQL, remote libSQL) register nothing: no
 * such cache there.
 */
const versions = new WeakMap<object, () => number>();

export function registerOutsideWriteVersion(tx: object, version: () => number): void {
  versions.set(tx, version);
}

/** The handle's outside-write version, or null where the handle cannot tell. */
export const outsideWriteVersion = (tx: object): number | null => versions.get(tx)?.() ?? null;

/** A counter that moves on the write connection's data_version and on each `bump()`. */
export function outsideWriteCounter(dataVersion: () => number) {
  let seen = dataVersion();
  let version = 0;
  return {
    bump() {
      version++;
    },
    read(): number {
      const now = dataVersion();
      if (now !== seen) {
        seen = now;
        version++;
      }
      return version;
    },
  };
}
