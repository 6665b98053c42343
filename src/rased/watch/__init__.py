"""Live monitoring: ``rased watch`` polls feeds, news sitemaps and listing pages, takes each new article in
through the ingest path, and turns watchlist rules into alerts that carry their evidence.

    sources.py   the sources file (TOML)
    fetcher.py   the polite HTTP fetcher (httpx)
    discover.py  article addresses from a feed, a sitemap or a page
    rules.py     watchlist rules as data, and their evidence in one article
    alerts.py    alerts derived and stored idempotently
    deliver.py   JSON lines, files and webhooks
    loop.py      the watcher's rounds

The watcher's state (sources, items taken in, rules, alerts, deliveries) lives in the store
(``store/watch_tables.py``), so a killed watcher resumes where it stopped.
"""
