#!/usr/bin/env bash
# Benchmark: replay every PingOne tutorial and use case (testdata/pingone, in
# the chain order of simulators/pingone's TestTutorialsChained) against the local
# PingOne, with courier (one run, collections chained) and, when Newman is
# available (NEWMAN, or `newman` on PATH), with Newman (one run per
# collection, chained through --export-environment as a CI script would).
# Prints wall time, peak RSS and failed assertions of each.
#
#   bench/pingone.sh
set -euo pipefail
cd "$(dirname "$0")/.."
template=../shared/corpus/_derived/PingOne_Workflow_Library_Template_release-2025-04-17.runinpostman-env.json
[ -f "$template" ] || { echo "bench: $template is missing (../shared)" >&2; exit 1; }
out=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$out"' EXIT
go build -o "$out/courier" ./cmd/courier

mapfile -t order < <(sed -n '/^var tutorialOrder = \[\]string{/,/^}/p' simulators/pingone/tutorials_test.go |
	grep -o '"[a-z0-9-]*"' | tr -d '"' | sed 's|^|testdata/pingone/|; s|$|.postman_collection.json|')

# serve starts a fresh local PingOne on a free loopback port (a fixed one
# would collide with another bench running at the same time) and writes an
# environment file for it. The previous server must have exited first: it
# holds the tenant's lock, and a second serve on it is refused.
serve() {
	kill $(jobs -p) 2>/dev/null || true
	wait 2>/dev/null || true
	port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	"$out/courier" serve pingone --addr "127.0.0.1:$port" --state-dir "$out/state" --reset >"$out/serve.log" 2>&1 &
	for _ in $(seq 50); do grep -q adminAppSecret "$out/serve.log" 2>/dev/null && break; sleep 0.1; done
	grep -q adminAppSecret "$out/serve.log" || { echo "bench: the local PingOne did not start:" >&2; cat "$out/serve.log" >&2; exit 1; }
	python3 - "$template" "$out/serve.log" "$out/env.json" <<'PY'
import json, sys
tmpl, log, dest = sys.argv[1:]
vals = dict(l.split(None, 1) for l in open(log).read().splitlines()[1:] if l.strip())
env = [{"key": v["key"], "value": vals.get(v["key"], v.get("value", "")).strip(), "type": v.get("type", "default"), "enabled": True}
       for v in json.load(open(tmpl))]
json.dump({"name": "local PingOne", "values": env}, open(dest, "w"))
PY
}

report() { # name, seconds, kb, failures
	printf '%-40s %8.2f s %8.1f MB  %s failed assertions\n' "$1" "$2" "$(echo "$3/1024" | bc -l)" "$4"
}

echo "== ${#order[@]} collections"
serve
/usr/bin/time -f "%e %M" -o "$out/time" "$out/courier" run "${order[@]}" -e "$out/env.json" --no-persist \
	--reporter-cli-no-assertions --reporter-cli-no-console --color off >"$out/courier.log" 2>&1 || true
read -r secs kb <"$out/time"
fails=$(grep -E '│ +assertions ' "$out/courier.log" | awk '{s+=$6} END {print s+0}')
report "courier run (all, chained)" "$secs" "$kb" "$fails"

newman=${NEWMAN:-$(command -v newman || true)}
if [ -n "$newman" ]; then
	serve
	start=$(date +%s.%N); peak=0; fails=0
	for c in "${order[@]}"; do
		/usr/bin/time -f "%M" -o "$out/time" "$newman" run "$c" -e "$out/env.json" --export-environment "$out/env.json" \
			--working-dir . -r json --reporter-json-export "$out/n.json" >/dev/null 2>&1 || true
		kb=$(tail -1 "$out/time"); [ "$kb" -gt "$peak" ] && peak=$kb
		f=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["run"]["stats"]["assertions"]["failed"])' "$out/n.json" 2>/dev/null || echo "?")
		fails=$((fails + ${f/\?/0}))
	done
	report "newman run (one per collection)" "$(echo "$(date +%s.%N) - $start" | bc -l)" "$peak" "$fails"
else
	echo "newman: not found (set NEWMAN); skipped"
fi
