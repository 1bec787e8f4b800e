-- Search words fold as SQLite's FTS5 tokenizer (unicode61 remove_diacritics 2)
-- folds them, so the same search finds the same records on both: lower
-- case, then letters with diacritics to their base letter (é → e, ñ → n,
-- ş → s) and combining accents dropped. unaccent did more than that: it
-- also rewrote letters such as ß, æ, œ, ø, ł, đ, þ and ı (ss, ae, oe, o, l,
-- d, th, i), ligatures (ﬁ), full-width letters, fractions and superscripts,
-- so "strasse" found Straße and "soren" Søren on PostgreSQL only. Snippets
-- still mark words through unaccent (search_headline_query): they mark the
-- words of records that match.
--
-- The map is read off FTS5 itself (scripts/search-fold.ts prints it), in
-- pieces of one 128-code-point block each: translate() compares every
-- character of the text with every character of its map, so a piece is
-- applied only to text holding one of its characters, and ASCII-only text,
-- which nothing here changes, is only lowered.
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
    CREATE FUNCTION search_fold(words text) RETURNS text
    LANGUAGE plpgsql STABLE PARALLEL SAFE AS $b$
      DECLARE
        w text := lower(words COLLATE %1$s);
      BEGIN
        IF octet_length(w) = length(w) THEN RETURN w; END IF;
        IF w ~ '[µàáâãäåçèéêëìíîïñòóôõöùúûüýÿ]' THEN w := translate(w, 'µàáâãäåçèéêëìíîïñòóôõöùúûüýÿ', 'μaaaaaaceeeeiiiinooooouuuuyy'); END IF;
        IF w ~ '[āăąćĉċčďēĕėęěĝğġģĥĩīĭįĵķĺļľńņňōŏőŕŗřśŝşšţťũūŭůűųŵŷźżžſ]' THEN w := translate(w, 'āăąćĉċčďēĕėęěĝğġģĥĩīĭįĵķĺļľńņňōŏőŕŗřśŝşšţťũūŭůűųŵŷźżžſ', 'aaaccccdeeeeegggghiiiijklllnnnooorrrssssttuuuuuuwyzzzs'); END IF;
        IF w ~ '[ơưǎǐǒǔǖǘǚǜǟǧǩǫǭǰǵǹǻ]' THEN w := translate(w, 'ơưǎǐǒǔǖǘǚǜǟǧǩǫǭǰǵǹǻ', 'ouaiouuuuuagkoojgna'); END IF;
        IF w ~ '[ȁȃȅȇȉȋȍȏȑȓȕȗșțȟȧȩȫȭȯȱȳ]' THEN w := translate(w, 'ȁȃȅȇȉȋȍȏȑȓȕȗșțȟȧȩȫȭȯȱȳ', 'aaeeiioorruusthaeooooy'); END IF;
        IF w ~ '[ςϐϑϕϖϰϱϵ]' THEN w := translate(w, 'ςϐϑϕϖϰϱϵ', 'σβθφπκρε'); END IF;
        IF w ~ '[ḁḃḅḇḉḋḍḏḑḓḕḗḙḛḝḟḡḣḥḧḩḫḭḯḱḳḵḷḹḻḽḿṁṃṅṇṉṋṍṏṑṓṕṗṙṛṝṟṡṣṥṧṩṫṭṯṱṳṵṷṹṻṽṿ]' THEN w := translate(w, 'ḁḃḅḇḉḋḍḏḑḓḕḗḙḛḝḟḡḣḥḧḩḫḭḯḱḳḵḷḹḻḽḿṁṃṅṇṉṋṍṏṑṓṕṗṙṛṝṟṡṣṥṧṩṫṭṯṱṳṵṷṹṻṽṿ', 'abbbcdddddeeeeefghhhhhiikkkllllmmmnnnnoooopprrrrsssssttttuuuuuvv'); END IF;
        IF w ~ '[ẁẃẅẇẉẋẍẏẑẓẕẖẗẘẙẛạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]' THEN w := translate(w, 'ẁẃẅẇẉẋẍẏẑẓẕẖẗẘẙẛạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ', 'wwwwwxxyzzzhtwysaaaaaaaaaaaaeeeeeeeeiioooooooooooouuuuuuuyyyy'); END IF;
        IF w ~ '[ι]' THEN w := translate(w, 'ι', 'ι'); END IF;
        IF w ~ '[̧̨̛̣̤̥̦̭̮̰̱̀́̂̃̄̆̇̈̉̊̋̌̏̑]' THEN w := translate(w, '̧̨̛̣̤̥̦̭̮̰̱̀́̂̃̄̆̇̈̉̊̋̌̏̑', ''); END IF;
        RETURN w;
      END
    $b$ $f$, unicode);
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
