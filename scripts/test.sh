#!/usr/bin/env bash
# make test: the whole suite against real PostgreSQL, Redis and RabbitMQ (started here when needed), with the
# end-to-end tests going through the real gateway and headless Chromium.
# Prints per test project its counts and time, and every failure in full; the hosts' application logs and dotnet
# test's own output go to .run/logs/tests/. The last line, "N passed, N failed[, N skipped]", is what CI reads.
#   GOSHOP_TEST_PROJECTS="BuildingBlocks.Tests PaymentGateways.Tests" scripts/test.sh   only those projects
#   GOSHOP_TEST_PROJECTS="web" scripts/test.sh   only the web apps' unit tests (vitest; the whole suite runs them too)
# Arguments go to dotnet test (e.g. --filter).
source "$(dirname "$0")/lib.sh"

started=$SECONDS
mapfile -t projects < <(cd "$ROOT" && find tests -name '*.Tests.csproj' | sort)
web_tests=1
if [ -n "${GOSHOP_TEST_PROJECTS:-}" ]; then
  wanted=" $GOSHOP_TEST_PROJECTS "
  [[ "$wanted" == *" web "* ]] || web_tests=""
  mapfile -t projects < <(for p in "${projects[@]}"; do
    [[ "$wanted" == *" $(basename "$(dirname "$p")") "* ]] && echo "$p"
  done)
  [ ${#projects[@]} -gt 0 ] || [ -n "$web_tests" ] || die "GOSHOP_TEST_PROJECTS names no project under tests/ (nor web)"
fi
per_subgraph=() end_to_end=() needs_gateway_packages=""
for p in "${projects[@]}"; do
  case "$p" in */EndToEnd.Tests/*) end_to_end+=("$p") ;; *) per_subgraph+=("$p") ;; esac
  # The end-to-end tests run the gateway; Repository.Tests runs its schema diff (gateway/schema-diff.mjs).
  case "$p" in */EndToEnd.Tests/* | */Repository.Tests/*) needs_gateway_packages=1 ;; esac
done

infra_flags=()
# Only the whole suite starts from an empty test virtual host: a narrowed run may share it with another one.
[ -z "${GOSHOP_TEST_PROJECTS:-}" ] && infra_flags+=(--fresh-test-vhost)
[ ${#end_to_end[@]} -gt 0 ] && infra_flags+=(--browser)
# The web apps' unit tests alone need no infrastructure.
[ ${#projects[@]} -gt 0 ] && "$ROOT/scripts/infra.sh" "${infra_flags[@]}"
# A whole run leaves about a thousand durable test queues behind, which RabbitMQ deletes only after ten idle minutes;
# a broker stopped before then (the machine's session ending) recovers every one of them at its next start. The run
# takes its virtual host away when it ends, passed or failed; infra.sh makes it again.
if [ -z "${GOSHOP_TEST_PROJECTS:-}" ]; then
  trap 'as_root rabbitmqctl -q delete_vhost goshop_test >/dev/null 2>&1 || true' EXIT
fi
if [ -n "$needs_gateway_packages" ]; then
  "$ROOT/scripts/build.sh" gateway
fi
# The browser tests of the storefront and seller centre drive the apps the gateway serves.
[ ${#end_to_end[@]} -gt 0 ] && "$ROOT/scripts/web.sh" build
build_target="$ROOT/GoShop.sln"
if [ -n "${GOSHOP_TEST_PROJECTS:-}" ]; then
  build_target="$RUN_DIR/tests-selected.slnf"
  write_solution_filter "$build_target" "${projects[@]}"
fi
TEST_LOGS="$RUN_DIR/logs/tests"
RESULTS="$RUN_DIR/test-results"
counts="$RESULTS/counts"
rm -rf "$TEST_LOGS" "$RESULTS"
mkdir -p "$TEST_LOGS" "$RESULTS"

if [ ${#projects[@]} -gt 0 ]; then
  log "building $(basename "$build_target") ($CONFIGURATION; output in ${TEST_LOGS#"$ROOT/"}/build.log)"
  if ! dotnet build "$build_target" -c "$CONFIGURATION" --nologo -v quiet >"$TEST_LOGS/build.log" 2>&1; then
    grep -E ': (error|warning) ' "$TEST_LOGS/build.log" | sort -u
    die "the build failed (${TEST_LOGS#"$ROOT/"}/build.log)"
  fi
fi
# Read by tests/GoShop.Testing (TestLogFile): the hosts of each project log to $TEST_LOGS/<project>.log.
export GOSHOP_TEST_LOG_DIR="$TEST_LOGS"

# The last line of the run, whatever happened: CI reads it.
summarize() {
  awk '{ p += $1; f += $2; s += $3 } END { printf "%d passed, %d failed%s\n", p, f, (s ? sprintf(", %d skipped", s) : "") }' "$counts"
}

# Runs one dotnet test over the given projects, quietly, and reports from the TRX files it wrote.
run_tests() {
  local name="$1" target="$2" status=0
  shift 2
  dotnet test "$target" -c "$CONFIGURATION" --no-build --nologo --results-directory "$RESULTS/$name" \
    --logger trx --logger "console;verbosity=quiet" --blame-hang-timeout 10m "${test_args[@]}" \
    >"$TEST_LOGS/dotnet-test-$name.log" 2>&1 || status=$?
  local names=()
  for p in "$@"; do names+=("$(basename "$(dirname "$p")")"); done
  node "$ROOT/scripts/test-report.mjs" "$RESULTS/$name" "$status" "$TEST_LOGS/dotnet-test-$name.log" "$counts" "${names[@]}" || {
    echo
    summarize
    exit 1
  }
}

test_args=("$@")
touch "$counts"
# The web apps' unit tests (vitest, in Node with jsdom): quick, and first, so a broken client shows at once.
if [ -n "$web_tests" ]; then
  log "running the web apps' unit tests (output in ${TEST_LOGS#"$ROOT/"}/web.log)"
  web_status=0
  "$ROOT/scripts/web.sh" test --reporter=json --outputFile="$RESULTS/web.json" >"$TEST_LOGS/web.log" 2>&1 || web_status=$?
  node -e '
    const [file, counts, status] = process.argv.slice(1);
    const fs = require("node:fs");
    let r = { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0, testResults: [] };
    try { r = JSON.parse(fs.readFileSync(file, "utf8")); } catch {}
    const failed = r.numFailedTests + (status !== "0" && r.numFailedTests === 0 ? 1 : 0);
    fs.appendFileSync(counts, `${r.numPassedTests} ${failed} ${r.numPendingTests}\n`);
    console.log(`  web (vitest): ${r.numPassedTests} passed, ${failed} failed`);
    for (const suite of r.testResults) for (const t of suite.assertionResults ?? [])
      if (t.status === "failed") console.log(`  FAILED ${t.fullName}\n    ${(t.failureMessages ?? []).join("\n    ")}`);
    if (status !== "0" && r.numFailedTests === 0) console.log("  vitest did not run: see the log");
  ' "$RESULTS/web.json" "$counts" "$web_status"
  if [ "$web_status" -ne 0 ]; then
    summarize
    exit 1
  fi
fi
# The subgraphs' own tests run side by side; the end-to-end tests run after them, alone, because one of them
# restarts RabbitMQ (the outbox must deliver once it is back) and that would disturb the others.
if [ ${#per_subgraph[@]} -gt 0 ]; then
  log "running each subgraph's tests (application logs: ${TEST_LOGS#"$ROOT/"}/<project>.log)"
  filter="$RUN_DIR/tests-per-subgraph.slnf"
  write_solution_filter "$filter" "${per_subgraph[@]}"
  run_tests per-subgraph "$filter" "${per_subgraph[@]}"
fi
if [ ${#end_to_end[@]} -gt 0 ]; then
  log "running the end-to-end tests through the gateway (platform logs: ${TEST_LOGS#"$ROOT/"}/end-to-end/<process>.log)"
  run_tests end-to-end "$ROOT/${end_to_end[0]}" "${end_to_end[@]}"
fi
log "tests passed in $((SECONDS - started)) s"
summarize
