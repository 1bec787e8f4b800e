#!/usr/bin/env bash
# Starts a PostgreSQL primary and a streaming replica on local ports, owned by
# an unprivileged user in a temporary directory; installs Debian's packages
# when no PostgreSQL is found. Prints the two URLs as shell assignments:
#   eval "$(bash .ci/postgres.sh start)"   ->  CRMD_PG_URL, CRMD_PG_REPLICA_URL, CRMD_PG_DIR
#   bash .ci/postgres.sh stop "$CRMD_PG_DIR"
set -euo pipefail

find_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

install_postgres() {
  echo "postgres: installing Debian's postgresql package" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
}

# Postgres refuses to run as root: run as the owner of the data directory.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$PG_USER" -- "$@"; else "$@"; fi
}

start() {
  local bin dir primary_port replica_port
  bin=$(find_bin || true)
  if [ -z "$bin" ]; then install_postgres; bin=$(find_bin); fi
  PG_USER=$( [ "$(id -u)" -eq 0 ] && echo postgres || id -un)
  if [ "$(id -u)" -eq 0 ] && ! id "$PG_USER" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_USER"
  fi
  dir=$(mktemp -d /tmp/crmd-pg-XXXXXX)
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown "$PG_USER" "$dir"
  primary_port=${CRMD_PG_PORT:-$(free_port)}
  replica_port=${CRMD_PG_REPLICA_PORT:-$(free_port)}
  as_owner "$bin/initdb" -D "$dir/primary" -U crmd --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  cat >>"$dir/primary/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $primary_port
unix_socket_directories = '$dir'
max_connections = 400
wal_level = replica
max_wal_senders = 4
hot_standby = on
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 128MB
CONF
  echo "host replication crmd 127.0.0.1/32 trust" >>"$dir/primary/pg_hba.conf"
  as_owner "$bin/pg_ctl" -D "$dir/primary" -l "$dir/primary.log" -w start >/dev/null
  as_owner "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U crmd -D "$dir/replica" -R -X stream >/dev/null
  cat >>"$dir/replica/postgresql.conf" <<CONF
port = $replica_port
CONF
  as_owner "$bin/pg_ctl" -D "$dir/replica" -l "$dir/replica.log" -w start >/dev/null
  as_owner "$bin/createdb" -h 127.0.0.1 -p "$primary_port" -U crmd crmd
  echo "export CRMD_PG_DIR=$dir"
  echo "export CRMD_PG_BIN=$bin"
  echo "export CRMD_PG_URL=postgres://crmd@127.0.0.1:$primary_port/crmd"
  echo "export CRMD_PG_REPLICA_URL=postgres://crmd@127.0.0.1:$replica_port/crmd"
}

stop() {
  local dir=$1 bin
  bin=$(find_bin)
  PG_USER=$(stat -c %U "$dir")
  for node in replica primary; do
    [ -d "$dir/$node" ] && as_owner "$bin/pg_ctl" -D "$dir/$node" -m immediate stop >/dev/null 2>&1 || true
  done
  rm -rf "$dir"
}

free_port() {
  bun -e 'const s = Bun.listen({hostname:"127.0.0.1",port:0,socket:{data(){}}}); console.log(s.port); s.stop()' 2>/dev/null \
    || node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:?data directory}" ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
