#!/usr/bin/python3
"""score.py - compare intake's dossiers with the generator's ground truth.

    score.py --truth DIR/truth --out OUTDIR --models MODELS_DIR [--seconds S] [--json FILE]

Reports page type accuracy with a confusion matrix, field accuracy per field,
finding precision and recall, verdict accuracy, false "complete" verdicts, the
automation rate and the throughput.  It reports; it does not judge: the exit
status is 0 whatever the figures, 2 when its own inputs (the truth, the
output folder, the models) cannot be read.

Scoring rules (see samples/gen/README.md):
- A truth page is scored by the type of the predicted document that holds
  it.  Truth types outside the modelled set (the `name`s of the <type>
  elements in MODELS_DIR/documents.xml) count as `other`, and so do
  predicted types outside it; a predicted `unknown` is always wrong, and so
  is a page that no predicted document holds.
- Fields: for each truth document of a checked type, the predicted document
  holding its first page; a field is right when the values match after
  collapsing whitespace, upper-casing and reading Ё as Е.  A missing field
  is wrong.
- A finding is identified by (code, doc-type) within its case; only the
  contract's six codes are scored, other codes are listed apart.
- A case without a (readable) dossier has a wrong verdict and misses all
  its findings.
"""

import argparse
import json
import os
import sys
import xml.etree.ElementTree as ET

KEY_TYPES = ("birth-certificate", "criminal-record-certificate", "medical-certificate")
CODES = ("missing-document", "expired", "name-mismatch", "birth-date-mismatch", "criminal-record",
         "health-condition")
VERDICTS = ("complete", "review", "incomplete")
NONE = "(none)"


class InputError(Exception):
    pass


def norm(v):
    """Field comparison form: collapsed whitespace, upper case, Ё read as Е."""
    return " ".join((v or "").split()).upper().replace("Ё", "Е")


def modelled_types(models_dir):
    path = os.path.join(models_dir, "documents.xml")
    if not os.path.exists(path):
        return list(KEY_TYPES), False
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as e:
        raise InputError(f"cannot read '{path}': {e}")
    names = []
    for t in root.iter("type"):
        n = t.get("name")
        if n and n not in names:
            names.append(n)
    if not names:
        raise InputError(f"'{path}' names no <type>")
    return names, True


def read_dossier(path):
    """(root, None) or (None, reason)."""
    if not os.path.exists(path):
        return None, "missing"
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as e:
        return None, f"unreadable: {e}"
    if root.tag != "dossier":
        return None, "unreadable: root is not <dossier>"
    return root, None


def docs_of(root):
    """[(id, type, [(file, index)], {field: value})] of a dossier."""
    out = []
    for d in root.findall("document"):
        pages = []
        for p in d.findall("page"):
            try:
                pages.append((p.get("file"), int(p.get("index", "0"))))
            except ValueError:
                pages.append((p.get("file"), 0))
        fields = {}
        for f in d.findall("field"):
            name = f.get("name")
            if name and name not in fields:
                fields[name] = f.text or ""
        out.append((d.get("id"), d.get("type") or NONE, pages, fields))
    return out


def findings_of(root):
    return [(f.get("code"), f.get("doc-type")) for f in root.findall("finding")]


def verdict_of(root):
    v = root.find("verdict")
    return (v.text or "").strip() if v is not None else NONE


def pct(a, b):
    return f"{100.0 * a / b:5.1f}%" if b else "   n/a"


def ratio(a, b):
    return round(a / b, 4) if b else None


