import type { SQL } from "bun";
import { RunAgainCarefully, type WriteTracker } from "../group-commit";
import { type Runner, runnerOf } from "./database";

/**
 * A statement whose answer a write never needs, beyond "it worked": a
 * savepoint statement, or a plain INSERT … VALUES (no ON CONFLICT, no
 * RETURNING), which stores exactly its rows or fails.
 */
const SAVEPOINT_WORK = /^(savepoint|release|rollback to)\s/i;
const PLAIN_INSERT = /^insert\s+into\s+[^(]+\([^)]*\)\s+values\s*\(/i;
const ANSWER_MATTERS = /\s(on\s+conflict|returning)\s/i;

/** A statement that only reads: a SELECT (a WITH may hold a write, so it counts as one). */
const PLAIN_READ = /^\s*select\s/i;

/** How many rows a plain INSERT … VALUES stores: its value tuples. */
const insertedRows = (sql: string): number => sql.split("), (").length;

/**
 * Tables whose plain inserts a batch gathers into one multi-row INSERT a
 * table: what a create writes besides its record (the activity log, the
 * outbox) and the deal itself. None has a foreign key, and no trigger on
 * them reads another of them (the deals' triggers queue search entries and
 * add to the open value), so their rows may reach PostgreSQL table by table
 * instead of write by write: each table's rows keep their order (the
 * outbox's seq, the search queue's doc_id), and every statement of another
 * kind (a read, a savepoint, an insert elsewhere, COMMIT) first sends what
 * was gathered, so it sees them as before.
 */
const GATHERED =
  /^insert into "(activity_log|outbox_events|deals)" \([^)]*\) values (\((?:\$\d+|default)(?:, (?:\$\d+|default))*\))$/;

/** What a statement's text makes it to a pipelined batch, worked out once per text. */
interface Kind {
  /** A plain read (PLAIN_READ). */
  read: boolean;
  savepoint: boolean;
  /** A plain insert whose answer does not matter: sent without waiting. */
  plainInsert: boolean;
  /** Of a table whose rows are gathered: the table and the row's tuple. */
  gather: { table: string; tuple: string } | null;
  /** Rows a plain insert stores. */
  rows: number;
}

const kinds = new Map<string, Kind>();
/** Texts remembered at most (translate.ts keeps as many translations). */
const KINDS_LIMIT = 2000;

/**
 * The statement's kind: four regular expressions and a split of its text,
 * run for every statement of a batch, cost more than a lookup by its text,
 * which the translation (translate.ts) hands over as the same string each time.
 */
function kindOf(sql: string): Kind {
  let kind = kinds.get(sql);
  if (kind) return kind;
  const savepoint = SAVEPOINT_WORK.test(sql);
  const plainInsert = !savepoint && PLAIN_INSERT.test(sql) && !ANSWER_MATTERS.test(sql);
  const gathered = plainInsert ? GATHERED.exec(sql) : null;
  kind = {
    read: PLAIN_READ.test(sql),
    savepoint,
    plainInsert,
    gather: gathered ? { table: gathered[1], tuple: gathered[2] } : null,
    rows: plainInsert ? insertedRows(sql) : 0,
  };
  if (kinds.size >= KINDS_LIMIT) kinds.clear();
  kinds.set(sql, kind);
  return kind;
}

/** Most parameters one gathered INSERT binds (PostgreSQL takes at most 65,535). */
const MAX_GATHERED_PARAMS = 20_000;

/** Rows gathered for one multi-row INSERT: its statement up to VALUES, each row's tuple and parameters. */
interface Gathered {
  sql: string;
  head: string;
  tuple: string;
  rows: unknown[][];
  params: number;
}

/** `tuple`'s placeholders moved up by `offset`: row n of a multi-row INSERT. */
const shifted = (tuple: string, offset: number): string =>
  offset === 0 ? tuple : tuple.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);

/**
 * Each gathered tuple's rows as numbered so far, row n at index n: a
 * batch's inserts take the same few shapes, and renumbering a row's
 * placeholders anew cost ~6 % of a POST's CPU time on its own.
 */
const rowsByTuple = new Map<string, string[]>();
/** Shapes remembered at most: a handful are in use (a table's column sets). */
const TUPLE_SHAPES_LIMIT = 64;

