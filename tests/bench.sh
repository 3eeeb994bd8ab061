#!/bin/sh
# bench.sh [--seed N] [--cases M] [--workdir DIR]
#
# Throughput of intake against what OCR itself costs, measured in one run
# (these machines are noisy, so only ratios within a run mean anything):
#
#   intake cold    bin/intake run on a fresh set, empty cache
#   OCR floor      the same pages through bare single-threaded Tesseract,
#                  one process per core, each loading its models once
#   naive          the tesseract command once per page, default settings
#   cached re-run  bin/intake run --force again: every case redone, every
#                  page taken from the OCR cache
#
# and the peak memory of the largest single process (an OCR worker).
# Seeds 1-99999 are development seeds; the default is one of them.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
seed=4242
cases=36
work=$top/bench
while [ $# -gt 0 ]; do
	case $1 in
	--seed) seed=$2; shift 2 ;;
	--cases) cases=$2; shift 2 ;;
	--workdir) work=$2; shift 2 ;;
	*) echo "usage: bench.sh [--seed N] [--cases M] [--workdir DIR]" >&2; exit 2 ;;
	esac
done
PY=/usr/bin/python3
cores=$(nproc)
langs=rus+bel+eng
rm -rf "$work"
mkdir -p "$work"
cd "$work"

now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc -l; }

echo "generating $cases cases (seed $seed)..."
$PY "$top/samples/gen/generate.py" --seed "$seed" --cases "$cases" --out set >/dev/null

# The pages as image files, for the tesseract command (which reads no PDF):
# PDF pages rendered at the resolution intake-ocr renders them (300 dpi).
mkdir -p pages
for f in set/inbox/*/*; do
	case $f in
	*/case.xml) ;;
	*.pdf|*.PDF)
		b=$(echo "$f" | tr '/' '_')
		pdftoppm -r 300 -png "$f" "pages/$b" ;;
	*) cp "$f" "pages/$(echo "$f" | tr '/' '_')" ;;
	esac
done
ls pages/* >pagelist
npages=$($PY - <<'EOF'
import glob, xml.etree.ElementTree as ET
print(sum(len(list(ET.parse(t).getroot().iter("page"))) for t in glob.glob("set/truth/*.xml")))
EOF
)
echo "$npages pages in $(wc -l <pagelist) files, $cores cores"

echo "intake, cold..."
t0=$(now)
/usr/bin/time -f "%M" -o rss.txt "$top/bin/intake" run -q -s 0 set/inbox out >/dev/null 2>&1 || true
t1=$(now)
cold=$(secs "$t0" "$t1")
rss=$(tail -n 1 rss.txt)

echo "intake, fully cached re-run..."
t0=$(now)
"$top/bin/intake" run -q -f -s 0 set/inbox out >/dev/null 2>&1 || true
t1=$(now)
cached=$(secs "$t0" "$t1")

echo "OCR floor: bare tesseract, single-threaded, one process per core..."
i=0
while read -r f; do
	echo "$f" >>"floor.$((i % cores))"
	i=$((i + 1))
done <pagelist
t0=$(now)
for k in $(seq 0 $((cores - 1))); do
	[ -s "floor.$k" ] || continue
	OMP_THREAD_LIMIT=1 tesseract "floor.$k" "floor-out.$k" -l $langs >/dev/null 2>&1 &
done
wait
t1=$(now)
floor=$(secs "$t0" "$t1")

echo "naive: tesseract per page, default settings..."
t0=$(now)
while read -r f; do
	tesseract "$f" - -l $langs >/dev/null 2>&1 || true
done <pagelist
t1=$(now)
naive=$(secs "$t0" "$t1")

ratio() { echo "scale=2; $1 / $2" | bc -l; }
pps() { echo "scale=2; $npages / $1" | bc -l; }
cat <<EOF

pages                 $npages ($cores cores)
intake cold           $(printf '%8.1f' "$cold") s   $(pps "$cold") pages/s
OCR floor             $(printf '%8.1f' "$floor") s   $(pps "$floor") pages/s
naive tesseract loop  $(printf '%8.1f' "$naive") s   $(pps "$naive") pages/s
intake cached re-run  $(printf '%8.1f' "$cached") s   $(pps "$cached") pages/s
peak memory, largest process: $((rss / 1024)) MB (cap per OCR worker: 2048 MB address space)

cold / floor          $(ratio "$cold" "$floor")   (target <= 1.15)
naive / cold          $(ratio "$naive" "$cold")   (target >= 2)
cold / cached         $(ratio "$cold" "$cached")   (target >= 50)
EOF
cat >figures.json <<EOF
{"pages": $npages, "cores": $cores, "seed": $seed,
 "intake_cold_s": $cold, "floor_s": $floor, "naive_s": $naive, "cached_s": $cached,
 "peak_rss_kb": $rss,
 "cold_over_floor": $(ratio "$cold" "$floor"), "naive_over_cold": $(ratio "$naive" "$cold"),
 "cold_over_cached": $(ratio "$cold" "$cached")}
EOF
echo "figures in $work/figures.json"
