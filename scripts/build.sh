#!/usr/bin/env bash
# Builds what `make up` runs: every subgraph and GoShop Gateway (Release), Hive Gateway's npm packages, and the web
# apps the gateway serves (scripts/web.sh).
source "$(dirname "$0")/lib.sh"

install_gateway_packages() {
  local gateway="$ROOT/gateway"
  # npm ci only when the lockfile changed since the last install (it takes ~30-60 s).
  if [ ! -f "$gateway/node_modules/.package-lock.json" ] || [ "$gateway/package-lock.json" -nt "$gateway/node_modules/.package-lock.json" ]; then
    log "installing the gateway's npm packages"
    (cd "$gateway" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

build_subgraphs() {
  log "building the subgraphs and the gateway ($CONFIGURATION)"
  # One build of a solution filter listing the subgraphs of subgraphs.conf: MSBuild checks the shared projects once
  # and builds the subgraphs side by side (one `dotnet build` per project took three times as long).
  local filter="$RUN_DIR/subgraphs.slnf" projects=()
  while read -r _ _ project; do projects+=("$project"); done < <(subgraphs)
  projects+=("$GATEWAY_PROJECT")
  write_solution_filter "$filter" "${projects[@]}"
  dotnet build "$filter" -c "$CONFIGURATION" --nologo -v quiet -p:UseSharedCompilation=true
}

case "${1:-all}" in
  gateway) install_gateway_packages ;;
  subgraphs) build_subgraphs ;;
  web) "$ROOT/scripts/web.sh" build ;;
  all) install_gateway_packages; build_subgraphs; "$ROOT/scripts/web.sh" build ;;
  *) die "usage: build.sh [gateway|subgraphs|web|all]" ;;
esac
