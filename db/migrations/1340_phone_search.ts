import { sql } from "drizzle-orm";
import type { WriteTx } from "../client";
import { INDEX_BATCH, missingPhoneWords, PHONE_COLUMNS } from "../search";
import type { MigrationStep } from ".";

/**
 * Migration 1340 (both dialects): the index entries of contacts, companies
 * and leads get their phone numbers' national forms (db/phone-words.ts),
 * which the indexer now adds to new entries; `append` writes them into the
 * dialect's index. Entries are read in doc_id order, a batch at a time,
 * with progress.
 */
export const indexPhoneWords =
  (append: (tx: WriteTx, words: Map<number, string>) => Promise<void>) =>
  async (tx: WriteTx, step: MigrationStep): Promise<void> => {
    const types = sql.join(
      Object.keys(PHONE_COLUMNS).map((type) => sql`${type}`),
      sql`, `,
    );
    const [{ n }] = await tx.all<{ n: number }>(
      sql`select count(*) as n from search_docs where entity_type in (${types})`,
    );
    const total = Number(n);
    let done = 0;
    let after = 0;
    for (;;) {
      const page = await tx.all<{ doc_id: number }>(
        sql`select doc_id from search_docs where entity_type in (${types}) and doc_id > ${after}
          order by doc_id limit ${INDEX_BATCH}`,
      );
      if (page.length === 0) break;
      const ids = page.map((row) => Number(row.doc_id));
      await append(tx, await missingPhoneWords(tx, ids));
      after = ids[ids.length - 1];
      done += ids.length;
      step.progress(done, total);
    }
  };
