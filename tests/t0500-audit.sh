#!/bin/sh
# intake-audit (issue 7): seals made by intake-dossier verify, any edit is
# named as tampering, a rule change flips exactly the dossiers it should,
# hostile files are refused by name while the audit goes on, and each
# outcome has its documented exit code.  The dossiers are made without OCR:
# hand-written extract streams through intake-validate and intake-dossier.
. "$(dirname "$0")/lib.sh"

# ---- making dossiers ----------------------------------------------------
# crc ID ISSUE-DATE [SURNAME]: a criminal-record certificate, one page
crc() {
	printf '<document id="%s" type="criminal-record-certificate" confidence="0.95">' "$1"
	printf '<page file="crc-%s.png" index="1" sha256="%s"/>' "$1" "$(scan_sha "crc-$1.png")"
	printf '<field name="surname">%s</field><field name="given-name">АНДРЕЙ</field>' "${3:-КОВАЛЕНКО}"
	printf '<field name="birth-date">1987-03-14</field><field name="issue-date">%s</field>' "$2"
	printf '<field name="result">none</field></document>'
}
# med ID [SURNAME]: a medical certificate, two pages of one PDF
med() {
	printf '<document id="%s" type="medical-certificate" confidence="0.9">' "$1"
	printf '<page file="med.pdf" index="1" sha256="%s"/>' "$(scan_sha med.pdf)"
	printf '<page file="med.pdf" index="2" sha256="%s"/>' "$(scan_sha med.pdf)"
	printf '<field name="surname">%s</field><field name="given-name">Андрей</field>' "${2:-Коваленко}"
	printf '<field name="birth-date">1987-03-14</field><field name="issue-date">2026-10-01</field>'
	printf '<field name="conclusion">fit</field></document>'
}
# The content of a scan is its name: the digest the dossier records.
scan_sha() { printf 'scan %s\n' "$1" | sha256sum | cut -c1-64; }
# mk DIR CASE-ID PROCEDURE CATEGORY DOCUMENTS [KEY]: DIR/CASE-ID.xml, sealed
# with KEY (default: key; "-" for no seal)
mk() {
	cat >"case-$2.xml" <<-EOF
	<case id="$2" procedure="$3" submitted="2026-11-03"><applicant>
	<surname>Коваленко</surname><given-name>Андрей</given-name>
	<birth-date>1987-03-14</birth-date><citizenship>RUS</citizenship>$4
	</applicant></case>
	EOF
	printf '<stream version="1" stage="extract">%s</stream>\n' "$5" >"stream-$2.xml"
	mkdir -p "$1"
	if [ "${6:-key}" = - ]; then
		intake-validate --case "case-$2.xml" "stream-$2.xml" | intake-dossier -o "$1/$2.xml"
	else
		intake-validate --case "case-$2.xml" "stream-$2.xml" |
			intake-dossier -k "${6:-key}" -o "$1/$2.xml"
	fi
}
# status FILE ID: the status the report gives case ID
status() { sed -n "s/.* case=\"$2\" status=\"\([a-z-]*\)\".*/\1/p" "$1"; }
# audit ARGS...: run the audit, keep stdout, stderr and the exit code
audit() { intake-audit "$@" >out 2>err; echo $? >rc; }
rc_is() { test "$(cat rc)" -eq "$1" || { echo "exit $(cat rc), wanted $1"; cat out err; false; }; }

# tighten PROCEDURES.XML: the criminal-record certificate's freshness 6 -> 3
# months (only that requirement's: other documents keep theirs)
tighten() {
	awk '/<require / { crc = /criminal-record-certificate/ }
	     crc { sub(/freshness-months="6"/, "freshness-months=\"3\"") } { print }' "$1"
}
# add_tightened PROCEDURES.XML: the same rules plus a copy of the ruleset,
# tightened as above, in force from 2026-11-10 (after the submissions of
# 2026-11-03, before today)
add_tightened() {
	awk '/<ruleset /, /<\/ruleset>/ {
		l = $0
		if (l ~ /<require /)
			crc = l ~ /criminal-record-certificate/
		if (crc)
			sub(/freshness-months="6"/, "freshness-months=\"3\"", l)
		r = r l "\n"
	     }
	     /<\/rules>/ {
		sub(/id="[^"]*" effective-from="[^"]*"/, "id=\"tightened\" effective-from=\"2026-11-10\"", r)
		printf "%s", r
	     }
	     { print }' "$1"
}

