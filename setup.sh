#!/usr/bin/env bash
# AreaPlan set-up for Debian/Ubuntu (and other Linux with the listed libraries).
#   bash setup.sh app    set up, build the demo workspace if needed, open the desktop app on it
#   bash setup.sh test   set up and run the whole test suite (what CI runs)
# Windows: see setup.ps1 (same two modes).
set -euo pipefail
cd "$(dirname "$0")"
MODE="${1:-app}"
VENV="${AREAPLAN_VENV:-.venv}"
DEMO="sample_data/demo_songkhla.gpkg"

say() { printf '%s\n' "$*" >&2; }

# 1. Debian packages: Python with venv, Qt's runtime libraries, Xvfb, poppler (PDF checks).
APT_PKGS="python3 python3-venv python3-pip libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 xvfb xauth poppler-utils"
missing_libs() {
  local out=""
  for lib in libEGL.so.1 libGL.so.1 libxkbcommon.so.0 libfontconfig.so.1 libdbus-1.so.3 libxkbcommon-x11.so.0 libxcb-cursor.so.0; do
    ldconfig -p 2>/dev/null | grep -q "$lib" || out="$out $lib"
  done
  command -v xvfb-run >/dev/null 2>&1 || out="$out xvfb-run"
  command -v pdftoppm >/dev/null 2>&1 || out="$out pdftoppm"
  printf '%s' "$out"
}

find_python() {
  for py in python3.13 python3.12 python3.11 python3; do
    if command -v "$py" >/dev/null 2>&1 && "$py" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$py"; return 0
    fi
  done
  return 1
}

if command -v apt-get >/dev/null 2>&1; then
  MISSING="$(missing_libs)"
  if [ -n "$MISSING" ] || ! find_python >/dev/null; then
    if [ "$(id -u)" = "0" ]; then
      say "ติดตั้งไลบรารีที่ Qt ต้องใช้ (installing Qt's system libraries):$MISSING"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >/dev/null
      # shellcheck disable=SC2086
      apt-get install -y -qq --no-install-recommends $APT_PKGS >/dev/null
    else
      say "ขาดไลบรารีของระบบ (missing system libraries):$MISSING"
      say "โปรดรันคำสั่งนี้ แล้วเรียก setup.sh อีกครั้ง (run this once, then run setup.sh again):"
      say "  sudo apt-get install -y $APT_PKGS"
      exit 1
    fi
  fi
fi

# Optional: Chromium, for the web map's offline browser test (skipped with a reason when absent).
if [ "$MODE" = "test" ] && command -v apt-get >/dev/null 2>&1 && ! command -v chromium >/dev/null 2>&1 \
   && ! command -v chromium-browser >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    say "ติดตั้ง chromium สำหรับทดสอบแผนที่เว็บ (installing chromium for the web-map test; optional)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1 \
      || say "  ติดตั้ง chromium ไม่ได้: ข้ามการทดสอบในเบราว์เซอร์ (could not install chromium: browser tests skip)"
  else
    say "ไม่มี chromium: การทดสอบแผนที่เว็บในเบราว์เซอร์จะข้าม (optional: sudo apt-get install chromium)"
  fi
fi

PY="$(find_python)" || { say "ต้องใช้ Python 3.11 ขึ้นไป (Python >= 3.11 with venv is required)"; exit 1; }

# 2. The virtual environment and the project with its test tools.
if [ ! -x "$VENV/bin/python" ]; then
  say "สร้าง virtualenv ที่ $VENV (creating the virtualenv)"
  "$PY" -m venv "$VENV"
fi
STAMP="$VENV/.areaplan-installed"
if [ ! -f "$STAMP" ] || [ pyproject.toml -nt "$STAMP" ]; then
  say "ติดตั้ง AreaPlan และไลบรารี (installing AreaPlan and its dependencies)"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q -e ".[dev]"
  touch "$STAMP"
fi

case "$MODE" in
  app)
    if [ ! -f "$DEMO" ]; then
      "$VENV/bin/areaplan" demo --out "$DEMO"
    fi
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      say "ไม่มีจอแสดงผล เปิดโปรแกรมบนจอเสมือน (no display: running on a virtual screen and saving a screenshot)"
      QT_QPA_PLATFORM=offscreen exec "$VENV/bin/areaplan" gui --demo --screenshot areaplan-demo.png
    fi
    exec "$VENV/bin/areaplan" gui --demo
    ;;
  test)
    export QT_QPA_PLATFORM=offscreen
    "$VENV/bin/lint-imports" --config pyproject.toml
    exec "$VENV/bin/python" -m pytest "${@:2}"
    ;;
  *)
    say "usage: bash setup.sh [app|test]"; exit 2 ;;
esac
