#!/usr/bin/env python3
"""Postman CLI and courier side by side on ../shared/corpus-v3, assertion by assertion.

Each collection's postman/ folder is copied, the base URLs of its environments and definitions are pointed at a
local echo server, and both runners run it with its first environment. Postman CLI (1.34) only has its cli
reporter for v12 collections, so its output is parsed; courier writes a JSON report. Response-time assertions are
left out (they depend on the machine). Mouser API and DigiKey API write external hosts into their requests and are
skipped. Nothing needs the network: run it offline.

    (cd ../shared/tools/echo && go build -o /tmp/echo-server .) && /tmp/echo-server -addr 127.0.0.1:18999 &
    go build -o /tmp/courier ./cmd/courier
    POSTMAN=/work/tools/node_modules/.bin/postman bench/v3parity.py http://127.0.0.1:18999 /tmp/courier [NAME]

To compare what goes on the wire too (header names' case and order, bodies), put bench/v3wire_proxy.py between the
runners and the echo server, set V3PARITY_WIRE=1 (each run then starts with GET /__log?name=<collection>.<runner>,
which the proxy takes as the name of its next log), and compare the logs with bench/v3wire_diff.py. Run it all
inside `unshare -n` (loopback only, `ip link set lo up` first), so nothing can leave the machine:

    python3 bench/v3wire_proxy.py 18998 18999 /tmp/v3wire &
    V3PARITY_WIRE=1 POSTMAN=... bench/v3parity.py http://127.0.0.1:18998 /tmp/courier
    python3 bench/v3wire_diff.py /tmp/v3wire
"""
import json, os, re, shutil, subprocess, sys, csv, urllib.parse, urllib.request
CORPUS = os.environ.get("V3PARITY_CORPUS", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "corpus-v3"))
ECHO = sys.argv[1]          # http://127.0.0.1:18999
COURIER = sys.argv[2]
OUT = os.environ.get("V3PARITY_OUT", "/tmp/v3parity")
only = sys.argv[3] if len(sys.argv) > 3 else None
os.makedirs(OUT, exist_ok=True)
origin = re.compile(r"(value: *'?\"?|^\s+[A-Za-z_]*[Uu]rl: *'?\"?)(https?://[^/'\"\s]+)", re.M)
rows = list(csv.DictReader(open(f"{CORPUS}/MANIFEST.tsv"), delimiter="\t"))
total = {"match": 0, "diff": 0}
for r in rows:
    path = r["path"]; name = os.path.basename(path)
    if only and only not in name: continue
    if name in ("Mouser API", "DigiKey API"): continue   # literal external hosts
    repo = path.split("/")[0]
    work = f"{OUT}/{name}"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(f"{CORPUS}/{repo}/postman", f"{work}/postman")
    for root, _, files in os.walk(f"{work}/postman"):
        for f in files:
            if f.endswith(("environment.yaml", "globals.yaml", "definition.yaml")):
                p = os.path.join(root, f); s = open(p).read()
                s2 = origin.sub(lambda m: m.group(1) + ECHO, s)
                open(p, "w").write(s2)
    envs = [e for e in r["environments"].split(";") if e.endswith(".environment.yaml")]
    envflag = ["-e", f"{work}/postman/environments/{envs[0]}"] if envs else []
    # host variables the requests use but nothing defines
    extra = []
    if name == "TempHist API": extra = ["--env-var", "baseurl=" + ECHO.replace("http://", "")]
    if name == "PyPNM": extra = ["--env-var", "pypnm_url=" + ECHO.replace("http://", "")]
    if name in ("Postman Tutorial", "Simple Books API"): extra = ["--env-var", "baseUrl=" + ECHO]
    coll = f"{work}/postman/collections/{name}"
    pm = f"{OUT}/{name}.postman.txt"; cr = f"{OUT}/{name}.courier.json"
    def wire_log(runner):
        if os.environ.get("V3PARITY_WIRE"):
            urllib.request.urlopen(ECHO + "/__log?name=" + urllib.parse.quote(f"{name}.{runner}")).read()
    wire_log("postman")
    res = subprocess.run([os.environ.get("POSTMAN", "postman"), "collection", "run", coll, *envflag, *extra,
                    "--disable-unicode"], cwd=work, capture_output=True, text=True, timeout=600)
    open(pm, "w").write(res.stdout + res.stderr)
    wire_log("courier")
    subprocess.run([COURIER, "run", coll, *envflag, *extra, "-r", "json", "--reporter-json-export", cr,
                    "--fresh", "--no-persist", "-x"], cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
    def rows_of(p):
        try: d = json.load(open(p))
        except Exception as e: return None
        out = []
        for ex in d["run"]["executions"]:
            for a in ex.get("assertions") or []:
                n = a["assertion"]
                if re.search(r"(?i)response time|tempo de resposta", n): continue
                out.append((ex["item"]["name"], n, "fail" if a.get("error") else ("skip" if a.get("skipped") else "pass")))
        return out
    def rows_of_cli(p):
        out = []; item = None
        for line in open(p).read().splitlines():
            if line.startswith("---") or line.startswith("|    "):
                break
            m = re.match(r"^(Root|Sub-folder) (.*)$", line)
            if m: item = m.group(2); continue
            m = re.match(r"^  (Pass|Skip)  (.*)$", line)
            if m:
                n = m.group(2)
                if not re.search(r"(?i)response time|tempo de resposta", n):
                    out.append((item, n, m.group(1).lower()))
                continue
            m = re.match(r"^ {0,2}\d+\. (.*)$", line)
            if m and not re.match(r"^(Error|AssertionError|TypeError|SyntaxError|ReferenceError)\b", m.group(1)):
                n = m.group(1)
                if not re.search(r"(?i)response time|tempo de resposta", n):
                    out.append((item, n, "fail"))
        return out
    a, b = rows_of_cli(pm), rows_of(cr)
    if a is None or b is None:
        print(f"{name}: report missing (postman {a is not None}, courier {b is not None})"); continue
    from collections import Counter
    ca, cb = Counter(a), Counter(b)
    same = sum((ca & cb).values()); only_pm = ca - cb; only_cr = cb - ca
    total["match"] += same; total["diff"] += sum(only_pm.values()) + sum(only_cr.values())
    print(f"{name}: {same}/{max(len(a), len(b))} assertions match (postman {len(a)}, courier {len(b)})")
    for k, v in list(only_pm.items())[:6]: print("   only postman:", k, v)
    for k, v in list(only_cr.items())[:6]: print("   only courier:", k, v)
print(total)
