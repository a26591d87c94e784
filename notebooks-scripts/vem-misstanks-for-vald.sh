#!/usr/bin/env bash
# Runs the model report on the shipped sample county into report/ and checks it in a browser.
#
#   notebooks-scripts/vem-misstanks-for-vald.sh [OUT]     (default OUT: report)
#
# Uses the `strata` on PATH, else builds it (release) from this checkout.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-report}
if command -v strata >/dev/null 2>&1; then
  strata=$(command -v strata)
else
  (cd "$root" && swift build -c release --static-swift-stdlib --product strata >&2)
  strata="$root/.build/release/strata"
fi
status=0
"$strata" report "$root/notebooks-scripts/vem-misstanks-for-vald.yaml" --out "$out" || status=$?
"$root/scripts/check-report-in-browser" "$out" || status=1
exit $status