# models_copy DIR: a private copy of the models, file by file, so that
# editing it can never write through a symlink into the real ones
models_copy() {
	mkdir "$1" && cp "$INTAKE_MODELS"/*.xml "$INTAKE_MODELS"/*.xsd "$1"/ &&
	test ! -L "$1" && test ! -L "$1/procedures.xml" &&
	rm "$1/procedures.xml"
}

# Which dossiers a criminal-record freshness of 3 months instead of 6 flips
# (submitted 2026-11-03): issued 4 or 5 months before -> expired.
FLIP="c-4m c-1272 c-review"
KEEP="c-fresh c-3m c-refugee c-old c-mismatch"

test_expect_success 'intake-audit answers --help and --version, refuses bad usage' '
	intake-audit --help >help && grep -q "^usage: intake-audit" help &&
	grep -q "^  9  tampered" help && grep -q "^  5  changed" help &&
	intake-audit --version | grep -q "^intake-audit [0-9]" &&
	{ intake-audit --no-such-option 2>err; test $? -eq 2; } && grep -q usage err &&
	{ intake-audit 2>err; test $? -eq 2; } &&
	{ intake-audit --rules-date 2026-13-01 . 2>err; test $? -eq 2; } &&
	{ intake-audit --as-submitted --rules-date 2026-01-01 . 2>err; test $? -eq 2; }
'

test_expect_success 'a key file must be private and long enough' '
	umask 077 && head -c 32 /dev/urandom >key && head -c 40 /dev/urandom >key2 &&
	head -c 31 /dev/urandom >short && cp key open && chmod 644 open &&
	mk tmp x 12.7.1 "" "$(med d1)" - &&
	{ intake-dossier -k open tmp/x.xml >/dev/null 2>err; test $? -eq 3; } &&
	grep -q "open: key file is accessible by group or others" err &&
	{ INTAKE_SEAL_KEY=short intake-dossier tmp/x.xml >/dev/null 2>err; test $? -eq 3; } &&
	grep -q "short: key file holds 31 bytes" err &&
	{ intake-audit -k open tmp 2>err; test $? -eq 3; } && grep -q "group or others" err
'

test_expect_success 'intake-dossier seals with -k or $INTAKE_SEAL_KEY, and only then' '
	intake-dossier tmp/x.xml >plain.xml && ! grep -q "<seal" plain.xml &&
	intake-dossier -k key tmp/x.xml >a.xml && INTAKE_SEAL_KEY=key intake-dossier tmp/x.xml >b.xml &&
	cmp a.xml b.xml &&
	id=$(head -c 32 key | sha256sum | cut -c1-16) &&
	grep -q "^  <seal alg=\"hmac-sha256\" key-id=\"$id\">[0-9a-f]\{64\}</seal>$" a.xml &&
	test "$(grep -v "^ *<seal" a.xml)" = "$(cat plain.xml)" &&
	xmllint --noout --schema "$INTAKE_MODELS/dossier.xsd" a.xml 2>/dev/null
'

test_expect_success 'set up an archive of sealed dossiers' '
	mk arch c-fresh 12.7.1 "" "$(crc d1 2026-09-30)$(med d2)" &&
	mk arch c-3m 12.7.1 "" "$(crc d1 2026-08-03)$(med d2)" &&
	mk arch c-4m 12.7.1 "" "$(crc d1 2026-07-01)$(med d2)" &&
	mk arch c-1272 12.7.2 "" "$(crc d1 2026-06-15)$(med d2)" &&
	mk arch c-refugee 12.7.1 "<category>refugee</category>" "$(med d1)" &&
	mk arch c-old 12.7.1 "" "$(crc d1 2026-03-01)$(med d2)" &&
	mk arch c-review 12.7.1 "" "$(crc d1 2026-07-01)$(med d2 Петренко)" &&
	mk arch c-mismatch 12.7.1 "" "$(crc d1 2026-10-01)$(med d2 Петренко)" &&
	grep -q "<verdict>complete</verdict>" arch/c-4m.xml &&
	grep -q "<verdict>incomplete</verdict>" arch/c-old.xml &&
	grep -q "<verdict>review</verdict>" arch/c-review.xml &&
	mkdir arch/.intake && echo junk >arch/.intake/lock && echo "<x/>" >arch/.hidden.xml &&
	echo "not a dossier" >arch/README.txt &&
	test $(ls arch/*.xml | wc -l) -eq 8
'

test_expect_success 'an untouched archive audits clean: exit 0, no false alarm' '
	audit -k key -o report.xml arch && rc_is 0 &&
	test $(grep -c "<dossier " report.xml) -eq 8 &&
	test $(grep -c "status=\"unchanged\" schema=\"valid\" seal=\"valid\"" report.xml) -eq 8 &&
	grep -q "<summary dossiers=\"8\" unchanged=\"8\"" report.xml &&
	grep -q "^8 dossiers audited in .* dossiers/s)$" out && grep -q "^unchanged 8$" out &&
	test "$(stat -c %a report.xml)" = 640 &&
	xmllint --noout report.xml && ! test -s err &&
	! ls -a | grep -q "^\.tmp"
'

test_expect_success 'the report and the listing hold no personal data' '
	mk pd c-pd 12.7.1 "" "$(crc d1 2026-07-01)$(med d2 Петренко)" &&
	sed -i "s/<verdict>review/<verdict>complete/" pd/c-pd.xml &&
	audit -k key -o pdr.xml pd && rc_is 9 &&
	! grep -q "Коваленко\|КОВАЛЕНКО\|Петренко\|Андрей\|АНДРЕЙ\|1987-03-14" pdr.xml out err
'

test_expect_success 'a rule change (criminal record 6 -> 3 months) flips exactly the expected dossiers' '
	models_copy m3 &&
	tighten "$INTAKE_MODELS/procedures.xml" >m3/procedures.xml &&
	test $(grep -c "freshness-months=\"3\"" m3/procedures.xml) -ge 2 &&
	test $(grep -c "freshness-months=\"6\"" m3/procedures.xml) -ge 1 &&
	INTAKE_MODELS=$TMP/m3 intake-audit -k key -o changed.xml arch >out 2>err; echo $? >rc &&
	rc_is 5 &&
	for c in $FLIP; do test "$(status changed.xml $c)" = changed || { echo "$c not changed"; exit 1; }; done &&
	for c in $KEEP; do test "$(status changed.xml $c)" = unchanged || { echo "$c changed"; exit 1; }; done &&
	grep -q "case=\"c-4m\" status=\"changed\".* verdict=\"complete\" new-verdict=\"incomplete\"" changed.xml &&
	grep -q "case=\"c-review\" status=\"changed\".* verdict=\"review\" new-verdict=\"incomplete\"" changed.xml &&
	sed -n "/case=\"c-1272\"/,/<\/dossier>/p" changed.xml >c1272 &&
	grep -q "<finding change=\"added\" code=\"expired\" doc-type=\"criminal-record-certificate\" document=\"d1\" severity=\"error\"/>" c1272 &&
	! grep -q "change=\"removed\"" c1272 &&
	grep -q "^changed  *arch/c-4m.xml (case c-4m): verdict complete -> incomplete, findings +1 -0$" out &&
	grep -q "^changed 3, unchanged 5$" out
'

test_expect_success '--rules-date and --as-submitted pick the ruleset in force' '
	models_copy m2 &&
	add_tightened "$INTAKE_MODELS/procedures.xml" >m2/procedures.xml &&
	test $(grep -c "<ruleset " m2/procedures.xml) -eq 2 &&
	grep -q "effective-from=\"2026-11-10\"" m2/procedures.xml &&
	INTAKE_MODELS=$TMP/m2 intake-audit -k key --rules-date 2026-11-09 arch >out; test $? -eq 0 &&
	INTAKE_MODELS=$TMP/m2 intake-audit -k key --as-submitted arch >out; test $? -eq 0 &&
	INTAKE_MODELS=$TMP/m2 intake-audit -k key --rules-date 2026-11-10 -o r.xml arch >out; test $? -eq 5 &&
	grep -q "applied-rules=\"tightened@2026-11-10\"" r.xml &&
	grep -q "recorded-rules=\"decree-200-2010@2010-04-26\"" r.xml &&
	{ INTAKE_MODELS=$TMP/m2 intake-audit -k key arch >out; rc=$?; } &&
	if [ "$(date +%Y%m%d)" -ge 20261110 ]; then test $rc -eq 5; else test $rc -eq 0; fi &&
	{ INTAKE_MODELS=$TMP/m2 intake-audit -k key --rules-date 2000-01-01 -o r.xml arch >out; test $? -eq 5; } &&
	grep -q "rules=\"unjudged\"" r.xml && grep -q "cannot be judged: no rules in force" out
'

test_expect_success 'edited dossiers are named as tampered; the others stay intact' '
	cp -r arch edit &&
	sed -i "s/<field name=\"surname\">КОВАЛЕНКО</<field name=\"surname\">КОВАЛЕНКА</" edit/c-fresh.xml &&
	sed -i "s/<verdict>incomplete</<verdict>complete</" edit/c-old.xml &&
	sed -i "s/issue-date\">2026-07-01</issue-date\">2026-10-01</" edit/c-4m.xml &&
	sed -i "s/confidence=\"0.95\"/confidence=\"0.99\"/" edit/c-1272.xml &&
	sed -i "/<seal /d" edit/c-3m.xml &&
	audit -k key -o t.xml edit && rc_is 9 &&
	for c in c-fresh c-old c-4m c-1272; do
		test "$(status t.xml $c)" = tampered &&
		grep -q "^tampered  *edit/$c.xml (case $c): MAC does not match the content$" out || exit 1
	done &&
	test "$(status t.xml c-3m)" = unsealed &&
	grep -q "^unsealed  *edit/c-3m.xml (case c-3m): no seal$" out &&
	for c in c-refugee c-review c-mismatch; do test "$(status t.xml $c)" = unchanged || exit 1; done &&
	grep -q "case=\"c-old\" status=\"tampered\".* seal=\"mismatch\".* rules=\"changed\" verdict=\"complete\" new-verdict=\"incomplete\"" t.xml &&
	grep -q "^tampered 4, unsealed 1, unchanged 3$" out
'

test_expect_success 'without -k seals are not checked; an unsealed archive with -k exits 8' '
	audit edit && rc_is 5 &&
	mk nokey u1 12.7.1 "" "$(crc d1 2026-09-30)$(med d2)" - &&
	audit -k key nokey && rc_is 8 && grep -q "^unsealed " out &&
	audit nokey && rc_is 0
'

test_expect_success 'a seal by another key is unverifiable unless that key is given' '
	mk k2 c-k2 12.7.1 "" "$(crc d1 2026-09-30)$(med d2)" key2 &&
	audit -k key -o k.xml k2 && rc_is 9 && grep -q "seal=\"unknown-key\"" k.xml &&
	grep -q "sealed with a key that was not given" out &&
	audit -k key -k key2 k2 arch && rc_is 0 && grep -q "^unchanged 9$" out
'

test_expect_success 're-indenting a sealed dossier does not break its seal' '
	mkdir fmt &&
	xmllint --noblanks arch/c-fresh.xml >fmt/c-fresh.xml &&
	! grep -q "^  <" fmt/c-fresh.xml &&
	sed "s/^  //; s/\"\\/>/\" \\/>/" arch/c-old.xml >fmt/c-old.xml &&
	! cmp -s arch/c-old.xml fmt/c-old.xml &&
	audit -k key fmt && rc_is 0 && grep -q "^unchanged 2$" out
'

test_expect_success 'a dossier filed under another case id is invalid' '
	mkdir moved && cp arch/c-old.xml moved/c-fresh.xml &&
	audit -k key -o mv.xml moved && rc_is 7 &&
	grep -q "status=\"invalid\" reason=\"file name does not match" mv.xml &&
	audit -k key moved/c-fresh.xml && rc_is 0
'

test_expect_success 'a dossier that breaks the schema is invalid; its values are not quoted' '
	mkdir inv && sed "s/submitted=\"2026-11-03\"/submitted=\"2026-1-3\"/" arch/c-old.xml >inv/c-old.xml &&
	audit -o inv.xml inv && rc_is 7 && test "$(status inv.xml c-old)" = invalid &&
	grep -q "^invalid  *inv/c-old.xml (case c-old): not valid against dossier.xsd (1 errors; first: line 2: Element .dossier., attribute .submitted.: .*value .…. is not" out &&
	! grep -q "2026-1-3" out inv.xml &&
	audit -k key inv && rc_is 9
'

test_expect_success 'hostile files are refused by name and the audit goes on' '
	mkdir bad && cp arch/c-fresh.xml arch/c-old.xml bad/ &&
	printf "%s\n" "<?xml version=\"1.0\"?>" \
		"<!DOCTYPE dossier [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" \
		"<dossier case=\"xxe\" procedure=\"12.7.1\" submitted=\"2026-11-03\"><applicant><surname>&x;</surname></applicant><verdict>complete</verdict></dossier>" \
		>bad/xxe.xml &&
	{ echo "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"; i=1; prev=lol;
	  while [ $i -le 9 ]; do echo "<!ENTITY lol$i \"&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;\">"; prev=lol$i; i=$((i + 1)); done;
	  echo "]><dossier case=\"laughs\" procedure=\"1\" submitted=\"2026-11-03\"><applicant><surname>&lol9;</surname></applicant></dossier>"; } >bad/laughs.xml &&
	{ printf "<dossier case=\"deep\" procedure=\"1\" submitted=\"2026-11-03\">"; i=0;
	  while [ $i -lt 300 ]; do printf "<a>"; i=$((i + 1)); done; i=0;
	  while [ $i -lt 300 ]; do printf "</a>"; i=$((i + 1)); done; echo "</dossier>"; } >bad/deep.xml &&
	{ printf "<dossier case=\"huge\" procedure=\"1\" submitted=\"2026-11-03\"><applicant><surname>";
	  head -c 20000000 /dev/zero | tr "\\0" a; echo "</surname></applicant></dossier>"; } >bad/huge.xml &&
	head -c 2000 arch/c-4m.xml >bad/truncated.xml &&
	sed "s/Коваленко/Kovalenk\\xe9o/" arch/c-review.xml >bad/latin1.xml &&
	! iconv -f UTF-8 -t UTF-8 bad/latin1.xml >/dev/null 2>&1 &&
	: >bad/empty.xml &&
	ln -s ../arch/c-3m.xml bad/c-3m.xml &&
	audit -k key -o bad.xml bad && rc_is 7 &&
	for f in xxe laughs deep huge truncated latin1 empty c-3m; do
		test "$(status bad.xml $f)" = unreadable &&
		grep -q "^unreadable  *bad/$f.xml (case $f): " out || { echo "$f not refused"; exit 1; }
	done &&
	test "$(status bad.xml c-fresh)" = unchanged && test "$(status bad.xml c-old)" = unchanged &&
	grep -q "^unreadable 8, unchanged 2$" out &&
	grep "bad/xxe.xml" out | grep -q DOCTYPE &&
	grep "bad/deep.xml" out | grep -q -i depth &&
	grep "bad/huge.xml" out | grep -q -i "huge\|text" &&
	grep "bad/latin1.xml" out | grep -q "UTF-8" &&
	grep "bad/c-3m.xml" out | grep -q "symbolic link" &&
	! grep -q "root:" bad.xml out err && xmllint --noout bad.xml
'

test_expect_success 'a dossier that kills its worker costs that dossier only' '
	INTAKE_TEST_AUDIT_CRASH=c-4m.xml intake-audit -j 1 -k key -o crash.xml arch >out 2>err; echo $? >rc &&
	rc_is 7 &&
	grep -q "arch/c-4m.xml: the audit crashed on it (signal 6); going on" err &&
	test "$(status crash.xml c-4m)" = unreadable &&
	test $(grep -c "<dossier " crash.xml) -eq 8 &&
	test $(grep -c "status=\"unchanged\"" crash.xml) -eq 7 &&
	grep -q "^unreadable 1, unchanged 7$" out
'

test_expect_success 'odd file names give a well-formed report and one line each' '
	mkdir odd && cp arch/c-fresh.xml "odd/a&b\"<x>.xml" &&
	cp arch/c-old.xml "odd/$(printf "two\nlines")-c-old.xml" &&
	cp arch/c-3m.xml "odd/$(printf "bad\377utf8")-c-3m.xml" &&
	audit -k key -o odd.xml odd && rc_is 7 &&
	xmllint --noout odd.xml && test $(grep -c "status=\"invalid\"" odd.xml) -eq 3 &&
	test $(grep -c "^invalid  *odd/" out) -eq 3 && test $(wc -l <out) -eq 5
'

test_expect_success 'tampering outranks unreadable files and changed verdicts' '
	cp edit/c-fresh.xml bad/ && audit -k key bad && rc_is 9 &&
	INTAKE_MODELS=$TMP/m3 intake-audit arch bad/xxe.xml >out 2>err; test $? -eq 7
'

test_expect_success '--scans checks every recorded input file' '
	for c in c-fresh c-4m c-refugee; do
		mkdir -p scans/$c &&
		for f in crc-d1.png med.pdf; do printf "scan %s\n" $f >scans/$c/$f; done || exit 1
	done &&
	rm scans/c-refugee/crc-d1.png &&
	mkdir sc && cp arch/c-fresh.xml arch/c-4m.xml arch/c-refugee.xml sc/ &&
	audit -k key --scans scans -o s.xml sc && rc_is 0 &&
	test $(grep -c "inputs=\"ok\"" s.xml) -eq 3 &&
	echo changed >>scans/c-4m/med.pdf && rm scans/c-fresh/crc-d1.png &&
	audit -k key --scans scans -o s.xml sc && rc_is 6 &&
	test "$(status s.xml c-4m)" = input-mismatch &&
	test "$(status s.xml c-fresh)" = input-missing &&
	test "$(status s.xml c-refugee)" = unchanged &&
	grep -q "<input file=\"med.pdf\" status=\"mismatch\"/>" s.xml &&
	grep -q "<input file=\"crc-d1.png\" status=\"missing\"/>" s.xml &&
	{ intake-audit --scans nowhere sc 2>err; test $? -eq 3; }
'

test_expect_success 'the same report whatever the number of workers' '
	for j in 1 2 5; do
		intake-audit -j $j -k key -o j$j.xml arch bad edit >/dev/null 2>&1
		grep "<dossier " j$j.xml | sort >j$j.sorted || exit 1
	done &&
	cmp j1.sorted j2.sorted && cmp j1.sorted j5.sorted &&
	test $(wc -l <j1.sorted) -eq $(ls arch/*.xml bad/*.xml edit/*.xml | wc -l)
'

test_expect_success 'an unusable ARCHIVE or report path stops the audit at once' '
	{ intake-audit -k key nowhere 2>err; test $? -eq 3; } && grep -q "nowhere: cannot audit" err &&
	{ intake-audit -k key -o /nonexistent/r.xml arch 2>err >/dev/null; test $? -eq 1; }
'

test_done
