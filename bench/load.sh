#!/usr/bin/env bash
# Load one running server on loopback with wrk and print req/s, p50 and p99 per scenario,
# with the server's resident memory before and during load.
#
# Usage: bench/load.sh [options] URL      (URL such as http://127.0.0.1:5000)
#   --duration SECONDS  length of each scenario (default 10)
#   --warmup SECONDS    unrecorded get-jwt load before the first scenario, so JIT tiering
#                       and thread-pool growth do not land in it (default 5; 0 for none)
#   --pid PID           server process for memory figures (default: the one listening on
#                       the URL's port, found with ss)
#   --fixed-response    the server sends one fixed response (bench/Floor): skip the
#                       register and login scenarios and send a token-shaped placeholder
#   --tsv FILE          also write "scenario<TAB>metric<TAB>value" lines to FILE
#
# The script registers its own user (bench-<random>), logs in to get a token, and makes a
# bad-signature token from it by changing one character of the signature.
# Requires wrk (Debian package "wrk"), curl and ss. Each scenario stops after its duration.
set -euo pipefail

duration=10
warmup=5
pid=""
fixed_response=0
tsv=""
url=""

usage() {
  sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
}

while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --pid) pid="$2"; shift 2 ;;
    --fixed-response) fixed_response=1; shift ;;
    --tsv) tsv="$2"; shift 2 ;;
    -h|--help) usage ;;
    -*) echo "load.sh: unknown option '$1'" >&2; usage ;;
    *) url="${1%/}"; shift ;;
  esac
done

if [ -z "$url" ]; then
  usage
fi
if ! [[ "$duration" =~ ^[1-9][0-9]*$ ]] || [ "$duration" -gt 600 ]; then
  echo "load.sh: --duration must be 1 to 600 seconds, got '$duration'" >&2
  exit 2
fi
if ! [[ "$warmup" =~ ^[0-9]+$ ]] || [ "$warmup" -gt 600 ]; then
  echo "load.sh: --warmup must be 0 to 600 seconds, got '$warmup'" >&2
  exit 2
