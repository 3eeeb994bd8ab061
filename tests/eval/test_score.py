#!/usr/bin/python3
"""Tests of score.py on the committed sample truth (samples/expected/).

The truth scored against itself must be perfect; a copy damaged in known ways
must lose exactly what was damaged.  Run: /usr/bin/python3 tests/eval/test_score.py
"""

import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TRUTH = os.path.join(ROOT, "samples", "expected")
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)

import score  # noqa: E402


def run(out, models="/nonexistent", seconds=None):
    return score.score(TRUTH, out, models, seconds)


class ScoreTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.out = os.path.join(self.tmp, "out")
        shutil.copytree(TRUTH, self.out)
        self.files = sorted(glob.glob(os.path.join(self.out, "*.xml")))

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def edit(self, path, fn):
        tree = ET.parse(path)
        fn(tree.getroot())
        tree.write(path, encoding="utf-8", xml_declaration=True)

    def test_truth_against_itself_is_perfect(self):
        r = run(self.out, seconds=2.0)
        self.assertEqual(r["pages"]["accuracy"], 1.0)
        self.assertEqual(r["fields"]["accuracy"], 1.0)
        self.assertEqual(r["findings"]["precision"], 1.0)
        self.assertEqual(r["findings"]["recall"], 1.0)
        self.assertEqual(r["verdicts"]["accuracy"], 1.0)
        self.assertEqual(r["verdicts"]["false_complete"], 0)
        self.assertEqual(r["automation"]["rate"], 1.0)
        self.assertEqual(r["cases_without_dossier"], [])
        self.assertAlmostEqual(r["throughput"]["pages_per_second"], r["pages"]["total"] / 2.0, places=2)
        # Every sample covers all six codes and all three verdicts.
        self.assertTrue(all(v["tp"] > 0 for v in r["findings"]["per_code"].values()))

    def test_missing_dossier_counts_as_wrong(self):
        os.remove(self.files[0])
        with open(self.files[1], "w") as f:
            f.write("<dossier><document")                       # truncated
        r = run(self.out)
        self.assertEqual(len(r["cases_without_dossier"]), 2)
        self.assertEqual(r["verdicts"]["right"], r["verdicts"]["total"] - 2)
        self.assertLess(r["pages"]["accuracy"], 1.0)

    def test_damage_is_counted_exactly(self):
        f = self.files
        changed = {}

        def retype_key_doc(root):
            for d in root.findall("document"):
                if d.get("type") in score.KEY_TYPES:
                    changed["pages"] = len(d.findall("page"))
                    d.set("type", "unknown")
                    return

        def bad_fields(root):
            for d in root.findall("document"):
                fs = {x.get("name"): x for x in d.findall("field")}
                if "surname" in fs and "issue-date" in fs:
                    fs["surname"].text = " " + fs["surname"].text.lower().replace("е", "ё") + "  "  # still right
                    fs["issue-date"].text = "1900-01-01"                                          # wrong
                    d.remove(fs["issuer"])                                                         # missing
                    return

        def drop_findings_call_complete(root):
            changed["lost"] = len({(x.get("code"), x.get("doc-type")) for x in root.findall("finding")})
            changed["was"] = root.find("verdict").text
            for x in root.findall("finding"):
                root.remove(x)
            root.find("verdict").text = "complete"

        def extra_finding(root):
            ET.SubElement(root, "finding", {"code": "expired", "doc-type": "birth-certificate"})
            ET.SubElement(root, "finding", {"code": "unreadable-field", "doc-type": "birth-certificate"})

        truth_complete = [p for p in f if ET.parse(p).getroot().find("verdict").text == "complete"]
        with_findings = [p for p in f if ET.parse(p).getroot().find("finding") is not None]
        self.edit(truth_complete[0], retype_key_doc)
        self.edit(truth_complete[1], bad_fields)
        self.edit(with_findings[0], drop_findings_call_complete)
        self.edit(truth_complete[2], extra_finding)
        r = run(self.out)
        pages = r["pages"]
        self.assertEqual(pages["right"], pages["total"] - changed["pages"])
        self.assertEqual(r["fields"]["per_field"]["surname"]["accuracy"], 1.0)
        self.assertEqual(r["fields"]["per_field"]["issue-date"]["right"],
                         r["fields"]["per_field"]["issue-date"]["total"] - 1)
        self.assertEqual(r["fields"]["per_field"]["issuer"]["right"],
                         r["fields"]["per_field"]["issuer"]["total"] - 1)
        self.assertEqual(r["findings"]["fn"], changed["lost"])
        self.assertEqual(r["findings"]["fp"], 1)
        self.assertEqual(r["findings"]["other_codes"], {"unreadable-field": 1})
        self.assertEqual(r["verdicts"]["false_complete"], 1)
        self.assertEqual(r["verdicts"]["right"], r["verdicts"]["total"] - 1)
        self.assertEqual(r["automation"]["rate"], 1.0)

    def test_modelled_types_from_documents_xml(self):
        models = os.path.join(self.tmp, "models")
        os.mkdir(models)
        with open(os.path.join(models, "documents.xml"), "w") as fh:
            fh.write('<documents><type name="birth-certificate"/><type name="criminal-record-certificate"/>'
                     '<type name="medical-certificate"/><type name="passport"/></documents>')
        r = run(self.out, models)
        self.assertIn("passport", r["pages"]["classes"])
        self.assertEqual(r["pages"]["accuracy"], 1.0)

    def test_cli_writes_json_and_exits_zero(self):
        j = os.path.join(self.tmp, "fig.json")
        p = subprocess.run([sys.executable, os.path.join(HERE, "score.py"), "--truth", TRUTH, "--out", self.out,
                            "--models", "/nonexistent", "--seconds", "3", "--json", j],
                           capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("Verdicts:", p.stdout)
        with open(j) as fh:
            self.assertEqual(json.load(fh)["verdicts"]["accuracy"], 1.0)

    def test_cli_unreadable_inputs_exit_2(self):
        p = subprocess.run([sys.executable, os.path.join(HERE, "score.py"), "--truth", "/nonexistent",
                            "--out", self.out, "--models", "/nonexistent"], capture_output=True, text=True)
        self.assertEqual(p.returncode, 2)


if __name__ == "__main__":
    unittest.main()
