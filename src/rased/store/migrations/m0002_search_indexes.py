"""Indexes that let search scale: filters checked per full-text match with one index probe each, and (SQLite)
a narrow covering index, so ranking never reads the wide article rows (whose JSON record fills a page).

- ``mentions (actor_id, article_n)``, ``mentions (type, article_n)`` and ``relations (type, article_n)``
  replace the one-column indexes on ``actor_id`` and ``type``: "does article n mention actor X" becomes a
  single probe instead of a scan of the article's mentions or of the actor's.
- SQLite ``articles_search (n, duplicate_of, id, source, published_day)``: what the ranking query needs of
  each match (its duplicate head and the source/date filters), 60-odd bytes per article.
"""

NAME = "search_indexes"

_COMMON = [
    "CREATE INDEX mentions_actor_article ON mentions (actor_id, article_n)",
    "CREATE INDEX mentions_type_article ON mentions (type, article_n)",
    "CREATE INDEX relations_type_article ON relations (type, article_n)",
    "DROP INDEX mentions_actor",
    "DROP INDEX mentions_type",
    "DROP INDEX relations_type",
]

SQLITE = [
    *_COMMON,
    "CREATE INDEX articles_search ON articles (n, duplicate_of, id, source, published_day)",
]

POSTGRES = [*_COMMON]
