#!/usr/bin/env python3
"""Records Newman 6.2.2's report of collection.json (run from this directory,
under `unshare -n` with loopback up, the echo server on 127.0.0.1:18931):
each request's body in the collection and the request as sent (a file body's
Content-Length left out: Newman records it in some runs only), each request failure's
source (ids left out) and the console warnings. Three runs must agree.

  unshare -n sh -c 'ip link set lo up; /tmp/echo-server -addr 127.0.0.1:18931 & sleep 1; ./record.py NEWMAN; kill $!'
"""
import json, subprocess, sys, re

def strip(o):
    if isinstance(o, dict):
        return {k: strip(v) for k, v in o.items() if k not in ("id", "_lastExecutionId") and not (k == "value" and o.get("key") == "Postman-Token")}
    if isinstance(o, list):
        return [strip(x) for x in o]
    return o

def once(newman):
    out = subprocess.run([newman, "run", "collection.json", "-r", "cli,json", "--reporter-json-export", "/tmp/resolved-bodies.json"], capture_output=True, text=True).stdout
    r = json.load(open("/tmp/resolved-bodies.json"))
    warnings, cur = {}, None
    for line in out.splitlines():
        m = re.match(r"^→ (.*)$", line)
        if m:
            cur = m.group(1)
        m = re.match(r"^  │ (.*)$", line)
        if m and cur:
            warnings[cur] = warnings.get(cur, "") + m.group(1)
    sources = {x["source"]["name"]: strip(x["source"]) for x in r["run"]["failures"] if x["at"] == "request"}
    items = []
    for it, ex in zip(r["collection"]["item"], r["run"]["executions"]):
        sent = strip(ex["request"])
        if (sent.get("body") or {}).get("mode") == "file":
            # Node streams a file body: whether the report caught its
            # Content-Length varies from run to run.
            sent["header"] = [h for h in sent["header"] if h["key"] != "Content-Length"]
        items.append({"name": it["name"], "body": it["request"].get("body"), "sent": sent,
                      "source": sources.get(ex["item"]["name"]) or sources.get(it["name"].replace("{{foo}}", "FOO")),
                      "console": warnings.get(it["name"])})
    return items

runs = [once(sys.argv[1]) for _ in range(3)]
for k in (1, 2):
    for a, b in zip(runs[0], runs[k]):
        if a != b:
            json.dump([a, b], open("/tmp/resolved-bodies-diff.json", "w"), indent=1)
if runs[0] != runs[1] or runs[0] != runs[2]:
    sys.exit("the three recordings differ")
json.dump(runs[0], open("newman-6.2.2-bodies.json", "w"), indent=1, ensure_ascii=False)
