#!/usr/bin/env python3
# Recording proxy: logs each request (method, target, header lines as received, body) to the current log file,
# forwards it to the echo server and answers with its response. GET /__log?name=X switches the log file.
import http.server, http.client, json, sys, socketserver, urllib.parse
UP = int(sys.argv[2]); LOGDIR = sys.argv[3]
state = {"f": None}
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass
    def handle_one_request(self):
        try:
            self.raw_requestline = self.rfile.readline(65537)
            if not self.raw_requestline: self.close_connection = True; return
            if not self.parse_request(): return
            self.do()
            self.wfile.flush()
        except Exception as e:
            self.close_connection = True
    def do(self):
        if self.path.startswith("/__log"):
            q = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
            if state["f"]: state["f"].close()
            state["f"] = open(f"{LOGDIR}/{q['name'][0]}.jsonl", "w")
            self.send_response(200); self.send_header("Content-Length", "0"); self.end_headers(); return
        n = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(n) if n else b""
        hdrs = [(k, v) for k, v in self.headers.raw_items()]
        if state["f"]:
            state["f"].write(json.dumps({"method": self.command, "target": self.path, "headers": hdrs, "body": body.decode("utf-8", "replace")}) + "\n"); state["f"].flush()
        c = http.client.HTTPConnection("127.0.0.1", UP, timeout=30)
        c.putrequest(self.command, self.path, skip_host=True, skip_accept_encoding=True)
        for k, v in hdrs:
            if k.lower() in ("connection",): continue
            c.putheader(k, v)
        c.endheaders(body if (n or self.command not in ("GET", "HEAD")) else None)
        r = c.getresponse(); data = r.read()
        self.send_response_only(r.status, r.reason)
        for k, v in r.getheaders():
            if k.lower() in ("transfer-encoding", "connection", "content-length"): continue
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers(); self.wfile.write(data)
class S(socketserver.ThreadingMixIn, http.server.HTTPServer): daemon_threads = True
S(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
