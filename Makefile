# The two commands: `make run` and `make test`. Both start embedded PostgreSQL and
# Valkey under .data/ unless DATABASE_URL / REDIS_URL are set.
.DEFAULT_GOAL := help
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
SERVERS := $(PY) -m coproduction.devservers
# Python keeps each module it compiles in __pycache__, so every process after the first starts
# in a fraction of the time. An environment that turns this off would make each of the many
# processes of `make run` and `make test` (web, worker, beat, test workers) compile every
# package again: about 2 s of CPU each.
unexport PYTHONDONTWRITEBYTECODE

help:  ## List targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

# uv installs the pinned packages in seconds where pip takes minutes; its own version is pinned
# in requirements.lock too. Where uv cannot be had, pip does the same from the same lock.
UV_PIN := $(shell grep -i '^uv==' requirements.lock)

$(INSTALLED): pyproject.toml requirements.lock
	@echo "==> Virtual environment in $(VENV)"
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "==> Installing $(UV_PIN) to install the rest"
	@$(PY) -m pip install --quiet --disable-pip-version-check "$(UV_PIN)" || echo "    uv could not be installed: pip will do it (slower)"
	@echo "==> Installing the pinned packages from requirements.lock"
	@if [ -x $(VENV)/bin/uv ]; then \
		$(VENV)/bin/uv pip install --quiet --python $(PY) -r requirements.lock && \
		$(VENV)/bin/uv pip install --quiet --python $(PY) --no-deps . ; \
	else \
		$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock && \
		$(PY) -m pip install --quiet --disable-pip-version-check --no-deps . ; \
	fi
	@touch $(INSTALLED)
	@echo "==> Installed"

install: $(INSTALLED)  ## Create .venv and install the pinned packages

run: $(INSTALLED)  ## Web, worker and beat on embedded Postgres+Redis (or DATABASE_URL/REDIS_URL)
	$(SERVERS) run

# The demo with staff sign-in through a local OpenID provider (tests/oidc_provider/server.py) on
# port 8090, which knows Tom, Grace and a new starter (tests/oidc_provider/demo_people.json).
DEMO_OIDC := OIDC_ISSUER=http://127.0.0.1:8090 OIDC_CLIENT_ID=coproduction-test \
	OIDC_CLIENT_SECRET=test-only-client-secret-0123456789 OIDC_PROVIDER_NAME="Demo Council account"
run-sso: $(INSTALLED)  ## `make run`, and council staff may sign in through a local demo identity provider
	@$(PY) -m tests.oidc_provider.server --port 8090 --people tests/oidc_provider/demo_people.json \
		--redirect-uri http://127.0.0.1:$${PORT:-8000}/accounts/council-sign-in/callback/ \
		--redirect-uri http://localhost:$${PORT:-8000}/accounts/council-sign-in/callback/ & provider=$$!; \
		trap 'kill $$provider' EXIT; $(DEMO_OIDC) $(SERVERS) run

# pytest-django turns DEBUG off, so the tests run with production settings and need a key.
# lint-imports first: a breach of the layers in pyproject.toml fails before any test runs.
# tests/harness/run_suite.py runs the suite in parallel, then the fault tests alone, and prints
# the slowest tests and the time each step took.
test: $(INSTALLED)  ## Import contracts, then the whole suite, browser tests included (Chromium from CHROMIUM or PATH)
	PYTHONPATH=. $(VENV)/bin/lint-imports && SECRET_KEY=$${SECRET_KEY:-test-only-$$(date +%s)-not-a-real-secret-key-for-anything} \
		$(SERVERS) exec -- $(PY) -m tests.harness.run_suite $(PYTEST_ARGS)

bench: $(INSTALLED)  ## Council-scale timings beside a trivial view (not part of the tests)
	SECRET_KEY=$${SECRET_KEY:-bench-only-$$(date +%s)-not-a-real-secret-key-for-anything} \
		$(SERVERS) exec -- $(PY) benchmarks/run.py $(BENCH_ARGS)

load: $(INSTALLED)  ## Load test with locust against gunicorn at council scale (pip install ".[load]")
	SECRET_KEY=$${SECRET_KEY:-load-only-$$(date +%s)-not-a-real-secret-key-for-anything} \
		$(SERVERS) exec -- $(PY) benchmarks/load.py $(LOAD_ARGS)

backup: $(INSTALLED)  ## Back up the database and report files to BACKUP_DIR (default .data/backups)
	$(SERVERS) exec -- $(PY) manage.py backup

restore: $(INSTALLED)  ## Restore BACKUP=<folder> into an empty database (RESTORE_ARGS=--force to replace)
	@test -n "$(BACKUP)" || { echo "Say which backup: make restore BACKUP=.data/backups/coproduction-..."; exit 2; }
	$(SERVERS) exec -- $(PY) manage.py restore "$(BACKUP)" $(RESTORE_ARGS)

servers-stop:  ## Stop the embedded servers left running by an interrupted command
	$(SERVERS) stop

frontend:  ## Rebuild static/govuk from the govuk-frontend npm package (needs Node)
	bash frontend/build.sh

lock:  ## Re-pin requirements.lock from pyproject.toml
	$(PYTHON) -m venv /tmp/coproduction-lock && /tmp/coproduction-lock/bin/pip install --quiet ".[embedded,test,tools]" \
		&& /tmp/coproduction-lock/bin/pip freeze --exclude coproduction > requirements.lock && rm -rf /tmp/coproduction-lock

.PHONY: help install run run-sso test bench load backup restore servers-stop frontend lock
