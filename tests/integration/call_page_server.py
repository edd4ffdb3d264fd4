#!/usr/bin/env python3
"""A stand-in for the video service, over HTTPS on 127.0.0.1, for the
Chromium test. Every page asks for the camera and microphone, reports to
/report what happened, then closes its window (so the browser exits, as a
Jitsi close page would).

Usage: call_page_server.py CERT KEY RECORD_FILE [escape]
Prints its port on the first line. Each report is one line in RECORD_FILE:
"<what> <page path>", and each GET "get <Host header> <path>".
With "escape", the call page stays open and is made of links to another
origin (https://other.example.jp): the top half navigates the window, the
bottom half opens a new one (target=_blank), and after a second the page
tries window.open itself; the test taps them and expects nothing of the
other origin to load.
"""
import ssl
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = """<!doctype html>
<html lang="ja"><head><meta charset="utf-8">
<meta name="google" content="notranslate">
<title>call</title></head>
<body style="background:#0b3d6e;color:#fff;font:48px sans-serif">
<p id="s">テスト通話 / test call</p>
<script>
function report(what) {
  return fetch('/report?' + encodeURIComponent(what + ' ' + location.pathname),
               {method: 'POST'});
}
report('loaded');
navigator.mediaDevices.getUserMedia({video: true, audio: true})
  .then(s => { document.getElementById('s').textContent = 'camera ok';
               return report('media-ok'); })
  .catch(e => report('media-error:' + e.name))
  .finally(() => setTimeout(() => window.close(), 1500));
</script></body></html>
"""


ESCAPE = """<!doctype html>
<html lang="ja"><head><meta charset="utf-8">
<meta name="google" content="notranslate"><title>call</title>
<style>a{display:block;height:50vh;color:#fff;font:48px sans-serif}</style></head>
<body style="margin:0;background:#0b3d6e">
<a id="nav" href="https://other.example.jp/escape-nav">other origin</a>
<a id="new" href="https://other.example.jp/escape-new" target="_blank">new window</a>
<script>
function report(what) {
  return fetch('/report?' + encodeURIComponent(what + ' ' + location.host + location.pathname),
               {method: 'POST'});
}
report('loaded');
navigator.mediaDevices.getUserMedia({video: true, audio: true})
  .then(s => report('media-ok'))
  .catch(e => report('media-error:' + e.name));
setTimeout(() => { const w = window.open('https://other.example.jp/escape-popup');
                   report(w ? 'popup-opened' : 'popup-refused'); }, 1000);
</script></body></html>
"""


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    lock = threading.Lock()
    record = None
    escape = False

    def log_message(self, fmt, *args):
        pass

    def send_body(self, code, body, ctype):
        data = body.encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def note(self, line):
        with Handler.lock, open(Handler.record, "a", encoding="utf-8") as f:
            f.write(line + "\n")

    def do_GET(self):
        self.note("get %s %s" % (self.headers.get("Host", "-"), self.path))
        if self.path.startswith("/favicon"):
            self.send_body(404, "", "text/plain")
        elif Handler.escape and self.path.startswith("/tobetsu-"):
            self.send_body(200, ESCAPE, "text/html; charset=utf-8")
        else:
            self.send_body(200, PAGE, "text/html; charset=utf-8")

    def do_POST(self):
        from urllib.parse import unquote
        what = unquote(self.path.partition("?")[2])
        self.note(what)
        self.send_body(204, "", "text/plain")


def main():
    cert, key, Handler.record = sys.argv[1], sys.argv[2], sys.argv[3]
    Handler.escape = sys.argv[4:] == ["escape"]
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    server.socket = ctx.wrap_socket(server.socket, server_side=True)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
