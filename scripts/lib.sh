# Shared shell helpers for the scripts behind the Makefile. Source it; do not run it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_DIR="${GOSHOP_RUN_DIR:-$ROOT/.run}"
CONFIGURATION="${CONFIGURATION:-Release}"
GATEWAY_PORT="${GOSHOP_GATEWAY_PORT:-8000}"
# Which gateway serves the one endpoint: dotnet (GoShop Gateway, the default) or hive (Hive Gateway on Node, the yardstick).
GATEWAY_KIND="${GOSHOP_GATEWAY:-dotnet}"
case "$GATEWAY_KIND" in dotnet | hive) ;; *) printf 'GOSHOP_GATEWAY must be dotnet or hive, not %s\n' "$GATEWAY_KIND" >&2; exit 1 ;; esac
GATEWAY_PROJECT="gateway/GoShop.Gateway/GoShop.Gateway.csproj"

log()  { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
warn() { printf '\033[1;33mwarning:\033[0m %s\n' "$*" >&2; }
die()  { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Prints "name port project" for every subgraph in subgraphs.conf.
subgraphs() {
  grep -v -E '^\s*(#|$)' "$ROOT/subgraphs.conf"
}

# Writes a solution filter (.slnf) of GoShop.sln to $1 listing the projects given after it (paths relative to the
# repository root), so one `dotnet build` or `dotnet test` covers exactly those.
write_solution_filter() {
  local filter="$1" entries
  shift
  mkdir -p "$(dirname "$filter")"
  entries="$(printf '"%s"\n' "$@" | paste -sd,)"
  printf '{ "solution": { "path": "%s", "projects": [%s] } }\n' "$ROOT/GoShop.sln" "$entries" >"$filter"
}

# The directory holding a subgraph's built assembly, and the assembly itself.
subgraph_dll() {
  local project="$1"
  local dir name
  dir="$(dirname "$ROOT/$project")"
  name="$(basename "$project" .csproj)"
  echo "$dir/bin/$CONFIGURATION/net10.0/$name.dll"
}

# Waits until an HTTP URL answers 2xx, or fails after a number of seconds.
wait_for_http() {
  local url="$1" seconds="${2:-60}" name="${3:-$1}"
  local deadline=$((SECONDS + seconds))
  until curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then
      return 1
    fi
    sleep 0.5
  done
}

# True when the process in a pid file is alive.
pid_alive() {
  local file="$1"
  [ -f "$file" ] && kill -0 "$(cat "$file")" 2>/dev/null
}

# True when something accepts connections on a loopback port.
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