/** The VALUES list of `count` rows of `tuple`, each binding `width` parameters. */
function valuesList(tuple: string, width: number, count: number): string {
  let numbered = rowsByTuple.get(tuple);
  if (!numbered) {
    if (rowsByTuple.size >= TUPLE_SHAPES_LIMIT) rowsByTuple.clear();
    numbered = [];
    rowsByTuple.set(tuple, numbered);
  }
  for (let n = numbered.length; n < count; n++) numbered.push(shifted(tuple, n * width));
  return count === numbered.length ? numbered.join(", ") : numbered.slice(0, count).join(", ");
}

/**
 * The write connection of one optimistic group-commit batch on PostgreSQL:
 * statements whose answer does not matter are sent without waiting for it
 * (Bun.SQL pipelines them on the connection), so a batch of POSTs costs a
 * few round trips instead of five or more per write. The connection answers
 * in order, so a later read sees them. Should one fail, the transaction is
 * aborted: `settle` throws RunAgainCarefully before COMMIT and the batch
 * runs again with every statement waited for (db/group-commit.ts), where the
 * failing write meets its own error.
 */
export class PipelinedWrites implements WriteTracker {
  readonly runner: Runner;
  private pending: Promise<unknown>[] = [];
  private failure: { error: unknown } | null = null;
  /** The current group-commit job sent a write, or a statement of it failed. */
  private wrote = false;
  /** Inserts gathered and not yet sent, by table, in the order each was first met. */
  private gathered = new Map<string, Gathered>();

  constructor(private readonly conn: SQL) {
    const run = runnerOf(conn);
    const tracked: Runner = (sql, params, arrays) => {
      if (!kindOf(sql).read) this.wrote = true;
      this.flush();
      return run(sql, params, arrays).catch((error: unknown) => {
        this.wrote = true;
        throw error;
      });
    };
    this.runner = Object.assign(tracked, { send: this.send });
  }

  startJob(): void {
    this.wrote = false;
  }

  jobWrote(): boolean {
    return this.wrote;
  }

  /** Sends `sql` without waiting; undefined when its answer is needed (run it normally). */
  private readonly send = (
    sql: string,
    params: unknown[],
  ): { rowsAffected: number } | undefined => {
    const { savepoint, plainInsert, gather, rows } = kindOf(sql);
    if (!savepoint && !plainInsert) {
      this.flush();
      return undefined;
    }
    this.wrote = true;
    if (gather) this.gather(sql, gather.table, gather.tuple, params);
    else {
      this.flush();
      this.sendNow(sql, params);
    }
    return { rowsAffected: rows };
  };

  private gather(sql: string, table: string, tuple: string, params: unknown[]) {
    let rows = this.gathered.get(table);
    // Another column list for the table (or too many parameters): what came first goes first.
    if (rows && (rows.sql !== sql || rows.params + params.length > MAX_GATHERED_PARAMS)) {
      this.flush();
      rows = undefined;
    }
    if (!rows) {
      rows = { sql, head: sql.slice(0, sql.length - tuple.length), tuple, rows: [], params: 0 };
      this.gathered.set(table, rows);
    }
    rows.rows.push(params);
    rows.params += params.length;
  }

  /** Sends the gathered inserts: one INSERT a table, its rows in the order they came. */
  private flush() {
    if (this.gathered.size === 0) return;
    for (const { head, tuple, rows } of this.gathered.values()) {
      // Rows of one statement text bind as many parameters each.
      this.sendNow(head + valuesList(tuple, rows[0].length, rows.length), rows.flat());
    }
    this.gathered.clear();
  }

  private sendNow(sql: string, params: unknown[]) {
    const answer = this.conn.unsafe(sql, params).then(
      () => {},
      (error: unknown) => {
        this.failure ??= { error };
      },
    );
    this.pending.push(answer);
  }

  /** Waits for every statement sent; throws RunAgainCarefully when one failed. */
  async settle(): Promise<void> {
    this.flush();
    await Promise.all(this.pending);
    this.pending = [];
    if (this.failure) throw new RunAgainCarefully(this.failure.error);
  }
}
