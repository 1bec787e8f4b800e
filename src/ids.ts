import { RECORD_VERSION } from "./record-version";

/** Time-ordered UUID v7 for every row id. */
export const newId = (): string => Bun.randomUUIDv7();

/** Event ids carry a prefix so consumers can tell them apart from row ids. */
export const newEventId = (): string => `evt_${Bun.randomUUIDv7("hex")}`;

/** ISO 8601 UTC with milliseconds and Z, or null. */
export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

export const sha256Hex = (value: string): string => Bun.SHA256.hash(value, "hex") as string;

/**
 * The timestamps every synced record shows last: created, updated, deleted
 * (tombstone); and, out of the JSON, the row's version, which makes the
 * answer's strong ETag (record-version.ts).
 */
export const lifecycleFields = (row: {
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  syncSeq?: number;
}) => ({
  created_at: row.createdAt.toISOString(),
  updated_at: row.updatedAt.toISOString(),
  deleted_at: iso(row.deletedAt),
  [RECORD_VERSION]: row.syncSeq,
});
