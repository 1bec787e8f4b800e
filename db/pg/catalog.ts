import type { Database } from "../client";

/**
 * What a migrated database holds, described the same way for SQLite and
 * PostgreSQL so the two can be compared (tests/schema-parity.test.ts):
 * tables with their columns, indexes with their columns and partial
 * condition, triggers and views.
 */
export interface Catalog {
  /** table → column → "type null|not null" (types folded to integer/text/real) */
  tables: Record<string, Record<string, string>>;
  /** index name → "table(columns) unique? where …" */
  indexes: Record<string, string>;
  triggers: string[];
  views: string[];
}

/** SQLite's FTS5 table and its shadow tables: the full-text index is per dialect (db/pg/search.ts). */
const DIALECT_OWN = /^(search_index(_.*)?|_migrations|sqlite_.*)$/;

export async function sqliteTables(db: Database): Promise<string[]> {
  const rows = await db.execute(
    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
  );
  return rows.map((r) => String(r.name)).filter((name) => !DIALECT_OWN.test(name));
}

export async function sqliteCatalog(db: Database): Promise<Catalog> {
  const catalog: Catalog = { tables: {}, indexes: {}, triggers: [], views: [] };
  for (const table of await sqliteTables(db)) {
    const columns = await db.execute(`PRAGMA table_info('${table}')`);
    catalog.tables[table] = Object.fromEntries(
      columns.map((c) => [
        String(c.name),
        describeColumn(String(c.type), Number(c.notnull) === 1 || Number(c.pk) > 0),
      ]),
    );
  }
  const objects = await db.execute(
    "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN ('index', 'trigger', 'view') AND sql IS NOT NULL",
  );
  for (const o of objects) {
    const name = String(o.name);
    if (o.type === "trigger") catalog.triggers.push(name);
    else if (o.type === "view") catalog.views.push(name);
    else if (!DIALECT_OWN.test(String(o.tbl_name)))
      catalog.indexes[name] = describeIndexSql(String(o.tbl_name), String(o.sql));
  }
  catalog.triggers.sort();
  catalog.views.sort();
  return catalog;
}

export async function postgresCatalog(db: Database): Promise<Catalog> {
  const catalog: Catalog = { tables: {}, indexes: {}, triggers: [], views: [] };
  const columns = await db.execute(
    `SELECT c.table_name, c.column_name, c.data_type, c.is_nullable
     FROM information_schema.columns c JOIN information_schema.tables t
       ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
     ORDER BY c.table_name, c.ordinal_position`,
  );
  for (const c of columns) {
    const table = String(c.table_name);
    if (DIALECT_OWN.test(table)) continue;
    catalog.tables[table] ??= {};
    catalog.tables[table][String(c.column_name)] = describeColumn(
      String(c.data_type),
      c.is_nullable === "NO",
    );
  }
  const indexes = await db.execute(
    `SELECT i.tablename, i.indexname, i.indexdef FROM pg_indexes i
     LEFT JOIN pg_constraint k ON k.conname = i.indexname
     WHERE i.schemaname = current_schema() AND k.conname IS NULL`,
  );
  for (const i of indexes) {
    if (DIALECT_OWN.test(String(i.tablename))) continue;
    catalog.indexes[String(i.indexname)] = describeIndexSql(
      String(i.tablename),
      String(i.indexdef),
    );
  }
  const triggers = await db.execute(
    `SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE NOT t.tgisinternal AND n.nspname = current_schema() ORDER BY 1`,
  );
  catalog.triggers = triggers.map((t) => String(t.tgname));
  const views = await db.execute(
    "SELECT table_name FROM information_schema.views WHERE table_schema = current_schema() ORDER BY 1",
  );
  catalog.views = views.map((v) => String(v.table_name));
  return catalog;
}

function describeColumn(type: string, notNull: boolean): string {
  const t = type.toLowerCase();
  const folded = /int/.test(t)
    ? "integer"
    : /real|double|float|numeric/.test(t)
      ? "real"
      : t.includes("bytea") || t.includes("blob")
        ? "blob"
        : "text";
  return `${folded} ${notNull ? "not null" : "null"}`;
}

