#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the store tests and prints its URL on stdout, for
# MARSAD_TEST_PG:   export MARSAD_TEST_PG=$(scripts/ci-postgres.sh)
# Installs Debian's postgresql package if it is missing (needs root). The cluster lives in
# $MARSAD_PG_DIR (default /tmp/marsad-pg-$PORT), listens on 127.0.0.1:$MARSAD_PG_PORT (default
# 54329) with trust authentication (local CI only), and is reused if already running.
# Stop it with:  pg_ctl -D "$MARSAD_PG_DIR" stop   (as the postgres user when run as root).
set -euo pipefail

PORT=${MARSAD_PG_PORT:-54329}
DIR=${MARSAD_PG_DIR:-/tmp/marsad-pg-$PORT}
DB=marsad_test
ROLE=marsad

log() { echo "ci-postgres: $*" >&2; }

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing postgresql from Debian"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  else
    log "PostgreSQL is not installed, and installing it needs root and apt-get"
    exit 1
  fi
fi
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

# The server refuses to run as root: run it as the postgres user then.
if [ "$(id -u)" = 0 ]; then
  RUN=(runuser -u postgres --)
else
  RUN=()
fi

if [ ! -f "$DIR/PG_VERSION" ]; then
  mkdir -p "$DIR"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$DIR"; fi
  chmod 700 "$DIR"
  log "initdb $DIR"
  "${RUN[@]}" "$BIN/initdb" -D "$DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >&2
fi

if ! "${RUN[@]}" "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
  log "starting PostgreSQL ($BIN) on 127.0.0.1:$PORT"
  "${RUN[@]}" "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w -t 60 \
    -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=300" start >&2
fi

psql_admin() { "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -tAc "$1"; }
if [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != 1 ]; then
  psql_admin "CREATE ROLE $ROLE LOGIN" >&2
fi
if [ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]; then
  psql_admin "CREATE DATABASE $DB OWNER $ROLE ENCODING 'UTF8'" >&2
fi

echo "postgres://$ROLE@127.0.0.1:$PORT/$DB"