def score(truth_dir, out_dir, models_dir, seconds):
    if not os.path.isdir(truth_dir):
        raise InputError(f"cannot read truth folder '{truth_dir}'")
    if not os.path.isdir(out_dir):
        raise InputError(f"cannot read output folder '{out_dir}'")
    types, from_models = modelled_types(models_dir)
    classes = types + ([] if "other" in types else ["other"])
    truth_files = sorted(f for f in os.listdir(truth_dir) if f.endswith(".xml"))
    if not truth_files:
        raise InputError(f"no truth files in '{truth_dir}'")

    pages_total = pages_right = 0
    confusion = {}                       # (truth class, predicted type) -> count
    field_stats = {}                     # field -> [right, total]
    field_by_type = {}                   # "type/field" -> [right, total]
    key_docs = 0
    f_tp = {c: 0 for c in CODES}
    f_fp = {c: 0 for c in CODES}
    f_fn = {c: 0 for c in CODES}
    other_codes = {}
    verdict_conf = {}
    verdict_right = 0
    false_complete = 0
    complete_truth = complete_auto = 0
    no_dossier = []
    stray_pages = 0
    cases = []

    for tf in truth_files:
        try:
            troot = ET.parse(os.path.join(truth_dir, tf)).getroot()
        except (ET.ParseError, OSError) as e:
            raise InputError(f"cannot read truth '{tf}': {e}")
        case = troot.get("case") or tf[:-4]
        tdocs = docs_of(troot)
        tfind = set(findings_of(troot))
        tverdict = verdict_of(troot)
        proot, why = read_dossier(os.path.join(out_dir, case + ".xml"))
        if proot is None:
            no_dossier.append((case, why))
            pdocs, pfind, pverdict = [], [], NONE
        else:
            pdocs, pfind, pverdict = docs_of(proot), findings_of(proot), verdict_of(proot)

        where = {}
        for pid, ptype, ppages, pfields in pdocs:
            for pg in ppages:
                where.setdefault(pg, (ptype, pfields))
        truth_pages = set()
        case_pages = case_right = 0
        fields_wrong = []
        for _, ttype, tpages, tfields in tdocs:
            tclass = ttype if ttype in types else "other"
            for pg in tpages:
                truth_pages.add(pg)
                ptype = where.get(pg, (NONE, None))[0]
                if ptype not in types and ptype not in ("unknown", NONE):
                    ptype = "other"      # a type the models do not know is no checked type
                ok = ptype == tclass and ptype != "unknown"
                confusion[(tclass, ptype)] = confusion.get((tclass, ptype), 0) + 1
                case_pages += 1
                case_right += ok
            if ttype in KEY_TYPES and tpages:
                key_docs += 1
                pfields = where.get(tpages[0], (NONE, {}))[1] or {}
                for name, value in tfields.items():
                    ok = name in pfields and norm(pfields[name]) == norm(value)
                    if not ok:
                        fields_wrong.append({"type": ttype, "field": name, "truth": value,
                                             "got": pfields.get(name)})
                    for table, k in ((field_stats, name), (field_by_type, f"{ttype}/{name}")):
                        s = table.setdefault(k, [0, 0])
                        s[0] += ok
                        s[1] += 1
        stray_pages += sum(1 for pg in where if pg not in truth_pages)
        pages_total += case_pages
        pages_right += case_right

        pset = set()
        for code, dt in pfind:
            if code in CODES:
                pset.add((code, dt))
            else:
                other_codes[code] = other_codes.get(code, 0) + 1
        for code in CODES:
            t = {x for x in tfind if x[0] == code}
            p = {x for x in pset if x[0] == code}
            f_tp[code] += len(t & p)
            f_fp[code] += len(p - t)
            f_fn[code] += len(t - p)

        verdict_conf[(tverdict, pverdict)] = verdict_conf.get((tverdict, pverdict), 0) + 1
        verdict_right += pverdict == tverdict
        if pverdict == "complete" and tverdict != "complete":
            false_complete += 1
        if tverdict == "complete":
            complete_truth += 1
            complete_auto += pverdict == "complete"
        cases.append({"case": case, "pages": case_pages, "pages_right": case_right, "truth_verdict": tverdict,
                      "verdict": pverdict, "dossier": why or "ok",
                      "findings_missed": sorted(f"{c}:{d}" for c, d in tfind - pset),
                      "findings_extra": sorted(f"{c}:{d}" for c, d in pset - tfind),
                      "fields_wrong": fields_wrong})

    tp, fp, fn = sum(f_tp.values()), sum(f_fp.values()), sum(f_fn.values())
    all_right = sum(s[0] for s in field_stats.values())
    all_total = sum(s[1] for s in field_stats.values())
    pred_cols = list(classes) + sorted({p for (_, p) in confusion if p not in classes and p != NONE})
    if any(p == NONE for (_, p) in confusion):
        pred_cols.append(NONE)
    return {
        "cases": len(truth_files),
        "dossiers": len(truth_files) - len(no_dossier),
        "cases_without_dossier": [{"case": c, "reason": r} for c, r in no_dossier],
        "modelled_types": types,
        "modelled_types_from": "documents.xml" if from_models else "default",
        "pages": {"total": pages_total, "right": pages_right, "accuracy": ratio(pages_right, pages_total),
                  "stray_predicted_pages": stray_pages,
                  "classes": classes, "predicted": pred_cols,
                  "confusion": [[confusion.get((t, p), 0) for p in pred_cols] for t in classes]},
        "fields": {"documents": key_docs, "right": all_right, "total": all_total,
                   "accuracy": ratio(all_right, all_total),
                   "per_field": {k: {"right": v[0], "total": v[1], "accuracy": ratio(*v)}
                                 for k, v in sorted(field_stats.items())},
                   "per_type_field": {k: {"right": v[0], "total": v[1], "accuracy": ratio(*v)}
                                      for k, v in sorted(field_by_type.items())}},
        "findings": {"tp": tp, "fp": fp, "fn": fn, "precision": ratio(tp, tp + fp), "recall": ratio(tp, tp + fn),
                     "per_code": {c: {"tp": f_tp[c], "fp": f_fp[c], "fn": f_fn[c],
                                      "precision": ratio(f_tp[c], f_tp[c] + f_fp[c]),
                                      "recall": ratio(f_tp[c], f_tp[c] + f_fn[c])} for c in CODES},
                     "other_codes": dict(sorted(other_codes.items()))},
        "verdicts": {"right": verdict_right, "total": len(truth_files),
                     "accuracy": ratio(verdict_right, len(truth_files)),
                     "false_complete": false_complete,
                     "confusion": {f"{t}->{p}": n for (t, p), n in sorted(verdict_conf.items())}},
        "automation": {"truth_complete": complete_truth, "predicted_complete": complete_auto,
                       "rate": ratio(complete_auto, complete_truth)},
        "throughput": {"seconds": seconds, "pages_per_second": round(pages_total / seconds, 3)
                       if seconds else None},
        "per_case": cases,
    }


