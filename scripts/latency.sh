#!/usr/bin/env bash
# Damage-to-update latency of each capture backend at 1920x1080, end to end: the built embedded
# server (distribution/target/plugvnc.jar) on a 1920x1080x24 Xvfb of its own, the project's own
# client (benchmarks/, DamageLatency) causing changes and timing the updates that show them.
# Not part of the tests.
#   bash scripts/latency.sh                         x11, awt and virtual, 50 rounds each
#   bash scripts/latency.sh x11 --iterations 20     some backends, any DamageLatency options
#   SKIP_BUILD=1 bash scripts/latency.sh            use the jars already built
#   POLL_MILLIS=5 bash scripts/latency.sh x11 awt   the backends' pollMillis (default: theirs)
# Prints a Markdown table; the servers' logs stay in the temporary directory it names on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
backends=()
options=()
while [ $# -gt 0 ]; do
  case "$1" in
    x11|awt|virtual) backends+=("$1"); shift ;;
    --*) options+=("$1" "$2"); shift 2 ;;
    *) echo "latency: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ ${#backends[@]} -gt 0 ] || backends=(x11 awt virtual)
for tool in Xvfb xsetroot java; do
  command -v "$tool" >/dev/null || { echo "latency: $tool missing: run scripts/install-test-deps.sh" >&2; exit 1; }
done
if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -B -q -Pquick package -pl benchmarks,distribution -am
fi
cp="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
jar="$PWD/distribution/target/plugvnc.jar"
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -n "${keep:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

# Waits until file $1 has a line matching $2; prints the match.
await_line() {
  for _ in $(seq 600); do
    if grep -m1 -E "$2" "$1" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  keep=1
  echo "latency: no '$2' in $1 within 60 s" >&2
  exit 1
}

start_xvfb() {
  Xvfb -displayfd 3 -screen 0 1920x1080x24 -noreset -nolisten tcp 3>"$work/displayfd" 2>"$work/xvfb.log" &
  pids+=($!)
  await_line "$work/displayfd" '^[0-9]+$' >/dev/null
  display=":$(head -n1 "$work/displayfd")"
}

# Starts the server for backend $1 with home $work/$1; sets $port.
start_server() {
  local home="$work/$1" java_options=()
  mkdir -p "$home/etc"
  printf 'port = 0\nbindAddress = 127.0.0.1\nsecurityTypes = None\nbackend = %s\n' "$1" \
    >"$home/etc/org.plugvnc.server.cfg"
  case "$1" in
    x11) printf 'display = %s\n%s' "$display" "$poll" >"$home/etc/org.plugvnc.capture.x11.cfg" ;;
    awt) printf 'name = awt\n%s' "$poll" >"$home/etc/org.plugvnc.capture.awt.cfg"
         java_options=(-Djava.awt.headless=false) ;;
    virtual) printf 'mode = test-pattern\nwidth = 1920\nheight = 1080\n' \
               >"$home/etc/org.plugvnc.capture.virtual.cfg" ;;
  esac
  DISPLAY="$display" java "-Dplugvnc.home=$home" "${java_options[@]}" -jar "$jar" >"$home/server.log" 2>&1 &
  pids+=($!)
  port=$(await_line "$home/server.log" 'plugvnc: listening on 127\.0\.0\.1:[0-9]+' | sed -E 's/.*127\.0\.0\.1:([0-9]+).*/\1/')
  # The backend starts capturing when the first viewer comes: the warm-up rounds cover that.
  await_line "$home/server.log" 'framework started' >/dev/null
}

poll=""
[ -z "${POLL_MILLIS:-}" ] || poll="pollMillis = $POLL_MILLIS"$'\n'
start_xvfb
echo "1920x1080, $(nproc) CPUs, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| backend | change | rounds | latency, ms: median / p90 / max | the cause alone, ms: median / p90 / max | receiving and decoding the last update, ms: median / p90 / max | bytes per change: median (max) | updates per change: median (max) |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
for backend in "${backends[@]}"; do
  start_server "$backend"
  label=$backend
  [ -z "$poll" ] || [ "$backend" = virtual ] || label="$backend, pollMillis $POLL_MILLIS"
  args=(--port "$port" --label "$label")
  [ "$backend" = virtual ] || args+=(--display "$display")
  java -cp "$cp" org.plugvnc.benchmarks.latency.DamageLatency "${args[@]}" "${options[@]}" \
    2>>"$work/client.log" || { keep=1; echo "latency: $backend failed; logs in $work" >&2; cat "$work/client.log" >&2; exit 1; }
  kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
  unset 'pids[-1]'
done
echo
grep 'first full picture' "$work/client.log" || true
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
