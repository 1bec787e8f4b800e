import { Database as BunSqlite } from "bun:sqlite";

/** A rate, and the CPU time per operation (µs): what the rate would be on a core of its own. */
export interface Rate {
  per_s: number;
  cpu_us: number;
}

/**
 * Raw single-row autocommit inserts through bun:sqlite on `dbPath` (WAL,
 * synchronous=NORMAL): the reference of the POST cases, per second and in
 * CPU time per insert.
 */
export function rawInserts(dbPath: string, seconds: number): Rate {
  const db = new BunSqlite(dbPath);
  db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000");
  db.exec(
    "CREATE TABLE IF NOT EXISTS bench_raw_inserts (id TEXT PRIMARY KEY, tenant_id TEXT, title TEXT, value INTEGER, created_at INTEGER)",
  );
  const insert = db.prepare("INSERT INTO bench_raw_inserts VALUES (?, ?, ?, ?, ?)");
  const cpu = process.cpuUsage();
  const until = performance.now() + seconds * 1000;
  let n = 0;
  for (; performance.now() < until; n++)
    insert.run(crypto.randomUUID(), "raw", `deal ${n}`, n, Date.now());
  const used = process.cpuUsage(cpu);
  db.exec("DROP TABLE bench_raw_inserts");
  db.close();
  return { per_s: Math.round(n / seconds), cpu_us: (used.user + used.system) / n };
}

/** Raw inserts per second (see rawInserts). */
export const rawInsertRate = (dbPath: string, seconds: number): number =>
  rawInserts(dbPath, seconds).per_s;

/** A custom field of the create case: its key and type (bench/lib/custom-fields.ts). */
export interface RawField {
  key: string;
  type: "text" | "number";
}

/**
 * The like-for-like reference of `POST /deals` with custom fields: what such
 * a create stores for the client, written with prepared bun:sqlite
 * statements on `dbPath`, one transaction per create (BEGIN IMMEDIATE …
 * COMMIT), no HTTP, with crmd's write-connection pragmas (WAL,
 * synchronous=NORMAL, statement journals in memory, 16 MiB of cache). Per
 * create: the deal row of `tenantId` in `deals` (its indexes and triggers:
 * the tenant's open value, the search queue), in the tenant's default sales
 * pipeline's first open stage, `custom_fields` as JSON; and one row per
 * field in the value index `custom_field_values` (one multi-row INSERT), as
 * crmd writes them (texts in lower case in `value_text`, numbers in
 * `value_num`). Not written: the activity-log row, the outbox event and
 * the sync counter's update (the deal's `sync_seq` is counted in memory);
 * nothing is validated. The values are those of the wrk body
 * (createBodyLua). crmd's search indexer picks up the deals it queued;
 * those it has not indexed when the round ends are dropped from the queue,
 * so crmd's next round does not pay for them. Per second and in CPU time per
 * create.
 */
export function rawCustomFieldCreates(
  dbPath: string,
  tenantId: string,
  fields: RawField[],
  seconds: number,
): Rate {
  const db = new BunSqlite(dbPath, { strict: true });
  db.exec(
    "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -16384",
  );
  const placement = db
    .query(
      `SELECT p.id AS pipeline, s.id AS stage FROM pipelines p JOIN stages s ON s.pipeline_id = p.id
       WHERE p.tenant_id = ? AND p.pipeline_type = 'sales' AND p.is_default = 1 AND p.deleted_at IS NULL
         AND s.kind = 'open'
       ORDER BY p.created_at, p.id, s.position LIMIT 1`,
    )
    .get(tenantId) as { pipeline: string; stage: string };
  const firstDoc = (
    db.query("SELECT coalesce(max(doc_id), 0) AS n FROM search_docs").get() as {
      n: number;
    }
  ).n;
  let seq = (db.query("SELECT coalesce(max(sync_seq), 0) AS n FROM deals").get() as { n: number })
    .n;
  const insertDeal = db.prepare(
    `INSERT INTO deals (id, tenant_id, title, value, currency, status, pipeline_id, stage_id,
       stage_entered_at, tags, custom_fields, contact_ids, created_at, updated_at, sync_seq)
     VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, '[]', ?, '[]', ?, ?, ?)`,
  );
  const insertValues = db.prepare(
    `INSERT INTO custom_field_values (tenant_id, object_type, field_key, value_text, value_num, record_id)
     VALUES ${fields.map(() => "(?, 'deals', ?, ?, ?, ?)").join(", ")}`,
  );
  const created: string[] = [];
  const create = db.transaction((counter: number) => {
    const id = Bun.randomUUIDv7();
    created.push(id);
    const now = Date.now();
    const values: Record<string, string | number> = {};
    const rows: Array<string | number> = [];
    for (const field of fields) {
      const value = field.type === "number" ? counter % 1000 : `value ${counter}`;
      values[field.key] = value;
      if (typeof value === "number") rows.push(tenantId, field.key, "", value, id);
      else rows.push(tenantId, field.key, value.toLowerCase(), 0, id);
    }
    insertDeal.run(
      id,
      tenantId,
      `cf deal ${counter}`,
      100,
      "EUR",
      placement.pipeline,
      placement.stage,
      now,
      JSON.stringify(values),
      now,
      now,
      ++seq,
    );
    insertValues.run(...rows);
  });
  const cpu = process.cpuUsage();
  const until = performance.now() + seconds * 1000;
  let n = 0;
  for (; performance.now() < until; n++) create.immediate(n);
  const used = process.cpuUsage(cpu);
  db.prepare(
    `DELETE FROM search_pending WHERE doc_id IN (SELECT doc_id FROM search_docs
       WHERE doc_id > ? AND entity_type = 'deals' AND entity_id IN (SELECT value FROM json_each(?)))`,
  ).run(firstDoc, JSON.stringify(created));
  db.close();
  return { per_s: Math.round(n / seconds), cpu_us: (used.user + used.system) / n };
}
