#!/usr/bin/env bash
# A PostgreSQL 15 server for the benchmark, kept between runs (unlike the throwaway one of scripts/test.mjs).
#
#   bench/pg.sh start    initdb on first use, then start; prints the DATABASE_URL to use
#   bench/pg.sh stop
#   bench/pg.sh url
#
# Data lives in $SABT_BENCH_PGDATA (default /var/tmp/sabt-bench-pg): 10 million records take ~40 GB.
# Port: $SABT_BENCH_PGPORT (default 54329). As root, the server runs as the `postgres` OS user.
# Settings are for a 2-core, 24 GB machine; fsync is off because the data can always be generated again
# (it changes write durability, not read latency).
set -euo pipefail
DIR="${SABT_BENCH_PGDATA:-/var/tmp/sabt-bench-pg}"
PORT="${SABT_BENCH_PGPORT:-54329}"
BIN="${SABT_BENCH_PGBIN:-/usr/lib/postgresql/15/bin}"
[ -x "$BIN/postgres" ] || BIN="$(pg_config --bindir)"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
URL="postgres://postgres@127.0.0.1:${PORT}/sabt_bench"

case "${1:-}" in
  start)
    if [ ! -f "$DIR/data/PG_VERSION" ]; then
      mkdir -p "$DIR"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
      as_pg "$BIN/initdb" -D "$DIR/data" -A trust -U postgres --encoding=UTF8 --locale=C.UTF-8 --no-sync >/dev/null
    fi
    if as_pg "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
      echo "already running" >&2
    else
      as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/postgres.log" -w -t 120 start -o "\
        -p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$DIR \
        -c shared_buffers=6GB -c effective_cache_size=16GB -c work_mem=32MB -c maintenance_work_mem=2GB \
        -c max_wal_size=32GB -c checkpoint_timeout=30min -c wal_level=minimal -c max_wal_senders=0 \
        -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
        -c random_page_cost=1.1 -c jit=off -c max_parallel_maintenance_workers=1 \
        -c max_parallel_workers_per_gather=1 -c max_connections=50" >/dev/null
    fi
    echo "$URL"
    ;;
  stop)
    as_pg "$BIN/pg_ctl" -D "$DIR/data" -w -m fast stop
    ;;
  url)
    echo "$URL"
    ;;
  *)
    echo "usage: bench/pg.sh start|stop|url" >&2
    exit 2
    ;;
esac
