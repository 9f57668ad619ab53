#!/usr/bin/env bash
# A bounded load run of CommunityHub's main pages and the reply POST, for one or more git revisions, each built
# in Release in a temporary git worktree and run against its own throwaway PostgreSQL, on 127.0.0.1 only.
#
#   scripts/benchmark.sh [--revision REV]... [--duration SECONDS] [--connections N] [--max-requests N]
#                        [--fsync on|off] [--details] [--logs DIR]
#
#   --revision REV     what to measure (a commit, branch or tag; repeatable, measured in the order given);
#                      default HEAD. Uncommitted changes are never measured.
#   --duration S       seconds of measurement per scenario, after a 5 s warm-up (default 20, at most 40: the
#                      members sign in afresh before their scenarios, because Identity re-checks a sign-in cookie
#                      older than a minute on every request when the client, like wrk, never stores the renewed one)
#   --connections N    concurrent connections (default 16, at most 64)
#   --max-requests N   a scenario also stops after this many responses (default 50000)
#   --logs DIR         keep each revision's app log there (DIR/app-<commit>.log)
#   --scenario NAME    only this scenario (repeatable; e.g. "thread, signed in"); default all seven (five over the pages, two over the REST API)
#   --details          also list, per scenario, the statements counted (calls and execution ms per request, the query)
#   --fsync on|off     PostgreSQL's fsync (default off: the figures are about the app and its SQL, not about
#                      this machine's disk, which other work shares)
#
# Per revision: initdb a cluster under /tmp (pg_stat_statements loaded), start the built app with the demo
# community (Seed__Demo=true: 16 accounts, password community-demo), rate limits, trust limits and e-mail confirmation off,
# e-mail dispatch and digests off, 50 replies per thread page; sign the 16 demo members in through the sign-in
# page, start a thread (tagged "reports": the demo's Questions space asks for a product) and post 50 replies to it through the pages; then, each at N connections (wrk, installed
# from Debian when missing): the thread page with 50 replies anonymous and signed in, the space page, a search,
# and the reply POST by the 16 members (each with its own cookie and form token, a fresh SubmissionId per request).
# Prints, per scenario, requests per second, p50 and p99 latency, the app's CPU milliseconds per response, SQL statements per request (pg_stat_statements:
# calls by the app's database role over 48 requests sent one at a time once the load has settled (counters
# reset first), so each is counted exactly; a batch of three INSERTs is three; BEGIN/COMMIT and other utility statements are
# not counted), responses other than a page's 200 or a reply's 302, and error lines in the app's log; then a table for the README.
# Everything it started (app, PostgreSQL, worktree, temporary files) is stopped and removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
source scripts/prerequisites.sh

revisions=()
duration=20
connections=16
max_requests=50000
fsync=off
details=false
logs=""
scenarios=()
while [ $# -gt 0 ]; do
    case "$1" in
        --revision) revisions+=("$2"); shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        --max-requests) max_requests=$2; shift 2 ;;
        --fsync) fsync=$2; shift 2 ;;
        --scenario) scenarios+=("$2"); shift 2 ;;
        --details) details=true; shift ;;
        --logs) logs=$2; mkdir -p "$logs"; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/{/^set -euo/!p}' "$0"; exit 0 ;;
        *) echo "Unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done
