#!/usr/bin/env bash
# make test: the whole suite against real PostgreSQL, Redis and RabbitMQ (started here when needed), with the
# end-to-end tests going through the real gateway and headless Chromium.
source "$(dirname "$0")/lib.sh"

started=$SECONDS
"$ROOT/scripts/infra.sh" --browser --fresh-test-vhost
"$ROOT/scripts/build.sh" gateway
log "building the solution ($CONFIGURATION)"
dotnet build "$ROOT/GoShop.sln" -c "$CONFIGURATION" --nologo -v quiet

# The subgraphs' own tests run side by side; the end-to-end tests run after them, alone, because one of them
# restarts RabbitMQ (the outbox must deliver once it is back) and that would disturb the others.
filter="$RUN_DIR/tests-per-subgraph.slnf"
mapfile -t projects < <(cd "$ROOT" && find tests -name '*.Tests.csproj' ! -path '*/EndToEnd.Tests/*' | sort)
write_solution_filter "$filter" "${projects[@]}"
run_tests() {
  dotnet test "$1" -c "$CONFIGURATION" --no-build --nologo \
    --logger "console;verbosity=normal" --blame-hang-timeout 10m "${@:2}"
}
log "running each subgraph's tests"
run_tests "$filter" "$@"
log "running the end-to-end tests through the gateway"
run_tests "$ROOT/tests/EndToEnd.Tests/GoShop.EndToEnd.Tests.csproj" "$@"
log "tests passed in $((SECONDS - started)) s"
