#!/usr/bin/env bash
# Installs what plugvnc's tests need beyond the JDK and Maven: the real viewers the interop tests
# (distribution/src/test/java/org/plugvnc/interop) drive, an X server to draw on, TigerVNC's
# viewer, vncsnapshot, xwd for screenshots, vncpasswd; libjpeg-turbo for the Tight encoders; npm
# (the web client's build packs noVNC with it) and headless Chromium with npm's playwright-core
# for the browser tests, playwright-core into a cache outside the repository (never a browser
# download: Debian's chromium is the browser).
# Installs only what is missing; prints nothing when everything is there. Debian/Ubuntu only.
set -euo pipefail

packages=(
  xvfb             # Xvfb: the virtual X display the viewer draws on
  tigervnc-viewer  # vncviewer (TigerVNC 1.12)
  gvncviewer       # gtk-vnc 1.3's viewer: VeNCrypt X509None with its CA in ~/.pki/CA (GvncViewerIT)
  libnss-wrapper   # gives gvncviewer a temporary home: it finds ~ through getpwuid, not $HOME
  vncsnapshot      # vncsnapshot 1.2a: an RFB 3.3 client that writes a JPEG
  x11-apps         # xwd: screenshots of the X display; xwud: the backends' tests show their pattern
  x11-utils        # xdpyinfo; xev: the X client the backends' input tests type into
  x11-xserver-utils # xsetroot paints the root window, xrandr resizes it (the backends' tests)
  xclip            # the X clipboard from the command line: the backends' clipboard tests
  xdotool          # the AWT backend test moves the pointer as a local mouse would
  tigervnc-tools   # vncpasswd -f: makes VNC password files
  libturbojpeg0    # libjpeg-turbo's TurboJPEG API: the Tight encoders' fast JPEG (tests check both codecs)
  libx11-6         # the X11 backend: Xlib (1.7+ for XSetIOErrorExitHandler)
  libxext6         #   MIT-SHM
  libxdamage1      #   DAMAGE
  libxfixes3       #   XFIXES: regions and the cursor image
  libxtst6         #   XTEST: input
  libxrandr2       #   RANDR: size changes
  x11-xserver-utils  # xsetroot and xrandr: X clients the X11 backend's tests draw and resize with
  x11-xkb-utils    # xkbbell: rings the X bell in the X11 backend's tests
  chromium         # /usr/bin/chromium: noVNC in a headless browser (distribution's Browser helper)
)

# The playwright-core release the browser tests drive Chromium with, and where it goes: outside
# the repository, shared by every checkout (distribution's Browser helper looks in the same place).
playwright_version=1.65.1
node_dir="${PLUGVNC_NODE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/plugvnc/node}"

install_playwright() {
  local installed="$node_dir/node_modules/playwright-core/package.json"
  if [ -f "$installed" ] && grep -q "\"version\": \"$playwright_version\"" "$installed"; then
    return 0
  fi
  echo "install-test-deps: installing playwright-core $playwright_version into $node_dir" >&2
  mkdir -p "$node_dir"
  # playwright-core has no install script and fetches no browser; the variable makes sure.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$node_dir" --no-save --no-package-lock \
    --no-audit --no-fund --silent "playwright-core@$playwright_version" >&2
}

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
# npm (with node) may come from elsewhere than Debian's package (NodeSource's nodejs carries its
# own npm and conflicts with Debian's): look for the command, not the package.
if ! command -v npm >/dev/null 2>&1; then
  missing+=(npm)
fi
if [ ${#missing[@]} -eq 0 ]; then
  install_playwright
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
install_playwright
