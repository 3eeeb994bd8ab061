"""compare.py [--max-differences N] [--min-verdicts K] EXPECTED_DIR OUT_DIR [CASE...]

Golden-output check of dossiers against the expected ones beside the
samples: the verdict, the findings (code and doc-type), the type of the
document holding every page of the three checked types, and their key
fields.  Prints one line per difference.

Exits 1 when a dossier is missing, when any dossier says `complete` where
the expected one does not (never allowed), or when there are more than N
differences (default 0) or fewer than K right verdicts (default: all).
Only the standard library: it runs wherever Debian's python3 does.
"""
import os
import sys
import unicodedata
import xml.etree.ElementTree as ET

KEY_TYPES = {"birth-certificate", "criminal-record-certificate", "medical-certificate"}
KEY_FIELDS = ("surname", "given-name", "patronymic", "birth-date", "issue-date",
              "result", "conclusion")


def norm(s):
    s = " ".join((s or "").split())
    return unicodedata.normalize("NFC", s).upper().replace("Ё", "Е")


def load(path):
    root = ET.parse(path).getroot()
    pages = {}
    for d in root.iter("document"):
        fields = {f.get("name"): f.text or "" for f in d.iter("field")}
        for p in d.iter("page"):
            pages[(p.get("file"), p.get("index"))] = (d.get("type"), fields)
    findings = sorted({(f.get("code"), f.get("doc-type") or "") for f in root.iter("finding")})
    verdict = root.findtext("verdict")
    return root, pages, findings, verdict


def compare(exp_path, out_path, case):
    problems = []
    if not os.path.exists(out_path):
        return ["%s: no dossier" % case]
    _, epages, efind, everd = load(exp_path)
    _, opages, ofind, overd = load(out_path)
    if everd != overd:
        problems.append("%s: verdict %s, expected %s" % (case, overd, everd))
    if efind != ofind:
        problems.append("%s: findings %s, expected %s" % (case, ofind, efind))
    first = {}
    for key, (etype, efields) in sorted(epages.items()):
        got = opages.get(key)
        if got is None:
            problems.append("%s: page %s:%s missing from the dossier" % (case, *key))
            continue
        if etype in KEY_TYPES and got[0] != etype:
            problems.append("%s: page %s:%s is %s, expected %s" % (case, *key, got[0], etype))
        if etype in KEY_TYPES and id(efields) not in first:
            first[id(efields)] = True
            for name in KEY_FIELDS:
                if name in efields and norm(got[1].get(name)) != norm(efields[name]):
                    problems.append("%s: %s %s on %s:%s is %r, expected %r" % (
                        case, etype, name, key[0], key[1], got[1].get(name), efields[name]))
    return problems


def main(argv):
    args = argv[1:]
    max_diff, min_verdicts = 0, None
    while args and args[0].startswith("--"):
        if args[0] == "--max-differences" and len(args) > 1:
            max_diff = int(args[1])
        elif args[0] == "--min-verdicts" and len(args) > 1:
            min_verdicts = int(args[1])
        else:
            sys.stderr.write(__doc__)
            return 2
        args = args[2:]
    if len(args) < 2:
        sys.stderr.write(__doc__)
        return 2
    exp, out = args[0], args[1]
    cases = args[2:] or sorted(f[:-4] for f in os.listdir(exp) if f.endswith(".xml"))
    problems, right, false_complete, missing = [], 0, [], []
    for case in cases:
        e, o = os.path.join(exp, case + ".xml"), os.path.join(out, case + ".xml")
        problems += compare(e, o, case)
        if not os.path.exists(o):
            missing.append(case)
            continue
        ev, ov = load(e)[3], load(o)[3]
        right += ev == ov
        if ov == "complete" and ev != "complete":
            false_complete.append(case)
    for p in problems:
        print(p)
    if min_verdicts is None:
        min_verdicts = len(cases)
    print("compared %d cases: %d differences (at most %d allowed), %d right verdicts "
          "(at least %d required), %d falsely complete, %d without a dossier" % (
              len(cases), len(problems), max_diff, right, min_verdicts,
              len(false_complete), len(missing)))
    for c in false_complete:
        print("%s: FALSELY COMPLETE" % c)
    ok = not missing and not false_complete and len(problems) <= max_diff and right >= min_verdicts
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
