#!/usr/bin/env bash
# Build the one-folder desktop package into dist/privacy-audit/ and smoke-test it.
#
#   packaging/build.sh            (what `make dist` runs; needs .venv from `make install`)
#
# Environment: VENV (default .venv), PYINSTALLER_SPEC (default packaging/privacy-audit.spec),
# SKIP_SMOKE=1 to build without running the result.
set -euo pipefail

cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
PY="$VENV/bin/python"
SPEC=${PYINSTALLER_SPEC:-packaging/privacy-audit.spec}
APP_DIR=dist/privacy-audit
APP="$APP_DIR/privacy-audit"

say() { printf '==> %s\n' "$*"; }
fail() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

[ -x "$PY" ] || fail "$PY not found: run 'make install' first"

if ! "$PY" -c 'import PyInstaller' 2>/dev/null; then
    say "installing PyInstaller into $VENV"
    "$PY" -m pip install --quiet 'pyinstaller>=6.10'
fi

say "building $APP_DIR with PyInstaller $("$PY" -m PyInstaller --version)"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller "$SPEC"

[ -x "$APP" ] || fail "$APP was not produced"

# Desktop integration files next to the program (for distro packagers and AppImage tools)
mkdir -p "$APP_DIR/share/applications" "$APP_DIR/share/metainfo"
cp packaging/org.privacyaudit.PrivacyAudit.desktop "$APP_DIR/share/applications/"
cp packaging/org.privacyaudit.PrivacyAudit.metainfo.xml "$APP_DIR/share/metainfo/"
"$PY" packaging/install_icons.py "$APP_DIR/share/icons/hicolor"

if command -v appstreamcli >/dev/null 2>&1; then
    say "appstreamcli validate"
    appstreamcli validate --no-net packaging/org.privacyaudit.PrivacyAudit.metainfo.xml
fi
if command -v desktop-file-validate >/dev/null 2>&1; then
    say "desktop-file-validate"
    desktop-file-validate packaging/org.privacyaudit.PrivacyAudit.desktop
fi

if [ "${SKIP_SMOKE:-0}" = 1 ]; then
    say "built $APP_DIR ($(du -sh "$APP_DIR" | cut -f1)); smoke tests skipped"
    exit 0
fi

# --- smoke tests: the frozen program, with its own throw-away user dirs ----------------
SMOKE=$(mktemp -d)
trap 'rm -rf "$SMOKE"' EXIT
export PRIVACY_AUDIT_HOME="$SMOKE/home" TMPDIR="$SMOKE"
export QT_QPA_PLATFORM=offscreen QTWEBENGINE_CHROMIUM_FLAGS=--no-sandbox

say "smoke: --version"
"$APP" --version

say "smoke: audit --demo --json"
"$APP" audit --demo --json >"$SMOKE/audit.json"
"$PY" -c 'import json, sys; d = json.load(open(sys.argv[1])); assert d["schema"] == "privacy-audit/1", d.get("schema"); print("   score", d["score"], "findings", len(d["findings"]))' "$SMOKE/audit.json"

say "smoke: report --demo (html)"
"$APP" report --demo -o "$SMOKE/report.html"
[ -s "$SMOKE/report.html" ] || fail "report was not written"

say "smoke: QtWebEngine is in the bundle and prints the report to PDF"
find "$APP_DIR" -name 'QtWebEngineProcess*' -type f | grep -q . || fail "QtWebEngineProcess missing"
"$APP" report --demo -o "$SMOKE/report.pdf"
head -c 5 "$SMOKE/report.pdf" | grep -q '%PDF-' || fail "the PDF report was not written"

say "smoke: the window opens on the demo (offscreen, 10 s)"
status=0
timeout 10 "$APP" gui --demo >"$SMOKE/gui.log" 2>&1 || status=$?
if [ "$status" != 124 ]; then  # 124: still running when the timeout stopped it = good
    cat "$SMOKE/gui.log" >&2
    fail "the GUI exited with status $status instead of staying open"
fi

say "built $APP_DIR ($(du -sh "$APP_DIR" | cut -f1)); smoke tests passed"
