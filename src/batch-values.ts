import type { ReadDb, WriteTx } from "../db/client";
import { batchOf } from "../db/group-commit";

/**
 * `compute`'s value, computed once per group-commit batch (db/group-commit.ts).
 * A batch holds the write lock from its first write to its COMMIT, so what
 * it read stays true for all its writes, unless one of them changes it:
 * that write calls setInBatch. Outside a batch (a read handle), computed
 * every time.
 */
export async function perBatch<T>(
  handle: ReadDb | WriteTx,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  const values = batchOf(handle)?.values;
  if (values?.has(key)) return values.get(key) as T;
  const value = await compute();
  values?.set(key, value);
  return value;
}

/** Sets `key` for the writes after this one in its batch (perBatch returns it from then on). */
export function setInBatch(handle: ReadDb | WriteTx, key: string, value: unknown): void {
  batchOf(handle)?.values.set(key, value);
}

/** Drops `key` for the writes after this one in its batch: they compute it afresh. */
export function forgetInBatch(handle: ReadDb | WriteTx, key: string): void {
  batchOf(handle)?.values.delete(key);
}
