#!/usr/bin/env bash
# Installs what GoShop needs from Debian's packages (when missing) and starts PostgreSQL 15 with PostGIS,
# Redis and RabbitMQ on loopback, without systemd. Idempotent: a server already running is left alone.
#   scripts/infra.sh            install + start the servers, create the role, vhosts and databases
#   scripts/infra.sh --browser  also install Chromium (the end-to-end explorer test drives it)
#   scripts/infra.sh --fresh-test-vhost  also empty the test suite's RabbitMQ virtual host (what `make test` does)
source "$(dirname "$0")/lib.sh"

PG_VERSION=15
PG_USER="${GOSHOP_PG_USER:-goshop}"
PG_PASSWORD="${GOSHOP_PG_PASSWORD:-goshop}"
RABBIT_USER="${GOSHOP_RABBITMQ_USER:-goshop}"
RABBIT_PASSWORD="${GOSHOP_RABBITMQ_PASSWORD:-goshop}"
TEMPLATE_DB=goshop_template

# fonts-dejavu-core: shipping labels embed DejaVu Sans (PDFsharp reads no system fonts by itself on Linux).
packages=(postgresql "postgresql-$PG_VERSION-postgis-3" redis-server rabbitmq-server curl fonts-dejavu-core)
FRESH_TEST_VHOST=0
for arg in "$@"; do
  case "$arg" in
    --browser) packages+=(chromium) ;;
    --fresh-test-vhost) FRESH_TEST_VHOST=1 ;;
  esac
done

# Remembers which servers this script started, so `make down-all` stops those and leaves the others alone.
mark_started() {
  mkdir -p "$RUN_DIR/infra-started"
  touch "$RUN_DIR/infra-started/$1"
}

install_missing_packages() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine has no package lists; a stale one may point at superseded versions.
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

start_postgres() {
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$PG_VERSION main$"; then
    log "creating the PostgreSQL $PG_VERSION cluster"
    as_root pg_createcluster "$PG_VERSION" main >/dev/null
  fi
  if ! pg_lsclusters -h | awk -v v="$PG_VERSION" '$1==v && $2=="main" {print $4}' | grep -q online; then
    log "starting PostgreSQL $PG_VERSION"
    as_root pg_ctlcluster "$PG_VERSION" main start
    mark_started postgres
  fi
  local deadline=$((SECONDS + 30))
  until as_root su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1; do
    [ $SECONDS -ge $deadline ] && die "PostgreSQL did not accept connections within 30 s"
    sleep 0.5
  done
}

psql_admin() {
  as_root su postgres -c "psql -v ON_ERROR_STOP=1 -qtA $*"
}

# Each subgraph process keeps up to 30 connections (Database__MaxPoolSize) and the test suite runs many hosts at
# once: PostgreSQL's default of 100 connections is too few. Raised once, with a restart.
ensure_postgres_connections() {
  local wanted=500 current
  current="$(psql_admin "-c 'SHOW max_connections'")"
  if [ "$current" -lt "$wanted" ]; then
    log "raising PostgreSQL max_connections from $current to $wanted (restarts PostgreSQL)"
    psql_admin "-c 'ALTER SYSTEM SET max_connections = $wanted'" >/dev/null
    as_root pg_ctlcluster "$PG_VERSION" main restart
    local deadline=$((SECONDS + 30))
    until as_root su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1; do
      [ $SECONDS -ge $deadline ] && die "PostgreSQL did not come back within 30 s"
      sleep 0.5
    done
  fi
}

prepare_postgres() {
  psql_admin "-c \"DO \\\$\\\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') THEN
        CREATE ROLE $PG_USER LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
      END IF;
    END \\\$\\\$;\"" >/dev/null
  # Every GoShop database is created from this template, so PostGIS and the text-search extensions
  # (which need a superuser to install) are already there for migrations and for test databases.
  if [ -z "$(psql_admin "-c \"SELECT 1 FROM pg_database WHERE datname = '$TEMPLATE_DB'\"")" ]; then
    log "creating the $TEMPLATE_DB template database"
    psql_admin "-c \"CREATE DATABASE $TEMPLATE_DB OWNER $PG_USER\""
    psql_admin "-d $TEMPLATE_DB -c \"CREATE EXTENSION IF NOT EXISTS postgis; CREATE EXTENSION IF NOT EXISTS unaccent; CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE EXTENSION IF NOT EXISTS citext;\""
    psql_admin "-c \"UPDATE pg_database SET datistemplate = true WHERE datname = '$TEMPLATE_DB'\""
  fi
  local name port project
  while read -r name port project; do
    local db="goshop_$name"
    if [ -z "$(psql_admin "-c \"SELECT 1 FROM pg_database WHERE datname = '$db'\"")" ]; then
      log "creating database $db"
      psql_admin "-c \"CREATE DATABASE $db OWNER $PG_USER TEMPLATE $TEMPLATE_DB\""
    fi
  done < <(subgraphs)
}

