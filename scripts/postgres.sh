#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for tests and CI, installing Debian's server when missing.
# Prints the DATABASE_URL to use on its last line. Usage: scripts/postgres.sh [start|stop]
set -euo pipefail
PORT="${PGPORT_GROUPFLOW:-55432}"
DIR="${PGDATA_GROUPFLOW:-${TMPDIR:-/tmp}/groupflow-pg-$PORT}"
DB="${PGDATABASE_GROUPFLOW:-groupflow_test}"

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

if [ "${1:-start}" = stop ]; then
  [ -d "$DIR" ] && as_pg "'$(pg_bin)/pg_ctl' -D '$DIR' stop -m fast" || true
  exit 0
fi

if [ -z "$(pg_bin)" ]; then
  echo "installing PostgreSQL (Debian package postgresql)…" >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
BIN="$(pg_bin)"

if ! as_pg "'$BIN/pg_ctl' -D '$DIR' status" >/dev/null 2>&1; then
  if [ ! -f "$DIR/PG_VERSION" ]; then
    mkdir -p "$DIR"
    [ "$(id -u)" = 0 ] && chown postgres: "$DIR"
    as_pg "'$BIN/initdb' -D '$DIR' -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
  fi
  as_pg "'$BIN/pg_ctl' -D '$DIR' -o '-p $PORT -k /tmp -c listen_addresses=127.0.0.1' -l '$DIR/server.log' -w start" >&2
fi
as_pg "'$BIN/psql' -h 127.0.0.1 -p $PORT -U postgres -tAc \"SELECT 1 FROM pg_database WHERE datname='$DB'\"" | grep -q 1 \
  || as_pg "'$BIN/createdb' -h 127.0.0.1 -p $PORT -U postgres '$DB'"
echo "postgresql://postgres@127.0.0.1:$PORT/$DB"
