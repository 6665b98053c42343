"""Per-actor aggregates kept up to date at write time, so that an actor's page costs a few index probes however
often the actor is mentioned (the USA is in a third of a news archive; scanning its mentions on every page view
took seconds at 55,000 articles).

Only articles that are not near-duplicates count, as everywhere in the actor views; an article's duplicate
status is decided when it is stored and never changes, so the aggregates only ever grow.

- ``actor_articles``: one row per (actor, article) with the article's day ('' when unknown), source and the
  number of mentions — the timeline, the sources and the latest articles, in index order.
- ``actor_names``: mentions per (actor, written form, entity type) — the names list and the majority type.
- ``actor_stats``: one row per actor — articles, mentions and the registry names, for the actors list.
- ``actor_pairs``: articles in which two actors are both mentioned — the co-mentioned actors.

Existing stores are filled from their mention rows by the statements below, in the migration's transaction.
"""

NAME = "actor_aggregates"

_TABLES = [
    """CREATE TABLE actor_articles (
        actor_id TEXT NOT NULL,
        article_n BIGINT NOT NULL,
        day TEXT NOT NULL,
        source TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (actor_id, article_n))""",
    "CREATE INDEX actor_articles_day ON actor_articles (actor_id, day, article_n)",
    "CREATE INDEX actor_articles_article ON actor_articles (article_n)",
    """CREATE TABLE actor_names (
        actor_id TEXT NOT NULL,
        text TEXT NOT NULL,
        type TEXT NOT NULL,
        key TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (actor_id, text, type))""",
    """CREATE TABLE actor_stats (
        actor_id TEXT PRIMARY KEY,
        name_ar TEXT,
        name_en TEXT,
        wikidata TEXT,
        articles INTEGER NOT NULL,
        mentions INTEGER NOT NULL)""",
    "CREATE INDEX actor_stats_articles ON actor_stats (articles, mentions)",
    """CREATE TABLE actor_pairs (
        actor_id TEXT NOT NULL,
        other_id TEXT NOT NULL,
        articles INTEGER NOT NULL,
        PRIMARY KEY (actor_id, other_id))""",
]

_LIVE = " FROM mentions m JOIN articles a ON a.n = m.article_n WHERE m.actor_id IS NOT NULL AND a.duplicate_of IS NULL"

_FILL = [
    "INSERT INTO actor_articles (actor_id, article_n, day, source, mentions)"
    " SELECT m.actor_id, m.article_n, coalesce(a.published_day, ''), coalesce(a.source, ''), count(*)"
    f"{_LIVE} GROUP BY m.actor_id, m.article_n, a.published_day, a.source",
    "INSERT INTO actor_names (actor_id, text, type, key, mentions)"
    f" SELECT m.actor_id, m.text, m.type, min(m.key), count(*){_LIVE} GROUP BY m.actor_id, m.text, m.type",
    "INSERT INTO actor_stats (actor_id, name_ar, name_en, wikidata, articles, mentions)"
    " SELECT m.actor_id, max(m.actor_name), max(m.actor_name_en), max(m.wikidata), count(DISTINCT m.article_n),"
    f" count(*){_LIVE} GROUP BY m.actor_id",
    "INSERT INTO actor_pairs (actor_id, other_id, articles)"
    " SELECT x.actor_id, y.actor_id, count(*) FROM actor_articles x"
    " JOIN actor_articles y ON y.article_n = x.article_n AND y.actor_id <> x.actor_id"
    " GROUP BY x.actor_id, y.actor_id",
]

SQLITE = [*_TABLES, *_FILL]
POSTGRES = [*_TABLES, *_FILL]
