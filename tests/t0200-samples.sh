#!/bin/sh
# The bundled samples through the whole chain: schema-valid dossiers with
# the expected verdicts, findings, types and key fields; the stages chained
# by hand give the very same dossier; dossiers are private.
. "$(dirname "$0")/lib.sh"

samples="$top/samples"

test_expect_success 'intake run processes every sample case and exits 0' '
	(umask 000 && intake run -q -s 0 "$samples/inbox" out) &&
	n_in=$(ls "$samples/inbox" | wc -l) &&
	n_out=$(ls out/*.xml | wc -l) &&
	test "$n_in" -eq "$n_out"
'

test_expect_success 'every dossier is valid against models/dossier.xsd' '
	xmllint --noout --nonet --schema "$top/models/dossier.xsd" out/*.xml
'

test_expect_success 'no dossier is falsely complete, and the match with the expected results does not regress' '
	# Every verdict right; differences in types, findings and key fields at
	# most as many as measured when the models last changed (issue 4 aims
	# at none).  A dossier wrongly called complete always fails.
	$PY "$top/tests/compare.py" --min-verdicts 8 --max-differences 3 "$samples/expected" out
'

test_expect_success 'dossiers are not world-readable even under umask 000' '
	for f in out/*.xml; do
		test "$(stat -c %a "$f")" = 640 || { echo "$f"; exit 1; }
	done &&
	test "$(stat -c %a out)" = 750
'

test_expect_success 'a second run, from the OCR cache of the first, gives the same dossiers' '
	intake run -q -s 0 --cache out/.cache "$samples/inbox" out2 &&
	for f in out/*.xml; do cmp "$f" "out2/$(basename "$f")" || exit 1; done
'

test_expect_success 'the stages chained by hand give the same dossier as the driver' '
	for c in $(ls "$samples/inbox" | head -n 2); do
		d="$samples/inbox/$c"
		ls "$d" | grep -v "^case.xml$" | sed "s|^|$d/|" | LC_ALL=C sort |
		intake-ocr | intake-classify | intake-extract |
		intake-validate --case "$d/case.xml" | intake-dossier >"hand-$c.xml" &&
		cmp "hand-$c.xml" "out/$c.xml" || exit 1
	done
'

test_done
