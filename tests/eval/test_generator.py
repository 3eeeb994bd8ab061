#!/usr/bin/python3
"""Tests of the submission generator (samples/gen): the validation rules its
truth is computed with, its text helpers, and that it is reproducible.

Run: /usr/bin/python3 tests/eval/test_generator.py
"""

import datetime as dt
import hashlib
import os
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET
from dataclasses import replace

HERE = os.path.dirname(os.path.abspath(__file__))
GEN = os.path.join(os.path.dirname(os.path.dirname(HERE)), "samples", "gen")
sys.dont_write_bytecode = True
sys.path.insert(0, GEN)

import others  # noqa: E402
import people  # noqa: E402
import rules  # noqa: E402
from forms import Doc  # noqa: E402

D = dt.date


def person(birth, surname=0, given=0):
    return people.Person(sex="m", origin="ru", citizenship="RUS", birth_date=birth, surname_key=surname,
                         given_key=given)


def doc(t, subject, **fields):
    return Doc(t, "test", [], list(fields.items()), subject)


class RulesTest(unittest.TestCase):
    def test_required_documents(self):
        self.assertEqual(rules.required_types("11.1.1", 30, []), ["birth-certificate"])
        self.assertEqual(rules.required_types("11.1.2", 3, []), ["birth-certificate"])
        both = ["criminal-record-certificate", "medical-certificate"]
        self.assertEqual(rules.required_types("12.7.1", 14, []), both)
        self.assertEqual(rules.required_types("12.7.1", 13, []), [])
        for cat in ("refugee", "asylum", "stateless-over-3-years", "former-citizen"):
            self.assertEqual(rules.required_types("12.7.1", 40, [cat]), ["medical-certificate"])
            self.assertEqual(rules.required_types("12.7.2", 40, [cat]), both)
        self.assertEqual(rules.required_types("12.7.1", 40, ["additional-protection"]), both)

    def test_six_calendar_months(self):
        sub = D(2026, 11, 3)
        t = "criminal-record-certificate"
        self.assertFalse(rules.is_expired(t, "12.7.1", D(2026, 5, 3), sub))   # exactly six months
        self.assertTrue(rules.is_expired(t, "12.7.1", D(2026, 5, 2), sub))    # one day more
        self.assertFalse(rules.is_expired(t, "12.7.2", D(2026, 11, 3), sub))
        self.assertFalse(rules.is_expired("birth-certificate", "11.1.1", D(1970, 1, 1), sub))
        self.assertFalse(rules.is_expired("medical-certificate", "12.7.1", D(2020, 1, 1), sub))

    def test_findings_and_verdict(self):
        sub = D(2026, 6, 10)
        a = person(D(1990, 4, 2))
        crim = doc("criminal-record-certificate", a, result="none")
        med = doc("medical-certificate", a, conclusion="fit")
        ok = [("d1", crim, D(2026, 5, 1)), ("d2", med, D(2026, 5, 1))]
        self.assertEqual(rules.findings("12.7.1", sub, a, [], ok), [])
        self.assertEqual(rules.verdict([]), "complete")

        f = rules.findings("12.7.1", sub, a, [], ok[1:])
        self.assertEqual(f, [("missing-document", "criminal-record-certificate", None, "error")])
        self.assertEqual(rules.verdict(f), "incomplete")
        self.assertEqual(rules.findings("12.7.1", sub, a, ["refugee"], ok[1:]), [])

        old = [("d1", crim, D(2025, 12, 9)), ok[1]]
        self.assertEqual(rules.findings("12.7.2", sub, a, [], old),
                         [("expired", "criminal-record-certificate", "d1", "error")])

        other = replace(a, surname_key=5)
        born = replace(a, birth_date=D(1990, 4, 3))
        bad = [("d1", doc("criminal-record-certificate", other, result="found"), D(2026, 5, 1)),
               ("d2", doc("medical-certificate", born, conclusion="unfit"), D(2026, 5, 1)),
               ("d3", doc("birth-certificate", a), D(1990, 4, 20)),
               ("d4", doc("passport", other), None)]
        codes = [(c, t, d) for c, t, d, _ in rules.findings("12.7.1", sub, a, [], bad)]
        self.assertEqual(codes, [("name-mismatch", "criminal-record-certificate", "d1"),
                                 ("criminal-record", "criminal-record-certificate", "d1"),
                                 ("birth-date-mismatch", "medical-certificate", "d2"),
                                 ("health-condition", "medical-certificate", "d2")])
        self.assertEqual(rules.verdict(rules.findings("12.7.1", sub, a, [], bad)), "review")

    def test_age_in_full_years(self):
        self.assertEqual(people.age_on(D(2012, 6, 10), D(2026, 6, 10)), 14)
        self.assertEqual(people.age_on(D(2012, 6, 11), D(2026, 6, 10)), 13)


