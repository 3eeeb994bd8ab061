# tests/lib.sh - a small test harness in the manner of git's t/test-lib.sh.
#
# Each test script sources this, then lists
#     test_expect_success 'title' 'shell commands'
# blocks, and ends with test_done.  A block passes when its commands exit 0.
# Every script runs in its own scratch folder $TMP, removed at the end.

set -u
top=$(cd "$(dirname "$0")/.." && pwd)
PATH="$top/bin:$PATH"
INTAKE_MODELS="$top/models"
export PATH INTAKE_MODELS
PY=/usr/bin/python3
TMP=$(mktemp -d /tmp/intake-test.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
test_count=0
test_failed=0
script=$(basename "$0" .sh)

say() { printf '%s\n' "$*"; }

test_expect_success() {
	test_count=$((test_count + 1))
	if (cd "$TMP" && eval "$2") >"$TMP/.log" 2>&1; then
		say "ok $test_count - $1"
	else
		test_failed=$((test_failed + 1))
		say "not ok $test_count - $1"
		sed 's/^/#   /' "$TMP/.log" | tail -n 40
	fi
}

test_done() {
	say "# $script: $((test_count - test_failed)) passed, $test_failed failed"
	echo "$((test_count - test_failed)) $test_failed" >>"${RESULTS:-/dev/null}"
	[ "$test_failed" -eq 0 ]
}
