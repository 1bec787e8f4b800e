import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, openDatabase } from "../db/client";
import { migrate } from "../db/migrate";
import foldSql from "../db/pg/migrations/1440_search_fold.sql" with { type: "text" };
import { companies } from "../db/schema";
import { foldPieces } from "../scripts/search-fold";
import { testDatabase, testPostgresUrl } from "./helpers/database";

/**
 * The same searches on a SQLite and a PostgreSQL database holding the same
 * records find the same records (FTS5 and tsvector fold and split words
 * alike), but for the differences docs/postgresql.md lists. Runs in the
 * suite's PostgreSQL run (CRMD_TEST_POSTGRES_URL).
 */

const dir = mkdtempSync(join(tmpdir(), "crmd-search-parity-"));
let sqlite: Database;
let postgres: Database;
let dropPostgres: () => Promise<void> = async () => {};
const TENANT = "t1";

/** Company names (the indexed title), and phone numbers (the body). */
const RECORDS: [string, string?][] = [
  ["Straße Weiße"],
  ["Œuvres Æsir"],
  ["Iğdır Ødegaard"],
  ["José Núñez"],
  ["Nu\u0303n\u0303ez Decomposed"],
  ["Zoë Brontë Ångström"],
  ["Søren Kierkegaard Łódź Đorđe Þór"],
  ["ĳssel ﬁnance Ｆｕｌｌwidth"],
  ["Dvořák Wałęsa Ţară l'été"],
  ["ada.lovelace@analytical.example", "+44 20 7946 0958"],
  ["user+tag@mail.example.org http://www.example.com/path?q=1"],
  ["O'Brien & Sons Smith-Jones foo_bar v1.2.3"],
  ["Acme™ Corp Widget© x² № 5"],
  ["Иван Петров ελληνικά Σίσυφος"],
  ["東京タワー 日本語テキスト 한국어"],
  ["مُحَمَّد علي שלום"],
  ["İstanbul ǅemal"],
  ["Babbage", "+1 415 555 0100"],
  ["Café ½ Ⅻ"],
  ["नमस्ते दुनिया สวัสดีครับ"],
];

const QUERIES = [
  // prefixes, every word required, any order, quotes ignored
  ["ada"],
  ["lov ada"],
  ['"lovelace ada"'],
  ["ada-lovelace"],
  ["ada babbage"],
  ["bab"],
  // accents and case
  ["jose nunez"],
  ["JOSÉ"],
  ["nunez"],
  ["nu\u0303n\u0303ez"],
  ["núñez decomposed"],
  ["zoe bronte"],
  ["angstrom"],
  ["dvorak"],
  ["tara"],
  ["ete"],
  ["été"],
  ["istanbul"],
  ["İSTANBUL"],
  // letters of their own: as written they are found, their spelled-out forms are not
  ["straße"],
  ["straß"],
  ["weiße"],
  ["strasse"],
  ["weisse"],
  ["œuvres"],
  ["oeuvres"],
  ["æsir"],
  ["aesir"],
  ["iğdır"],
  ["igdir"],
  ["ødegaard"],
  ["odegaard"],
  ["søren"],
  ["soren"],
  ["łódź"],
  ["lodz"],
  ["đorđe"],
  ["dorde"],
  ["þór"],
  ["thor"],
  ["ĳssel"],
  ["ijssel"],
  ["ﬁnance"],
  ["finance"],
  ["ｆｕｌｌ"],
  ["full"],
  ["ǅemal"],
  ["dzemal"],
  ["x2"],
  ["no 5"],
  // other scripts
  ["иван"],
  ["ПЕТРОВ"],
  ["ελληνικά"],
  ["ελληνικα"],
  ["σίσυφος"],
  ["東京"],
  ["東京タワー"],
  ["日本語"],
  ["한국어"],
  ["한국"],
  ["علي"],
  ["שלום"],
  // emails, addresses, phone numbers
  ["ada.lovelace@analytical.example"],
  ["analytical.example"],
  ["@analytical"],
  ["user+tag"],
  ["mail.example.org"],
  ["example.com/path"],
  ["http"],
  ["www"],
  ["+44 20 7946 0958"],
  ["+442079460958"],
  ["02079460958"],
  ["7946 0958"],
  ["0958"],
  ["(415) 555-0100"],
  ["4155550100"],
  ["14155550100"],
  ["555"],
  // punctuation inside words
  ["obrien"],
  ["o'brien"],
  ["brien"],
  ["smith jones"],
  ["smithjones"],
  ["foo_bar"],
  ["bar"],
  ["1.2.3"],
  ["v1"],
  ["acme"],
  ["acmetm"],
  ["tm"],
  ["widget"],
].map(([q]) => q);