[ ${#revisions[@]} -gt 0 ] || revisions=(HEAD)
[[ "$duration" =~ ^[0-9]+$ ]] && [ "$duration" -ge 1 ] && [ "$duration" -le 40 ] || { echo "--duration: 1 to 40 seconds" >&2; exit 2; }
[[ "$connections" =~ ^[0-9]+$ ]] && [ "$connections" -ge 1 ] && [ "$connections" -le 64 ] || { echo "--connections: 1 to 64" >&2; exit 2; }
[[ "$max_requests" =~ ^[0-9]+$ ]] && [ "$max_requests" -ge 1 ] && [ "$max_requests" -le 1000000 ] || { echo "--max-requests: 1 to 1000000" >&2; exit 2; }
[ "$fsync" = on ] || [ "$fsync" = off ] || { echo "--fsync: on or off" >&2; exit 2; }

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required ('dotnet' on PATH)." >&2; exit 1; }
command -v wrk >/dev/null || apt_install wrk
[ -n "$(pg_bindir || true)" ] || apt_install postgresql
bin=$(pg_bindir)
[ -f "/usr/share/postgresql/$(basename "$(dirname "$bin")")/extension/pg_stat_statements.control" ] \
    || { echo "pg_stat_statements is missing (it ships with Debian's postgresql package)." >&2; exit 1; }
for revision in "${revisions[@]}"; do
    git rev-parse --verify --quiet "$revision^{commit}" >/dev/null || { echo "Unknown revision: $revision" >&2; exit 2; }
done

as_db_user() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

work=$(mktemp -d /tmp/communityhub-benchmark-XXXXXX)
chmod 755 "$work"
tree="" ; pg_data="" ; app_pid=""
cleanup() {
    if [ -n "$app_pid" ]; then kill -TERM "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=""; fi
    if [ -n "$pg_data" ] && [ -d "$pg_data" ]; then as_db_user "$bin/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1 || true; fi
    pg_data=""
    if [ -n "$tree" ]; then git -C "$repo" worktree remove --force "$tree" >/dev/null 2>&1 || rm -rf "$tree"; git -C "$repo" worktree prune; tree=""; fi
}
trap 'cleanup; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

salt=$(( (RANDOM << 15) | RANDOM ))
results="$work/results.tsv"
: > "$results"

# seconds(latency as wrk prints it: 950.00us, 12.34ms, 1.20s) -> milliseconds
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.1f", n }'; }

# sql STATEMENT [DATABASE]: as the superuser, on this revision's cluster.
sql() { as_db_user "$bin/psql" -h "$pg_data" -p "$pg_port" -U postgres -d "${2:-communityhub}" -tAqc "$1"; }
statements() { sql "SELECT coalesce(sum(s.calls), 0) FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid WHERE r.rolname = 'communityhub'"; }
# Waits until the app has finished what the last run left under way (requests whose client went away still run
# their statements), so that each count covers exactly its own run.
settle() {
    local last now
    last=$(statements)
    for _ in $(seq 1 30); do
        sleep 0.5
        now=$(statements)
        [ "$now" = "$last" ] && return 0
        last=$now
    done
}
# The app process's CPU time so far (user + system), in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$app_pid/stat"; }
log_errors() { grep -cE '\] ?(ERR|FTL)|responded 5[0-9][0-9]' "$work/app.log" || true; }

# form_value FILE NAME: the value of the first input named NAME in an HTML file.
form_value() { grep -o "name=\"$2\"[^>]*value=\"[^\"]*\"\|value=\"[^\"]*\"[^>]*name=\"$2\"" "$1" | head -n 1 | sed 's/.*value="\([^"]*\)".*/\1/'; }

# probe_statements URL MODE [FIELDS]: the SQL statements of one request, counted exactly over 48 requests sent one
# after the other (3 by each member), with nothing else under way; prints "statements per request".
probe_statements() {
    local url=$1 mode=$2 fields=${3:-} count=48 i after status expected=200 cookie token failed=0
    local cookies=() tokens=()
    if [[ "$mode" == api-* ]]; then
        while IFS= read -r token; do tokens+=("$token"); done < "$work/tokens.tsv"
    elif [ "$mode" != anonymous ]; then
        while IFS=$'\t' read -r cookie token; do cookies+=("$cookie"); tokens+=("$token"); done < "$work/members.tsv"
    fi
    [ "$mode" = reply ] && expected=302
    [ "$mode" = api-reply ] && expected=201
    settle
    sql "SELECT pg_stat_statements_reset()" >/dev/null
    for i in $(seq 1 "$count"); do
        case "$mode" in
            anonymous) status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 "$base$url") ;;
            signed-in) status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 -H "Cookie: ${cookies[$((i % ${#cookies[@]}))]}" "$base$url") ;;
            reply) status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 -H "Cookie: ${cookies[$((i % ${#cookies[@]}))]}" \
                --data "$fields&Input.Body=A+reply+counted+statement+by+statement%2C+number+$i&Input.SubmissionId=$(cat /proc/sys/kernel/random/uuid)&__RequestVerificationToken=${tokens[$((i % ${#tokens[@]}))]}" \
                "$base$url") ;;
            api-read) status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 -H "Authorization: Bearer ${tokens[$((i % ${#tokens[@]}))]}" "$base$url") ;;
            api-reply) status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 -H "Authorization: Bearer ${tokens[$((i % ${#tokens[@]}))]}" \
                -H "Content-Type: application/json" --data "{\"body\":\"A reply counted statement by statement, number $i\",\"submissionId\":\"$(cat /proc/sys/kernel/random/uuid)\"}" \
                "$base$url") ;;
        esac
        [ "$status" = "$expected" ] || failed=$((failed + 1))
    done
    settle
    after=$(statements)
    [ "$failed" -eq 0 ] || echo "    ($failed of the $count counted requests did not answer $expected)" >&2
    if [ "$details" = true ]; then
        sql "SELECT round(s.calls::numeric / $count, 2) || ' x ' || round((s.total_exec_time / $count)::numeric, 3) || ' ms ' || left(regexp_replace(s.query, '\s+', ' ', 'g'), 140)
             FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid WHERE r.rolname = 'communityhub' ORDER BY s.calls DESC, s.query" \
            | sed 's/^/      /' >&2
    fi
    awk -v s="$after" -v r="$count" 'BEGIN { printf "%.1f", s / r }'
}

