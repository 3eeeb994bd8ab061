"""compare.py EXPECTED_DIR OUT_DIR [CASE...]

Golden-output check of dossiers against the expected ones beside the
samples: the verdict, the findings (code and doc-type), the type of the
document holding every page of the three checked types, and their key
fields.  Prints one line per difference and exits 1 if there is any.
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
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    exp, out = argv[1], argv[2]
    cases = argv[3:] or sorted(f[:-4] for f in os.listdir(exp) if f.endswith(".xml"))
    problems = []
    for case in cases:
        problems += compare(os.path.join(exp, case + ".xml"), os.path.join(out, case + ".xml"), case)
    for p in problems:
        print(p)
    print("compared %d cases: %d differences" % (len(cases), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
