#!/usr/bin/env bash
# Installs what plugvnc's tests need beyond the JDK and Maven: the real viewers the interop tests
# (distribution/src/test/java/org/plugvnc/interop) drive, an X server to draw on, TigerVNC's
# viewer, vncsnapshot, xwd for screenshots, vncpasswd; and libjpeg-turbo for the Tight encoders.
# Installs only what is missing; prints nothing when everything is there. Debian/Ubuntu only.
set -euo pipefail

packages=(
  xvfb             # Xvfb: the virtual X display the viewer draws on
  tigervnc-viewer  # vncviewer (TigerVNC 1.12)
  vncsnapshot      # vncsnapshot 1.2a: an RFB 3.3 client that writes a JPEG
  x11-apps         # xwd: screenshots of the X display
  x11-utils        # xdpyinfo, and xev: the X client the X11 backend's input tests type into
  xclip            # the X clipboard from the command line: the X11 backend's clipboard tests
  tigervnc-tools   # vncpasswd -f: makes VNC password files
  libturbojpeg0    # libjpeg-turbo's TurboJPEG API: the Tight encoders' fast JPEG (tests check both codecs)
  # chromium       # later: noVNC in headless Chromium
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-test-deps: apt-get not found; install these by hand: ${missing[*]}" >&2
  exit 1
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo=(sudo)
fi

echo "install-test-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
