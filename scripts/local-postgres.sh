# Sourced by run.sh: a project-local PostgreSQL cluster under .data/postgres (git-ignored), run as the
# 'postgres' user when we are root (initdb refuses to run as root).
set -euo pipefail

as_db_user() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# local_postgres_start DATA_DIR PORT: initialises the cluster on first use, starts it if it is not running.
local_postgres_start() {
    local data=$1 port=$2 bin
    bin=$(pg_bindir)
    mkdir -p "$data"
    if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$data"; chmod 700 "$data"; fi
    if [ ! -f "$data/PG_VERSION" ]; then
        echo "Creating a local PostgreSQL cluster in $data ..."
        as_db_user "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
    fi
    if as_db_user "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        echo "PostgreSQL is already running from $data."
        return 1
    fi
    as_db_user "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start \
        -o "-p $port -c listen_addresses=127.0.0.1 -k $data" >/dev/null
    echo "PostgreSQL started on 127.0.0.1:$port (log: $data/server.log)."
}

local_postgres_stop() {
    local data=$1
    as_db_user "$(pg_bindir)/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
}
