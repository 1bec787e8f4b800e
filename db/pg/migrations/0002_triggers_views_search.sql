-- PostgreSQL's side of what SQLite does with triggers, views and FTS5:
-- json_each(text) as SQLite's (key, value) over a JSON array kept in text
-- (other text is one row: PostgreSQL may evaluate it for rows SQLite's plan
-- never reads, so it must not fail on them);
-- json_type(text, '$.key'), null when the key is absent, as SQLite's;
-- json_extract(text, '$.a[0]') as text (cast it where a number is stored);
-- number = text, so a number column matches json_each's values as in SQLite;
-- sum(boolean) counting true conditions, as SQLite's sum over comparisons;
-- the search queue and per-tenant deal totals kept by triggers in the writing
-- transaction; the pipelines version counter; the full-text index as a table
-- with a tsvector column under a GIN index (db/pg/search.ts). As with
-- SQLite's unicode61 tokenizer, words are split at every character that is
-- not a letter or digit (an e-mail address is three words) and accents do
-- not count (the unaccent extension, shipped with PostgreSQL).
CREATE FUNCTION json_each(doc text) RETURNS TABLE (key bigint, value text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT e.ordinality - 1, e.value FROM json_array_elements_text(
    CASE WHEN ltrim(doc) LIKE '[%' THEN doc::json ELSE json_build_array(doc) END
  ) WITH ORDINALITY AS e(value, ordinality)
$$
--> statement-breakpoint
CREATE FUNCTION json_type(doc text, path text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT json_typeof(replace(doc, '\u0000', '\ufffd')::json -> substr(path, 3))
$$
--> statement-breakpoint
CREATE FUNCTION json_extract(doc text, path text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT replace(doc, '\u0000', '\ufffd')::json #>> string_to_array(
    ltrim(regexp_replace(regexp_replace(path, '^\$', ''), '\[(\d+)\]', '.\1', 'g'), '.'), '.')
$$
--> statement-breakpoint
CREATE FUNCTION float_eq_text(a double precision, b text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT a = b::double precision $$
--> statement-breakpoint
CREATE OPERATOR = (LEFTARG = double precision, RIGHTARG = text, FUNCTION = float_eq_text)
--> statement-breakpoint
CREATE FUNCTION bigint_eq_text(a bigint, b text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT a = b::numeric $$
--> statement-breakpoint
CREATE OPERATOR = (LEFTARG = bigint, RIGHTARG = text, FUNCTION = bigint_eq_text)
--> statement-breakpoint
CREATE FUNCTION sum_true(total bigint, value boolean) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN value IS NULL THEN total ELSE coalesce(total, 0) + value::int END
$$
--> statement-breakpoint
CREATE AGGREGATE sum(boolean) (SFUNC = sum_true, STYPE = bigint)
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent
--> statement-breakpoint
CREATE FUNCTION search_words(title text, body text) RETURNS tsvector
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('simple', regexp_replace(lower(unaccent(title)), '[^[:alnum:]]+', ' ', 'g')), 'A') ||
         setweight(to_tsvector('simple', regexp_replace(lower(unaccent(body)), '[^[:alnum:]]+', ' ', 'g')), 'B')
$$
--> statement-breakpoint
CREATE TABLE search_index (
  doc_id bigint PRIMARY KEY,
  tenant_id text NOT NULL,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  words tsvector NOT NULL
)
--> statement-breakpoint
CREATE INDEX search_index_words_idx ON search_index USING gin (words)
--> statement-breakpoint
CREATE INDEX search_index_tenant_idx ON search_index (tenant_id, entity_type)
--> statement-breakpoint
CREATE VIEW contacts_search_text AS SELECT
    id, tenant_id, deleted_at,
    coalesce(nullif(trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')), ''), primary_email, '') AS title,
    coalesce((SELECT string_agg(e.value::json ->> 'email', ' ') FROM json_each(emails) e), '') || ' ' ||
    coalesce((SELECT string_agg(coalesce((e.value::json ->> 'number') || ' ' || replace(replace(replace(replace(replace(replace((e.value::json ->> 'number'), ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', ''), ''), ' ') FROM json_each(phones) e), '') AS body
  FROM contacts
--> statement-breakpoint
CREATE VIEW companies_search_text AS SELECT
    id, tenant_id, deleted_at, name AS title,
    coalesce(domain, '') || ' ' || coalesce(phone || ' ' || replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', ''), '') AS body
  FROM companies
--> statement-breakpoint
CREATE VIEW deals_search_text AS SELECT
    id, tenant_id, deleted_at, title AS title, coalesce(description, '') AS body
  FROM deals
--> statement-breakpoint
CREATE VIEW leads_search_text AS SELECT
    id, tenant_id, deleted_at, name AS title,
    coalesce(email, '') || ' ' || coalesce(phone || ' ' || replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', ''), '') || ' ' || coalesce(company_name, '') AS body
  FROM leads
--> statement-breakpoint
CREATE VIEW notes_search_text AS SELECT
    id, tenant_id, deleted_at, '' AS title, text AS body
  FROM notes
--> statement-breakpoint
CREATE FUNCTION search_queue_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE queued bigint;
BEGIN
  INSERT INTO search_docs (entity_type, entity_id) VALUES (TG_TABLE_NAME, NEW.id) RETURNING doc_id INTO queued;
  INSERT INTO search_pending (doc_id) VALUES (queued) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$
--> statement-breakpoint
CREATE FUNCTION search_queue_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_pending (doc_id)
    SELECT doc_id FROM search_docs WHERE entity_type = TG_TABLE_NAME AND entity_id = NEW.id
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$
--> statement-breakpoint
CREATE FUNCTION search_queue_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_pending (doc_id)
    SELECT doc_id FROM search_docs WHERE entity_type = TG_TABLE_NAME AND entity_id = OLD.id
  ON CONFLICT DO NOTHING;
  DELETE FROM search_docs WHERE entity_type = TG_TABLE_NAME AND entity_id = OLD.id;
  RETURN NULL;
END $$
--> statement-breakpoint
CREATE TRIGGER contacts_search_insert AFTER INSERT ON contacts FOR EACH ROW EXECUTE FUNCTION search_queue_insert()
--> statement-breakpoint
CREATE TRIGGER contacts_search_update AFTER UPDATE OF first_name, last_name, emails, phones, deleted_at ON contacts FOR EACH ROW EXECUTE FUNCTION search_queue_update()
--> statement-breakpoint
CREATE TRIGGER contacts_search_delete AFTER DELETE ON contacts FOR EACH ROW EXECUTE FUNCTION search_queue_delete()
--> statement-breakpoint
CREATE TRIGGER companies_search_insert AFTER INSERT ON companies FOR EACH ROW EXECUTE FUNCTION search_queue_insert()
--> statement-breakpoint
CREATE TRIGGER companies_search_update AFTER UPDATE OF name, website, domain, phone, deleted_at ON companies FOR EACH ROW EXECUTE FUNCTION search_queue_update()
--> statement-breakpoint
CREATE TRIGGER companies_search_delete AFTER DELETE ON companies FOR EACH ROW EXECUTE FUNCTION search_queue_delete()
--> statement-breakpoint
CREATE TRIGGER deals_search_insert AFTER INSERT ON deals FOR EACH ROW EXECUTE FUNCTION search_queue_insert()
--> statement-breakpoint
CREATE TRIGGER deals_search_update AFTER UPDATE OF title, description, deleted_at ON deals FOR EACH ROW EXECUTE FUNCTION search_queue_update()
--> statement-breakpoint
CREATE TRIGGER deals_search_delete AFTER DELETE ON deals FOR EACH ROW EXECUTE FUNCTION search_queue_delete()
--> statement-breakpoint
CREATE TRIGGER leads_search_insert AFTER INSERT ON leads FOR EACH ROW EXECUTE FUNCTION search_queue_insert()
--> statement-breakpoint
CREATE TRIGGER leads_search_update AFTER UPDATE OF name, email, phone, company_name, deleted_at ON leads FOR EACH ROW EXECUTE FUNCTION search_queue_update()
--> statement-breakpoint
CREATE TRIGGER leads_search_delete AFTER DELETE ON leads FOR EACH ROW EXECUTE FUNCTION search_queue_delete()
--> statement-breakpoint
CREATE TRIGGER notes_search_insert AFTER INSERT ON notes FOR EACH ROW EXECUTE FUNCTION search_queue_insert()
--> statement-breakpoint
CREATE TRIGGER notes_search_update AFTER UPDATE OF text, deleted_at ON notes FOR EACH ROW EXECUTE FUNCTION search_queue_update()
--> statement-breakpoint
CREATE TRIGGER notes_search_delete AFTER DELETE ON notes FOR EACH ROW EXECUTE FUNCTION search_queue_delete()
--> statement-breakpoint
CREATE FUNCTION deal_totals_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'open' AND OLD.deleted_at IS NULL THEN
    UPDATE tenant_deal_totals SET open_value = open_value - OLD.value WHERE tenant_id = OLD.tenant_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'open' AND NEW.deleted_at IS NULL THEN
    INSERT INTO tenant_deal_totals (tenant_id, open_value) VALUES (NEW.tenant_id, NEW.value)
    ON CONFLICT (tenant_id) DO UPDATE SET open_value = tenant_deal_totals.open_value + excluded.open_value;
  END IF;
  RETURN NULL;
END $$
--> statement-breakpoint
CREATE TRIGGER deals_totals_insert AFTER INSERT ON deals FOR EACH ROW EXECUTE FUNCTION deal_totals_change()
--> statement-breakpoint
CREATE TRIGGER deals_totals_update AFTER UPDATE OF status, value, deleted_at, tenant_id ON deals FOR EACH ROW EXECUTE FUNCTION deal_totals_change()
--> statement-breakpoint
CREATE TRIGGER deals_totals_delete AFTER DELETE ON deals FOR EACH ROW EXECUTE FUNCTION deal_totals_change()
--> statement-breakpoint
CREATE FUNCTION pipelines_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE counters SET value = value + 1 WHERE name = 'pipelines';
  RETURN NULL;
END $$
--> statement-breakpoint
CREATE TRIGGER pipelines_version_insert AFTER INSERT ON pipelines FOR EACH ROW EXECUTE FUNCTION pipelines_version_bump()
--> statement-breakpoint
CREATE TRIGGER pipelines_version_update AFTER UPDATE ON pipelines FOR EACH ROW EXECUTE FUNCTION pipelines_version_bump()
--> statement-breakpoint
CREATE TRIGGER pipelines_version_delete AFTER DELETE ON pipelines FOR EACH ROW EXECUTE FUNCTION pipelines_version_bump()
--> statement-breakpoint
CREATE TRIGGER stages_version_insert AFTER INSERT ON stages FOR EACH ROW EXECUTE FUNCTION pipelines_version_bump()
--> statement-breakpoint
CREATE TRIGGER stages_version_update AFTER UPDATE ON stages FOR EACH ROW EXECUTE FUNCTION pipelines_version_bump()
--> statement-breakpoint
CREATE TRIGGER stages_version_delete AFTER DELETE ON stages FOR EACH ROW EXECUTE FUNCTION pipelines_version_bump()
