# GoShop: `make up` runs the platform, `make test` runs the whole suite. Both install what they need.
SHELL := /usr/bin/env bash

.DEFAULT_GOAL := help
.PHONY: help up down down-all test bench schema build logs seed-large reindex simulate-delivery

help: ## Show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

up: ## Install what is missing, start PostgreSQL/Redis/RabbitMQ, build, migrate, seed, start every subgraph and the gateway
	@scripts/up.sh

down: ## Stop the subgraphs and the gateway started by `make up`
	@scripts/down.sh

down-all: ## Also stop PostgreSQL, Redis and RabbitMQ if `make up` started them
	@scripts/down.sh --infra

test: ## Run the whole test suite (unit, integration, end-to-end through the gateway)
	@scripts/test.sh

bench: ## Measure the hot paths through the gateway (after `make up` and `make seed-large`); report in tests/Benchmarks/results/
	@scripts/bench.sh

schema: ## Export every subgraph's SDL to schema/ and recompose schema/supergraph.graphql
	@scripts/schema.sh

build: ## Build the subgraphs and install the gateway's packages
	@scripts/build.sh all

seed-large: ## Add 100,000 generated products to the catalog (for benchmarks); run after `make up`
	@scripts/seed-large.sh

reindex: ## Rebuild the running search subgraph's index from catalog (after `make seed-large`)
	@scripts/reindex.sh

simulate-delivery: ## Drive the demo shipper through the delivery of ORDER=<order id> (watch shipmentTracking in the explorer)
	@test -n "$(ORDER)" || { echo "usage: make simulate-delivery ORDER=<order id>"; exit 2; }
	@scripts/simulate-delivery.py "$(ORDER)"

logs: ## Follow the logs of everything `make up` started
	@tail -n 20 -F .run/logs/*.log
