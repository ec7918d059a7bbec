# The two commands: `make run` and `make test`. Everything else here serves them.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.requirements-installed

.PHONY: run test setup lint clean

run: setup
	@echo ""
	@echo "  高雄市政府勞工局 業務入口網  →  http://127.0.0.1:8000/"
	@echo "  同仁登入 / staff login      →  http://127.0.0.1:8000/accounts/login/"
	@echo "  後台 / admin                →  http://127.0.0.1:8000/admin/"
	@echo "  API                         →  http://127.0.0.1:8000/api/v1/  (docs: /api/docs/)"
	@echo "  Demo accounts: printed above with their passwords the first time they were created."
	@echo ""
	$(PY) manage.py runserver 127.0.0.1:8000

setup: $(STAMP)
	$(PY) manage.py migrate --noinput
	@echo "Demo accounts (username, password, role) — new ones only; passwords are shown this once:"
	$(PY) manage.py create_demo_accounts
	$(PY) manage.py load_demo

test: $(STAMP)
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check .

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* media staticfiles
