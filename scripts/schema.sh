#!/usr/bin/env bash
# make schema: exports every subgraph's federation SDL into schema/<name>.graphql, then recomposes
# schema/supergraph.graphql. Needs no running server: each subgraph prints its SDL and exits.
source "$(dirname "$0")/lib.sh"

"$ROOT/scripts/build.sh" all
while read -r name _ project; do
  dll="$(subgraph_dll "$project")"
  (cd "$(dirname "$dll")" && dotnet "$dll" schema) >"$ROOT/schema/$name.graphql.tmp"
  mv "$ROOT/schema/$name.graphql.tmp" "$ROOT/schema/$name.graphql"
  log "exported schema/$name.graphql"
done < <(subgraphs)
(cd "$ROOT/gateway" && node compose.mjs)
# What the change does to clients: breaking and dangerous changes against the supergraph in git HEAD.
(cd "$ROOT/gateway" && node schema-diff.mjs)
