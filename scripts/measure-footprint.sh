#!/usr/bin/env bash
# Measures what the README and docs/measurements.md report about the distribution: time from the
# start command to the first ProtocolVersion on the socket, the jar's size, and heap in use (after
# a full GC) with the server idle and with one viewer (the project's own client) connected.
# Needs a built tree: mvn -B -q -Pquick install. Uses a throwaway home and a free local port.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=distribution/target/plugvnc.jar
client=$(ls bundles/client/target/plugvnc-client-*.jar | grep -v sources | head -n 1)
home=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$home/etc"
printf 'port = %s\nsecurityTypes = None\n' "$port" > "$home/etc/org.plugvnc.server.cfg"

heap_used() { # heap in use after a full GC, in KiB
  jcmd "$1" GC.run >/dev/null
  sleep 1
  jcmd "$1" GC.heap_info | sed -n 's/.*used \([0-9]*\)K.*/\1/p' | head -n 1
}

start=$(date +%s%N)
java -Dplugvnc.home="$home" -jar "$jar" >/dev/null 2>"$home/server.log" &
server=$!
trap 'kill $server 2>/dev/null; [ -n "${viewer:-}" ] && kill $viewer 2>/dev/null; rm -rf "$home"' EXIT
for _ in $(seq 1 1000); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port" && head -c 12 <&3 | grep -q RFB) 2>/dev/null; then break; fi
  sleep 0.01
done
ready=$(( ($(date +%s%N) - start) / 1000000 ))
sleep 2
idle=$(heap_used "$server")
java -jar "$client" 127.0.0.1 "$port" 20 >"$home/client.log" 2>&1 &
viewer=$!
sleep 5
one=$(heap_used "$server")
rss=$(ps -o rss= -p "$server" | tr -d ' ')

echo "start command to first ProtocolVersion: ${ready} ms"
echo "jar: $(stat -c %s "$jar") bytes"
echo "heap in use after GC, idle: ${idle} KiB"
echo "heap in use after GC, one viewer: ${one} KiB (process RSS ${rss} KiB)"
