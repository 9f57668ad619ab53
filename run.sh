#!/usr/bin/env bash
# Starts CommunityHub on http://127.0.0.1:5080 with a demo community.
# Without ConnectionStrings__Community it runs its own PostgreSQL under .data/ (kept between runs);
# with it, it uses that server. Ctrl-C stops the web app and the database it started.
set -euo pipefail
cd "$(dirname "$0")"
# With a maintenance command, standard output is the command's alone (`./run.sh export -` pipes an archive):
# what this script and the build print goes to standard error.
exec 3>&1
if [ $# -gt 0 ]; then exec 1>&2; fi
source scripts/prerequisites.sh
source scripts/local-postgres.sh
ensure_prerequisites

URL=${COMMUNITYHUB_URL:-http://127.0.0.1:5080}
PG_PORT=${COMMUNITYHUB_PG_PORT:-5433}
PG_DATA="$PWD/.data/postgres"
started_db=false

stop_db() {
    if [ "$started_db" = true ]; then
        echo "Stopping the local PostgreSQL..."
        local_postgres_stop "$PG_DATA"
        started_db=false
    fi
}
trap stop_db EXIT

if [ -z "${ConnectionStrings__Community:-}" ]; then
    if local_postgres_start "$PG_DATA" "$PG_PORT"; then started_db=true; fi
    as_db_user "$(pg_bindir)/psql" -h "$PG_DATA" -p "$PG_PORT" -U postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = 'communityhub'" | grep -q 1 \
        || as_db_user "$(pg_bindir)/createdb" -h "$PG_DATA" -p "$PG_PORT" -U postgres communityhub
    export ConnectionStrings__Community="Host=127.0.0.1;Port=$PG_PORT;Database=communityhub;Username=postgres"
fi

echo "Building CommunityHub..."
dotnet build src/CommunityHub.Web -c Release -nologo -v quiet

if [ $# -gt 0 ]; then
    # A maintenance command (see README, "Operations"), against the same database, then stop.
    dotnet src/CommunityHub.Web/bin/Release/net10.0/CommunityHub.Web.dll "$@" --contentRoot "$PWD/src/CommunityHub.Web" >&3
    exit $?
fi

export Seed__Demo=${Seed__Demo:-true}
# E-mails (confirmations, password resets, notifications, digests) are written as .eml files here unless
# Email__Delivery=Smtp is set (see README); links in them point at this server.
export Email__PickupDirectory=${Email__PickupDirectory:-$PWD/.data/mail}
export Community__PublicUrl=${Community__PublicUrl:-$URL/}
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production}
cat <<INFO

  CommunityHub is starting on $URL
  Demo accounts (password: community-demo):
    ada@example.com     Admin        morgan@example.com  Moderator
    sam@example.com     Staff        erin@example.com    Executive
    alice@, bruno@, chloe@, dev@, femi@, grace@, hiro@ ... @example.com  Members
  E-mails are written to $Email__PickupDirectory (open the .eml files in any mail program).
  Press Ctrl-C to stop.

INFO
# The app runs as a child so that Ctrl-C or a TERM sent to this script reaches it: it finishes the
# requests in flight, then the EXIT trap stops the database.
dotnet src/CommunityHub.Web/bin/Release/net10.0/CommunityHub.Web.dll --urls "$URL" --contentRoot "$PWD/src/CommunityHub.Web" &
app=$!
trap 'kill -TERM "$app" 2>/dev/null || true' INT TERM
wait "$app" || wait "$app" || true
