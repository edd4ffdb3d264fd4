#!/usr/bin/env python3
"""The kiosk under a pretend systemd: this test binds its own Unix datagram
socket as NOTIFY_SOCKET, runs the kiosk under a private Xvfb with a 2 s
watchdog and checks what arrives: READY=1 with a STATUS= after the first
frame, WATCHDOG=1 at least every interval, STATUS= again when the config
is refused, no ping while the kiosk is frozen (SIGSTOP), pings again after
SIGCONT, STOPPING=1 on SIGTERM. Prints the messages as received.
It also reads the kiosk's metrics file: the screen heartbeat (last frame,
frame histogram, writer timestamp), build info, the config's error count
and Tobetsu's last good status poll (a local status server), checked by
promtool check metrics when promtool is there.
Usage: notify_test.py KIOSK SOURCE_DIR"""
import json, os, re, shutil, signal, socket, subprocess, sys, tempfile, time

INTERVAL = 2.0  # WATCHDOG_USEC, seconds


def fail(msg, log=None):
    print("FAIL: " + msg, file=sys.stderr)
    if log:
        print("--- kiosk log\n" + open(log, errors="replace").read(), file=sys.stderr)
    sys.exit(1)


def start_xvfb():
    r, w = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(w), "-screen", "0", "1280x720x24",
                             "-nolisten", "tcp"], pass_fds=[w], stderr=subprocess.DEVNULL)
    os.close(w)
    num = b""
    while not num.endswith(b"\n"):
        c = os.read(r, 1)
        if not c:
            fail("Xvfb did not start")
        num += c
    os.close(r)
    return xvfb, ":" + num.decode().strip()


class Listener:
    """The notify socket: every datagram with its arrival time."""
    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(path)
        self.msgs = []  # (t, [lines])
        self.t0 = time.monotonic()

    def pump(self, seconds):
        end = time.monotonic() + seconds
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return
            self.sock.settimeout(left)
            try:
                data = self.sock.recv(4096)
            except socket.timeout:
                return
            t = time.monotonic() - self.t0
            lines = [l for l in data.decode().split("\n") if l]
            self.msgs.append((t, lines))
            print("%7.3f s  %s" % (t, " | ".join(lines)), flush=True)

    def wait_for(self, pred, seconds):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            n = len(self.msgs)
            self.pump(min(0.2, end - time.monotonic()))
            for t, lines in self.msgs[n:]:
                if any(pred(l) for l in lines):
                    return t
        return None

    def pings(self, since, until=float("inf")):
        return [t for t, lines in self.msgs if since <= t < until and "WATCHDOG=1" in lines]


