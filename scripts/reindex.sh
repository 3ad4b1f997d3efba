#!/usr/bin/env bash
# make reindex: the running search subgraph (`make up`) imports every product from catalog again and rebuilds its
# Lucene index (POST /internal/search/reindex). Needed after `make seed-large`, whose products reach catalog without
# events; an empty or outdated index rebuilds by itself at start.
source "$(dirname "$0")/lib.sh"

port="$(subgraphs | awk '$1 == "search" { print $2 }')"
[ -n "$port" ] || die "subgraphs.conf has no search subgraph"
key="${InternalApi__Key:-goshop-internal-development-key}"
log "rebuilding the search index on port $port"
curl -fsS -X POST -H "X-GoShop-Internal-Key: $key" "http://127.0.0.1:$port/internal/search/reindex" || die "the search subgraph did not answer (is it running? make up)"
echo
