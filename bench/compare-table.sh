#!/usr/bin/env bash
# Print the comparison table from the figures compare.sh wrote (tinyjwt.tsv, reference.tsv
# and floor.tsv in DIR, each "scenario<TAB>metric<TAB>value").
#
# Usage: bench/compare-table.sh DIR
set -euo pipefail

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
  sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
dir="$1"

for name in tinyjwt reference floor; do
  if [ -s "$dir/$name.tsv" ]; then
    sed "s/^/$name\t/" "$dir/$name.tsv"
  fi
done | awk -F '\t' '
  { value[$1 SUBSEP $2 SUBSEP $3] = $4 }

  function get(server, scenario, metric) {
    key = server SUBSEP scenario SUBSEP metric
    return (key in value) ? value[key] : ""
  }
  function ratio(a, b) {
    return (a == "" || b == "" || b + 0 == 0) ? "-" : sprintf("%.2f", a / b)
  }
  function show(x) {
    return x == "" ? "-" : x
  }
  # row LABEL SCENARIO METRIC BETTER WITH_FLOOR
  function row(label, scenario, metric, better, with_floor) {
    t = get("tinyjwt", scenario, metric)
    r = get("reference", scenario, metric)
    f = with_floor ? get("floor", scenario, metric) : ""
    printf "%-44s %10s %10s %8s %10s %8s  %s\n", label, show(t), show(r), ratio(t, r),
      show(f), with_floor ? ratio(t, f) : "-", better
  }
  # Ratio of the get-jwt p99 during the /login flood to the p99 without it, per server.
  function flood_row(label) {
    t = ratio(get("tinyjwt", "get_valid_4c_during_flood", "p99_ms"),
      get("tinyjwt", "get_valid_4c", "p99_ms"))
    r = ratio(get("reference", "get_valid_4c_during_flood", "p99_ms"),
      get("reference", "get_valid_4c", "p99_ms"))
    printf "%-44s %10s %10s %8s %10s %8s  %s\n", label, t, r, "-", "-", "-", "lower"
  }

  END {
    printf "%-44s %10s %10s %8s %10s %8s  %s\n", "figure", "TinyJwt", "reference",
      "T/ref", "floor", "T/floor", "better"
    row("get-jwt valid, keep-alive, 32 conns: req/s", "get_valid_keepalive", "rps", "higher", 1)
    row("  p50 ms", "get_valid_keepalive", "p50_ms", "lower", 1)
    row("  p99 ms", "get_valid_keepalive", "p99_ms", "lower", 1)
    row("get-jwt bad signature, keep-alive: req/s", "get_bad_signature_keepalive", "rps",
      "higher", 1)
    row("  p99 ms", "get_bad_signature_keepalive", "p99_ms", "lower", 1)
    row("get-jwt valid, Connection: close: req/s", "get_valid_close", "rps", "higher", 1)
    row("  p99 ms", "get_valid_close", "p99_ms", "lower", 1)
    row("get-jwt valid, 4 conns: req/s", "get_valid_4c", "rps", "higher", 0)
    row("  p99 ms", "get_valid_4c", "p99_ms", "lower", 0)
    row("get-jwt valid, 4 conns, login flood: req/s", "get_valid_4c_during_flood", "rps",
      "higher", 0)
    row("  p99 ms", "get_valid_4c_during_flood", "p99_ms", "lower", 0)
    flood_row("  p99 with flood / p99 without")
    row("login, 4 conns: req/s", "login_4c", "rps", "higher", 0)
    row("login during the flood: req/s", "login_4c_during_flood", "rps", "higher", 0)
    row("login, 1 conn: p50 ms", "login_1c", "p50_ms", "lower", 0)
    row("  p99 ms", "login_1c", "p99_ms", "lower", 0)
    row("start-up to first response: median ms", "startup", "ms_median", "lower", 1)
    row("resident memory idle: MB", "memory", "idle_mb", "lower", 1)
    row("resident memory under get-jwt load: MB", "memory", "loaded_mb", "lower", 1)
    row("resident memory peak (VmHWM): MB", "memory", "peak_mb", "lower", 1)

    # Valid-token scenarios must see no error responses, or their rate is not a real rate.
    split("tinyjwt reference", names, " ")
    split("get_valid_keepalive get_valid_close get_valid_4c get_valid_4c_during_flood " \
      "login_4c login_1c", scenarios, " ")
    for (n in names) {
      for (s in scenarios) {
        errors = get(names[n], scenarios[s], "status_errors") + \
          get(names[n], scenarios[s], "socket_errors")
        if (errors > 0) {
          printf "warning: %s had %d error responses or socket errors in %s\n",
            names[n], errors, scenarios[s]
        }
      }
    }
  }'
