#!/bin/bash
# The package as a user gets it, on this machine, as root: build the .deb
# (cpack), list it, install it with apt, check the user, the state folder
# and the config's rights, run the installed command's --check-config on
# the installed /etc config (as root and as the kiosk's user) and a
# --screenshot, remove it (the edited conffile stays, so do the user and the
# state), then purge it (nothing left: files, user, group, state, /etc).
# CTest registers it only as root with CI set (tests/package/CMakeLists.txt).
# Usage: deb_user_test.sh BUILD_DIR SOURCE_DIR PACKAGE
set -euo pipefail
build=$1 src=$2 pkg=$3
[ "$(id -u)" = 0 ] || { echo "FAIL: must run as root (it installs a package)"; exit 1; }
work=$(mktemp -d)
export DEBIAN_FRONTEND=noninteractive
installed_by_us=0
cleanup() {
    local rc=$?
    if [ "$installed_by_us" = 1 ] && dpkg-query -W "$pkg" > /dev/null 2>&1; then
        apt-get purge -y -qq "$pkg" > /dev/null 2>&1 || dpkg --purge "$pkg" || true
    fi
    rm -rf "$work"
    exit "$rc"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }
etc=/etc/$pkg state=/var/lib/$pkg policy=/etc/chromium/policies/managed

step "the machine has no trace of $pkg before"
if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -qv "not-installed"; then
    fail "$pkg is installed already: dpkg -P $pkg first"
fi
for p in "$etc" "$state" "/usr/bin/$pkg"; do [ ! -e "$p" ] || fail "$p exists before the install"; done
! getent passwd "$pkg" > /dev/null || fail "user $pkg exists before the install"

step "build and list the package"
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/deb" > "$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log"; fail "cpack"; }
deb=$(ls "$work"/deb/*.deb)
echo "$(basename "$deb"): $(stat -c %s "$deb") bytes"
dpkg-deb -c "$deb" | awk '{print $1, $6}'
dpkg-deb -f "$deb" Depends Recommends

step "apt install"
installed_by_us=1
apt-get install -y -qq --no-install-recommends "$deb" > "$work/apt.log" 2>&1 ||
    { cat "$work/apt.log"; fail "apt-get install"; }
dpkg-query -W -f='${Status} ${Version}\n' "$pkg" | grep -q "^install ok installed" ||
    fail "not installed: $(dpkg-query -W -f='${Status}' "$pkg")"
[ -x "/usr/bin/$pkg" ] || fail "/usr/bin/$pkg missing"
getent passwd "$pkg" | grep -q ":$state:/usr/sbin/nologin$" ||
    fail "system user: $(getent passwd "$pkg")"
[ "$(stat -c '%U:%G %a' "$state")" = "$pkg:$pkg 750" ] || fail "state folder: $(stat -c '%U:%G %a' "$state")"
[ "$(stat -c '%U:%G %a' "$etc/kiosk.json")" = "root:$pkg 640" ] ||
    fail "config rights: $(stat -c '%U:%G %a' "$etc/kiosk.json")"
dpkg-query -W -f='${Conffiles}\n' "$pkg" | grep -q " $etc/kiosk.json " || fail "$etc/kiosk.json is no conffile"
[ -f "/lib/systemd/system/$pkg.service" ] || fail "no service unit"
echo "ok: user $(id "$pkg"), state $state, conffile $etc/kiosk.json"

step "the installed command on the installed config"
"/usr/bin/$pkg" --check-config --verbose > "$work/check.txt" 2>&1 || { cat "$work/check.txt"; fail "--check-config"; }
cat "$work/check.txt"
grep -q "config $etc/kiosk.json (from /etc)" "$work/check.txt" || fail "--check-config did not take $etc/kiosk.json"
# The kiosk's own user reads its config (0640, group $pkg).
(cd / && runuser -u "$pkg" -- "/usr/bin/$pkg" --check-config) || fail "--check-config as $pkg"
chmod 711 "$work" # the kiosk's user may pass, not list
install -d -o "$pkg" "$work/shots"
runuser -u "$pkg" -- "/usr/bin/$pkg" --screenshot "$work/shots/home.png" --screen home \
    --size 1280x720 --lang en 2> "$work/shot.txt" || { cat "$work/shot.txt"; fail "--screenshot"; }
cat "$work/shot.txt"
python3 - "$work/shots/home.png" <<'PY' || fail "the screenshot is not a 1280x720 PNG"
import struct, sys
d = open(sys.argv[1], "rb").read(24)
assert d[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", d[16:24]) == (1280, 720)
PY
echo "ok: --screenshot home.png 1280x720"

step "the staff edit the config, then apt remove"
sed -i 's/"idle_timeout_s": 90/"idle_timeout_s": 120/' "$etc/kiosk.json"
grep -q '"idle_timeout_s": 120' "$etc/kiosk.json" || fail "could not edit the config"
touch "$state/stats.jsonl"
apt-get remove -y -qq "$pkg" > "$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt-get remove"; }
dpkg-query -W -f='${Status}\n' "$pkg" | grep -q "deinstall ok config-files" ||
    fail "after remove: $(dpkg-query -W -f='${Status}' "$pkg")"
[ ! -e "/usr/bin/$pkg" ] || fail "/usr/bin/$pkg left after remove"
[ ! -e "/lib/systemd/system/$pkg.service" ] || fail "service unit left after remove"
grep -q '"idle_timeout_s": 120' "$etc/kiosk.json" || fail "the edited conffile is gone after remove"
[ -e "$state/stats.jsonl" ] || fail "the records are gone after remove"
getent passwd "$pkg" > /dev/null || fail "the user is gone after remove"
echo "ok: removed; kept: $etc/kiosk.json (edited), $state, user $pkg"

step "apt purge"
apt-get purge -y -qq "$pkg" > "$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt-get purge"; }
installed_by_us=0
st=$(dpkg-query -W -f='${Status}' "$pkg" 2> /dev/null || true)
[ -z "$st" ] || [[ "$st" == *not-installed ]] || fail "after purge: $st"
left=""
for p in "$etc" "$state" "/usr/share/$pkg" "/usr/share/doc/$pkg" "$policy/$pkg.json" \
         "$policy/$pkg-hosts.json" "/usr/share/man/man1/$pkg.1.gz"; do
    [ ! -e "$p" ] || left="$left $p"
done
[ -z "$left" ] || fail "left after purge:$left"
! getent passwd "$pkg" > /dev/null || fail "user $pkg left after purge"
! getent group "$pkg" > /dev/null || fail "group $pkg left after purge"
echo "ok: purged; no file, user, group or state folder left"
echo "PASS"
