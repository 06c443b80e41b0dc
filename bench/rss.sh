#!/usr/bin/env bash
# Memory over a long run: courier on ../shared/bench's 5-request scripted
# collection for N iterations (default 20000, i.e. 100000 requests) against
# courier's echo server on 127.0.0.1:18080. Prints the peak RSS
# (/usr/bin/time %M) and the RSS sampled every second, so growth over the
# run shows: a flat run has the same RSS in its last samples as early on.
#
#   bench/rss.sh [iterations]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20000}
shared=../shared/bench
[ -d "$shared" ] || { echo "bench: ../shared/bench is missing" >&2; exit 1; }
out=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$out"' EXIT

# Built as the releases are (.goreleaser.yaml): a static binary starts
# faster than one linked against libc (no dynamic loader, ~1.5 ms).
CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$out/courier" ./cmd/courier
"$out/courier" serve echo --addr 127.0.0.1:18080 >/dev/null &
for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/18080) 2>/dev/null && break; sleep 0.1; done

/usr/bin/time -f "%e %M" -o "$out/time" "$out/courier" run "$shared/pingone-style.postman_collection.json" \
	-e "$shared/bench.postman_environment.json" -n "$n" --silent -x >"$out/log" 2>&1 &
run=$!
# The time wrapper's child is courier itself.
for _ in $(seq 50); do pid=$(pgrep -P "$run" || true); [ -n "$pid" ] && break; sleep 0.05; done
samples=()
while [ -n "${pid:-}" ] && kb=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null) && [ -n "$kb" ]; do
	samples+=("$kb")
	sleep 1
done
wait "$run" || { echo "courier run failed:"; tail -5 "$out/log"; exit 1; }
read -r secs peak <"$out/time"
echo "== $n iterations x 5 requests: $secs s, peak RSS $(echo "scale=1; $peak/1024" | bc) MB"
if [ ${#samples[@]} -gt 0 ]; then
	printf 'RSS samples (MB, one a second):'
	for kb in "${samples[@]}"; do printf ' %.1f' "$(echo "$kb/1024" | bc -l)"; done
	echo
fi
