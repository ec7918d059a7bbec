# The two commands: `make run` and `make test`. Everything else here serves them.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.requirements-installed

.PHONY: run test setup lint clean

PORT ?= 8000
# New demo accounts' passwords wait here (mode 600) until `make run` shows them once, after the URLs.
DEMO_LOGINS := $(VENV)/demo-logins.txt

run: setup
	@echo ""
	@echo "  高雄市政府勞工局 業務入口網  →  http://127.0.0.1:$(PORT)/"
	@echo "  同仁登入 / staff login      →  http://127.0.0.1:$(PORT)/accounts/login/"
	@echo "  後台 / admin                →  http://127.0.0.1:$(PORT)/admin/"
	@echo "  API                         →  http://127.0.0.1:$(PORT)/api/v1/  (docs: /api/docs/)"
	@echo ""
	@if [ -s $(DEMO_LOGINS) ]; then \
		echo "  Demo accounts (username, password, role), shown this once — note them now:"; \
		cat $(DEMO_LOGINS); rm -f $(DEMO_LOGINS); \
	else \
		echo "  Demo accounts: no new accounts (passwords were shown when they were created;"; \
		echo "  set a new one with: $(PY) manage.py changepassword <username>)."; \
	fi
	@echo ""
	@$(PY) manage.py runserver 127.0.0.1:$(PORT)

setup: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py create_demo_accounts --passwords-file $(DEMO_LOGINS)
	$(PY) manage.py load_demo

# One worker per core, each test to whichever worker is free (the demo half-year's tests together on one worker, and
# the longest first: tests/conftest.py); the test database is made from the models (a second, where
# replaying the migrations takes about 40 s of CPU): the migration test replays them itself, and CI's PostgreSQL run
# applies the real migrations. Compiled modules are kept (in the ignored __pycache__ folders) even where the
# environment sets PYTHONDONTWRITEBYTECODE: a run that finds pytest's rewritten test modules collects in about
# half the time (5.6 s against 11.5 s per worker).
test: $(STAMP)
	PYTHONDONTWRITEBYTECODE= $(PY) -m pytest -n auto --dist loadgroup --no-loadscope-reorder --nomigrations

lint: $(STAMP)
	$(VENV)/bin/ruff check .

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* media staticfiles
