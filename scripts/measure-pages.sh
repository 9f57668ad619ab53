#!/usr/bin/env bash
# A bounded load run: times sequential GETs of the main pages against a running CommunityHub
# (./run.sh) on loopback and prints p50/p95/max per page. Bounded in count (N, default 200 per page)
# and in time (each request at most 5 s, the whole run at most 5 minutes).
# Usage: scripts/measure-pages.sh [base-url] [N]   e.g. scripts/measure-pages.sh http://127.0.0.1:5080 200
set -euo pipefail
base=${1:-http://127.0.0.1:5080}
count=${2:-200}
case "$base" in
    http://127.0.0.1:*|http://localhost:*|http://\[::1\]:*) ;;
    *) echo "Only loopback addresses are measured (got $base)." >&2; exit 2 ;;
esac
[ "$count" -le 5000 ] || { echo "At most 5000 requests per page." >&2; exit 2; }

thread=$(curl -s --max-time 5 "$base/s/questions" | grep -o 'href="/s/questions/t/[0-9]*"' | head -n 1 | cut -d'"' -f2)
deadline=$((SECONDS + 300))
for page in / /s/questions "${thread:-/s/questions}"; do
    for _ in $(seq 1 20); do curl -s -o /dev/null --max-time 5 "$base$page"; done   # warm-up
    for _ in $(seq 1 "$count"); do
        [ "$SECONDS" -lt "$deadline" ] || break
        curl -s -o /dev/null --max-time 5 -w '%{time_total}\n' "$base$page"
    done | sort -n | awk -v page="$page" '{ t[NR] = $1 } END {
        if (NR == 0) { print page ": no requests completed"; exit }
        printf "%-24s p50 %6.1f ms   p95 %6.1f ms   max %6.1f ms   (n=%d)\n", page, t[int(NR*0.5)+0]*1000, t[int(NR*0.95)+0]*1000, t[NR]*1000, NR }'
done
