"""The latest articles in index order: ``(published_day, n)``, read backwards by the home page and by searches
sorted by date. SQLite's one-column index on the day already ends with the row number (``n`` is the rowid), so
only PostgreSQL needs the new index."""

NAME = "latest_index"

SQLITE: list = []

POSTGRES = ["CREATE INDEX articles_day_n ON articles (published_day, n)"]
