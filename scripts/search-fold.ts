/**
 * Prints the character map PostgreSQL's search_fold() applies after lower()
 * (db/pg/migrations/1440_search_fold.sql), read off SQLite's own tokenizer:
 * every code point is indexed between two letters by FTS5's `unicode61
 * remove_diacritics 2`, and what the index keeps in its place is what it
 * folds to — a base letter (é → e), itself, nothing (a combining accent), or
 * a word break. A character maps when every character that lower-cases to it
 * folds alike; characters FTS5 leaves in upper case (scripts newer than its
 * tables) keep PostgreSQL's lower case. `bun scripts/search-fold.ts`
 */
import { Database } from "bun:sqlite";

export function fts5Folds(): Map<number, string> {
  const db = new Database(":memory:");
  db.run("create virtual table t using fts5(x, tokenize='unicode61 remove_diacritics 2')");
  db.run("create virtual table v using fts5vocab(t, 'instance')");
  const insert = db.prepare("insert into t(rowid, x) values (?, ?)");
  const points: number[] = [];
  for (let cp = 0x80; cp < 0x30000; cp++) if (cp < 0xd800 || cp > 0xdfff) points.push(cp);
  db.transaction(() => {
    for (const cp of points) insert.run(cp, `a${String.fromCodePoint(cp)}b`);
  })();
  const terms = new Map<number, string[]>();
  for (const row of db.query("select doc, term from v order by doc, offset").all() as {
    doc: number;
    term: string;
  }[])
    terms.set(row.doc, [...(terms.get(row.doc) ?? []), row.term]);
  db.close();
  // " ": a word break; "": dropped; else what the character folds to.
  return new Map(
    points.map((cp) => {
      const kept = terms.get(cp) ?? [];
      return [cp, kept.length === 1 ? kept[0].slice(1, -1) : " "];
    }),
  );
}

export function foldMap(): { from: string; to: string; dropped: string } {
  const folds = fts5Folds();
  const byLower = new Map<string, Set<string>>();
  let dropped = "";
  for (const [cp, fold] of folds) {
    if (fold === "") dropped += String.fromCodePoint(cp);
    const lower = String.fromCodePoint(cp).toLowerCase();
    if (fold === " " || fold === "" || [...lower].length !== 1) continue;
    byLower.set(lower, (byLower.get(lower) ?? new Set()).add(fold));
  }
  let from = "";
  let to = "";
  for (const [lower, set] of [...byLower].sort(
    ([a], [b]) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0),
  )) {
    const [fold] = set;
    if (set.size === 1 && fold !== lower && [...fold].length === 1) {
      from += lower;
      to += fold;
    }
  }
  return { from, to, dropped };
}

/**
 * The map in pieces of one 128-code-point block each, every piece's
 * characters once: search_fold() translates a piece only when the text holds
 * one of its characters, and translate() compares each character of the
 * text with every character of the piece, so small pieces keep it fast.
 */
export function foldPieces(): { from: string; to: string }[] {
  const { from, to, dropped } = foldMap();
  const pieces = new Map<number, { from: string; to: string }>();
  const add = (c: string, t: string, key: number) => {
    const piece = pieces.get(key) ?? { from: "", to: "" };
    pieces.set(key, { from: piece.from + c, to: piece.to + t });
  };
  const targets = [...to];
  for (const [i, c] of [...from].entries()) add(c, targets[i], (c.codePointAt(0) ?? 0) >> 7);
  // Dropped characters (no counterpart in `to`) last: translate() deletes them.
  for (const c of dropped) add(c, "", -1);
  return [...pieces].sort(([a], [b]) => (a < 0 ? 1 : b < 0 ? -1 : a - b)).map(([, piece]) => piece);
}

if (import.meta.main) console.log(JSON.stringify(foldPieces(), null, 2));
