#!/usr/bin/env bash
# Benchmark --parallel: throughput of the 5-request scripted bench collection
# with 1, 2 and (when there are more) all cores' workers, against courier's
# echo server on 127.0.0.1:18080 (CPU-bound: courier and the server share the
# cores); then a latency-bound run (one scripted request the server answers
# after 20 ms, as a remote API would) with 1, 2, 4 and 8 workers. Runs are
# interleaved and repeated; prints the median wall time per worker count and
# its speedup over one worker.
#
#   bench/parallel.sh [iterations] [repeats]      (default 1000, 5)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
reps=${2:-5}
shared=../shared/bench
[ -d "$shared" ] || { echo "bench: ../shared/bench is missing" >&2; exit 1; }
out=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$out"' EXIT

go build -o "$out/courier" ./cmd/courier
"$out/courier" serve echo --addr 127.0.0.1:18080 >/dev/null &
for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/18080) 2>/dev/null && break; sleep 0.1; done

coll="$shared/pingone-style.postman_collection.json"
env="$shared/bench.postman_environment.json"
cores=$(nproc)
workers="1 2"
[ "$cores" -gt 2 ] && workers="$workers $cores"
echo "== $n iterations x 5 requests, $reps runs each, $cores cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq "$reps"); do
	for w in $workers; do
		/usr/bin/time -f "%e" -o "$out/t" "$out/courier" run "$coll" -e "$env" -n "$n" --silent -x --no-persist --parallel "$w" >/dev/null 2>&1
		cat "$out/t" >>"$out/w$w"
	done
done
median() { sort -n "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
report() { # prefix, requests per run, worker counts...
	local p=$1 reqs=$2; shift 2
	local base m
	base=$(median "$out/${p}1")
	for w in "$@"; do
		m=$(median "$out/$p$w")
		printf '%2d worker(s): median %6.2f s  %7.0f requests/s  %.2fx\n' "$w" "$m" "$(echo "$reqs/$m" | bc -l)" "$(echo "$base/$m" | bc -l)"
	done
}
# shellcheck disable=SC2086
report w $((n * 5)) $workers

lat="$out/latency.json"
cat >"$lat" <<'JSON'
{"info":{"name":"latency","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
"item":[{"name":"slow","request":{"method":"GET","url":"{{base}}/delay/0.02"},
"event":[{"listen":"test","script":{"exec":["pm.test('ok', () => pm.response.to.have.status(200));"]}}]}]}
JSON
m=200
echo "== latency-bound: $m iterations x 1 request answered after 20 ms, $reps runs each"
for _ in $(seq "$reps"); do
	for w in 1 2 4 8; do
		/usr/bin/time -f "%e" -o "$out/t" "$out/courier" run "$lat" --env-var base=http://127.0.0.1:18080 -n "$m" --silent -x --no-persist --parallel "$w" >/dev/null 2>&1
		cat "$out/t" >>"$out/l$w"
	done
done
report l "$m" 1 2 4 8
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
