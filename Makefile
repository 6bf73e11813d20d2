# The README's two commands: `make run` and `make test`. Everything else here is a helper.
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
TEST_WORKERS ?= 2
# honcho gives each process its own PORT (web PORT, worker PORT+100, beat PORT+200); the port make was given is
# exported once more under a name honcho leaves alone, so mail built by the worker links to the web process.
FOOTLOG_RUN_PORT = $(PORT)
export PORT HOST FOOTLOG_RUN_PORT

.PHONY: run test setup setup-test lint bench clean messages

run: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput -v0
	@echo
	@echo "  footlog is starting at http://localhost:$(PORT)/  (web, Celery worker and beat; Ctrl-C stops all)"
	@echo
	@# One honcho, no fallback: a fallback after Ctrl-C (honcho exits non-zero then) started the app again.
	$(VENV)/bin/honcho --no-prefix -f Procfile start

test: setup-test
	$(PY) manage.py collectstatic --noinput -v0
	@# Both cores: a database, a Redis database and a Celery queue per worker (tests/isolated_env.py); servers, beat
	@# and benches the tests start take free ports and their own data dirs, so any two tests may run at once.
	$(VENV)/bin/pytest -n $(TEST_WORKERS) --dist loadgroup --durations=30

setup:
	scripts/bootstrap runtime

setup-test:
	scripts/bootstrap test

lint: setup-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy .

bench: setup-test
	for b in bench/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

# The catalogs (docs/languages.md): extract every marked string, fill German and Spanish from
# locale/translations/, compile, and write the page scripts' catalogs (footlog/static/jsi18n/). The compiled .mo
# files and the scripts' catalogs are committed (tests/i18n checks they are fresh).
messages:
	$(PY) manage.py makemessages -l de -l es --ignore ".venv/*" --ignore "staticfiles/*" --ignore "tests/*" \
		--ignore "bench/*" --ignore "scripts/*" --ignore "locale/*"
	$(PY) manage.py makemessages -d djangojs -l de -l es --ignore ".venv/*" --ignore "staticfiles/*" --ignore "tests/*" \
		--ignore "footlog/static/jsi18n/*"
	for l in de es; do for d in django djangojs; do po=locale/$$l/LC_MESSAGES/$$d.po; \
		if [ -f $$po ]; then $(PY) scripts/po_tool.py fill $$po $$l || exit 1; fi; done; done
	$(PY) manage.py compilemessages --ignore ".venv/*"
	$(PY) manage.py js_catalogs

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .mypy_cache .ruff_cache
