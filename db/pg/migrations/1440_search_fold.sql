-- Search words fold as SQLite's FTS5 tokenizer (unicode61 remove_diacritics 2)
-- folds them, so the same search finds the same records on both: lower
-- case, then letters with diacritics to their base letter (é → e, ñ → n,
-- ş → s) and combining accents dropped. unaccent did more than that: it
-- also rewrote letters such as ß, æ, œ, ø, ł, đ, þ and ı (ss, ae, oe, o, l,
-- d, th, i), ligatures (ﬁ), full-width letters, fractions and superscripts,
-- so "strasse" found Straße and "soren" Søren on PostgreSQL only. The map is
-- read off FTS5 itself (scripts/search-fold.ts prints it); ASCII-only text,
-- which it cannot change, skips it. Snippets still mark words through
-- unaccent (search_headline_query): they mark the words of rows that match.
DO $$
DECLARE
  preferred text[] := ARRAY['pg_c_utf8', 'und-x-icu', 'C.utf8', 'C.UTF-8'];
  unicode text := coalesce((
    SELECT quote_ident(collname) FROM pg_collation
    WHERE collname = ANY (preferred)
      AND collencoding IN (-1, (SELECT encoding FROM pg_database WHERE datname = current_database()))
    ORDER BY array_position(preferred, collname::text) LIMIT 1
  ), 'default');
  -- Each character of fold_from becomes the character of fold_to at its
  -- place; the combining accents after them (fold_from only) are dropped.
  fold_from text := 'µàáâãäåçèéêëìíîïñòóôõöùúûüýÿāăąćĉċčďēĕėęěĝğġģĥĩīĭįĵķĺļľńņňōŏőŕŗřśŝşšţťũūŭůűųŵŷźżžſơưǎǐǒǔǖǘǚǜǟǧǩǫǭǰǵǹǻȁȃȅȇȉȋȍȏȑȓȕȗșțȟȧȩȫȭȯȱȳςϐϑϕϖϰϱϵḁḃḅḇḉḋḍḏḑḓḕḗḙḛḝḟḡḣḥḧḩḫḭḯḱḳḵḷḹḻḽḿṁṃṅṇṉṋṍṏṑṓṕṗṙṛṝṟṡṣṥṧṩṫṭṯṱṳṵṷṹṻṽṿẁẃẅẇẉẋẍẏẑẓẕẖẗẘẙẛạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹι' || '̧̨̛̣̤̥̦̭̮̰̱̀́̂̃̄̆̇̈̉̊̋̌̏̑';
  fold_to text := 'μaaaaaaceeeeiiiinooooouuuuyyaaaccccdeeeeegggghiiiijklllnnnooorrrssssttuuuuuuwyzzzsouaiouuuuuagkoojgnaaaeeiioorruusthaeooooyσβθφπκρεabbbcdddddeeeeefghhhhhiikkkllllmmmnnnnoooopprrrrsssssttttuuuuuvvwwwwwxxyzzzhtwysaaaaaaaaaaaaeeeeeeeeiioooooooooooouuuuuuuyyyyι';
BEGIN
  EXECUTE format($f$
    CREATE FUNCTION search_fold(words text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE AS $b$
      SELECT CASE WHEN octet_length(words) = length(words) THEN lower(words)
        ELSE translate(lower(words COLLATE %1$s), %2$L, %3$L) END
    $b$ $f$, unicode, fold_from, fold_to);
  EXECUTE format($f$
    CREATE OR REPLACE FUNCTION search_words(title text, body text) RETURNS tsvector
    LANGUAGE sql STABLE PARALLEL SAFE AS $b$
      SELECT setweight(to_tsvector('simple', regexp_replace(search_fold(left(title, 20000)) COLLATE %1$s, '[^[:alnum:]]+', ' ', 'g')), 'A') ||
             setweight(to_tsvector('simple', regexp_replace(search_fold(left(body, 150000)) COLLATE %1$s, '[^[:alnum:]]+', ' ', 'g')), 'B')
    $b$ $f$, unicode);
  EXECUTE format($f$
    CREATE OR REPLACE FUNCTION search_query(words text) RETURNS tsquery
    LANGUAGE sql STABLE PARALLEL SAFE AS $b$
      SELECT to_tsquery('simple', string_agg(quote_literal(w) || ':*', ' & '))
      FROM regexp_split_to_table(regexp_replace(search_fold(words) COLLATE %1$s, '[^[:alnum:]]+', ' ', 'g'), ' ') AS w
      WHERE w <> ''
    $b$ $f$, unicode);
  -- The words of a search as crmd_headline reads a snippet's text (through unaccent).
  EXECUTE format($f$
    CREATE FUNCTION search_headline_query(words text) RETURNS tsquery
    LANGUAGE sql STABLE PARALLEL SAFE AS $b$
      SELECT to_tsquery('simple', string_agg(quote_literal(w) || ':*', ' & '))
      FROM regexp_split_to_table(regexp_replace(lower(unaccent(words) COLLATE %1$s), '[^[:alnum:]]+', ' ', 'g'), ' ') AS w
      WHERE w <> ''
    $b$ $f$, unicode);
END $$
--> statement-breakpoint
-- Only entries with a character beyond ASCII can change.
UPDATE search_index SET words = search_words(title, body)
WHERE (octet_length(title) <> length(title) OR octet_length(body) <> length(body))
  AND words IS DISTINCT FROM search_words(title, body)
