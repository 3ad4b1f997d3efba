#!/usr/bin/env bash
# make bench: measures the platform's hot paths through the gateway of a running `make up` (with the large seed
# of `make seed-large`) and writes tests/Benchmarks/results/<date>.md. Installs its load generators (wrk, hey).
# GOSHOP_BENCH_RUNS (3), GOSHOP_BENCH_SECONDS (8), GOSHOP_BENCH_WARMUP_SECONDS (3) and GOSHOP_BENCH_ONLY
# (overhead,page,search,cart,order,fanout,storefront,review,searchindex,analytics,notify) change what runs. When the bench ends, however it ends, the users, shops,
# products and orders it made are removed from the development databases.
source "$(dirname "$0")/lib.sh"

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v hey >/dev/null || missing+=(hey)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing the load generators: ${missing[*]}"
  as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

curl -fsS -o /dev/null --max-time 5 "http://127.0.0.1:$GATEWAY_PORT/healthcheck" ||
  die "the gateway does not answer on port $GATEWAY_PORT: run \`make up\` (and \`make seed-large\`) first"

log "building the benchmarks"
dotnet build "$ROOT/tests/Benchmarks/GoShop.Benchmarks.csproj" -c Release --nologo -v quiet -p:UseSharedCompilation=true >/dev/null
# A busy machine skews every figure: say how busy it was when we started.
log "load average before the bench: $(cut -d' ' -f1-3 /proc/loadavg)"
bench="$ROOT/tests/Benchmarks/bin/Release/net10.0/GoShop.Benchmarks.dll"
# Everything the run registers carries its tag (emails bench-<tag>-…@bench.goshop.dev), which the clean-up starts from.
export GOSHOP_BENCH_TAG="$(date -u +%Y%m%d%H%M%S)"
remove_bench_data() {
  dotnet "$bench" clean-up "$GOSHOP_BENCH_TAG" ||
    warn "the bench's data is still in the development databases: run dotnet $bench clean-up $GOSHOP_BENCH_TAG"
}
trap remove_bench_data EXIT
trap 'exit 130' INT TERM
dotnet "$bench"
