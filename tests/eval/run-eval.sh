#!/bin/sh
# run-eval.sh - generate an evaluation set, run intake on it, score the result.
#
#   tests/eval/run-eval.sh [--seed N] [--cases M] [--workdir DIR]
#
# Defaults: seed 100001, 60 cases, workdir eval/.  Seeds >= 100000 are for
# evaluation only: never train or tune on them (samples/gen/README.md).
# Writes DIR/set/ (inbox and truth), DIR/out/ (dossiers), DIR/figures.json.
# Exits non-zero only when the set cannot be generated or scored; intake's
# own failures show up in the figures (cases without a dossier).
set -eu

seed=100001
cases=60
workdir=eval
while [ $# -gt 0 ]; do
	case "$1" in
	--seed) seed=$2; shift 2 ;;
	--cases) cases=$2; shift 2 ;;
	--workdir) workdir=$2; shift 2 ;;
	-h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) echo "run-eval.sh: unknown argument '$1'" >&2; exit 2 ;;
	esac
done
if [ "$seed" -lt 100000 ]; then
	echo "run-eval.sh: warning: seed $seed is a development seed; evaluation seeds are >= 100000" >&2
fi

root=$(cd "$(dirname "$0")/../.." && pwd)
py=/usr/bin/python3

mkdir -p "$workdir"
$py "$root/samples/gen/generate.py" --seed "$seed" --cases "$cases" --out "$workdir/set" >"$workdir/generate.log" 2>&1 ||
	{ cat "$workdir/generate.log" >&2; echo "run-eval.sh: generation failed" >&2; exit 1; }

# intake leaves alone files modified in the last few seconds (they may still
# be being copied in): the set is complete, so date it back.
find "$workdir/set/inbox" -exec touch -d '10 minutes ago' {} +

rm -rf "$workdir/out"
mkdir -p "$workdir/out"
start=$(date +%s%N)
status=0
"$root/bin/intake" run "$workdir/set/inbox" "$workdir/out" >"$workdir/intake.log" 2>&1 || status=$?
end=$(date +%s%N)
seconds=$(awk "BEGIN { printf \"%.3f\", ($end - $start) / 1e9 }")
[ "$status" -eq 0 ] || echo "run-eval.sh: bin/intake exited $status (see $workdir/intake.log)" >&2

$py "$root/tests/eval/score.py" --truth "$workdir/set/truth" --out "$workdir/out" \
	--models "$root/models" --seconds "$seconds" --json "$workdir/figures.json"
