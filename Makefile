# Set-up and everyday jobs. `make demo` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
SAMPLE := samples/seed_article.txt
DB ?= demo.db
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo demo-watch watch-round test eval bench system-deps clean-venv

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	touch $@

$(TEST_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP) $@

# Debian packages the tests use (PostgreSQL server binaries, Chromium for browser tests).
system-deps:
	@if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  missing=""; \
	  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	  [ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	  [ -n "$$missing" ] && { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; } || true; \
	else echo "note: not root or no apt-get; tests needing PostgreSQL will skip"; fi

demo: $(STAMP)
	$(BIN)/rased analyze $(SAMPLE) --format text
	$(BIN)/rased analyze $(SAMPLE) --pretty > demo-article.json
	@echo "JSON record written to demo-article.json"
	rm -f $(DB) $(DB)-wal $(DB)-shm
	@$(MAKE) --no-print-directory watch-round WATCH_DB=$(DB)
	$(BIN)/rased ingest $(SAMPLE) --db $(DB) --quiet
	@echo "Explorer: http://$(HOST):$(PORT)/ and its alerts: http://$(HOST):$(PORT)/alerts  (Ctrl-C to stop)"
	$(BIN)/rased serve --db $(DB) --host $(HOST) --port $(PORT)

# Live monitoring (also part of `make demo`): a local feed server serves the sample article; one round of
# `rased watch` stores it and raises the alerts of samples/watch/rules.toml; then the alerts, the sources' health,
# and the explorer.
WATCH_DB ?= demo-watch.db
demo-watch: $(STAMP)
	rm -f $(WATCH_DB) $(WATCH_DB)-wal $(WATCH_DB)-shm
	@$(MAKE) --no-print-directory watch-round
	@echo "alerts as JSON lines in demo-alerts.jsonl; explorer: http://$(HOST):$(PORT)/alerts  (Ctrl-C to stop)"
	$(BIN)/rased serve --db $(WATCH_DB) --host $(HOST) --port $(PORT)

# One watch round against the local demo feed server, which is stopped afterwards.
watch-round: $(STAMP)
	@$(BIN)/python -m rased.watch.feedserver $(SAMPLE) --port 8765 & server=$$!; \
	trap "kill $$server 2>/dev/null" EXIT INT TERM; sleep 2; \
	$(BIN)/rased watch --sources samples/watch/sources.toml --rules samples/watch/rules.toml --db $(WATCH_DB) \
	  --once --alerts-out demo-alerts.jsonl && \
	$(BIN)/rased alerts --db $(WATCH_DB) && $(BIN)/rased watch status --db $(WATCH_DB)

test: $(TEST_STAMP) system-deps
	$(BIN)/python -m pytest -q -n 2 -m "not slow and not gate"

# The gates, then the slow tests (the watcher killed and restarted five times).
eval: $(TEST_STAMP)
	$(BIN)/python -m pytest -q -m "gate" tests/gates
	$(BIN)/python -m pytest -q -m "slow and not gate" tests

bench: $(STAMP)
	$(BIN)/python bench/bench_analyze.py

clean-venv:
	rm -rf $(VENV)
