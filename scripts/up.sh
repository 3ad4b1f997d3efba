#!/usr/bin/env bash
# make up: installs what is missing, starts PostgreSQL, Redis and RabbitMQ, builds, then (re)starts every subgraph
# (migrating and seeding the demo data) and the gateway in the background. Logs and pid files live in .run/.
source "$(dirname "$0")/lib.sh"

started=$SECONDS
"$ROOT/scripts/infra.sh"
"$ROOT/scripts/build.sh" all
"$ROOT/scripts/down.sh" --quiet

mkdir -p "$RUN_DIR/logs" "$RUN_DIR/mail" "$RUN_DIR/media"

# Our own processes are stopped by now; anything still listening on our ports belongs to someone else, and its
# health check would pass for ours.
while read -r name port _; do
  port_in_use "$port" && die "port $port (the $name subgraph) is taken by another process; stop it first"
done < <(subgraphs)
port_in_use "$GATEWAY_PORT" && die "port $GATEWAY_PORT (the gateway) is taken by another process; stop it or set GOSHOP_GATEWAY_PORT"

# Payment providers send buyers back to the storefront's return page ({paymentId} is the payment's id).
PAYMENT_RETURN_URL="http://127.0.0.1:$GATEWAY_PORT/payments/{paymentId}/return"

start_subgraph() {
  local name="$1" port="$2" project="$3"
  local dll
  dll="$(subgraph_dll "$project")"
  [ -f "$dll" ] || die "$dll is missing: the build did not produce it"
  # setsid: each service leads its own process group, so `make down` stops it with everything it spawned.
  (
    cd "$(dirname "$dll")"
    ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}" \
    Database__SeedDemoData="${GOSHOP_SEED_DEMO_DATA:-true}" \
    Mail__PickupDirectory="$RUN_DIR/mail" \
    Media__Storage__LocalRoot="$RUN_DIR/media" \
    Search__IndexPath="$RUN_DIR/search-index" \
    Payments__ReturnUrl="$PAYMENT_RETURN_URL" \
      setsid nohup dotnet "$dll" --urls "http://127.0.0.1:$port" >"$RUN_DIR/logs/$name.log" 2>&1 &
    echo $! >"$RUN_DIR/$name.pid"
  )
}

start_gateway() {
  local dll
  dll="$(subgraph_dll "$GATEWAY_PROJECT")"
  (
    export GOSHOP_SUPERGRAPH="$ROOT/schema/supergraph.graphql" GOSHOP_GATEWAY_PORT="$GATEWAY_PORT"
    if [ "$GATEWAY_KIND" = dotnet ]; then
      [ -f "$dll" ] || die "$dll is missing: the build did not produce it"
      cd "$(dirname "$dll")"
      ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}" \
      Gateway__BananaCakePop__Root="$ROOT/gateway/node_modules/@chillicream/bananacakepop-graphql-ide" \
      Gateway__Web__Root="$ROOT/web" \
        setsid nohup dotnet "$dll" >"$RUN_DIR/logs/gateway.log" 2>&1 &
    else
      cd "$ROOT/gateway"
      setsid nohup node node_modules/@graphql-hive/gateway/dist/bin.js supergraph >"$RUN_DIR/logs/gateway.log" 2>&1 &
    fi
    echo $! >"$RUN_DIR/gateway.pid"
  )
}

log "starting the subgraphs"
while read -r name port project; do start_subgraph "$name" "$port" "$project"; done < <(subgraphs)
while read -r name port _; do
  wait_for_http "http://127.0.0.1:$port/health/ready" 120 ||
    die "$name did not become ready on port $port; see $RUN_DIR/logs/$name.log"
  log "$name ready on http://127.0.0.1:$port/graphql"
done < <(subgraphs)

log "starting the gateway ($GATEWAY_KIND)"
start_gateway
wait_for_http "http://127.0.0.1:$GATEWAY_PORT/healthcheck" 60 ||
  die "the gateway did not start; see $RUN_DIR/logs/gateway.log"

cat <<INFO

GoShop is up ($((SECONDS - started)) s), served by $([ "$GATEWAY_KIND" = dotnet ] && echo "GoShop Gateway (.NET)" || echo "Hive Gateway").

  GraphQL API and explorer   http://127.0.0.1:$GATEWAY_PORT/graphql   (open it in a browser for Banana Cake Pop)
$([ "$GATEWAY_KIND" = dotnet ] && printf '  Storefront (buyers)        http://127.0.0.1:%s/\n  Seller centre              http://127.0.0.1:%s/seller/\n' "$GATEWAY_PORT" "$GATEWAY_PORT" || true)
$(while read -r name port _; do printf '  %-26s http://127.0.0.1:%s/graphql\n' "$name subgraph" "$port"; done < <(subgraphs))

  Demo accounts (password GoShop-demo-1): buyer@goshop.dev, seller@goshop.dev, shipper@goshop.dev, admin@goshop.dev
  Logs: $RUN_DIR/logs/   Mail (password reset codes): $RUN_DIR/mail/   Stop with: make down
INFO
