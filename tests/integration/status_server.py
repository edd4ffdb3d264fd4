#!/usr/bin/env python3
"""A clerk-side stand-in for tests: status_url and notify_url on 127.0.0.1.

Usage: status_server.py RECORD_FILE [--fail-first N]

Listens on an ephemeral port and prints it on the first line of stdout.
GET paths (status answers):
  /available  {"available": true, "wait_minutes": 5, "message": {"ja", "en"}}
  /busy       {"available": false, "wait_minutes": 20, "message": "..."}
  /slow       sleeps 10 s, then answers like /available
  /500        HTTP 500
  /redirect   302 to /available on another host name (localhost)
  /garbage    200 with a body that is not JSON
  /huge       200 streaming 100 MB (no Content-Length: the client must cut it)
  /flip       answers as the mode last set by GET /set-flip?MODE (default available;
              any mode above, slow and huge included)
POST paths (notify):
  /notify        records the body, answers 204
  /notify-flaky  answers 500 to the first N posts (--fail-first, default 2), then 204
Every POST is appended to RECORD_FILE as one line: "PATH STATUS BODY".
Python 3 standard library only.
"""
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

AVAILABLE = {"available": True, "wait_minutes": 5,
             "message": {"ja": "すぐにおつなぎします", "en": "A clerk is ready"}}
BUSY = {"available": False, "wait_minutes": 20, "message": "Please wait \"a bit\""}


class State:
    lock = threading.Lock()
    record_path = None
    fail_first = 2
    flaky_posts = 0
    flip_mode = "available"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # keep test output quiet
        pass

    def send_json(self, code, obj):
        body = json.dumps(obj, ensure_ascii=False).encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_plain(self, code, text):
        body = text.encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def stream_huge(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        chunk = b"[" + b"1," * 32767 + b"1"
        sent = 0
        try:
            while sent < 100 * 1024 * 1024:
                self.wfile.write(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def answer(self, mode):
        if mode == "available":
            self.send_json(200, AVAILABLE)
        elif mode == "busy":
            self.send_json(200, BUSY)
        elif mode == "500":
            self.send_plain(500, "internal error")
        elif mode == "redirect":  # to another host (localhost, not 127.0.0.1): "available"
            self.send_response(302)
            self.send_header("Location", "http://localhost:%d/available" % self.server.server_address[1])
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif mode == "garbage":
            self.send_plain(200, "<html>this is not json</html>")
        else:
            self.send_plain(404, "no such mode")

    def do_GET(self):
        path, _, query = self.path.partition("?")
        if path == "/set-flip":
            with State.lock:
                State.flip_mode = query
            self.send_plain(200, "ok")
            return
        mode = path.lstrip("/")
        if path == "/flip":
            with State.lock:
                mode = State.flip_mode
        if mode == "slow":
            time.sleep(10)
            self.answer("available")
        elif mode == "huge":
            self.stream_huge()
        else:
            self.answer(mode)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace")
        code = 204
        with State.lock:
            if self.path == "/notify-flaky":
                State.flaky_posts += 1
                if State.flaky_posts <= State.fail_first:
                    code = 500
            elif self.path == "/notify-redirect":
                code = 307  # keeps the POST: to another host's /notify
            elif self.path != "/notify":
                code = 404
            with open(State.record_path, "a", encoding="utf-8") as f:
                f.write("%s %d %s\n" % (self.path, code, body.replace("\n", " ")))
        self.send_response(code)
        if code == 307:
            self.send_header("Location", "http://localhost:%d/notify" % self.server.server_address[1])
        self.send_header("Content-Length", "0")
        self.end_headers()


def main():
    if len(sys.argv) < 2:
        sys.stderr.write("usage: status_server.py RECORD_FILE [--fail-first N]\n")
        return 2
    State.record_path = sys.argv[1]
    if len(sys.argv) >= 4 and sys.argv[2] == "--fail-first":
        State.fail_first = int(sys.argv[3])
    # Every municipality is polled at once at start: a deeper listen queue
    # than the default 5, so no connection waits for a SYN retry.
    ThreadingHTTPServer.request_queue_size = 64
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
