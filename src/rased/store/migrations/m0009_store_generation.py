"""PostgreSQL: a store generation that only this database's committed writes move.

The search cache (``web.search_cache``) keeps pages until the store changes. PostgreSQL's current snapshot,
its first measure of change, moves with every transaction of the whole server: another database's ingest or an
autovacuum of this one dropped every page. Here a one-row counter, ``store_generation``, is raised once per
writing transaction by a deferred trigger on every table, so it becomes visible together with the data it
stands for (a reader never sees the new generation before the new rows). Deferred to the commit, the counter's
row lock is taken last and held only while committing, so two concurrent writers cannot deadlock on it.

SQLite needs nothing: ``PRAGMA data_version`` already counts this database's commits only. A later migration
that adds a table adds the trigger to it too (``TRIGGER_FOR``).
"""

NAME = "store_generation"

_FUNCTION = """CREATE FUNCTION rased_store_changed() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
    -- once per transaction: the deferred trigger fires for every row written
    IF current_setting('rased.changed_in', true) IS DISTINCT FROM txid_current()::text THEN
        UPDATE store_generation SET n = n + 1;
        PERFORM set_config('rased.changed_in', txid_current()::text, true);
    END IF;
    RETURN NULL;
END $body$"""

TRIGGER_FOR = ("CREATE CONSTRAINT TRIGGER store_changed AFTER INSERT OR UPDATE OR DELETE ON {table}"
               " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rased_store_changed()")

_ON_EVERY_TABLE = """DO $body$
DECLARE t text;
BEGIN
    FOR t IN SELECT table_name FROM information_schema.tables
             WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
               AND table_name NOT IN ('store_generation', 'schema_migrations')
    LOOP
        EXECUTE format('""" + TRIGGER_FOR.replace("{table}", "%I") + """', t);
    END LOOP;
END $body$"""

SQLITE: list = []

POSTGRES = [
    "CREATE TABLE store_generation (n BIGINT NOT NULL)",
    "INSERT INTO store_generation (n) VALUES (0)",
    _FUNCTION,
    _ON_EVERY_TABLE,
]