class TextTest(unittest.TestCase):
    def test_dates_in_words(self):
        self.assertEqual(people.ru_date_words(D(1987, 3, 14)),
                         "четырнадцатого марта тысяча девятьсот восемьдесят седьмого года")
        self.assertEqual(people.ru_date_words(D(2000, 1, 1)), "первого января двухтысячного года")
        self.assertEqual(people.ru_date_words(D(2013, 12, 31)),
                         "тридцать первого декабря две тысячи тринадцатого года")
        self.assertEqual(people.fmt_date(D(1987, 3, 14), "be"), "14 сакавіка 1987 г.")
        self.assertEqual(people.fmt_date(D(1987, 3, 14), "ru-quoted"), "«14» марта 1987 года")

    def test_add_months_clamps(self):
        self.assertEqual(people.add_months(D(2026, 8, 31), -6), D(2026, 2, 28))
        self.assertEqual(people.add_months(D(2026, 1, 15), -6), D(2025, 7, 15))

    def test_romanisation(self):
        self.assertEqual(people.romanise("Щербаков"), "SHCHERBAKOV")
        self.assertEqual(people.romanise("Юлия"), "IULIIA")
        self.assertEqual(people.romanise("Юлия", "translator"), "YULIYA")

    def test_mrz_check_digits(self):
        # The ICAO 9303 specimen passport (Utopia, L898902C3).
        l1, l2 = others.mrz_td3("UTO", "ERIKSSON", "ANNA MARIA", "L898902C3", "UTO", D(1974, 8, 12), "F",
                                D(2012, 4, 15), "ZE184226B")
        self.assertEqual(l1, "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<")
        self.assertEqual(l2, "L898902C36UTO7408122F1204159ZE184226B<<<<<10")


def input_pages(case_dir):
    """(file, index) of every page in a case folder."""
    from PIL import Image
    out = []
    for f in os.listdir(case_dir):
        if f == "case.xml":
            continue
        p = os.path.join(case_dir, f)
        if f.lower().endswith(".pdf"):
            with open(p, "rb") as fh:
                n = fh.read().count(b"/Type /Page /")
        else:
            with Image.open(p) as im:
                n = getattr(im, "n_frames", 1)
        out += [(f, i) for i in range(1, n + 1)]
    return out


class PackageTest(unittest.TestCase):
    def test_no_documents_no_files(self):
        # seed 100039: the one document asked for left out and nothing else
        # handed in; packaging it as one TIFF crashed the generator
        import random
        import types

        import generate

        for packaging in ("tiff", "pdf", "files", "mixed"):
            c = types.SimpleNamespace(fix={"packaging": packaging}, submitted=D(2026, 3, 1))
            self.assertEqual(generate.package(random.Random(1), [], c, False), [])


class PlanTest(unittest.TestCase):
    def test_child_just_over_a_year(self):
        # seed 100063, case 119: an applicant a year and a few days old, whose
        # birth certificate was to be issued between the first birthday and a
        # month before submission, an empty range
        import random

        import generate

        c = generate.plan_case(random.Random("intake-gen/100063/119"), "BY-2026-000119", {})
        for d in c.key:
            self.assertLess(c.issues[d[0]], c.submitted)


class ReproducibleTest(unittest.TestCase):
    def test_same_seed_same_bytes(self):
        digests = []
        with tempfile.TemporaryDirectory() as tmp:
            for jobs in ("1", "2"):
                out = os.path.join(tmp, jobs)
                subprocess.run(["/usr/bin/python3", os.path.join(GEN, "generate.py"), "--seed", "7", "--cases",
                                "2", "--out", out, "--jobs", jobs], check=True, capture_output=True)
                h = {}
                for d, _, files in os.walk(out):
                    for f in files:
                        p = os.path.join(d, f)
                        with open(p, "rb") as fh:
                            h[os.path.relpath(p, out)] = hashlib.sha256(fh.read()).hexdigest()
                digests.append(h)
                # Every page of every file is in exactly one truth document.
                for t in os.listdir(os.path.join(out, "truth")):
                    root = ET.parse(os.path.join(out, "truth", t)).getroot()
                    pages = [(p.get("file"), int(p.get("index"))) for p in root.iter("page")]
                    self.assertEqual(len(pages), len(set(pages)))
                    self.assertEqual(set(pages), set(input_pages(os.path.join(out, "inbox", t[:-4]))))
        self.assertTrue(digests[0])
        self.assertEqual(digests[0], digests[1])


if __name__ == "__main__":
    unittest.main()
