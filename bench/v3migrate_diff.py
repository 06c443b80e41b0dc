"""courier convert beside Postman CLI's `postman collection migrate` (v2.1 JSON -> v12 directory) on every v2.1
collection of ../shared/corpus: the files each writes, and for files of the same path, the YAML compared key by key
once `order` and `id` are set aside (both number and name those their own way). Prints the counts, then each kind
of difference with how often it occurs and a first example. Offline: migrate runs under `unshare -n`.

    go build -o /tmp/courier ./cmd/courier
    COURIER=/tmp/courier POSTMAN=/work/tools/node_modules/.bin/postman python3 bench/v3migrate_diff.py [N]

N limits the run to the first N collections (0 or nothing: all; about 20 minutes for the 110 on 2 shared cores).
"""
import os, sys, json, subprocess, shutil, yaml, collections as C
OUT=os.environ.get('V3MIGRATE_OUT', '/tmp/v3migrate')
CORPUS=os.environ.get('V3MIGRATE_CORPUS', os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared', 'corpus'))
POSTMAN=os.environ.get('POSTMAN', 'postman')
COURIER=os.environ.get('COURIER', 'courier'); shutil.rmtree(OUT, ignore_errors=True); os.makedirs(OUT)
files=[]
for root,_,fs in os.walk(CORPUS):
    for f in fs:
        if f.endswith('.json'):
            p=os.path.join(root,f)
            try:
                d=json.load(open(p))
            except Exception: continue
            if isinstance(d,dict) and 'info' in d and 'v2.1' in str(d.get('info',{}).get('schema','')) and 'item' in d:
                files.append(p)
files.sort()
limit=int(sys.argv[1]) if len(sys.argv)>1 else 40
files=files[:limit] if limit>0 else files
env=dict(os.environ, HOME=os.path.join(OUT, 'home'))  # Postman CLI keeps its settings under $HOME
stats=C.Counter(); diffs=C.Counter(); examples={}
def load(p):
    try: return yaml.safe_load(open(p))
    except Exception as e: return {'__err__': str(e)}
def norm(d, path=''):
    if isinstance(d, dict):
        out={}
        for k,v in d.items():
            if k in ('order','id'): continue
            out[k]=norm(v, path+'.'+k)
        return out
    if isinstance(d, list): return [norm(x) for x in d]
    return d
def cmp(a,b,path,rel):
    if type(a)!=type(b):
        if isinstance(a,dict) and isinstance(b,list) or isinstance(a,list) and isinstance(b,dict):
            k=f'{path}: mapping vs list'
        else:
            k=f'{path}: {type(a).__name__} vs {type(b).__name__}'
        diffs[k]+=1; examples.setdefault(k,(rel,a,b)); return
    if isinstance(a,dict):
        for k in set(a)|set(b):
            if k not in a: diffs[f'{path}.{k}: only courier']+=1; examples.setdefault(f'{path}.{k}: only courier',(rel,None,b[k]))
            elif k not in b: diffs[f'{path}.{k}: only postman']+=1; examples.setdefault(f'{path}.{k}: only postman',(rel,a[k],None))
            else: cmp(a[k],b[k],path+'.'+k,rel)
    elif isinstance(a,list):
        if len(a)!=len(b): diffs[f'{path}: length']+=1; examples.setdefault(f'{path}: length',(rel,a,b)); return
        for x,y in zip(a,b): cmp(x,y,path+'[]',rel)
    elif a!=b:
        diffs[f'{path}: value']+=1; examples.setdefault(f'{path}: value',(rel,a,b))
for i,p in enumerate(files):
    pm=f'{OUT}/{i}/pm'; cr=f'{OUT}/{i}/cr'
    os.makedirs(os.path.dirname(pm), exist_ok=True)
    r=subprocess.run(['unshare','-n','sh','-c','ip link set lo up; timeout 120 "$2" collection migrate "$0" -o "$1"', p, pm, POSTMAN],env=env,capture_output=True,text=True)
    if not os.path.isdir(pm): stats['postman failed']+=1; continue
    r2=subprocess.run([COURIER,'convert',p,cr],capture_output=True,text=True)
    if r2.returncode!=0: stats['courier failed']+=1; print('courier failed',p,r2.stderr[:300]); continue
    stats['collections']+=1
    pf={os.path.relpath(os.path.join(r,f),pm) for r,_,fs in os.walk(pm) for f in fs}
    cf={os.path.relpath(os.path.join(r,f),cr) for r,_,fs in os.walk(cr) for f in fs}
    stats['postman files']+=len(pf); stats['courier files']+=len(cf)
    for f in sorted(pf-cf): diffs['file only postman']+=1; examples.setdefault('file only postman:'+str(i),(p,f,None))
    for f in sorted(cf-pf): diffs['file only courier']+=1; examples.setdefault('file only courier:'+str(i),(p,None,f))
    for f in sorted(pf&cf):
        a=norm(load(os.path.join(pm,f))); b=norm(load(os.path.join(cr,f)))
        stats['files compared']+=1
        if a==b: stats['files identical (order/id aside)']+=1
        else: cmp(a,b,'',f)
print(dict(stats))
for k,n in diffs.most_common(60):
    ex=examples.get(k)
    print(f'{n:5d}  {k}   e.g. {str(ex)[:260] if ex else ""}')
