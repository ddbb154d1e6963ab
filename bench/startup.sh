#!/usr/bin/env bash
# Start a server, time how long it takes to send its first HTTP response, and stop it.
#
# Usage: bench/startup.sh [--runs N] [--timeout SECONDS] [--tsv FILE] URL -- COMMAND [ARGS...]
#   URL        polled with GET until any 2xx or 4xx response (loopback only)
#   --runs     starts to time, one after another (default 3); the median is printed
#   --timeout  give up on a start after this many seconds (default 20)
#   --tsv      also write "startup<TAB>ms_median<TAB>N" and one ms_run line per start
#
# The clock starts just before COMMAND is launched and stops when curl reads the status.
# Polls are 5 ms apart and each curl call takes a few ms itself, so figures are accurate to
# about 10 ms. Each server is stopped with SIGTERM (SIGKILL after 5 s) before the next start
# and when the script exits.
set -euo pipefail

runs=3
timeout=20
tsv=""
url=""

usage() {
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
}

while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --timeout) timeout="$2"; shift 2 ;;
    --tsv) tsv="$2"; shift 2 ;;
    --) shift; break ;;
    -h|--help) usage ;;
    -*) echo "startup.sh: unknown option '$1'" >&2; usage ;;
    *) url="$1"; shift ;;
  esac
done

if [ -z "$url" ] || [ $# -eq 0 ]; then
  usage
fi
if ! [[ "$runs" =~ ^[1-9][0-9]?$ ]]; then
  echo "startup.sh: --runs must be 1 to 99, got '$runs'" >&2
  exit 2
fi
if ! [[ "$timeout" =~ ^[1-9][0-9]*$ ]] || [ "$timeout" -gt 300 ]; then
  echo "startup.sh: --timeout must be 1 to 300 seconds, got '$timeout'" >&2
  exit 2
fi
if ! [[ "$url" =~ ^http://(127\.[0-9]+\.[0-9]+\.[0-9]+|localhost|\[::1\]):[0-9]+(/.*)?$ ]]; then
  echo "startup.sh: URL must be on loopback (127.x.x.x, localhost or [::1]), got '$url'" >&2
  exit 2
fi

server=""
stop_server() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill -TERM "$server" 2>/dev/null || true
    for _ in $(seq 1 50); do
      if ! kill -0 "$server" 2>/dev/null; then
        break
      fi
      sleep 0.1
    done
    kill -KILL "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  server=""
}
trap stop_server EXIT

port="$(sed -E 's#^http://(\[[^]]*\]|[^:/]*):([0-9]+).*#\2#' <<<"$url")"
if [ -n "$(ss -Htln "sport = :$port")" ]; then
  echo "startup.sh: port $port is already in use; stop that server first" >&2
  exit 1
fi

times=()
for run in $(seq 1 "$runs"); do
  start_ns="$(date +%s%N)"
  "$@" >/dev/null 2>&1 &
  server=$!
  deadline_ns=$((start_ns + timeout * 1000000000))
  responded=0
  while [ "$(date +%s%N)" -lt "$deadline_ns" ]; do
    status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$url" || true)"
    if [[ "$status" =~ ^[24][0-9][0-9]$ ]]; then
      responded=1
      break
    fi
    if ! kill -0 "$server" 2>/dev/null; then
      echo "startup.sh: the server exited before its first response (run $run)" >&2
      exit 1
    fi
    sleep 0.005
  done
  end_ns="$(date +%s%N)"
  stop_server
  if [ "$responded" = 0 ]; then
    echo "startup.sh: no response from $url within $timeout s (run $run)" >&2
    exit 1
  fi
  elapsed_ms=$(((end_ns - start_ns) / 1000000))
  times+=("$elapsed_ms")
  echo "run $run: first response after $elapsed_ms ms"
  if [ -n "$tsv" ]; then
    printf 'startup\tms_run%d\t%d\n' "$run" "$elapsed_ms" >>"$tsv"
  fi
done

median="$(printf '%s\n' "${times[@]}" | sort -n \
  | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')"
echo "start-up to first response: median $median ms over $runs runs"
if [ -n "$tsv" ]; then
  printf 'startup\tms_median\t%d\n' "$median" >>"$tsv"
fi
