-- Case-insensitive filters (a company's name, a custom record's display)
-- fold case under a Unicode-aware collation, whatever the database's
-- locale: in a database made with the C locale, lower() folds ASCII
-- only, so `?name=école` did not find "École". The collation is chosen as
-- in 1211_search_unicode_collation.
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
    CREATE OR REPLACE FUNCTION fold_case(value text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $b$ SELECT lower(value COLLATE %1$s) $b$
  $f$, unicode);
END $$
