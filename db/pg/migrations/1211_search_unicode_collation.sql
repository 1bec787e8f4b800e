-- Search words are lowered and split under a Unicode-aware collation,
-- whatever the database's locale: in a database made with the C locale,
-- lower() and [[:alnum:]] know ASCII only, so words in other scripts
-- (Cyrillic, Greek, CJK, ...) were dropped from the index and from queries.
-- The collation: PostgreSQL 17's builtin pg_c_utf8, else ICU's root, else
-- the C.UTF-8 locale, else the database's own. Index rows whose words
-- change are rewritten in place (their title and body are stored).
--
-- A tsvector holds at most 1 MB, and one row's failure fails the whole
-- indexing batch, so every tenant's searches: only the first 20,000
-- characters of a title and 150,000 of a body are indexed (at most about
-- 800 kB of words, whatever the script; SQLite's FTS5 has no such limit).
DO $$
DECLARE
  preferred text[] := ARRAY['pg_c_utf8', 'und-x-icu', 'C.utf8', 'C.UTF-8'];
  unicode text := coalesce((
    SELECT quote_ident(collname) FROM pg_collation
    WHERE collname = ANY (preferred)
      AND collencoding IN (-1, (SELECT encoding FROM pg_database WHERE datname = current_database()))
    ORDER BY array_position(preferred, collname::text) LIMIT 1
  ), 'default');
BEGIN
  EXECUTE format($f$
    CREATE OR REPLACE FUNCTION search_words(title text, body text) RETURNS tsvector
    LANGUAGE sql STABLE PARALLEL SAFE AS $b$
      SELECT setweight(to_tsvector('simple', regexp_replace(lower(unaccent(left(title, 20000)) COLLATE %1$s), '[^[:alnum:]]+', ' ', 'g')), 'A') ||
             setweight(to_tsvector('simple', regexp_replace(lower(unaccent(left(body, 150000)) COLLATE %1$s), '[^[:alnum:]]+', ' ', 'g')), 'B')
    $b$ $f$, unicode);
  EXECUTE format($f$
    CREATE OR REPLACE FUNCTION search_query(words text) RETURNS tsquery
    LANGUAGE sql STABLE PARALLEL SAFE AS $b$
      SELECT to_tsquery('simple', string_agg(quote_literal(w) || ':*', ' & '))
      FROM regexp_split_to_table(regexp_replace(lower(unaccent(words) COLLATE %1$s), '[^[:alnum:]]+', ' ', 'g'), ' ') AS w
      WHERE w <> ''
    $b$ $f$, unicode);
END $$
--> statement-breakpoint
UPDATE search_index SET words = search_words(title, body) WHERE words IS DISTINCT FROM search_words(title, body)
