# NPO-assistent. `make run` and `make test` do every step they need on a fresh clone.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV      := .venv
PY        := $(VENV)/bin/python
RASA      := $(VENV)/bin/rasa
STAMP     := $(VENV)/.installed
NLP_DIR   := .cache/spacy/nl_offline
NLP_STAMP := $(NLP_DIR)/.provisioned
MODEL     := models/npo.tar.gz
RASA_PORT ?= $(or $(NPO_PORT),5005)
ACTION_PORT ?= $(or $(NPO_ACTION_PORT),5055)
export NPO_SPACY_OFFLINE_DIR := $(abspath $(NLP_DIR))
# Rasa and TensorFlow chatter; keep the logs readable.
export TF_CPP_MIN_LOG_LEVEL := 3
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export RASA_TELEMETRY_ENABLED := false
export PYTHONDONTWRITEBYTECODE := 1

TRAIN_INPUTS := config.yml domain.yml $(wildcard data/*.yml data/nlu/*.yml) bot/nlp/dutch.py $(NLP_STAMP)

.PHONY: help install sysdeps nlp kb train run actions test test-unit test-rasa test-http test-browser \
        test-scale validate eval bench soak cluster purge report review clean

help:
	@echo "make run    - install, build the knowledge base, train if needed, start the bot on :$(RASA_PORT)"
	@echo "make test   - everything above plus all test suites"
	@echo "other: install kb nlp train actions validate eval bench soak cluster purge report review test-scale clean"

$(STAMP): requirements.txt requirements-dev.txt scripts/find-python310.sh
	@py310="$$(scripts/find-python310.sh)" || exit 1; \
	if [ ! -x $(PY) ] || ! $(PY) -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; then \
	  rm -rf $(VENV); echo "Creating $(VENV) with $$py310"; PYENV_VERSION=3.10.13 "$$py310" -m venv $(VENV) || exit 1; \
	fi
	$(PY) -m pip install --quiet --disable-pip-version-check "pip==24.0"
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

install: $(STAMP)

sysdeps:
	@scripts/install-sysdeps.sh

$(NLP_STAMP): $(STAMP) bot/nlp/dutch.py
	$(PY) -m bot.nlp.dutch provision "$(NLP_DIR)"
	@touch $@

nlp: $(NLP_STAMP)

# Where the KB lives is the knowledge package's to say (NPO_KB_PATH overrides); it also knows
# its inputs and rebuilds only when one is newer than the file.
kb: $(STAMP)
	@$(PY) -m knowledge build --if-stale

$(MODEL): $(STAMP) $(TRAIN_INPUTS)
	@mkdir -p models
	$(RASA) train --quiet --fixed-model-name npo --out models

train: $(MODEL)

validate: $(STAMP) $(NLP_STAMP)
	$(RASA) data validate --fail-on-warnings

actions: kb
	$(PY) -m bot.ops.serve actions --port $(ACTION_PORT)

run: kb $(MODEL)
	$(PY) -m bot.ops.serve run --port $(RASA_PORT) --action-port $(ACTION_PORT)

test: kb $(MODEL) sysdeps validate
	$(PY) -m pytest
	$(MAKE) --no-print-directory test-rasa

test-unit: kb
	$(PY) -m pytest -m "not http and not browser and not scale"

test-rasa: kb $(MODEL)
	$(PY) -m bot.ops.serve rasa-test-stories --action-port $$(( $(ACTION_PORT) + 100 ))

test-scale: kb $(MODEL) sysdeps
	$(PY) -m pytest -m scale

eval: kb $(MODEL)
	$(PY) -m bot.measure.evaluate
	$(PY) -m bot.measure.question_eval
	$(PY) -m bot.measure.question_eval --engine --holdout --quiet

bench: kb $(MODEL)
	$(PY) -m bot.measure.bench

soak: kb $(MODEL) sysdeps
	$(PY) -m bot.measure.soak --seconds 600 --model $(MODEL)

# Privacy: delete conversations idle for more than DAYS days (default 30).
purge: $(STAMP)
	$(PY) -m bot.ops.purge --older-than-days $(or $(DAYS),30)

# The operators' report of the last SINCE (default 7d) from the tracker store of ENDPOINTS
# (default endpoints.yml; deploy/endpoints.cluster.yml for PostgreSQL), and the review export.
REPORT_ARGS = --since $(or $(SINCE),7d) $(if $(ENDPOINTS),--endpoints $(ENDPOINTS))
report: $(STAMP)
	$(PY) -m bot.report $(REPORT_ARGS) --out results/report.html

review: $(STAMP)
	$(PY) -m bot.report.review $(REPORT_ARGS) --out results/review.yml

cluster: kb $(MODEL) sysdeps
	scripts/cluster.sh start

clean:
	@if [ -x $(PY) ]; then rm -f "$$($(PY) -m knowledge path)"; fi
	rm -rf models results .cache .pytest_cache
