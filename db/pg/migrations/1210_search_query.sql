-- The words of a search as the index holds them (search_words): unaccent
-- also rewrites letters such as ß, æ, œ, ø and ı (ss, ae, oe, o, i), so a
-- word typed as it is written must go through it too, or it never matches.
-- Each word is a prefix, all are required.
CREATE FUNCTION search_query(words text) RETURNS tsquery
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT to_tsquery('simple', string_agg(quote_literal(w) || ':*', ' & '))
  FROM regexp_split_to_table(regexp_replace(lower(unaccent(words)), '[^[:alnum:]]+', ' ', 'g'), ' ') AS w
  WHERE w <> ''
$$
