#!/usr/bin/env python3
"""HTTPS server for fleet_test.sh: serves the central config document in the
way the file MODE names, read at each request, so one kiosk run can see
every case. Usage: fleet_server.py CERT KEY DOCS_DIR MODE_FILE PORT_FILE [CLIENT_CA]
With CLIENT_CA, a client certificate signed by it is required (mutual TLS).

Modes (the first word of MODE_FILE):
  good NAME   DOCS_DIR/NAME with a strong ETag; If-None-Match -> 304
  broken      the good document without its closing brace (200)
  slow        waits 60 s before answering (past the kiosk's timeout)
  big         2 MiB of JSON spaces
  redirect    302 to the same path on https://localhost:PORT (another host)
  samehost    302 to /moved on this host, which serves like `good kiosk.json`
  wide NAME   DOCS_DIR/NAME (a document that widens call.allowed_hosts)
Each request is logged to stdout as: MODE PATH STATUS."""
import hashlib
import http.server
import os
import ssl
import sys
import time

cert, key, docs, mode_file, port_file = sys.argv[1:6]


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, fmt, *args):
        pass

    def answer(self, status, body=b"", etag=None, location=None):
        self.send_response(status)
        if etag:
            self.send_header("ETag", etag)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            try:
                self.wfile.write(body)
            except (OSError, ssl.SSLError):  # the kiosk hung up (over the size cap)
                pass
        print(mode, self.path, status, flush=True)

    def serve_file(self, name):
        body = open(os.path.join(docs, name), "rb").read()
        etag = '"%s"' % hashlib.sha256(body).hexdigest()[:16]
        if self.headers.get("If-None-Match") == etag:
            self.answer(304, etag=etag)
        else:
            self.answer(200, body, etag)

    def do_GET(self):
        global mode
        words = open(mode_file).read().split()
        mode = " ".join(words)
        port = self.server.server_address[1]
        if self.path == "/moved":
            return self.serve_file("kiosk.json")
        kind = words[0]
        if kind in ("good", "wide"):
            self.serve_file(words[1])
        elif kind == "broken":
            body = open(os.path.join(docs, "kiosk.json"), "rb").read()
            self.answer(200, body.rstrip()[:-1], '"broken"')
        elif kind == "slow":
            print("slow request hangs", flush=True)
            time.sleep(60)
            self.answer(200, b"{}")
        elif kind == "big":
            self.answer(200, b"{" + b" " * (2 * 1024 * 1024) + b"}", '"big"')
        elif kind == "redirect":
            self.answer(302, location="https://localhost:%d%s" % (port, self.path))
        elif kind == "samehost":
            self.answer(302, location="/moved")
        else:
            self.answer(500)


mode = "?"
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(cert, key)
if len(sys.argv) > 6:
    ctx.verify_mode = ssl.CERT_REQUIRED
    ctx.load_verify_locations(sys.argv[6])
server.socket = ctx.wrap_socket(server.socket, server_side=True)
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(port_file + ".tmp", port_file)
server.serve_forever()
