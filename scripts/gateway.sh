#!/usr/bin/env bash
# Runs GoShop Gateway alone, in the foreground, on any supergraph (for outside suites such as the federation
# gateway audit): ready when GET /health/ready answers 200.
#   scripts/gateway.sh --supergraph FILE [--port N] [--host H]
source "$(dirname "$0")/lib.sh"

supergraph="$ROOT/schema/supergraph.graphql" port="$GATEWAY_PORT" host="127.0.0.1"
while [ $# -gt 0 ]; do
  case "$1" in
    --supergraph) supergraph="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --host) host="$2"; shift 2 ;;
    *) die "usage: scripts/gateway.sh --supergraph FILE [--port N] [--host H]" ;;
  esac
done
[ -f "$supergraph" ] || die "no supergraph at $supergraph"

dotnet build "$ROOT/$GATEWAY_PROJECT" -c "$CONFIGURATION" --nologo -v quiet >/dev/null
dll="$(subgraph_dll "$GATEWAY_PROJECT")"
cd "$(dirname "$dll")"
GOSHOP_SUPERGRAPH="$supergraph" GOSHOP_GATEWAY_PORT="$port" GOSHOP_GATEWAY_HOST="$host" \
  ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}" \
  Gateway__BananaCakePop__Root="$ROOT/gateway/node_modules/@chillicream/bananacakepop-graphql-ide" \
  exec dotnet "$dll"