# run_scenario NAME URL MODE [FIELDS]: a 5 s warm-up, the load run (requests per second, latency), then the
# statement count.
run_scenario() {
    local name=$1 url=$2 mode=$3 fields=${4:-} out="$work/wrk-$1.txt" per_thread errors_before members_file="$work/members.tsv"
    [[ "$mode" == api-* ]] && members_file="$work/tokens.tsv"
    if [ ${#scenarios[@]} -gt 0 ] && ! printf '%s\n' "${scenarios[@]}" | grep -qxF "$name"; then
        return 0
    fi
    per_thread=$(( (max_requests + 1) / 2 ))
    # Warm-up: JIT, connection pools, PostgreSQL's caches.
    timeout 60 wrk -t2 -c"$connections" -d5s --timeout 10s -s scripts/benchmark/members.lua "$base$url" -- "$mode" "$per_thread" "$members_file" "$((salt + 1))" "$fields" >/dev/null
    errors_before=$(log_errors)
    cpu_before=$(cpu_ticks)
    timeout $((duration + 60)) wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s --latency -s scripts/benchmark/members.lua "$base$url" \
        -- "$mode" "$per_thread" "$members_file" "$salt" "$fields" > "$out"
    local requests rps p50 p99 bad errors per_request cpu
    cpu=$(( $(cpu_ticks) - cpu_before ))
    requests=$(awk '/requests in/ { print $1 }' "$out")
    # The app's own CPU time per response (user and system, GC and JIT included): unlike requests per second, it
    # holds on a machine that other work shares, so revisions measured at different times stay comparable.
    cpu=$(awk -v t="$cpu" -v hz="$(getconf CLK_TCK)" -v r="$requests" 'BEGIN { printf "%.2f", (r > 0 ? t * 1000 / hz / r : 0) }')
    rps=$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$out")
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
    # Not wrk's "Non-2xx or 3xx" (a signed-in GET sent to sign in is a 302): members.lua counts every response
    # other than a page's 200 or a reply's 302.
    bad=$(awk '/^Unexpected status:/ { print $NF }' "$out"); bad=${bad:-0}
    # Fresh cookies for the count too (the load run took up to a minute).
    [ "$mode" = anonymous ] || sign_in_members
    per_request=$(probe_statements "$url" "$mode" "$fields")
    errors=$(( $(log_errors) - errors_before ))
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$name" "$rps" "$p50" "$p99" "$per_request" "$requests" "$bad" "$errors" "$cpu" >> "$results"
    printf '  %-22s %7s req/s   p50 %8s ms   p99 %8s ms   %6s CPU ms/request   %6s SQL/request   (%s responses, %s unexpected statuses, %s error lines logged)\n' \
        "$name" "$rps" "$p50" "$p99" "$cpu" "$per_request" "$requests" "$bad" "$errors"
}

names=(alice bruno chloe dev femi grace hiro ines jonas kavya liam maya sam erin morgan ada)

# Signs the 16 demo members in through the sign-in page, all at once (fresh cookies, a minute before Identity
# re-checks them) and, once the threads exist, writes each one's cookies and form token to members.tsv for wrk.
sign_in_member() {
    local who=$1 jar="$work/$1.jar" status
    rm -f "$jar"
    curl -s -c "$jar" -b "$jar" --max-time 20 "$base/account/sign-in" -o "$work/$who.html"
    status=$(curl -s -c "$jar" -b "$jar" --max-time 20 -o /dev/null -w '%{http_code}' \
        --data-urlencode "Input.Email=$who@example.com" --data-urlencode "Input.Password=community-demo" \
        --data-urlencode "__RequestVerificationToken=$(form_value "$work/$who.html" __RequestVerificationToken)" "$base/account/sign-in")
    [ "$status" = 302 ] || { echo "Signing in $who answered $status." >&2; return 1; }
    if [ -n "${replies:-}" ]; then
        # The form token, from the thread the replies go to.
        curl -s -b "$jar" -c "$jar" --max-time 20 "$base$replies" -o "$work/$who.html"
    fi
}
sign_in_members() {
    local who pids=()
    for who in "${names[@]}"; do
        sign_in_member "$who" & pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid" || exit 1; done
    : > "$work/members.tsv"
    if [ -n "${replies:-}" ]; then
        for who in "${names[@]}"; do
            printf '%s\t%s\n' "$(awk -F'\t' '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$work/$who.jar")" \
                "$(form_value "$work/$who.html" __RequestVerificationToken)" >> "$work/members.tsv"
        done
    fi
}

# One REST API token (read, write) per demo member, made on /account/tokens as a person would; the secret is read
# off the page the form leads to, the one time it is shown.
make_tokens() {
    local who jar
    : > "$work/tokens.tsv"
    for who in "${names[@]}"; do
        jar="$work/$who.jar"
        curl -s -b "$jar" -c "$jar" --max-time 20 "$base/account/tokens" -o "$work/$who-tokens.html"
        curl -s -b "$jar" -c "$jar" --max-time 20 -o /dev/null \
            --data-urlencode "Input.Name=benchmark" --data-urlencode "Input.Scopes=read" --data-urlencode "Input.Scopes=write" \
            --data-urlencode "__RequestVerificationToken=$(form_value "$work/$who-tokens.html" __RequestVerificationToken)" "$base/account/tokens"
        curl -s -b "$jar" -c "$jar" --max-time 20 "$base/account/tokens" \
            | grep -o 'id="new-token"[^>]*value="[^"]*"' | sed 's/.*value="\([^"]*\)".*/\1/' >> "$work/tokens.tsv"
    done
    [ "$(grep -c '^chub_' "$work/tokens.tsv")" -eq "${#names[@]}" ] || { echo "Could not make the members' API tokens." >&2; exit 1; }
}

measure() {
    local revision=$1 commit
    commit=$(git rev-parse --short "$revision^{commit}")
    label="$revision"; [ "$revision" = "$commit" ] || label="$revision ($commit)"
    echo
    echo "== $label"

    thread="" ; replies=""
    tree="$work/tree-$commit"
    git worktree add --detach --quiet "$tree" "$commit"
    echo "Building $commit (Release)..."
    dotnet build "$tree/src/CommunityHub.Web" -c Release -nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }

    pg_data="$work/postgres-$commit"; pg_port=$(free_port)
    mkdir -p "$pg_data"
    if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$pg_data"; fi
    chmod 700 "$pg_data"
    as_db_user "$bin/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
    as_db_user "$bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w -t 60 start -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $pg_data \
        -c fsync=$fsync -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_utility=off -c max_connections=200" >/dev/null
    sql "CREATE ROLE communityhub LOGIN" postgres
    sql "CREATE DATABASE communityhub OWNER communityhub" postgres
    sql "CREATE EXTENSION pg_stat_statements"

    local port; port=$(free_port)
    base="http://127.0.0.1:$port"
    (
        cd "$tree/src/CommunityHub.Web"
        export ConnectionStrings__Community="Host=127.0.0.1;Port=$pg_port;Database=communityhub;Username=communityhub"
        export ASPNETCORE_ENVIRONMENT=Production Seed__Demo=true Community__RepliesPerPage=50 \
            RateLimits__Enabled=false Api__RateLimitEnabled=false Identity__RequireConfirmedEmail=false \
            Trust__HoldSuspectedSpam=false Trust__New__FirstPostsNeedingApproval=0 Trust__New__ThreadsPerDay=1000000 Trust__Member__ThreadsPerDay=1000000 \
            Email__DispatchEnabled=false Digest__Enabled=false Email__PickupDirectory="$work/mail" HOME="$work"
        exec dotnet "bin/Release/net10.0/CommunityHub.Web.dll" --urls "$base" --contentRoot "$PWD"
    ) >"$work/app.log" 2>&1 &
    app_pid=$!
    for _ in $(seq 1 120); do
        curl -sf -o /dev/null --max-time 2 "$base/health" && break
        kill -0 "$app_pid" 2>/dev/null || { tail -n 40 "$work/app.log"; echo "The app exited while starting." >&2; exit 1; }
        sleep 1
    done
    curl -sf -o /dev/null --max-time 5 "$base/" || { tail -n 40 "$work/app.log"; echo "The app did not come up." >&2; exit 1; }

    echo "Signing in the 16 demo members and posting 50 replies through the pages..."
    local who status n
    sign_in_members

    # A thread by alice with 50 replies by the members in turn, and one more thread for the reply POSTs.
    start_thread() {
        curl -s -b "$work/alice.jar" -c "$work/alice.jar" --max-time 10 "$base/s/questions/new" -o "$work/page.html"
        curl -s -b "$work/alice.jar" -c "$work/alice.jar" --max-time 10 -o /dev/null -w '%{redirect_url}' \
            --data-urlencode "Input.Title=$1" --data-urlencode "Input.Body=$2" --data-urlencode "Input.Tags=reports" \
            --data-urlencode "Input.SubmissionId=$(form_value "$work/page.html" Input.SubmissionId)" \
            --data-urlencode "__RequestVerificationToken=$(form_value "$work/page.html" __RequestVerificationToken)" "$base/s/questions/new"
    }
    thread=$(start_thread "How do I schedule a nightly export to S3?" "We export reports by hand every morning. Can the export run on a schedule and land in our S3 bucket?")
    thread=${thread#"$base"}; thread=${thread%%\?*}; thread=${thread%%#*}
    replies=$(start_thread "Benchmark: replies under load" "The reply POST scenario writes here.")
    replies=${replies#"$base"}; replies=${replies%%\?*}; replies=${replies%%#*}
    [[ "$thread" =~ ^/s/questions/t/[0-9]+$ && "$replies" =~ ^/s/questions/t/[0-9]+$ ]] || { echo "Could not start the threads ($thread, $replies)." >&2; exit 1; }
    for n in $(seq 1 50); do
        who=${names[$((n % 16))]}
        curl -s -b "$work/$who.jar" -c "$work/$who.jar" --max-time 10 "$base$thread" -o "$work/page.html"
        status=$(curl -s -b "$work/$who.jar" -c "$work/$who.jar" --max-time 10 -o /dev/null -w '%{http_code}' \
            --data-urlencode "Input.Body=Reply $n: we run the export nightly with a scheduled job; here is what worked for us, step $n." \
            --data-urlencode "Input.SubmissionId=$(form_value "$work/page.html" Input.SubmissionId)" \
            --data-urlencode "__RequestVerificationToken=$(form_value "$work/page.html" __RequestVerificationToken)" "$base$thread")
        [ "$status" = 302 ] || { echo "Reply $n by $who answered $status." >&2; exit 1; }
    done

    # Each member reads the thread once, as they would have: their read mark is in place.
    local readers=()
    for who in "${names[@]}"; do
        curl -s -b "$work/$who.jar" -c "$work/$who.jar" --max-time 20 "$base$thread" -o /dev/null & readers+=($!)
    done
    wait "${readers[@]}"
    shown=$(curl -s --max-time 10 "$base$thread" | grep -o 'id="post-[0-9]*"' | sort -u | wc -l)
    echo "Thread $thread shows $shown posts to an anonymous reader; replies go to $replies."

    echo "Measuring: ${duration} s per scenario after a 5 s warm-up, $connections connections, at most $max_requests responses..."
    run_scenario "thread, anonymous" "$thread" anonymous
    sign_in_members
    run_scenario "thread, signed in" "$thread" signed-in
    run_scenario "space, anonymous" "/s/questions" anonymous
    run_scenario "search, anonymous" "/search?q=export" anonymous
    sign_in_members
    run_scenario "reply POST, 16 members" "$replies" reply "Input.InReplyToPostId="
    # The same reads and writes through the REST API (issue 17), with the members' tokens.
    make_tokens
    run_scenario "API thread, 16 tokens" "/api/v1/spaces/questions/threads/${thread##*/}" api-read
    run_scenario "API reply POST, 16 tokens" "/api/v1/spaces/questions/threads/${replies##*/}/replies" api-reply
    [ -z "$logs" ] || cp "$work/app.log" "$logs/app-$commit.log"

    cleanup
}

echo "CommunityHub benchmark: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start, PostgreSQL fsync=$fsync"
for revision in "${revisions[@]}"; do
    measure "$revision"
done

echo
echo "| revision | scenario | req/s | p50 ms | p99 ms | CPU ms/request | SQL/request | unexpected statuses | error lines logged |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $10, $6, $8, $9 }' "$results"
echo
echo "($connections connections, ${duration} s per scenario after a 5 s warm-up, wrk -t2 on the same $(nproc)-core machine as the app; load average $(cut -d' ' -f1-3 /proc/loadavg) at the end)"
