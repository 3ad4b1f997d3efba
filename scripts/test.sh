#!/usr/bin/env bash
# make test: the whole suite against real PostgreSQL, Redis and RabbitMQ (started here when needed), with the
# end-to-end tests going through the real gateway and headless Chromium.
source "$(dirname "$0")/lib.sh"

started=$SECONDS
"$ROOT/scripts/infra.sh" --browser
"$ROOT/scripts/build.sh" gateway
log "building the solution ($CONFIGURATION)"
dotnet build "$ROOT/GoShop.sln" -c "$CONFIGURATION" --nologo -v quiet
log "running the tests"
dotnet test "$ROOT/GoShop.sln" -c "$CONFIGURATION" --no-build --nologo \
  --logger "console;verbosity=normal" --blame-hang-timeout 10m "$@"
log "tests passed in $((SECONDS - started)) s"
