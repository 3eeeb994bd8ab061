#!/bin/sh
# Nightly and bulk runs: unchanged cases are skipped, changed ones redone,
# folders still being written wait, a killed or stopped run leaves nothing
# half-done and the next run finishes every case exactly once.
. "$(dirname "$0")/lib.sh"

samples="$top/samples"
# The two smallest sample cases keep this quick.
small=$(cd "$samples/inbox" && du -s * | sort -n | head -n 2 | cut -f2)

test_expect_success 'set up a small inbox' '
	mkdir in && for c in $small; do cp -rp "$samples/inbox/$c" in/; done &&
	test "$(ls in | wc -l)" -eq 2
'

test_expect_success 'first run does every case' '
	intake run -s 0 in out >stdout && test "$(ls out/*.xml | wc -l)" -eq 2 &&
	test "$(grep -c "redone=\"yes\"" out/.intake/report.xml)" -eq 2
'

test_expect_success 'an unchanged case is not redone, and its dossier is untouched' '
	cp -p out/*.xml . &&
	intake run -s 0 in out >stdout &&
	test "$(grep -c unchanged stdout)" -eq 3 &&
	test "$(grep -c "redone=\"yes\"" out/.intake/report.xml)" -eq 0 &&
	for f in *.xml; do cmp "$f" "out/$f" || exit 1; done
'

test_expect_success 'cron mode prints nothing when all is well' '
	intake run -q -s 0 in out >stdout 2>stderr && ! test -s stdout && ! test -s stderr
'

test_expect_success 'a changed input is redone' '
	c=$(ls in | head -n 1) &&
	sed -i "s/submitted=\"\\([0-9-]*\\)\"/submitted=\"2026-12-01\"/" "in/$c/case.xml" &&
	intake run -s 0 in out >stdout &&
	grep -q "id=\"$c\" status=\"[a-z]*\" redone=\"yes\"" out/.intake/report.xml &&
	grep -q "submitted=\"2026-12-01\"" "out/$c.xml" &&
	test "$(grep -c "redone=\"yes\"" out/.intake/report.xml)" -eq 1
'

test_expect_success 'a changed rule set redoes every case' '
	cp -r "$top/models" models2 &&
	sed -i "s/freshness-months=\"6\"/freshness-months=\"5\"/" models2/procedures.xml &&
	INTAKE_MODELS=$PWD/models2 intake run -s 0 in out >stdout &&
	test "$(grep -c "redone=\"yes\"" out/.intake/report.xml)" -eq 2
'

test_expect_success 'a retrained classifier redoes every case' '
	# As make models does: new weights, and documents.xml names their digest.
	cp -r "$top/models" models3 &&
	old=$(sha256sum models3/classifier.txt | cut -d" " -f1) &&
	sed -i "\$ s/0\\.1/0.2/" models3/classifier.txt &&
	new=$(sha256sum models3/classifier.txt | cut -d" " -f1) &&
	test "$old" != "$new" && sed -i "s/$old/$new/" models3/documents.xml &&
	INTAKE_MODELS=$PWD/models3 intake run -s 0 in out >stdout &&
	test "$(grep -c "redone=\"yes\"" out/.intake/report.xml)" -eq 2
'

test_expect_success '--force redoes everything' '
	intake run -f -s 0 in out >stdout &&
	test "$(grep -c "redone=\"yes\"" out/.intake/report.xml)" -eq 2
'

test_expect_success 'a case whose files are still changing waits for the next run' '
	cp -r in/$(ls in | head -n 1) in/FRESH-1 &&
	sed -i "s/id=\"[^\"]*\"/id=\"FRESH-1\"/" in/FRESH-1/case.xml &&
	intake run -s 3600 in out >stdout; test $? -eq 0 &&
	grep -q "^FRESH-1 .*waiting" stdout && ! test -e out/FRESH-1.xml &&
	rm -rf in/FRESH-1
'

test_expect_success 'kill -9 mid-run: no partial dossier, the next run does each case once' '
	rm -rf out && intake run -s 0 in out >/dev/null 2>&1 &
	pid=$! && sleep 1.5 && kill -9 $pid; wait $pid; sleep 0.5;
	for f in out/*.xml; do
		test -e "$f" || continue
		xmllint --noout --schema "$top/models/dossier.xsd" "$f" || exit 1
	done &&
	intake run -s 0 in out >stdout &&
	test "$(ls out/*.xml | wc -l)" -eq 2 &&
	test -z "$(find out -name ".tmp-*")" &&
	test "$(grep -c "<case " out/.intake/report.xml)" -eq 2
'

test_expect_success 'SIGTERM stops the run cleanly with status 5; the next run finishes' '
	rm -rf out && { intake run -s 0 in out >stdout 2>&1 & pid=$!; } &&
	sleep 1.5 && kill -TERM $pid; wait $pid; rc=$?;
	test $rc -eq 5 && grep -q interrupted out/.intake/report.xml &&
	test -z "$(find out -name ".tmp-*")" &&
	intake run -s 0 in out >stdout && test "$(ls out/*.xml | wc -l)" -eq 2
'

test_done
