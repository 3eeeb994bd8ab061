#!/bin/sh
# Run every end-to-end test script (tests/t*.sh) and print one closing
# line for the lot: "N passed, N failed".
cd "$(dirname "$0")/.." || exit 2
RESULTS=$(mktemp)
export RESULTS
status=0
for t in tests/t[0-9]*.sh; do
	sh "$t" || status=1
done
awk '{p += $1; f += $2} END {printf "e2e: %d passed, %d failed\n", p, f}' "$RESULTS"
rm -f "$RESULTS"
exit $status
