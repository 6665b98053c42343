"""The analyst's own actors and the NER spans linking read.

- ``user_actors``: one row per actor the analyst added (``rased actors add`` / ``import``), its record in the
  registry's schema as JSON; ingest, batch and relink link with them beside the shipped registry.
- ``ner_spans``: per article, the spans the NER model gave (JSON ``[[start, end, type, score], ...]``), so that ``rased relink`` re-links a stored corpus after the registry changes without tagging
  it again. Articles stored before this step have none; relink tags those once and keeps their spans.
"""

NAME = "user_actors"

_TABLES = [
    """CREATE TABLE user_actors (
        id TEXT PRIMARY KEY,
        record TEXT NOT NULL,
        added_at TEXT NOT NULL)""",
    """CREATE TABLE ner_spans (
        article_n BIGINT PRIMARY KEY,
        spans TEXT NOT NULL)""",
]

SQLITE = list(_TABLES)
POSTGRES = list(_TABLES)
