#!/usr/bin/env bash
# GoShop's databases in the postgis/postgis container of docker-compose.yml: the same layout scripts/infra.sh
# makes on a bare machine.
#   - the application role (LOGIN CREATEDB; default goshop/goshop),
#   - goshop_template with postgis, unaccent, pg_trgm and citext (these need a superuser, so they are installed
#     here once and every GoShop database inherits them), marked as a template,
#   - one database goshop_<name> per subgraph listed in subgraphs.conf, created from that template.
#
# The official entrypoint runs it once, when the data volume is empty (mounted as
# /docker-entrypoint-initdb.d/20-goshop.sh, after the image's own 10_postgis.sh). It is idempotent, so after adding
# a subgraph to subgraphs.conf, run it again on the existing volume:
#   docker compose exec postgres bash /docker-entrypoint-initdb.d/20-goshop.sh
#
# The entrypoint runs it when it is executable and *sources* it otherwise (a checkout that lost the x bit): so it
# only defines functions and calls one, never calls `exit` and never changes the shell options.
#
# Environment: POSTGRES_USER (the superuser, from the image), GOSHOP_DB_USER, GOSHOP_DB_PASSWORD,
# GOSHOP_SUBGRAPHS_CONF (default /etc/goshop/subgraphs.conf, a read-only mount of the repository's file).

# Stop at the first failure (a no-op when sourced: the entrypoint runs with `set -Eeo pipefail` already).
set -e

goshop_psql() {
  # Over the Unix socket as the superuser: the only way in while the entrypoint's temporary server runs, and
  # trusted locally afterwards (what `docker compose exec` uses).
  PGHOST='' PGHOSTADDR='' psql -v ON_ERROR_STOP=1 --no-psqlrc --no-password -qtA \
    --username "${POSTGRES_USER:-postgres}" "$@"
}

goshop_init_databases() {
  local user="${GOSHOP_DB_USER:-goshop}"
  local password="${GOSHOP_DB_PASSWORD:-goshop}"
  local conf="${GOSHOP_SUBGRAPHS_CONF:-/etc/goshop/subgraphs.conf}"
  local template=goshop_template

  if [ ! -r "$conf" ]; then
    echo "goshop: $conf is missing; mount the repository's subgraphs.conf there" >&2
    return 1
  fi

  echo "goshop: role $user"
  # format(%I, %L) quotes the names and the password; \gexec runs the statement only when the SELECT returns it.
  goshop_psql --dbname postgres -v user="$user" -v password="$password" <<'EOSQL'
SELECT format('CREATE ROLE %I LOGIN CREATEDB PASSWORD %L', :'user', :'password')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user') \gexec
EOSQL

  echo "goshop: template database $template"
  goshop_psql --dbname postgres -v user="$user" -v db="$template" <<'EOSQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
EOSQL
  goshop_psql --dbname "$template" <<'EOSQL'
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS citext;
EOSQL
  goshop_psql --dbname postgres -v db="$template" <<'EOSQL'
SELECT format('ALTER DATABASE %I IS_TEMPLATE true', :'db') \gexec
EOSQL

  # subgraphs.conf: "name port project" a line; blank lines and # comments are skipped (as scripts/lib.sh does).
  local name _rest db
  while read -r name _rest; do
    case "$name" in '' | '#'*) continue ;; esac
    if ! [[ "$name" =~ ^[a-z][a-z0-9_]*$ ]]; then
      echo "goshop: '$name' in $conf is not a valid subgraph name" >&2
      return 1
    fi
    db="goshop_$name"
    echo "goshop: database $db"
    goshop_psql --dbname postgres -v user="$user" -v db="$db" -v template="$template" <<'EOSQL'
SELECT format('CREATE DATABASE %I OWNER %I TEMPLATE %I', :'db', :'user', :'template')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
EOSQL
  done <"$conf"
}

goshop_init_databases
