import { Database } from "bun:sqlite";

/**
 * A small libSQL server for tests: Hrana 2 over HTTP (JSON pipeline), the
 * protocol @libsql/client speaks to `http://` URLs, answered by bun:sqlite on
 * one database file. Each stream (a baton) is its own connection, as in
 * sqld, so a transaction stays open across requests. No real libSQL server
 * runs on this machine; this lets the remote path run end to end.
 */

type HranaValue =
  | { type: "null" }
  | { type: "integer"; value: string }
  | { type: "float"; value: number }
  | { type: "text"; value: string }
  | { type: "blob"; base64: string };

interface HranaStmt {
  sql?: string;
  sql_id?: number;
  args?: HranaValue[];
  named_args?: Array<{ name: string; value: HranaValue }>;
  want_rows?: boolean;
}

type Cond =
  | { type: "ok"; step: number }
  | { type: "error"; step: number }
  | { type: "not"; cond: Cond }
  | { type: "and"; conds: Cond[] }
  | { type: "or"; conds: Cond[] };

interface Stream {
  conn: Database;
  sqls: Map<number, string>;
}

const fromHrana = (value: HranaValue): unknown => {
  switch (value.type) {
    case "null":
      return null;
    case "integer":
      return Number(value.value);
    case "float":
    case "text":
      return value.value;
    case "blob":
      return Buffer.from(value.base64, "base64");
  }
};

const toHrana = (value: unknown): HranaValue => {
  if (value === null || value === undefined) return { type: "null" };
  if (typeof value === "number")
    return Number.isInteger(value)
      ? { type: "integer", value: String(value) }
      : { type: "float", value };
  if (typeof value === "bigint") return { type: "integer", value: String(value) };
  if (typeof value === "string") return { type: "text", value };
  return { type: "blob", base64: Buffer.from(value as Uint8Array).toString("base64") };
};

function execute(stream: Stream, stmt: HranaStmt) {
  const text = stmt.sql ?? stream.sqls.get(stmt.sql_id ?? -1);
  if (text === undefined) throw new Error(`unknown sql_id ${stmt.sql_id}`);
  // sqld's read-only transaction (the client's transaction("read")): to SQLite, a deferred one.
  const sql = /^BEGIN TRANSACTION READONLY$/i.test(text.trim()) ? "BEGIN" : text;
  const prepared = stream.conn.prepare(sql);
  const args: unknown[] | Record<string, unknown> = stmt.named_args?.length
    ? Object.fromEntries(stmt.named_args.map((a) => [a.name, fromHrana(a.value)]))
    : (stmt.args ?? []).map(fromHrana);
  const rows = (
    Array.isArray(args) ? prepared.values(...(args as never[])) : prepared.values(args as never)
  ) as unknown[][];
  const names = prepared.columnNames;
  const types = prepared.declaredTypes;
  prepared.finalize();
  const info = stream.conn.query("SELECT changes() AS n, last_insert_rowid() AS id").get() as {
    n: number;
    id: number;
  };
  return {
    cols: names.map((name, i) => ({ name, decltype: types[i] ?? null })),
    rows: stmt.want_rows === false ? [] : rows.map((row) => row.map(toHrana)),
    affected_row_count: info.n,
    last_insert_rowid: String(info.id),
  };
}

const sqliteError = (error: unknown) => ({
  message: (error as Error).message,
  code: (error as { code?: string }).code ?? "SQLITE_ERROR",
});

function runBatch(stream: Stream, steps: Array<{ condition?: Cond; stmt: HranaStmt }>) {
  const results: unknown[] = [];
  const errors: unknown[] = [];
  const holds = (cond: Cond): boolean => {
    switch (cond.type) {
      case "ok":
        return results[cond.step] != null;
      case "error":
        return errors[cond.step] != null;
      case "not":
        return !holds(cond.cond);
      case "and":
        return cond.conds.every(holds);
      case "or":
        return cond.conds.some(holds);
    }
  };
  for (const step of steps) {
    results.push(null);
    errors.push(null);
    if (step.condition && !holds(step.condition)) continue;
    try {
      results[results.length - 1] = execute(stream, step.stmt);
    } catch (error) {
      errors[errors.length - 1] = sqliteError(error);
    }
  }
  return { step_results: results, step_errors: errors };
}

