#!/usr/bin/env bash
# Build TinyJwt, the ASP.NET Core reference (bench/Reference) and the bare HttpListener floor
# (bench/Floor) in Release, then run each alone on 127.0.0.1: time its start-up with
# startup.sh, load it with load.sh, stop it. Prints TinyJwt's figures and its ratios to the
# reference and, for the get-jwt scenarios, to the floor.
#
# Usage: bench/compare.sh [options]
#   --duration SECONDS  length of each load scenario (default 10)
#   --warmup SECONDS    unrecorded load before the scenarios of each server (default 5)
#   --runs N            start-up timings per server (default 3)
#   --servers LIST      which servers to run, from "tinyjwt reference floor" (default all)
#   --port-base PORT    TinyJwt listens on PORT, the reference on PORT+1, the floor on
#                       PORT+2 (default 5401)
#   --tinyjwt BUILD     how TinyJwt runs: "jit" (dotnet TinyJwt.dll, the default, as
#                       `dotnet run` and the .NET tool run it), "aot" (Native AOT binary)
#                       or "r2r" (ReadyToRun TinyJwt.dll); aot and r2r are published into
#                       bin/Release/net10.0/linux-x64/publish-BUILD/
#   --no-build          use the existing Release builds
#   --keep DIR          keep logs and raw figures in DIR (default: a temporary folder that
#                       is removed at exit)
#
# A run with the defaults takes about 4 minutes. Needs wrk, curl and ss; --tinyjwt aot also
# needs clang and zlib1g-dev (CLANG names the compiler; default clang, else clang-14).
set -euo pipefail

duration=10
warmup=5
runs=3
servers="tinyjwt reference floor"
port_base=5401
build=1
keep=""
tinyjwt_build=jit

usage() {
  sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
}

while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --servers) servers="$2"; shift 2 ;;
    --port-base) port_base="$2"; shift 2 ;;
    --tinyjwt) tinyjwt_build="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --keep) keep="$2"; shift 2 ;;
    -h|--help) usage ;;
    *) echo "compare.sh: unknown argument '$1'" >&2; usage ;;
  esac
done

if ! [[ "$port_base" =~ ^[0-9]+$ ]] || [ "$port_base" -lt 1024 ] \
  || [ "$port_base" -gt 65000 ]; then
  echo "compare.sh: --port-base must be 1024 to 65000, got '$port_base'" >&2
  exit 2
fi
case "$tinyjwt_build" in
  jit|aot|r2r) ;;
  *) echo "compare.sh: --tinyjwt must be jit, aot or r2r, got '$tinyjwt_build'" >&2; exit 2 ;;
esac
for name in $servers; do
  case "$name" in
    tinyjwt|reference|floor) ;;
    *) echo "compare.sh: unknown server '$name' (use tinyjwt, reference, floor)" >&2; exit 2 ;;
  esac
done

bench="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$bench")"
if [ -n "$keep" ]; then
  mkdir -p "$keep"
  work="$(cd "$keep" && pwd)"
else
  work="$(mktemp -d)"
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
cleanup() {
  stop_server
  if [ -z "$keep" ]; then
    rm -rf "$work"
  fi
}
trap cleanup EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
publish_dir="$root/bin/Release/net10.0/linux-x64/publish-$tinyjwt_build"
clang="${CLANG:-$(if command -v clang >/dev/null; then echo clang; else echo clang-14; fi)}"
if [ "$build" = 1 ]; then
  echo "building in Release ..."
  dotnet build "$root/TinyJwt.csproj" -c Release -v quiet -nologo >"$work/build.log"
  case "$tinyjwt_build" in
    aot)
      dotnet publish "$root/TinyJwt.csproj" -c Release -r linux-x64 -p:PublishAot=true \
        -p:CppCompilerAndLinker="$clang" -o "$publish_dir" -v quiet -nologo \
        >>"$work/build.log" ;;
    r2r)
      dotnet publish "$root/TinyJwt.csproj" -c Release -r linux-x64 --self-contained false \
        -p:PublishReadyToRun=true -o "$publish_dir" -v quiet -nologo >>"$work/build.log" ;;
  esac
  dotnet build "$bench/Reference" -c Release -v quiet -nologo >>"$work/build.log"
  dotnet build "$bench/Floor" -c Release -v quiet -nologo >>"$work/build.log"
fi

# Both token servers get the same secret text: 32 random bytes as base64url, 43 characters.
secret_text="$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
mkdir -p -m 700 "$work/tinyjwt-data"
(umask 077 && printf '%s\n' "$secret_text" >"$work/secret.key")

# set_command NAME PORT: sets "command" to the command line that starts that server on
# 127.0.0.1:PORT.
set_command() {
  case "$1" in
    tinyjwt)
      case "$tinyjwt_build" in
        jit) command=(dotnet "$root/bin/Release/net10.0/TinyJwt.dll") ;;
        aot) command=("$publish_dir/TinyJwt") ;;
        r2r) command=(dotnet "$publish_dir/TinyJwt.dll") ;;
      esac
      command+=(serve --host 127.0.0.1 --port "$2" --data "$work/tinyjwt-data"
        --secret-file "$work/secret.key") ;;
    reference)
      command=(dotnet "$bench/Reference/bin/Release/net10.0/Reference.dll"
        --urls "http://127.0.0.1:$2" --secret-file "$work/secret.key") ;;
    floor)
      command=(dotnet "$bench/Floor/bin/Release/net10.0/Floor.dll" --port "$2") ;;
  esac
}

# Starts the server in the background and waits up to 30 s for its first response.
start_server() {
  local url="$1"
  shift
  "$@" >>"$work/$name.log" 2>&1 &
  server=$!
  for _ in $(seq 1 300); do
    status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$url/get-jwt" || true)"
    if [[ "$status" =~ ^[24][0-9][0-9]$ ]]; then
      return 0
    fi
    sleep 0.1
  done
  echo "compare.sh: no response from $name on $url within 30 s; log: $work/$name.log" >&2
  return 1
}

echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo \
  | head -n 1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
offset=0
for name in tinyjwt reference floor; do
  port=$((port_base + offset))
  offset=$((offset + 1))
  if [[ " $servers " != *" $name "* ]]; then
    continue
  fi
  url="http://127.0.0.1:$port"
  set_command "$name" "$port"
  tsv="$work/$name.tsv"
  : >"$tsv"

  echo
  echo "== $name: ${command[*]}"
  if ! "$bench/startup.sh" --runs "$runs" --tsv "$tsv" "$url/get-jwt" -- "${command[@]}"; then
    echo "compare.sh: skipping $name: it did not start" >&2
    continue
  fi
  start_server "$url" "${command[@]}"
  load_options=(--duration "$duration" --warmup "$warmup" --pid "$server" --tsv "$tsv")
  if [ "$name" = floor ]; then
    load_options+=(--fixed-response)
  fi
  "$bench/load.sh" "${load_options[@]}" "$url"
  stop_server
done

echo
"$bench/compare-table.sh" "$work"
