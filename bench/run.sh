#!/usr/bin/env bash
# Benchmark: courier vs Newman vs a bare Go HTTP client on ../shared/bench's
# 5-request scripted collection, against courier's echo server on
# 127.0.0.1:18080. Prints wall time and peak RSS of each; compare ratios
# from the same run, never absolute numbers across machines.
#
#   bench/run.sh [iterations]      (default 200)
#
# Newman is used when NEWMAN (a command) is set or `newman` is on PATH; the
# bare client comes from ../shared/bench/rawclient.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
shared=../shared/bench
[ -d "$shared" ] || { echo "bench: ../shared/bench is missing" >&2; exit 1; }
out=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$out"' EXIT

# Built as the releases are (.goreleaser.yaml): a static binary starts
# faster than one linked against libc (no dynamic loader, ~1.5 ms).
CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$out/courier" ./cmd/courier
(cd "$shared/rawclient" && CGO_ENABLED=0 go build -trimpath -o "$out/rawclient" .) # the same way
"$out/courier" serve echo --addr 127.0.0.1:18080 >/dev/null &
for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/18080) 2>/dev/null && break; sleep 0.1; done

declare -A took # wall seconds by line name, for the ratios at the end
measure() { # name, command...
	local name=$1; shift
	# Wall time from the shell's clock (time's %e has 10 ms steps, too coarse
	# for the one-request lines); peak RSS from time's %M.
	local t0 t1
	t0=$(date +%s%N)
	/usr/bin/time -f "%M" -o "$out/time" "$@" >"$out/log" 2>&1 || { echo "$name failed:"; tail -5 "$out/log"; return; }
	t1=$(date +%s%N)
	read -r kb <"$out/time"
	secs=$(echo "($t1 - $t0) / 1000000000" | bc -l)
	took[$name]=$secs
	printf '%-34s %8.3f s %8.1f MB\n' "$name" "$secs" "$(echo "$kb/1024" | bc -l)"
}

coll="$shared/pingone-style.postman_collection.json"
env="$shared/bench.postman_environment.json"
# Every courier line runs with --fresh: it starts from the files' values, as
# Newman does, whatever an earlier line or run stored, and stores nothing.
echo "== $n iterations x 5 requests"
measure "bare Go client" "$out/rawclient" -n "$n"
measure "courier run" "$out/courier" run "$coll" -e "$env" -n "$n" --fresh --silent -x
measure "courier run --parallel 2" "$out/courier" run "$coll" -e "$env" -n "$n" --fresh --silent -x --parallel 2
# "Read user" alone has no userID, so one of its assertions fails; the second
# line gives it one, so all pass. (Without --fresh the first line would pass
# too, with the userID that the runs above stored.)
measure "courier run (1 request, 1 failing)" "$out/courier" run "$coll" -e "$env" -n 1 --folder "Read user" --fresh --silent -x
measure "courier run (1 request, passing)" "$out/courier" run "$coll" -e "$env" -n 1 --folder "Read user" --fresh --env-var userID=u1 --silent -x
newman=${NEWMAN:-$(command -v newman || true)}
if [ -n "$newman" ]; then
	measure "newman run" $newman run "$coll" -e "$env" -n "$n" --silent
else
	echo "newman run: skipped (set NEWMAN=/path/to/newman)"
fi
# The ratios the performance targets are stated in (same run, same machine).
bare=${took["bare Go client"]:-} cour=${took["courier run"]:-} nm=${took["newman run"]:-}
[ -n "$bare" ] && [ -n "$cour" ] && printf 'courier / bare client: %.2fx\n' "$(echo "$cour/$bare" | bc -l)"
[ -n "$nm" ] && [ -n "$cour" ] && printf 'Newman / courier: %.0fx\n' "$(echo "$nm/$cour" | bc -l)"
exit 0