function handle(stream: Stream, request: any): unknown {
  switch (request.type) {
    case "execute":
      return { type: "execute", result: execute(stream, request.stmt) };
    case "batch":
      return { type: "batch", result: runBatch(stream, request.batch.steps) };
    case "sequence":
      stream.conn.exec(request.sql);
      return { type: "sequence" };
    case "store_sql":
      stream.sqls.set(request.sql_id, request.sql);
      return { type: "store_sql" };
    case "close_sql":
      stream.sqls.delete(request.sql_id);
      return { type: "close_sql" };
    case "close":
      return { type: "close" };
    default:
      throw new Error(`unsupported request ${request.type}`);
  }
}

export interface HranaServer {
  url: string;
  /** Pipeline requests answered (to check that traffic went this way). */
  requests(): number;
  /** Statements matching `sql` fail with an error from now on (null: none), as a database that is briefly unreachable. */
  refuse(sql: RegExp | null): void;
  /** `fn` sees each statement before it runs, and it waits for `fn` (null: none). */
  observe(fn: ((sql: string) => void | Promise<void>) | null): void;
  stop(): void;
}

/** `authToken`: requests must carry `Authorization: Bearer <token>` (401 otherwise), as sqld's JWT auth. */
export function startHranaServer(path: string, options: { authToken?: string } = {}): HranaServer {
  const streams = new Map<string, Stream>();
  let answered = 0;
  let refused: RegExp | null = null;
  let observer: ((sql: string) => void | Promise<void>) | null = null;
  const isRefused = (stream: Stream, request: { type: string; stmt?: HranaStmt }) => {
    if (!refused || request.type !== "execute" || !request.stmt) return false;
    return refused.test(request.stmt.sql ?? stream.sqls.get(request.stmt.sql_id ?? -1) ?? "");
  };
  const open = (): Stream => {
    const conn = new Database(path, { create: true });
    conn.exec("PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON");
    return { conn, sqls: new Map() };
  };
  const server = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    async fetch(req) {
      const { pathname } = new URL(req.url);
      if (req.method !== "POST" || pathname !== "/v2/pipeline")
        return new Response("not found", { status: 404 });
      if (options.authToken && req.headers.get("authorization") !== `Bearer ${options.authToken}`)
        return new Response("Unauthorized", { status: 401 });
      const body = (await req.json()) as { baton: string | null; requests: unknown[] };
      let baton = body.baton;
      let stream = baton ? streams.get(baton) : undefined;
      if (baton && !stream) return new Response("unknown baton", { status: 400 });
      if (!stream) {
        stream = open();
        baton = crypto.randomUUID();
        streams.set(baton, stream);
      }
      const results: unknown[] = [];
      for (const request of body.requests as Array<{
        type: string;
        stmt?: HranaStmt;
        batch?: { steps: Array<{ stmt: HranaStmt }> };
      }>) {
        answered++;
        const stmts = request.stmt
          ? [request.stmt]
          : (request.batch?.steps ?? []).map((s) => s.stmt);
        for (const stmt of stmts) {
          const text = stmt.sql ?? stream.sqls.get(stmt.sql_id ?? -1);
          if (text !== undefined) await observer?.(text);
        }
        try {
          if (isRefused(stream, request as never)) throw new Error("database unavailable");
          results.push({ type: "ok", response: handle(stream, request) });
        } catch (error) {
          results.push({ type: "error", error: sqliteError(error) });
        }
      }
      const closed = body.requests.some((r) => (r as { type: string }).type === "close");
      if (closed && baton) {
        stream.conn.close();
        streams.delete(baton);
      }
      return Response.json({ baton: closed ? null : baton, base_url: null, results });
    },
  });
  return {
    url: `http://127.0.0.1:${server.port}`,
    requests: () => answered,
    refuse: (sql) => {
      refused = sql;
    },
    observe: (fn) => {
      observer = fn;
    },
    stop() {
      server.stop(true);
      for (const stream of streams.values()) stream.conn.close();
      streams.clear();
    },
  };
}