start_redis() {
  if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    log "starting Redis"
    mkdir -p "$RUN_DIR/redis"
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --dir "$RUN_DIR/redis" \
      --logfile "$RUN_DIR/redis/redis.log" >/dev/null
    mark_started redis
  fi
  local deadline=$((SECONDS + 15))
  until redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; do
    [ $SECONDS -ge $deadline ] && die "Redis did not answer within 15 s"
    sleep 0.2
  done
}

# The broker opens a file per durable queue while it recovers them. Debian's wrapper starts it through `su`, whose
# PAM limits put it back at 1,024 open files: with more durable queues than that (a killed test run leaves a
# thousand behind in goshop_test) the recovery stalls for good and the node never answers. So start it the way the
# wrapper does, with the open-files limit raised to the hard limit first (65,536 at most).
launch_rabbitmq() {
  local files
  files="$(ulimit -Hn)"
  if [ "$files" = unlimited ] || [ "$files" -gt 65536 ]; then files=65536; fi
  if [ "$(id -u)" -eq 0 ] && id rabbitmq >/dev/null 2>&1 && [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]; then
    (cd /var/lib/rabbitmq && su rabbitmq -s /bin/sh -c "ulimit -n $files; exec /usr/lib/rabbitmq/bin/rabbitmq-server -detached") \
      >/dev/null 2>&1 || true
  else
    as_root rabbitmq-server -detached >/dev/null 2>&1 || true
  fi
}

start_rabbitmq() {
  if ! as_root rabbitmqctl -q status >/dev/null 2>&1; then
    log "starting RabbitMQ"
    launch_rabbitmq
    mark_started rabbitmq
  fi
  local deadline=$((SECONDS + 120))
  until as_root rabbitmqctl -q status >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then
      warn "the end of RabbitMQ's log:"
      as_root sh -c 'tail -n 15 /var/log/rabbitmq/rabbit@*.log' 2>/dev/null | cut -c1-300 >&2 || true
      die "RabbitMQ did not start within 120 s"
    fi
    sleep 1
  done
  as_root rabbitmqctl -q await_startup >/dev/null 2>&1 || true
  # rabbitmqctl takes about a second a call: look once, change only what is missing.
  if ! as_root rabbitmqctl -q list_users | awk '{print $1}' | grep -qx "$RABBIT_USER"; then
    as_root rabbitmqctl -q add_user "$RABBIT_USER" "$RABBIT_PASSWORD" >/dev/null
  fi
  local vhosts
  vhosts="$(as_root rabbitmqctl -q list_vhosts)"
  # One virtual host for the running platform, one for the test suite, so tests never steal its messages.
  for vhost in goshop goshop_test; do
    # Every test host gets queues and exchanges of its own; the queues expire after it, the exchanges stay. `make
    # test` therefore starts from an empty test virtual host instead of piling up thousands of them run after run.
    if [ "$vhost" = goshop_test ] && [ "$FRESH_TEST_VHOST" = 1 ] && grep -qx "$vhost" <<<"$vhosts"; then
      as_root rabbitmqctl -q delete_vhost "$vhost" >/dev/null
      vhosts="$(grep -vx "$vhost" <<<"$vhosts")"
    fi
    if ! grep -qx "$vhost" <<<"$vhosts"; then
      as_root rabbitmqctl -q add_vhost "$vhost" >/dev/null
      as_root rabbitmqctl -q set_permissions -p "$vhost" "$RABBIT_USER" ".*" ".*" ".*" >/dev/null
    fi
  done
}

install_missing_packages
start_postgres
ensure_postgres_connections
prepare_postgres
start_redis
start_rabbitmq
log "infrastructure ready: PostgreSQL 127.0.0.1:5432, Redis 127.0.0.1:6379, RabbitMQ 127.0.0.1:5672"
