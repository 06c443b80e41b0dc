#!/usr/bin/env python3
"""Compares the request logs bench/v3wire_proxy.py wrote for Postman CLI and courier, request by request: method,
target, header lines (names as sent, in order; UUIDs masked) and body. SHOW=n prints up to n differing requests
per collection."""
import json, sys, os, re, glob
d = sys.argv[1]
def load(p):
    out = []
    if not os.path.exists(p): return None
    for l in open(p):
        r = json.loads(l)
        hs = [(k, re.sub(r'[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', '<uuid>', v)) for k, v in r['headers']]
        out.append((r['method'], r['target'], tuple(hs), r['body']))
    return out
names = sorted({os.path.basename(p).rsplit('.', 2)[0] for p in glob.glob(d + '/*.jsonl')})
for n in names:
    a, b = load(f'{d}/{n}.postman.jsonl'), load(f'{d}/{n}.courier.jsonl')
    if a is None or b is None: print(n, 'missing'); continue
    same = sum(1 for x, y in zip(a, b) if x == y)
    print(f'== {n}: {same}/{max(len(a), len(b))} requests identical (postman {len(a)}, courier {len(b)})')
    shown = 0
    for i, (x, y) in enumerate(zip(a, b)):
        if x == y or shown >= int(os.environ.get('SHOW', '3')): continue
        shown += 1
        print(f'  #{i} {x[0]} {x[1]}')
        if x[:2] != y[:2]: print(f'     courier: {y[0]} {y[1]}')
        if x[2] != y[2]:
            print('     postman hdrs:', ' | '.join(f'{k}: {v}' for k, v in x[2]))
            print('     courier hdrs:', ' | '.join(f'{k}: {v}' for k, v in y[2]))
        if x[3] != y[3]: print('     body postman:', repr(x[3][:200]), '\n     body courier:', repr(y[3][:200]))
