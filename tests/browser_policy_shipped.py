#!/usr/bin/env python3
"""The packaged Chromium policy (packaging/chromium-policy.json, a conffile)
holds only the policies that do not depend on call.allowed_hosts, each with
the value kiosk --print-browser-policy prints for the shipped config (the
service writes that file beside it before each start, so the two must
never disagree). Usage: browser_policy_shipped.py KIOSK SOURCE_DIR"""
import json
import subprocess
import sys

kiosk, src = sys.argv[1], sys.argv[2]
printed = json.loads(subprocess.run(
    [kiosk, "--config", src + "/config/kiosk.json", "--print-browser-policy"],
    check=True, capture_output=True, text=True).stdout)
packaged = json.load(open(src + "/packaging/chromium-policy.json", encoding="utf-8"))
host_keys = {"URLBlocklist", "URLAllowlist", "VideoCaptureAllowedUrls", "AudioCaptureAllowedUrls"}
bad = [k for k in packaged if k in host_keys or printed.get(k) != packaged[k]]
missing = [k for k in printed if k not in host_keys and k not in packaged]
if bad or missing:
    print("FAIL: packaged policy differs in", bad, "lacks", missing)
    sys.exit(1)
print("PASS: packaged policy = the printed one without the host lists (%d keys)" % len(packaged))
