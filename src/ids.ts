/** Time-ordered UUID v7 for every row id. */
export const newId = (): string => Bun.randomUUIDv7();

/** Event ids carry a prefix so consumers can tell them apart from row ids. */
export const newEventId = (): string => `evt_${Bun.randomUUIDv7("hex")}`;

let lastTime = Number.NaN;
let lastIso = "";

/**
 * `date.toISOString()`, kept for the last time value asked: a write stamps
 * one time on several fields (created, updated, entered its stage) and on
 * its event, and each view shows them all.
 */
export function isoTime(date: Date): string {
  const time = date.getTime();
  if (time !== lastTime) {
    lastIso = date.toISOString();
    lastTime = time;
  }
  return lastIso;
}

/** ISO 8601 UTC with milliseconds and Z, or null. */
export const iso = (d: Date | null | undefined): string | null => (d ? isoTime(d) : null);

export const sha256Hex = (value: string): string => Bun.SHA256.hash(value, "hex") as string;

/**
 * The timestamps every synced record shows last: created, updated, deleted
 * (tombstone). The row's version, which makes the answer's strong ETag, is
 * put on the finished view (`versioned`, record-version.ts).
 */
export const lifecycleFields = (row: {
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}) => ({
  created_at: isoTime(row.createdAt),
  updated_at: isoTime(row.updatedAt),
  deleted_at: iso(row.deletedAt),
});
