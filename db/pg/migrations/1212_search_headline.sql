-- Snippets mark words as the index reads them, through unaccent: a search
-- for "nunez" or "straße" marks Núñez or Straße, as SQLite's snippet()
-- does (db/pg/search.ts).
CREATE TEXT SEARCH CONFIGURATION crmd_headline (COPY = simple)
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION crmd_headline
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart, email
  WITH unaccent, simple
