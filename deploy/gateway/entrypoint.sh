#!/bin/sh
# Entrypoint of the gateway image (gateway/Dockerfile). The checked-in schema/supergraph.graphql routes to
# 127.0.0.1:<port>, which inside a container is the gateway itself: so compose the supergraph again from the same
# schema/<name>.graphql files, with subgraph URLs on the compose network (service name = subgraph name in
# subgraphs.conf), then start Hive Gateway on it. Arguments are passed on to `hive-gateway supergraph`.
#
# Environment (defaults set in gateway/Dockerfile):
#   GOSHOP_SUBGRAPH_URL_TEMPLATE  subgraph URL, {name} and {port} from subgraphs.conf (http://{name}:{port}/graphql)
#   GOSHOP_SUPERGRAPH             where the composed supergraph is written and read (/app/supergraph.graphql)
#   GOSHOP_GATEWAY_HOST, GOSHOP_GATEWAY_PORT   read by gateway.config.ts (0.0.0.0, 8000)
set -eu

cd "${GOSHOP_GATEWAY_DIR:-/app/gateway}"

if [ -z "${GOSHOP_SUBGRAPH_URL_TEMPLATE:-}" ]; then
  GOSHOP_SUBGRAPH_URL_TEMPLATE='http://{name}:{port}/graphql'
fi
if [ -z "${GOSHOP_SUPERGRAPH:-}" ]; then
  GOSHOP_SUPERGRAPH=/app/supergraph.graphql
fi
export GOSHOP_SUPERGRAPH

node compose.mjs --url-template "$GOSHOP_SUBGRAPH_URL_TEMPLATE" --out "$GOSHOP_SUPERGRAPH"

# exec: node replaces this shell, so `docker stop` reaches the gateway (compose also runs it under an init).
exec node node_modules/@graphql-hive/gateway/dist/bin.js supergraph "$@"
