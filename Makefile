# Privacy Audit — developer commands. Every target installs what it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
.PHONY: install run test report bench lint typecheck screenshots dist clean


$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -e '.[test,dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/privacy-audit gui --demo

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen QTWEBENGINE_CHROMIUM_FLAGS=--no-sandbox $(BIN)/python -m pytest

report: $(STAMP)
	mkdir -p out
	$(BIN)/privacy-audit report --demo -o out/demo-report.html
	$(BIN)/privacy-audit report --demo --lang it -o out/demo-report-it.html
	@echo "Open out/demo-report.html (English) or out/demo-report-it.html (Italiano)."

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen QTWEBENGINE_CHROMIUM_FLAGS=--no-sandbox $(BIN)/python -m tests.benchmarks

screenshots: $(STAMP)
	if command -v xvfb-run >/dev/null && command -v import >/dev/null; then \
	  QTWEBENGINE_CHROMIUM_FLAGS=--no-sandbox xvfb-run -a -s "-screen 0 1280x820x24" \
	    $(BIN)/python scripts/screenshots.py; \
	else \
	  QT_QPA_PLATFORM=offscreen QTWEBENGINE_CHROMIUM_FLAGS=--no-sandbox $(BIN)/python scripts/screenshots.py; \
	fi
	QT_QPA_PLATFORM=offscreen QTWEBENGINE_CHROMIUM_FLAGS=--no-sandbox $(BIN)/python scripts/screenshot_report.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# mypy on the core (sources, model, phones, pipeline, analysis, report, commands): never imports Qt.
typecheck: $(STAMP)
	$(BIN)/mypy privacy_audit --exclude privacy_audit/gui

dist: $(STAMP)
	VENV=$(VENV) packaging/build.sh

clean:
	rm -rf $(VENV) build dist out .pytest_cache .ruff_cache .mypy_cache
