# make run   - set up .venv and start the app on http://localhost:8501 with the bundled data
# make test  - set up .venv with the test tools, Debian's chromium, PostgreSQL and axe-core (npm ci), lint, run the whole suite
# make bench - run the benchmarks in bench/ (figures as ratios to a minimal Streamlit app)
# make data  - rebuild data/ from ../shared (research base and geography)

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev
CHROMIUM := /usr/bin/chromium
AXE_DIR := tests/axe
AXE := $(AXE_DIR)/node_modules/axe-core/axe.min.js

.PHONY: run test bench data lint chromium postgresql nginx axe

$(PY):
	$(PYTHON) -m venv $(VENV)

$(RUN_STAMP): requirements.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@ $(RUN_STAMP)

run: $(RUN_STAMP)
	$(PY) -m streamlit run serve.py --server.port 8501

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

# The store tests start a throwaway cluster from Debian's PostgreSQL (tests/postgres.py); nothing runs as a service.
postgresql:
	@if ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "Installing Debian's PostgreSQL for the store tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	else \
		echo "The store tests need Debian's PostgreSQL (/usr/lib/postgresql/*/bin/pg_ctl)."; \
		echo "Install it as root:  apt-get install -y postgresql"; \
		exit 1; \
	fi

# The deployment test and the load benchmark run deploy/run-local.sh: Debian's nginx in front of app processes.
nginx:
	@if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "Installing Debian's nginx for the deployment test"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; \
	else \
		echo "The deployment test needs Debian's nginx (/usr/sbin/nginx)."; \
		echo "Install it as root:  apt-get install -y nginx"; \
		exit 1; \
	fi

# axe-core (npm registry, pinned by tests/axe/package-lock.json) for the accessibility audit.
axe: $(AXE)

$(AXE): $(AXE_DIR)/package.json $(AXE_DIR)/package-lock.json
	@if ! command -v npm >/dev/null; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing Debian's nodejs and npm for axe-core"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
		else \
			echo "The accessibility audit needs npm. Install it as root:  apt-get install -y nodejs npm"; \
			exit 1; \
		fi; \
	fi
	cd $(AXE_DIR) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

lint: $(DEV_STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

test: $(DEV_STAMP) chromium postgresql nginx axe lint
	$(PY) -m pytest

bench: $(DEV_STAMP) chromium postgresql nginx
	$(PY) bench/run_all.py

data: $(RUN_STAMP)
	$(PY) -m atlas.build
