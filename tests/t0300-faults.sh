#!/bin/sh
# Bad input and faults (shared RELIABILITY.md): a broken scan or case never
# stops the batch, nothing is followed or written outside OUT, a second run
# on the same OUT is refused at once.
. "$(dirname "$0")/lib.sh"

samples="$top/samples"
first=$(ls "$samples/inbox" | head -n 1)

test_expect_success 'set up an inbox with broken cases beside a good one' '
	mkdir -p in &&
	cp -r "$samples/inbox/$first" in/good &&
	sed "s/id=\"[^\"]*\"/id=\"good\"/" in/good/case.xml >x && mv x in/good/case.xml &&
	mkdir in/badscan && cp in/good/case.xml in/badscan/ &&
	sed -i "s/id=\"good\"/id=\"badscan\"/" in/badscan/case.xml &&
	printf "\211PNG\r\n\032\n" >in/badscan/truncated.png &&
	: >in/badscan/empty.jpg &&
	printf "PK\003\004zipzipzip" >in/badscan/archive.png &&
	mkdir in/badcase && echo "<case id=" >in/badcase/case.xml &&
	mkdir in/noproc && sed "s/procedure=\"[^\"]*\"/procedure=\"99.9.9\"/; s/id=\"good\"/id=\"noproc\"/" \
		in/good/case.xml >in/noproc/case.xml &&
	mkdir in/xxe && printf "%s\n" "<?xml version=\"1.0\"?>" \
		"<!DOCTYPE case [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" \
		"<case id=\"xxe\" procedure=\"12.7.1\" submitted=\"2026-11-03\"><applicant><surname>&x;</surname></applicant></case>" \
		>in/xxe/case.xml &&
	mkdir "in/bad name" && cp in/good/case.xml "in/bad name/" &&
	mkdir in/waiting && cp in/good/*.* in/waiting/ && rm in/waiting/case.xml &&
	mkdir in/links && cp in/good/case.xml in/links/ &&
	sed -i "s/id=\"good\"/id=\"links\"/" in/links/case.xml &&
	ln -s /etc/passwd in/links/passwd.png && mkfifo in/links/fifo.tif
'

test_expect_success 'the batch goes on past broken cases and exits 1' '
	timeout 600 intake run -s 0 in out >stdout 2>stderr; test $? -eq 1 &&
	test -f out/good.xml && test -f out/badscan.xml && test -f out/links.xml &&
	! test -e out/badcase.xml && ! test -e out/noproc.xml && ! test -e out/xxe.xml
'

test_expect_success 'each failure is named with its reason' '
	grep -q "^badcase .*FAILED.*not well-formed" stdout &&
	grep -q "^noproc .*FAILED.*99.9.9" stdout &&
	grep -q "^xxe .*FAILED.*DOCTYPE" stdout &&
	test -s out/.intake/failed/noproc.txt &&
	grep -q "^waiting .*waiting" stdout &&
	grep -q "not a valid case id" stderr &&
	grep -q "total\\|cases:" stdout
'

test_expect_success 'broken scans are unreadable pages and send the case to review' '
	for f in truncated.png empty.jpg archive.png; do
		grep -q "file=\"$f\".*status=\"error\"" out/badscan.xml || exit 1
	done &&
	grep -q "code=\"unreadable-page\"" out/badscan.xml &&
	! grep -q "<verdict>complete</verdict>" out/badscan.xml
'

test_expect_success 'symlinks and FIFOs in a case are neither followed nor opened' '
	! grep -q "passwd.png\\|fifo.tif" out/links.xml &&
	! grep -q "root:" out/links.xml &&
	grep -q "passwd.png.*not a regular file" stderr
'

test_expect_success 'nothing from the external entity reaches any output' '
	! grep -rq "root:x:0" out stdout stderr
'

test_expect_success 'a second run on the same OUT exits 4 at once' '
	mkdir -p out2/.intake &&
	flock out2/.intake/lock sh -c "intake run -s 0 in out2 >/dev/null 2>err; echo \$? >rc" &&
	test "$(cat rc)" -eq 4 && grep -q "another intake run" err
'

test_expect_success 'no personal data (names, birth dates) on stdout or stderr' '
	for v in $(sed -n "s/.*<\\(surname\\|given-name\\|birth-date\\)>\\([^<]*\\)<.*/\\2/p" in/good/case.xml); do
		! grep -qi "$v" stdout stderr || { echo "leaked: $v"; exit 1; }
	done
'

test_done
