"""What search facets and the date order read.

- ``article_facets``: one row per (article, kind, value): the entity and relation types (kind ``type``) and the
  linked actors (kind ``actor``) an article has, each once. The facets of a search join its matches with this
  table (a few rows per article) instead of with all their mentions and relations (dozens per article); a
  query matching 2,000 articles counted its types in 55 ms from the mentions, in a few from here.
- PostgreSQL ``articles (published_day, n)``: the latest articles in index order (home page, date sort);
  SQLite's one-column index on the day already ends with the rowid ``n``.

Existing stores are filled from their mention and relation rows, in the migration's transaction.
"""

NAME = "search_facets"

_FILL = (
    "INSERT INTO article_facets (article_n, kind, value)"
    " SELECT DISTINCT article_n, 'type', type FROM mentions"
    " UNION SELECT DISTINCT article_n, 'type', type FROM relations"
    " UNION SELECT DISTINCT article_n, 'actor', actor_id FROM mentions WHERE actor_id IS NOT NULL"
)

_TABLE = """CREATE TABLE article_facets (
        article_n BIGINT NOT NULL,
        kind TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (article_n, kind, value))"""

SQLITE = [_TABLE + " WITHOUT ROWID", _FILL]

POSTGRES = [_TABLE, _FILL, "CREATE INDEX articles_day_n ON articles (published_day, n)"]
