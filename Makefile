# make run   - set up .venv and start the app on http://localhost:8501 with the bundled data
# make test  - set up .venv with the test tools and Debian's chromium, lint, run the whole suite
# make bench - run the benchmarks in bench/ (figures as ratios to a minimal Streamlit app)
# make data  - rebuild data/ from ../shared (research base and geography)

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev
CHROMIUM := /usr/bin/chromium

.PHONY: run test bench data lint chromium

$(PY):
	$(PYTHON) -m venv $(VENV)

$(RUN_STAMP): requirements.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@ $(RUN_STAMP)

run: $(RUN_STAMP)
	$(PY) -m streamlit run app.py --server.port 8501

chromium:
	@if [ -x $(CHROMIUM) ] && command -v pdftoppm >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "Installing Debian's chromium and poppler-utils for the browser tests and PNG briefs"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core poppler-utils >/dev/null; \
	else \
		echo "The browser tests need Debian's chromium at $(CHROMIUM) and pdftoppm (poppler-utils)."; \
		echo "Install it as root:  apt-get install -y chromium fonts-dejavu-core poppler-utils"; \
		exit 1; \
	fi

lint: $(DEV_STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

test: $(DEV_STAMP) chromium lint
	$(PY) -m pytest

bench: $(DEV_STAMP) chromium
	$(PY) bench/run_all.py

data: $(RUN_STAMP)
	$(PY) -m atlas.build
