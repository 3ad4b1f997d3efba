#!/usr/bin/env bash
# Builds the web apps the gateway serves (web/storefront at /, web/seller at /seller/), and runs their unit tests.
#   scripts/web.sh build   npm ci (when the lock changed), typed operations from the supergraph, vite build; skipped
#                          when nothing under web/ nor schema/supergraph.graphql is newer than the last build
#   scripts/web.sh test [vitest arguments]   the same install and code generation, then vitest
source "$(dirname "$0")/lib.sh"
WEB="$ROOT/web"

install_web_packages() {
  command -v npm >/dev/null || die "npm is missing: install Node 20.19+ (make up installs the rest)"
  # npm ci only when the lockfile changed since the last install.
  if [ ! -f "$WEB/node_modules/.package-lock.json" ] || [ "$WEB/package-lock.json" -nt "$WEB/node_modules/.package-lock.json" ]; then
    log "installing the web apps' npm packages"
    (cd "$WEB" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# True when a source of the apps (or the supergraph their operations are typed against) is newer than both builds.
stale() {
  local stamp
  for stamp in "$WEB/storefront/dist/index.html" "$WEB/seller/dist/index.html"; do
    [ -f "$stamp" ] || return 0
    [ -n "$(find "$WEB" "$ROOT/schema/supergraph.graphql" \( -name node_modules -o -name dist -o -name gql -o -name generated \) -prune \
      -o -type f -newer "$stamp" -print -quit)" ] && return 0
  done
  return 1
}

case "${1:-build}" in
  build)
    install_web_packages
    if stale; then
      log "building the web apps (storefront, seller centre)"
      (cd "$WEB" && npm run --silent codegen >/dev/null && npm run --silent build --workspace storefront --workspace seller >/dev/null)
    fi
    ;;
  test)
    install_web_packages
    shift
    (cd "$WEB" && npm run --silent codegen >/dev/null && npx vitest run "$@")
    ;;
  *) die "usage: web.sh [build|test]" ;;
esac
