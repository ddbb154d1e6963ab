#!/usr/bin/env bash
# Soak test: build the server and the soak client in Release, then run the client. The client
# starts the server on 127.0.0.1 with a new data folder and sends a mixed load for a fixed
# time. Halfway through it kills the server with SIGKILL and starts it again. At the end it
# checks that every user that got 201 can still log in, and exits non-zero when a user was
# lost or could not be checked.
#
# Usage: bench/Soak/soak.sh [--duration SECONDS] [--clients N] [--max-requests N]
#                           [--pbkdf2-iterations N]
# Bounds (checked by the client): duration 10 to 600 s (default 60), 1 to 64 clients
# (default 8), PBKDF2 1000 to 600000 iterations (default 10000).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

dotnet build "$root/TinyJwt.csproj" -c Release -v quiet -nologo
dotnet build "$root/bench/Soak/Soak.csproj" -c Release -v quiet -nologo

exec dotnet "$root/bench/Soak/bin/Release/net10.0/Soak.dll" \
  --server "$root/bin/Release/net10.0/TinyJwt.dll" "$@"
