#!/bin/sh
# bench-audit.sh - how fast intake-audit goes, and that its memory does not
# grow with the archive.
#
# Builds an archive of N sealed dossiers (default 10000) from four
# realistic cases (about 9 KB each: a few documents with fields and their
# provenance, findings, the clerk's checklist, a verdict) made by
# intake-validate and sealed by intake-dossier, each copy with its own case
# id; then an archive of 2N (the N plus N more).  Audits both with -j JOBS
# (default: 2), best of three runs, and prints dossiers per second, the CPU
# time (dossiers per CPU-second depend much less than the wall-clock rate
# on what else a shared machine is running) and the peak resident memory,
# which must not grow with N.
#
#   sh tests/bench-audit.sh [N]        (JOBS=4 sh tests/bench-audit.sh)
#
# Needs GNU time (/usr/bin/time, Debian package "time") for the peak
# memory; without it only the speed is printed.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
bin="$top/bin"
N=${1:-${N:-10000}}
JOBS=${JOBS:-2}
INTAKE_MODELS=${INTAKE_MODELS:-$top/models}
export INTAKE_MODELS
work=$(mktemp -d /tmp/intake-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"

for p in intake-validate intake-dossier intake-audit; do
	[ -x "$bin/$p" ] || { echo "bench-audit: $bin/$p is missing: run make first" >&2; exit 2; }
done

umask 077
head -c 32 /dev/urandom >key

# ---- four cases, as intake-extract would hand them on ------------------
page() { # file index -> a page with a made-up but well-formed digest
	printf '<page file="%s" index="%s" sha256="%s" width="2480" height="3508" dpi="300" rotate="0" skew="0.4" c="91.2" status="ok"/>' \
		"$1" "$2" "$(printf '%s' "$1" | sha256sum | cut -c1-64)"
}
field() { # name value file index
	printf '<field name="%s" confidence="0.93" file="%s" index="%s" b="412 880 1630 944">%s</field>' "$1" "$3" "$4" "$2"
}
crc() { # id file issue-date surname result
	printf '<document id="%s" type="criminal-record-certificate" confidence="0.96" runner-up="other" runner-up-confidence="0.02">' "$1"
	page "$2" 1
	field surname "$4" "$2" 1; field given-name "АНДРЕЙ" "$2" 1
	field patronymic "ВИКТОРОВИЧ" "$2" 1; field birth-date 1987-03-14 "$2" 1
	field issue-date "$3" "$2" 1; field number "II-РЕ 619418" "$2" 1
	field issuer "Информационный центр МВД" "$2" 1; field result "$5" "$2" 1
	printf '</document>'
}
med() { # id file surname conclusion
	printf '<document id="%s" type="medical-certificate" confidence="0.91">' "$1"
	page "$2" 1; page "$2" 2
	field surname "$3" "$2" 1; field given-name "Андрей" "$2" 1
	field birth-date 1987-03-14 "$2" 1; field issue-date 2026-10-01 "$2" 1
	field number "0412877" "$2" 1; field issuer "ГУЗ Городская поликлиника № 4" "$2" 1
	field conclusion "$4" "$2" 2
	printf '</document>'
}
other() { # id file type
	printf '<document id="%s" type="%s" confidence="0.88">' "$1" "$3"
	page "$2" 1
	printf '</document>'
}
casefile() { # procedure categories-xml
	printf '<case id="BENCH" procedure="%s" submitted="2026-11-03"><applicant>' "$1"
	printf '<surname>Коваленко</surname><given-name>Андрей</given-name><patronymic>Викторович</patronymic>'
	printf '<birth-date>1987-03-14</birth-date><citizenship>RUS</citizenship>%s</applicant></case>\n' "$2"
}
stream() {
	printf '<stream version="1" stage="extract" models="bench">%s</stream>\n' "$1"
}

casefile 12.7.1 "" >c1.xml
stream "$(crc d1 submission.pdf 2026-09-30 КОВАЛЕНКО none)$(med d2 IMG_2041.jpg Коваленко fit)$(other d3 passport.tif other)" >s1.xml
casefile 12.7.1 "" >c2.xml
stream "$(crc d1 scan1.pdf 2026-02-10 КОВАЛЕНКО none)$(med d2 scan2.pdf Коваленко fit)" >s2.xml
casefile 12.7.2 "" >c3.xml
stream "$(crc d1 a.pdf 2026-08-01 KOVALENKO none)$(med d2 b.png Петренко fit)$(other d3 c.jpg other)" >s3.xml
casefile 12.7.1 "<category>refugee</category>" >c4.xml
stream "$(med d1 scan.tif Коваленко fit)$(other d2 scan.tif unknown)" >s4.xml
for t in 1 2 3 4; do
	"$bin/intake-validate" --case c$t.xml s$t.xml >t$t.xml
done

# ---- replicate with distinct case ids, seal each one -------------------
mkdir in big
awk -v n=$((2 * N)) '
	BEGIN { for (t = 1; t <= 4; t++) { f = "t" t ".xml"; while ((getline l < f) > 0) tpl[t] = tpl[t] l "\n" } }
	END {
		for (i = 1; i <= n; i++) {
			id = sprintf("BY-2026-%06d", i); t = (i % 4) + 1; s = tpl[t]
			sub(/case="BENCH"/, "case=\"" id "\"", s)
			out = "in/" id ".xml"; printf "%s", s > out; close(out)
		}
	}' </dev/null
ncpu=$(nproc 2>/dev/null || echo 2)
echo "sealing $((2 * N)) dossiers with intake-dossier (one process each: a minute or two)..."
start=$(date +%s)
ls in | xargs -P "$ncpu" -n 200 sh -c '
	for f; do "$0/intake-dossier" -k key "in/$f" >"big/$f" || exit 255; done' "$bin"
echo "built $((2 * N)) sealed dossiers in $(( $(date +%s) - start )) s" \
	"(average $(( $(cat big/* | wc -c) / (2 * N) )) bytes)"
rm -r in
# The N archive is the first half of the 2N one (hard links, no copies).
mkdir small
ls big | head -n "$N" | (cd big && xargs ln -t ../small)

# ---- audit both ---------------------------------------------------------
have_time=0
[ -x /usr/bin/time ] && /usr/bin/time -f %M true >/dev/null 2>&1 && have_time=1
[ $have_time = 1 ] || echo "bench-audit: no GNU time (apt-get install time): peak memory not measured" >&2
run() { # label archive
	# One untimed pass so that every timed one reads from the page cache,
	# then the best of three (the neighbours on a shared machine only ever
	# make it slower).
	"$bin/intake-audit" -q -j "$JOBS" -k key "$2" >/dev/null 2>&1 || true
	best=0 bestcpu=0 maxrss=0
	for pass in 1 2 3; do
		if [ $have_time = 1 ]; then
			/usr/bin/time -f '%M %U %S' -o usage "$bin/intake-audit" -q -j "$JOBS" \
				-k key -o report.xml "$2" >out 2>err && rc=0 || rc=$?
		else
			"$bin/intake-audit" -q -j "$JOBS" -k key -o report.xml "$2" >out 2>err &&
				rc=0 || rc=$?
			echo "0 0 0" >usage
		fi
		if [ $rc -ne 0 ]; then
			echo "bench-audit: the audit of $2 exited $rc (expected 0):" >&2
			cat out err >&2
			exit 1
		fi
		rate=$(sed -n 's/.*(\([0-9]*\) dossiers\/s).*/\1/p' out)
		count=$(sed -n 's/^\([0-9]*\) dossiers audited.*/\1/p' out)
		read -r rss user sys <usage
		[ "$rss" -gt "$maxrss" ] && maxrss=$rss
		if [ "$rate" -gt "$best" ]; then
			best=$rate
			# CPU time too: on a shared machine the wall-clock rate depends
			# on the neighbours; dossiers per CPU-second much less so.
			bestcpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
		fi
	done
	per_cpu=$(awk -v n="$count" -v c="$bestcpu" 'BEGIN { printf "%.0f", (c > 0 ? n / c : 0) }')
	[ $have_time = 1 ] || maxrss="?"
	printf '%3s: %6s dossiers  %5s dossiers/s (-j %s, best of 3)  %s CPU-s = %s dossiers per CPU-second  peak RSS %s KB\n' \
		"$1" "$count" "$best" "$JOBS" "$bestcpu" "$per_cpu" "$maxrss"
}
run N small
run 2N big
