#!/usr/bin/env bash
# Benchmark: the HTML report. Runs a 100-request collection (two tests each)
# against courier's echo server on 127.0.0.1:18081, with the json reporter
# and with the html reporter, and prints the CPU each run took and the size
# of each report; then the same with Newman and newman-reporter-htmlextra
# when NEWMAN is set and htmlextra is installed (NODE_PATH). Last, the
# browser test's time to interactive of a 10,000-request page.
#
#   bench/html.sh [iterations]      (default 20, i.e. 2,000 requests)
#
# Compare ratios from the same run, never absolute numbers across machines.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20}
out=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$out"' EXIT

go build -o "$out/courier" ./cmd/courier
"$out/courier" serve echo --addr 127.0.0.1:18081 >/dev/null &
for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/18081) 2>/dev/null && break; sleep 0.1; done

# 100 requests in a folder, two tests each, a console line every tenth.
python3 - "$out/coll.json" <<'PY'
import json, sys
items = [{"name": "Request %d" % i, "request": {"method": "GET", "url": "http://127.0.0.1:18081/get?page=%d" % i},
          "event": [{"listen": "test", "script": {"exec": [
              "pm.test('status is 200', () => pm.response.to.have.status(200));",
              "pm.test('has args', () => pm.expect(pm.response.json().args.page).to.equal('%d'));" % i,
              "if (%d %% 10 === 0) console.log('page', %d);" % (i, i)]}}]} for i in range(100)]
json.dump({"info": {"name": "HTML bench", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
           "item": [{"name": "Folder", "item": items}]}, open(sys.argv[1], "w"))
PY

measure() { # name, report file, command...
	local name=$1 file=$2; shift 2
	/usr/bin/time -f "%U %S %e" -o "$out/time" "$@" >"$out/log" 2>&1 || true
	[ -s "$file" ] || { echo "$name failed:"; tail -5 "$out/log"; return; }
	read -r user sys wall <"$out/time"
	printf '%-30s cpu %6.2f s  wall %6.2f s  report %6.1f MB\n' "$name" "$(echo "$user+$sys" | bc -l)" "$wall" "$(echo "$(stat -c %s "$file")/1048576" | bc -l)"
}

echo "== $n iterations x 100 requests"
measure "courier -r json" "$out/c.json" "$out/courier" run "$out/coll.json" -n "$n" --no-persist -r json --reporter-json-export "$out/c.json"
measure "courier -r html" "$out/c.html" "$out/courier" run "$out/coll.json" -n "$n" --no-persist -r html --reporter-html-export "$out/c.html"
measure "courier report html" "$out/r.html" "$out/courier" report html "$out/c.json" -o "$out/r.html"
if [ -n "${NEWMAN:-}" ]; then
	measure "newman -r json" "$out/n.json" $NEWMAN run "$out/coll.json" -n "$n" -r json --reporter-json-export "$out/n.json"
	measure "newman -r htmlextra" "$out/n.html" $NEWMAN run "$out/coll.json" -n "$n" -r htmlextra --reporter-htmlextra-export "$out/n.html"
else
	echo "newman: skipped (set NEWMAN=/path/to/newman and NODE_PATH to where newman-reporter-htmlextra is installed)"
fi

echo "== a 10,000-request page in headless Chromium"
go test -count=1 -run 'TestBrowser/10,000' -v ./runner/report/htmlreport/ | grep -o '10,000-request page:.*' || echo "browser test skipped (install chromium)"