fi
if ! [[ "$url" =~ ^http://(127\.[0-9]+\.[0-9]+\.[0-9]+|localhost|\[::1\]):([0-9]+)$ ]]; then
  echo "load.sh: URL must be http://127.x.x.x:PORT, http://localhost:PORT or" \
    "http://[::1]:PORT (loopback only), got '$url'" >&2
  exit 2
fi
port="${BASH_REMATCH[2]}"

for tool in wrk curl ss; do
  if ! command -v "$tool" >/dev/null; then
    echo "load.sh: '$tool' is not installed (wrk: apt-get install -y wrk)" >&2
    exit 1
  fi
done

if [ -z "$pid" ]; then
  pid="$(ss -Htlnp "sport = :$port" | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2 || true)"
fi
if [ -z "$pid" ] || [ ! -r "/proc/$pid/status" ]; then
  echo "load.sh: no server process found on port $port; pass --pid" >&2
  exit 1
fi

lua="$(cd "$(dirname "$0")" && pwd)/wrk/request.lua"
background=()
cleanup() {
  for job in "${background[@]}"; do
    kill "$job" 2>/dev/null || true
  done
}
trap cleanup EXIT

# Resident memory of the server in MB, from /proc (VmRSS now, or VmHWM for the peak).
memory_mb() {
  awk -v field="$1:" '$1 == field { printf "%.1f", $2 / 1024 }' "/proc/$pid/status"
}

record() {
  if [ -n "$tsv" ]; then
    printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$tsv"
  fi
}

# run_wrk SCENARIO CONNECTIONS PATH [VAR=VALUE ...]: one wrk run, one printed row.
run_wrk() {
  local scenario="$1" connections="$2" path="$3"
  shift 3
  local threads=1
  if [ "$connections" -ge 8 ]; then
    threads=2
  fi

  local output
  output="$(env "$@" wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 10s \
    -s "$lua" "$url$path")"
  local result
  result="$(grep '^RESULT ' <<<"$output" || true)"
  if [ -z "$result" ]; then
    echo "load.sh: wrk printed no result for $scenario:" >&2
    echo "$output" >&2
    return 1
  fi

  local rps p50 p99 status socket
  rps="$(sed -n 's/.* rps=\([^ ]*\).*/\1/p' <<<"$result")"
  p50="$(sed -n 's/.* p50_ms=\([^ ]*\).*/\1/p' <<<"$result")"
  p99="$(sed -n 's/.* p99_ms=\([^ ]*\).*/\1/p' <<<"$result")"
  status="$(sed -n 's/.* status=\([^ ]*\).*/\1/p' <<<"$result")"
  socket="$(sed -n 's/.* socket=\([^ ]*\).*/\1/p' <<<"$result")"
  printf '%-30s %5s %10s %9s %9s %8s %7s\n' \
    "$scenario" "$connections" "$rps" "$p50" "$p99" "$status" "$socket"
  record "$scenario" rps "$rps"
  record "$scenario" p50_ms "$p50"
  record "$scenario" p99_ms "$p99"
  record "$scenario" status_errors "$status"
  record "$scenario" socket_errors "$socket"
}

# Runs a scenario in the background and samples resident memory halfway through it.
run_wrk_sampling_memory() {
  local row_file
  row_file="$(mktemp)"
  run_wrk "$@" >"$row_file" &
  local job=$!
  background+=("$job")
  sleep "$(awk -v d="$duration" 'BEGIN { print d / 2 }')"
  loaded_mb="$(memory_mb VmRSS)"
  wait "$job"
  cat "$row_file"
  rm -f "$row_file"
}

# Same length as a real token, so header parsing costs the same; used with --fixed-response.
placeholder_token() {
  local segment
  segment="$(printf 'x%.0s' $(seq 1 43))"
  echo "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${segment}${segment}.${segment}"
}

# Changes the first signature character: any other base64url character keeps it canonical.
bad_signature_token() {
  local token="$1"
  local signature="${token##*.}"
  local first="${signature:0:1}"
  local replacement=A
  if [ "$first" = A ]; then
    replacement=B
  fi
  echo "${token%.*}.${replacement}${signature:1}"
}

user="bench-$RANDOM$RANDOM"
password="bench-password-$RANDOM$RANDOM"
credentials="{\"username\": \"$user\", \"password\": \"$password\"}"

if [ "$fixed_response" = 1 ]; then
  token="$(placeholder_token)"
else
  status="$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    --data "$credentials" "$url/register")"
  if [ "$status" != 201 ]; then
    echo "load.sh: POST /register returned status $status, expected 201" >&2
    exit 1
  fi
  response="$(curl -s -H 'Content-Type: application/json' --data "$credentials" "$url/login")"
  token="$(sed -n 's/.*"token": *"\([^"]*\)".*/\1/p' <<<"$response")"
  if [ -z "$token" ]; then
    echo "load.sh: POST /login gave no token" >&2
    exit 1
  fi
fi
bad_token="$(bad_signature_token "$token")"
for checked in "$token" "$bad_token"; do
  curl -s -o /dev/null -H "Authorization: Bearer $checked" "$url/get-jwt"
done

idle_mb="$(memory_mb VmRSS)"
loaded_mb=""
echo "server pid $pid on $url, $duration s per scenario after $warmup s of warm-up"
if [ "$warmup" -gt 0 ]; then
  wrk -t2 -c32 -d"${warmup}s" -H "Authorization: Bearer $token" "$url/get-jwt" >/dev/null
fi
printf '%-30s %5s %10s %9s %9s %8s %7s\n' \
  scenario conns 'req/s' 'p50 ms' 'p99 ms' '>=400' socket

run_wrk_sampling_memory get_valid_keepalive 32 /get-jwt \
  WRK_AUTHORIZATION="Bearer $token"
run_wrk get_bad_signature_keepalive 32 /get-jwt WRK_AUTHORIZATION="Bearer $bad_token"
run_wrk get_valid_close 32 /get-jwt WRK_AUTHORIZATION="Bearer $token" WRK_CLOSE=1

if [ "$fixed_response" = 0 ]; then
  run_wrk get_valid_4c 4 /get-jwt WRK_AUTHORIZATION="Bearer $token"
  run_wrk login_4c 4 /login WRK_METHOD=POST WRK_BODY="$credentials"
  run_wrk login_1c 1 /login WRK_METHOD=POST WRK_BODY="$credentials"

  # The flood starts first and ends last, so the whole get-jwt run sees it.
  flood_file="$(mktemp)"
  (
    duration=$((duration + 2))
    run_wrk login_4c_during_flood 4 /login WRK_METHOD=POST WRK_BODY="$credentials"
  ) >"$flood_file" &
  flood=$!
  background+=("$flood")
  sleep 1
  run_wrk get_valid_4c_during_flood 4 /get-jwt WRK_AUTHORIZATION="Bearer $token"
  wait "$flood"
  cat "$flood_file"
  rm -f "$flood_file"
fi

peak_mb="$(memory_mb VmHWM)"
echo "resident memory: idle $idle_mb MB, under get-jwt load $loaded_mb MB, peak $peak_mb MB"
record memory idle_mb "$idle_mb"
record memory loaded_mb "$loaded_mb"
record memory peak_mb "$peak_mb"