def main():
    kiosk, src = sys.argv[1], sys.argv[2]
    work = tempfile.mkdtemp()
    log = os.path.join(work, "kiosk.log")
    cfg = json.load(open(os.path.join(src, "config/kiosk.json"), encoding="utf-8"))
    cfg["kiosk"]["fullscreen"] = False
    metrics = os.path.join(work, "kiosk.prom")
    cfg["kiosk"]["metrics_path"] = metrics
    server = subprocess.Popen([sys.executable, os.path.join(src, "tests/integration/status_server.py"),
                               os.path.join(work, "posts")], stdout=subprocess.PIPE)
    port = int(server.stdout.readline())
    tobetsu = [m for m in cfg["municipalities"] if m["id"] == "tobetsu"][0]
    tobetsu["call"]["status_url"] = "http://127.0.0.1:%d/available" % port
    tobetsu.pop("hours", None)  # open whenever CI runs
    config = os.path.join(work, "kiosk.json")
    json.dump(cfg, open(config, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    xvfb, display = start_xvfb()
    sock_path = os.path.join(work, "notify.sock")
    listener = Listener(sock_path)
    env = dict(os.environ, DISPLAY=display, NOTIFY_SOCKET=sock_path,
               WATCHDOG_USEC=str(int(INTERVAL * 1e6)))
    # WATCHDOG_PID is the service's main process, as systemd sets it.
    proc = subprocess.Popen(["sh", "-c", 'WATCHDOG_PID=$$ exec "$0" "$@"', kiosk,
                             "--config", config, "--windowed=640x360", "--verbose"],
                            env=env, stdout=open(log, "w"), stderr=subprocess.STDOUT)
    try:
        run(listener, proc, config, log, metrics)
    finally:
        if proc.poll() is None:
            proc.kill()
        xvfb.terminate()
        server.terminate()
    text = open(log, errors="replace").read()
    if re.search(r"ERROR: \w+Sanitizer|SUMMARY: \w+Sanitizer|runtime error:", text):
        fail("sanitizer report", log)
    print("PASS")


def read_metrics(path):
    """{'name{labels}': value} of a Prometheus text file."""
    out = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        key, value = line.rsplit(" ", 1)
        out[key] = float(value)
    return out


def check_metrics(path, log, final):
    text = open(path, encoding="utf-8").read()
    m = read_metrics(path)
    now = time.time()
    need = ["kiosk_last_frame_timestamp_seconds", "kiosk_frame_seconds_count",
            'kiosk_frame_seconds_bucket{le="+Inf"}', "kiosk_metrics_timestamp_seconds",
            "kiosk_config_errors", 'kiosk_municipality_open{municipality="tobetsu"}',
            'kiosk_status_poll_last_success_timestamp_seconds{municipality="tobetsu"}']
    for k in need:
        if k not in m:
            fail("metrics: no %s in\n%s" % (k, text), log)
    if not any(k.startswith('kiosk_build_info{version="') for k in m):
        fail("metrics: no kiosk_build_info{version}", log)
    if not 0 <= now - m["kiosk_last_frame_timestamp_seconds"] < 30:
        fail("metrics: last frame %.0f s ago" % (now - m["kiosk_last_frame_timestamp_seconds"]), log)
    if m["kiosk_frame_seconds_count"] < 1 or m['kiosk_frame_seconds_bucket{le="+Inf"}'] != m["kiosk_frame_seconds_count"]:
        fail("metrics: frame histogram inconsistent", log)
    ok = m['kiosk_status_poll_last_success_timestamp_seconds{municipality="tobetsu"}']
    if not 0 <= now - ok < 60:
        fail("metrics: tobetsu's last good poll %.0f s ago" % (now - ok), log)
    if m['kiosk_municipality_open{municipality="tobetsu"}'] != 1:
        fail("metrics: tobetsu without hours is not open", log)
    if final and (m["kiosk_up"] != 0 or m["kiosk_config_errors"] < 1):
        fail("metrics at exit: want kiosk_up 0 and the refused config's errors\n" + text, log)
    promtool = shutil.which("promtool")
    if promtool:
        r = subprocess.run([promtool, "check", "metrics"], input=text.encode(),
                           capture_output=True)
        if r.returncode != 0:
            fail("promtool check metrics: %s" % (r.stdout + r.stderr).decode(), log)
    print("metrics ok (%s):" % ("at exit" if final else "running"))
    for line in text.splitlines():
        if re.match(r"kiosk_(up|build_info|last_frame|frame_seconds_(count|sum|bucket\{le=\"0.0(16|33)\")|metrics_timestamp|config_errors|status_poll_last|municipality_open)", line):
            print("  " + line)


def run(listener, proc, config, log, metrics):
    # 1. READY=1 with STATUS=, after the first frame, and before any ping
    t_ready = listener.wait_for(lambda l: l == "READY=1", 20)
    if t_ready is None:
        fail("no READY=1 within 20 s", log)
    first = listener.msgs[0][1]
    if first[0] != "READY=1" or not any(l.startswith("STATUS=screen home; config loaded") for l in first):
        fail("first message is not READY=1 with the status: %s" % first, log)
    if "first frame presented" not in open(log).read():
        fail("READY=1 came but the log has no first frame", log)
    # 2. pings, never more than an interval apart
    listener.pump(3 * INTERVAL)
    pings = listener.pings(t_ready)
    if len(pings) < 4:
        fail("%d WATCHDOG=1 in %.0f s after READY (want >= 4)" % (len(pings), 3 * INTERVAL), log)
    gaps = [b - a for a, b in zip(pings, pings[1:])]
    if max(gaps) > INTERVAL:
        fail("pings %.2f s apart, more than the %.0f s interval" % (max(gaps), INTERVAL), log)
    # The status worker starts after the first frame, so its first poll comes
    # after the first metrics write; the file takes news at most every 10 s
    # (records.c RECORDS_METRICS_MS): wait for the poll's line that long.
    deadline = time.monotonic() + 12
    while time.monotonic() < deadline:
        if os.path.exists(metrics) and 'kiosk_municipality_open{municipality="tobetsu"}' in open(metrics, encoding="utf-8").read():
            break
        listener.pump(0.5)
    check_metrics(metrics, log, final=False)
    # 3. a refused config shows in STATUS=
    with open(config, "a", encoding="utf-8") as f:
        f.write("broken")
    if listener.wait_for(lambda l: l.startswith("STATUS=") and "REJECTED" in l, 15) is None:
        fail("no STATUS= saying the new config was refused", log)
    # 4. frozen: no ping for three intervals
    proc.send_signal(signal.SIGSTOP)
    t_stop = time.monotonic() - listener.t0
    listener.pump(3 * INTERVAL)
    late = listener.pings(t_stop + 0.2)  # one already in the socket may land just after
    if late:
        fail("WATCHDOG=1 while the kiosk was stopped, at %s" % late, log)
    print("(stopped %.1f s: no ping)" % (3 * INTERVAL), flush=True)
    # 5. thawed: pings again within an interval
    proc.send_signal(signal.SIGCONT)
    t_cont = time.monotonic() - listener.t0
    listener.pump(2 * INTERVAL)
    if not listener.pings(t_cont, t_cont + INTERVAL):
        fail("no WATCHDOG=1 within %.0f s of SIGCONT" % INTERVAL, log)
    # 6. SIGTERM: STOPPING=1, exit 0
    proc.send_signal(signal.SIGTERM)
    if listener.wait_for(lambda l: l == "STOPPING=1", 10) is None:
        fail("no STOPPING=1 after SIGTERM", log)
    try:
        rc = proc.wait(10)
    except subprocess.TimeoutExpired:
        fail("the kiosk did not exit after SIGTERM", log)
    if rc != 0:
        fail("the kiosk exited with %d" % rc, log)
    listener.pump(0.3)
    if listener.msgs[-1][1] != ["STOPPING=1"]:
        fail("STOPPING=1 is not the last message", log)
    check_metrics(metrics, log, final=True)


main()
