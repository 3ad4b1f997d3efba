#!/usr/bin/env bash
# make down: stops the subgraphs and the gateway that `make up` started, by their pid files.
#   --infra  also stops PostgreSQL, Redis and RabbitMQ when scripts/infra.sh was the one that started them
#   --quiet  say nothing when there is nothing to stop
source "$(dirname "$0")/lib.sh"

quiet=false
infra=false
for argument in "$@"; do
  case "$argument" in
    --quiet) quiet=true ;;
    --infra) infra=true ;;
    *) die "usage: down.sh [--infra] [--quiet]" ;;
  esac
done

stop_pid_file() {
  local file="$1" name pid
  name="$(basename "$file" .pid)"
  pid="$(cat "$file")"
  if kill -0 "$pid" 2>/dev/null; then
    # The service leads its own process group (setsid): signal the whole group.
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
      warn "$name did not stop within 10 s; killing it"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
    $quiet || log "stopped $name"
  fi
  rm -f "$file"
}

shopt -s nullglob
for file in "$RUN_DIR"/*.pid; do stop_pid_file "$file"; done

if $infra; then
  marks="$RUN_DIR/infra-started"
  if [ -f "$marks/rabbitmq" ]; then as_root rabbitmqctl -q stop >/dev/null 2>&1 || true; rm -f "$marks/rabbitmq"; log "stopped RabbitMQ"; fi
  if [ -f "$marks/redis" ]; then redis-cli -h 127.0.0.1 -p 6379 shutdown nosave >/dev/null 2>&1 || true; rm -f "$marks/redis"; log "stopped Redis"; fi
  if [ -f "$marks/postgres" ]; then as_root pg_ctlcluster 15 main stop || true; rm -f "$marks/postgres"; log "stopped PostgreSQL"; fi
fi