def report(r, truth_dir, out_dir):
    p, f, fi, v = r["pages"], r["fields"], r["findings"], r["verdicts"]
    print(f"intake evaluation: {r['cases']} cases, {p['total']} pages  (truth {truth_dir}, dossiers {out_dir})")
    print(f"dossiers: {r['dossiers']} of {r['cases']}", end="")
    if r["cases_without_dossier"]:
        print("; without a dossier: " + ", ".join(f"{x['case']} ({x['reason']})"
                                                   for x in r["cases_without_dossier"][:8])
              + (" ..." if len(r["cases_without_dossier"]) > 8 else ""))
    else:
        print()
    print(f"modelled types ({r['modelled_types_from']}): {', '.join(r['modelled_types'])}")

    print(f"\nPage types: {p['right']}/{p['total']} right {pct(p['right'], p['total'])}")
    if p["stray_predicted_pages"]:
        print(f"  predicted pages that are not input pages: {p['stray_predicted_pages']}")
    cols = p["predicted"]
    print("  truth \\ predicted" + " " * 12 + "".join(f"{'[' + str(i + 1) + ']':>7}" for i in range(len(cols))))
    for t, row in zip(p["classes"], p["confusion"]):
        print(f"  {t:<29}" + "".join(f"{n:>7}" for n in row))
    print("  " + "  ".join(f"[{i + 1}] {c}" for i, c in enumerate(cols)))

    print(f"\nFields of {f['documents']} checked documents: {f['right']}/{f['total']} right "
          f"{pct(f['right'], f['total'])}")
    for name, s in f["per_field"].items():
        print(f"  {name:<14}{s['right']:>6}/{s['total']:<6}{pct(s['right'], s['total'])}")

    print(f"\nFindings: precision {pct(fi['tp'], fi['tp'] + fi['fp'])} ({fi['tp']}/{fi['tp'] + fi['fp']}), "
          f"recall {pct(fi['tp'], fi['tp'] + fi['fn'])} ({fi['tp']}/{fi['tp'] + fi['fn']})")
    print(f"  {'code':<22}{'tp':>5}{'fp':>5}{'fn':>5}  precision  recall")
    for c, s in fi["per_code"].items():
        print(f"  {c:<22}{s['tp']:>5}{s['fp']:>5}{s['fn']:>5}   {pct(s['tp'], s['tp'] + s['fp'])}  "
              f"{pct(s['tp'], s['tp'] + s['fn'])}")
    if fi["other_codes"]:
        print("  other codes (not scored): " + ", ".join(f"{k} {n}" for k, n in fi["other_codes"].items()))

    print(f"\nVerdicts: {v['right']}/{v['total']} right {pct(v['right'], v['total'])}")
    vcols = list(VERDICTS) + sorted({k.split("->")[1] for k in v["confusion"]} - set(VERDICTS))
    print("  truth \\ predicted " + "".join(f"{c:>12}" for c in vcols))
    for t in VERDICTS:
        print(f"  {t:<18}" + "".join(f"{v['confusion'].get(f'{t}->{c}', 0):>12}" for c in vcols))
    print(f"False 'complete' verdicts: {v['false_complete']}")
    a = r["automation"]
    print(f"Automation rate: {a['predicted_complete']}/{a['truth_complete']} truth-complete cases predicted "
          f"complete {pct(a['predicted_complete'], a['truth_complete'])}")
    t = r["throughput"]
    if t["seconds"]:
        print(f"Throughput: {p['total']} pages in {t['seconds']:.1f} s = {t['pages_per_second']:.3f} pages/s")


def main(argv=None):
    ap = argparse.ArgumentParser(description="Score intake dossiers against generated ground truth.")
    ap.add_argument("--truth", required=True, help="folder of <case-id>.xml truth files")
    ap.add_argument("--out", required=True, help="folder of <case-id>.xml dossiers written by intake")
    ap.add_argument("--models", required=True, help="models folder (documents.xml names the modelled types)")
    ap.add_argument("--seconds", type=float, help="wall time of the run, for pages per second")
    ap.add_argument("--json", help="also write every figure to this file")
    a = ap.parse_args(argv)
    try:
        r = score(a.truth, a.out, a.models, a.seconds)
    except InputError as e:
        print(f"score: {e}", file=sys.stderr)
        return 2
    report(r, a.truth, a.out)
    if a.json:
        try:
            with open(a.json, "w", encoding="utf-8") as fh:
                json.dump(r, fh, ensure_ascii=False, indent=1)
                fh.write("\n")
        except OSError as e:
            print(f"score: cannot write '{a.json}': {e}", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
