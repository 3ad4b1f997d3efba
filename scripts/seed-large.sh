#!/usr/bin/env bash
# make seed-large: adds the large catalog the benchmarks use (100,000 products by default; GOSHOP_LARGE_PRODUCTS
# changes it) to the database `make up` seeded. Runs the catalog's `seed-large` command; safe to run twice.
source "$(dirname "$0")/lib.sh"

count="${GOSHOP_LARGE_PRODUCTS:-100000}"
"$ROOT/scripts/infra.sh"
"$ROOT/scripts/build.sh" subgraphs
project="$(subgraphs | awk '$1 == "catalog" { print $3 }')"
[ -n "$project" ] || die "subgraphs.conf has no catalog subgraph"
dll="$(subgraph_dll "$project")"
log "migrating the catalog and seeding $count products"
(cd "$(dirname "$dll")" && ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}" dotnet "$dll" seed-large "$count")
log "done; catalog's search sees the products at once, the search subgraph after \`make reindex\`"