beforeAll(async () => {
  sqlite = await openDatabase(`file:${join(dir, "crmd.db")}`);
  await migrate(sqlite);
  if (!testPostgresUrl) return;
  const created = await testDatabase(dir);
  dropPostgres = created.drop;
  postgres = await openDatabase(created.url);
  for (const db of [sqlite, postgres]) {
    const now = new Date();
    await db.transaction((tx) =>
      tx.insert(companies).values(
        RECORDS.map(([name, phone], i) => ({
          id: `c${String(i).padStart(3, "0")}`,
          tenantId: TENANT,
          name,
          phone: phone ?? null,
          createdAt: now,
          updatedAt: now,
          syncSeq: i + 1,
        })),
      ),
    );
  }
});
afterAll(async () => {
  await sqlite?.close();
  await postgres?.close();
  await dropPostgres();
  rmSync(dir, { recursive: true, force: true });
});

/** The names of the companies a search finds, sorted (the ranking differs by design). */
const found = async (db: Database, text: string) =>
  (
    await db.dialect.fullTextSearch(db, {
      tenantId: TENANT,
      types: ["companies"],
      text,
      limit: 100,
      offset: 0,
    })
  ).hits
    .map((h) => h.title)
    .sort();

describe.skipIf(!testPostgresUrl)("SQLite and PostgreSQL", () => {
  test("the same searches find the same records: prefixes, accents, letters such as ß and ø, scripts, emails, phone numbers", async () => {
    const differences: unknown[] = [];
    for (const q of QUERIES) {
      const [onSqlite, onPostgres] = [await found(sqlite, q), await found(postgres, q)];
      if (JSON.stringify(onSqlite) !== JSON.stringify(onPostgres))
        differences.push({ q, sqlite: onSqlite, postgres: onPostgres });
    }
    expect(differences).toEqual([]);
    // They find what they should, not nothing on both.
    expect(await found(postgres, "straße")).toEqual(["Straße Weiße"]);
    expect(await found(postgres, "strasse")).toEqual([]);
    expect(await found(postgres, "한국어")).toEqual(["東京タワー 日本語テキスト 한국어"]);
  });

  test("fractions and Roman numerals are words on SQLite only (docs/postgresql.md)", async () => {
    const both = async (q: string) => ({
      sqlite: await found(sqlite, q),
      postgres: await found(postgres, q),
    });
    // Neither letters nor digits to PostgreSQL: a search of them alone has no word there.
    expect(await both("½")).toEqual({ sqlite: ["Café ½ Ⅻ"], postgres: [] });
    expect(await both("ⅻ")).toEqual({ sqlite: ["Café ½ Ⅻ"], postgres: [] });
  });
});

test("PostgreSQL's fold map (migration 1440) is what this SQLite's FTS5 folds letters to", () => {
  const pieces = [...foldSql.matchAll(/translate\(w, '([^']*)', '([^']*)'\)/g)].map(
    ([, from, to]) => ({
      from,
      to,
    }),
  );
  expect(pieces).toEqual(foldPieces());
  expect(pieces.length).toBeGreaterThan(5);
});
