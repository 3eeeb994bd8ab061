#!/bin/sh
# train.sh - `make models`: train the page classifier of models/documents.xml.
#
#   sh stages/train.sh CASES SEED...
#
# For each development seed, generates CASES submissions with the sample
# generator (build/train/SEED/set), OCRs every case once with bin/intake-ocr
# (build/train/SEED/ocr/CASE.xml, kept: OCR is the slow part, and a rerun
# only OCRs what is missing), then runs bin/intake-train on all of them,
# which writes models/classifier.txt and records its sha256 in
# models/documents.xml.
#
# Seeds must be development seeds (1-99999): evaluation seeds (>= 100000)
# are never trained on.  Delete build/train/ to start again from scratch
# (for instance after the generator changed what it prints).
set -eu

[ $# -ge 2 ] || { echo "usage: sh stages/train.sh CASES SEED..." >&2; exit 2; }
cases=$1
shift
root=$(cd "$(dirname "$0")/.." && pwd)
py=/usr/bin/python3
jobs=$(nproc 2>/dev/null || echo 2)
pairs=""

for seed in "$@"; do
	case "$seed" in
	*[!0-9]*|"") echo "train.sh: '$seed' is not a seed" >&2; exit 2 ;;
	esac
	if [ "$seed" -ge 100000 ]; then
		echo "train.sh: seed $seed is an evaluation seed; train on seeds 1-99999 only" >&2
		exit 2
	fi
	dir=$root/build/train/$seed
	if [ ! -f "$dir/set/.done-$cases" ]; then
		echo "train.sh: generating $cases cases of seed $seed"
		rm -rf "$dir/set" "$dir/ocr"
		mkdir -p "$dir"
		$py "$root/samples/gen/generate.py" --seed "$seed" --cases "$cases" --out "$dir/set" \
			>"$dir/generate.log" 2>&1 || { cat "$dir/generate.log" >&2; exit 1; }
		touch "$dir/set/.done-$cases"
	fi
	mkdir -p "$dir/ocr"
	todo=$(for c in $(ls "$dir/set/inbox"); do [ -s "$dir/ocr/$c.xml" ] || echo "$c"; done)
	if [ -n "$todo" ]; then
		echo "train.sh: OCR of $(echo "$todo" | wc -l) cases of seed $seed (slow: a few seconds a page)"
		echo "$todo" | xargs -P "$jobs" -I{} sh -c '
			cd "$1/set/inbox/$2" &&
			ls | grep -v "^case.xml\$" | LC_ALL=C sort | tr "\n" "\0" |
			OMP_THREAD_LIMIT=1 xargs -0 "$3/bin/intake-ocr" >"$1/ocr/$2.xml.tmp" 2>"$1/ocr/$2.err"
			mv "$1/ocr/$2.xml.tmp" "$1/ocr/$2.xml"' sh "$dir" {} "$root"
	fi
	pairs="$pairs $dir/ocr $dir/set/truth"
done
# shellcheck disable=SC2086
"$root/bin/intake-train" -m "$root/models" $pairs