/**
 * `CREATE [UNIQUE] INDEX name ON table [USING btree] (cols) [WHERE cond]` in
 * either dialect's spelling, folded to one: quotes, casts, schema prefixes
 * and redundant parentheses dropped.
 */
export function describeIndexSql(table: string, sql: string): string {
  const unique = /^\s*create\s+unique/i.test(sql);
  const open = sql.indexOf("(");
  let depth = 0;
  let close = open;
  for (; close < sql.length; close++) {
    if (sql[close] === "(") depth++;
    if (sql[close] === ")" && --depth === 0) break;
  }
  const columns = fold(sql.slice(open + 1, close));
  const where = sql.slice(close + 1).match(/\bwhere\b([\s\S]*)$/i)?.[1];
  return `${table}(${columns})${unique ? " unique" : ""}${where ? ` where ${fold(where)}` : ""}`;
}

const fold = (text: string) =>
  text
    .replace(/::[a-z ]+(\[\])?/gi, "")
    .replace(/["`()]/g, "")
    .replace(/\s+/g, " ")
    .replace(/ ?, ?/g, ",")
    .trim()
    .toLowerCase();

/** Every difference between two catalogs, one line each ("index x: …"); empty when they agree. */
export function catalogDifferences(sqlite: Catalog, postgres: Catalog): string[] {
  const out: string[] = [];
  const compare = (what: string, a: Record<string, string>, b: Record<string, string>) => {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
      if (a[key] !== b[key])
        out.push(
          `${what} ${key}: SQLite ${a[key] ?? "missing"}, PostgreSQL ${b[key] ?? "missing"}`,
        );
  };
  const tables = new Set([...Object.keys(sqlite.tables), ...Object.keys(postgres.tables)]);
  for (const table of tables) {
    const [a, b] = [sqlite.tables[table], postgres.tables[table]];
    if (!a || !b) out.push(`table ${table}: missing in ${a ? "PostgreSQL" : "SQLite"}`);
    else {
      const qualified = (columns: Record<string, string>) =>
        Object.fromEntries(Object.entries(columns).map(([c, d]) => [`${table}.${c}`, d]));
      compare("column", qualified(a), qualified(b));
    }
  }
  compare("index", sqlite.indexes, postgres.indexes);
  const names = (list: string[]) => Object.fromEntries(list.map((n) => [n, "present"]));
  compare("trigger", names(sqlite.triggers), names(postgres.triggers));
  compare("view", names(sqlite.views), names(postgres.views));
  return out;
}

/** A table as `crmd copy` moves it: its columns, the columns that tell its rows apart, and name. */
export interface TableShape {
  name: string;
  columns: string[];
  /**
   * Columns whose values tell the rows apart, in order: the primary key, else
   * the columns of a unique index over NOT NULL columns; none when the table
   * has neither (its rows may then repeat).
   */
  key: string[];
  /** Columns that may hold NULL. */
  nullable: string[];
}

/** The primary key, else the first of the unique column lists whose columns are all NOT NULL. */
function keyOf(primary: string[], unique: string[][], nullable: string[]): string[] {
  if (primary.length > 0) return primary;
  return unique.find((columns) => columns.every((c) => !nullable.includes(c))) ?? [];
}

/** The tables crmd owns in either dialect, each after the tables its foreign keys reference. */
export async function tablesOf(db: Database): Promise<TableShape[]> {
  const shapes = db.kind === "postgres" ? await postgresShapes(db) : await sqliteShapes(db);
  const byName = new Map(shapes.map((s) => [s.shape.name, s]));
  const ordered: TableShape[] = [];
  const visit = (name: string) => {
    const entry = byName.get(name);
    if (!entry || ordered.includes(entry.shape)) return;
    byName.delete(name);
    for (const target of entry.references) visit(target);
    ordered.push(entry.shape);
  };
  for (const { shape } of shapes) visit(shape.name);
  return ordered;
}

interface ShapeWithReferences {
  shape: TableShape;
  references: string[];
}

async function sqliteShapes(db: Database): Promise<ShapeWithReferences[]> {
  const out: ShapeWithReferences[] = [];
  for (const name of await sqliteTables(db)) {
    const columns = await db.execute(`PRAGMA table_info('${name}')`);
    const keys = await db.execute(`PRAGMA foreign_key_list('${name}')`);
    const unique: string[][] = [];
    for (const index of await db.execute(`PRAGMA index_list('${name}')`)) {
      if (Number(index.unique) !== 1 || Number(index.partial) === 1) continue;
      const indexed = await db.execute(`PRAGMA index_info('${index.name}')`);
      // An expression's column has no name: such an index is no list of columns.
      if (indexed.every((c) => c.name !== null)) unique.push(indexed.map((c) => String(c.name)));
    }
    const primary = columns
      .filter((c) => Number(c.pk) > 0)
      .sort((a, b) => Number(a.pk) - Number(b.pk))
      .map((c) => String(c.name));
    // SQLite lets a key column without NOT NULL hold NULL, except the rowid's alias.
    const rowid =
      primary.length === 1 &&
      /^integer$/i.test(String(columns.find((c) => Number(c.pk) > 0)?.type));
    const nullable = columns
      .filter((c) => Number(c.notnull) === 0 && !(rowid && Number(c.pk) > 0))
      .map((c) => String(c.name));
    out.push({
      shape: {
        name,
        columns: columns.map((c) => String(c.name)),
        key: keyOf(primary, unique, nullable),
        nullable,
      },
      references: keys.map((k) => String(k.table)).filter((t) => t !== name),
    });
  }
  return out;
}

async function postgresShapes(db: Database): Promise<ShapeWithReferences[]> {
  const columns = await db.execute(
    `SELECT c.table_name, c.column_name, c.is_nullable FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
     ORDER BY c.table_name, c.ordinal_position`,
  );
  const keys = await db.execute(
    `SELECT k.conrelid::regclass::text AS table_name, a.attname AS column_name, k.contype,
       k.confrelid::regclass::text AS referenced, array_position(k.conkey, a.attnum) AS position
     FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
     WHERE k.contype IN ('p', 'f') AND k.connamespace = current_schema()::regnamespace
     ORDER BY 1, 5`,
  );
  // Unique indexes over plain columns that hold for every row (no WHERE), in index order.
  const uniqueColumns = await db.execute(
    `SELECT c.relname AS table_name, i.indexrelid::regclass::text AS index_name, a.attname AS column_name
     FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
     CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, position)
     JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
     WHERE i.indisunique AND NOT i.indisprimary AND i.indpred IS NULL AND i.indexprs IS NULL
       AND c.relnamespace = current_schema()::regnamespace
     ORDER BY 2, k.position`,
  );
  const out = new Map<string, ShapeWithReferences>();
  const primary = new Map<string, string[]>();
  const unique = new Map<string, Map<string, string[]>>();
  for (const c of columns) {
    const name = String(c.table_name).replaceAll('"', "");
    if (DIALECT_OWN.test(name)) continue;
    if (!out.has(name))
      out.set(name, { shape: { name, columns: [], key: [], nullable: [] }, references: [] });
    const shape = out.get(name)?.shape;
    shape?.columns.push(String(c.column_name));
    if (c.is_nullable === "YES") shape?.nullable.push(String(c.column_name));
  }
  for (const k of keys) {
    const name = String(k.table_name).replaceAll('"', "");
    const entry = out.get(name);
    if (!entry) continue;
    if (k.contype === "p") primary.set(name, [...(primary.get(name) ?? []), String(k.column_name)]);
    else entry.references.push(String(k.referenced).replaceAll('"', ""));
  }
  for (const u of uniqueColumns) {
    const indexes = unique.get(String(u.table_name)) ?? new Map<string, string[]>();
    unique.set(String(u.table_name), indexes);
    indexes.set(String(u.index_name), [
      ...(indexes.get(String(u.index_name)) ?? []),
      String(u.column_name),
    ]);
  }
  for (const [name, { shape }] of out)
    shape.key = keyOf(
      primary.get(name) ?? [],
      [...(unique.get(name)?.values() ?? [])],
      shape.nullable,
    );
  return [...out.values()];
}
