#!/usr/bin/python3
"""generate.py - seeded, reproducible submissions with ground truth for intake.

    generate.py --seed N --cases M --out DIR [--small] [--jobs J]

writes DIR/inbox/<case-id>/ (case.xml and scans) and DIR/truth/<case-id>.xml
(DIR/expected/ with --small).  The same seed and arguments give byte-identical
files: every case draws from its own random stream, seeded from (seed, case
number), so cases can be built in parallel and case k is the same whatever
--cases is.  Seeds 1-99999 are for development and training, seeds >= 100000
for evaluation only (see README.md).

--small builds a fixed, curated set of 8 cases (the committed samples/): one
of each finding, every packaging, a rotated page, distractors, an under-14
and exempt applicant, clean cases.  It ignores --cases.

Requires Debian's python3-pil and python3-numpy and the fonts listed in
render.py; run it as /usr/bin/python3.
"""

import argparse
import datetime as dt
import os
import random
import shutil
import sys
from dataclasses import replace
from multiprocessing import Pool
from xml.sax.saxutils import escape, quoteattr

# Leave no __pycache__ behind in the source tree.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402

import forms  # noqa: E402
import others  # noqa: E402
import output  # noqa: E402
import rules  # noqa: E402
from people import (LATIN_SURNAMES, add_months, age_on, make_person, other_given,  # noqa: E402
                    other_surname, plain_yo, random_date)
from render import ScanParams, Sheet, check_fonts, scan  # noqa: E402

GENERATOR = "intake-gen 1"
PROCEDURES = ("11.1.1", "11.1.2", "12.7.1", "12.7.2")
PROBLEMS = (  # (problem, weight) for a random case; "clean" keeps the complete rate meaningful
    ("clean", 60), ("missing", 8), ("expired", 7), ("name", 7), ("bdate", 6), ("crime", 5),
    ("health", 5), ("double", 2))
NEEDS_ADULT_FOREIGNER = ("expired", "crime", "health")


def wchoice(rng, pairs):
    total = sum(w for _, w in pairs)
    r = rng.uniform(0, total)
    for v, w in pairs:
        r -= w
        if r <= 0:
            return v
    return pairs[-1][0]


# ======================================================================= planning

class Case:
    """Everything decided about one case before anything is drawn."""

    def __init__(self, **kw):
        self.__dict__.update(kw)


def plan_case(rng, case_id, fix):
    """Draw the applicant, the problem(s) and the documents of one case.

    fix holds choices imposed by --small's curated list; everything else is random.
    """
    curated = bool(fix)
    problems = list(fix.get("problems", []))
    if not curated:
        pr = wchoice(rng, PROBLEMS)
        if pr == "double":
            problems = rng.sample(["missing", "expired", "name", "bdate", "crime", "health"], 2)
            if "missing" in problems and "expired" in problems:
                problems = ["expired", "name"]
        elif pr != "clean":
            problems = [pr]
    procedure = fix.get("procedure")
    if procedure is None:
        if any(p in NEEDS_ADULT_FOREIGNER for p in problems):
            procedure = wchoice(rng, (("12.7.1", 60), ("12.7.2", 40)))
        else:
            procedure = wchoice(rng, (("11.1.1", 30), ("11.1.2", 15), ("12.7.1", 35), ("12.7.2", 20)))
    submitted = fix.get("submitted") or random_date(rng, dt.date(2026, 1, 5), dt.date(2026, 12, 22))
    foreign = procedure.startswith("12.")
    adult_needed = any(p in NEEDS_ADULT_FOREIGNER for p in problems)

    # -- the applicant
    categories = list(fix.get("categories", []))
    if foreign:
        origin = fix.get("origin") or wchoice(rng, (("ru", 45), ("latin", 45), ("by", 10)))
    else:
        origin = fix.get("origin") or wchoice(rng, (("by", 90), ("ru", 10)))
    country = fix.get("country", "")
    if origin == "latin" and not country:
        country = rng.choice(tuple(LATIN_SURNAMES))
    if procedure == "11.1.2":
        age = rng.randint(0, 13)
    elif procedure == "11.1.1":
        age = rng.randint(14, 16) if rng.random() < 0.25 else rng.randint(17, 75)
    else:
        group = wchoice(rng, (("adult", 85), ("teen", 7), ("child", 8)))
        if adult_needed or group == "adult":
            age = rng.randint(18, 64)
        elif group == "teen":
            age = rng.randint(14, 17)
        else:
            age = rng.randint(1, 13)
    age = fix.get("age", age)
    # The birthday falls 5-355 days before the submission date's anniversary,
    # so that a typo of a few days in the birth date never changes the age.
    birth = dt.date(submitted.year - age, submitted.month, submitted.day) - dt.timedelta(days=rng.randint(5, 355))
    sex = fix.get("sex") or rng.choice("mf")
    if "name" in problems and fix.get("maiden") and sex != "f":
        sex = "f"
    if foreign:
        if origin == "latin":
            citizenship = country
        elif origin == "by":
            citizenship = "RUS"     # a former citizen of Belarus
        else:
            citizenship = rng.choice(("RUS",) * 9 + ("XXA",))
        if not curated and procedure == "12.7.1" and rng.random() < 0.2:
            if origin == "by":
                categories = ["former-citizen"]
            elif citizenship == "XXA":
                categories = ["stateless-over-3-years"]
            elif country in ("SYR", "AFG"):
                categories = [rng.choice(("refugee", "asylum", "additional-protection"))]
        if not curated and procedure == "12.7.2" and origin == "by" and rng.random() < 0.3:
            categories = ["former-citizen"]   # no exemption in 12.7.2: still needs everything
    else:
        citizenship = "BLR"
    lang = fix.get("lang") or ("be" if (origin == "by" and not foreign and rng.random() < 0.3) else "ru")
    person = make_person(rng, "latin" if origin == "latin" else origin, sex, birth, citizenship, lang, country)

    # -- what the procedure asks of this applicant, and what the applicant brings
    required = rules.required_types(procedure, age, categories)
    key = []          # (type, variant) of checked documents brought
    variants = fix.get("variants", {})
    if not foreign or rng.random() < (0.9 if age < 14 else 0.35) or "birth-certificate" in variants:
        if origin == "by":
            v = "en-translation-by" if (foreign and rng.random() < 0.3) else f"by-{lang}"
        elif origin == "ru":
            v = "ru" if (not foreign or rng.random() < 0.6) else "en-translation-ru"
        else:
            v = None                          # no birth certificates for Latin-script countries
        v = variants.get("birth-certificate", v)
        if v:
            key.append(("birth-certificate", v))
    exempt = procedure == "12.7.1" and any(c in rules.EXEMPT_12_7_1 for c in categories)
    if foreign and age >= 14:
        # Now and then an exempt applicant brings the certificate all the same.
        if not exempt or (not curated and rng.random() < 0.1):
            if origin == "latin":
                v = wchoice(rng, (("en", 70), ("by-mvd-ru", 30)))
            elif origin == "ru":
                v = wchoice(rng, (("ru-mvd", 55), ("en-translation", 20), ("by-mvd-ru", 25)))
            else:
                v = wchoice(rng, (("by-mvd-ru", 60), ("ru-mvd", 40)))
            key.append(("criminal-record-certificate", variants.get("criminal-record-certificate", v)))
        if origin == "latin":
            v = wchoice(rng, (("by", 60), ("en", 40)))
        elif origin == "ru":
            v = wchoice(rng, (("by", 65), ("ru-384n", 35)))
        else:
            v = "by"
        key.append(("medical-certificate", variants.get("medical-certificate", v)))
    if "missing" in problems and not required:
        problems.remove("missing")            # a child in 12.7.x: nothing is required
    if "missing" in problems:
        drop = fix.get("drop") or rng.choice(required)
        key = [k for k in key if k[0] != drop]
    if "expired" in problems and not any(k[0] == "criminal-record-certificate" for k in key):
        problems.remove("expired")
    if "crime" in problems and not any(k[0] == "criminal-record-certificate" for k in key):
        problems.remove("crime")
    if "health" in problems and not any(k[0] == "medical-certificate" for k in key):
        problems.remove("health")
    present = [k[0] for k in key]
    for pr in ("name", "bdate"):
        if pr in problems and not present:
            problems.remove(pr)

    # -- issue dates and outcomes
    limit = add_months(submitted, -rules.CRIMINAL_RECORD_MONTHS)
    issues, outcome, subjects = {}, {}, {}
    for t, v in key:
        if t == "birth-certificate":
            if rng.random() < 0.6 or age < 1:
                issues[t] = birth + dt.timedelta(days=rng.randint(2, 40))
            else:
                # Between the first birthday and a month before submission;
                # a child a year old and a few days has no such month
                # (seed 100063's case 119 crashed): then a month before.
                late = submitted - dt.timedelta(days=30)
                issues[t] = random_date(rng, min(add_months(birth, 12), late), late)
            issues[t] = min(issues[t], submitted - dt.timedelta(days=1))
        elif t == "criminal-record-certificate":
            if "expired" in problems:
                issues[t] = limit - dt.timedelta(days=1 if rng.random() < 0.3 else rng.randint(2, 150))
            elif rng.random() < 0.1:
                issues[t] = limit          # exactly six months: still valid
            else:
                issues[t] = random_date(rng, limit + dt.timedelta(days=1), submitted - dt.timedelta(days=2))
            outcome[t] = "crime" in problems
        else:
            issues[t] = submitted - dt.timedelta(days=rng.randint(3, 120))
            outcome[t] = "health" in problems
        subjects[t] = person

    # -- mismatches: on one document, or (a clerk's typo) in case.xml itself
    applicant = person
    maiden = False
    if "name" in problems:
        t = fix.get("mismatch_doc") or rng.choice(present)
        if t == "birth-certificate" and (fix.get("maiden") or (sex == "f" and age >= 20 and rng.random() < 0.6)):
            subjects[t] = other_surname(rng, person)          # the maiden name on an old paper
            maiden = True
        elif rng.random() < 0.5:
            subjects[t] = other_surname(rng, person)          # someone else's paper
        else:
            subjects[t] = other_given(rng, person)            # a sibling's paper
    if "bdate" in problems:
        typo = person.birth_date + dt.timedelta(days=rng.choice((-3, -1, 1, 2, 10, 31, 365, -365)))
        if age_on(typo, submitted) != age:
            typo = person.birth_date + dt.timedelta(days=1)
        if fix.get("bdate_in_doc", rng.random() < 0.5):
            t = fix.get("mismatch_doc") or rng.choice(present)
            subjects[t] = replace(subjects[t], birth_date=typo)
        else:
            applicant = replace(person, birth_date=typo)

    # -- papers that come along
    extras = fix.get("distractors")
    if extras is None:
        extras = []
        if procedure == "11.1.1":
            pool = (("application", 0.7), ("passport", 0.4 if age >= 16 else 0), ("receipt", 0.5),
                    ("marriage", 0.25 if age >= 20 else 0), ("residence", 0.2), ("death", 0.05),
                    ("employment", 0.1))
        elif procedure == "11.1.2":
            pool = (("application", 0.7), ("receipt", 0.5), ("parent-passport", 0.2), ("residence", 0.2))
        else:
            pool = (("application", 0.7), ("passport", 0.7), ("receipt", 0.5), ("insurance", 0.3),
                    ("autobiography", 0.25), ("employment", 0.15), ("marriage", 0.15 if age >= 20 else 0),
                    ("residence", 0.1), ("death", 0.05 if origin != "latin" else 0))
        for kind, p in pool:
            if rng.random() < p:
                extras.append(kind)
        if maiden and "marriage" not in extras and origin != "latin":
            extras.append("marriage")        # the marriage certificate explains the new surname
    return Case(case_id=case_id, procedure=procedure, submitted=submitted, person=person,
                applicant=applicant, categories=categories, key=key, issues=issues, outcome=outcome,
                subjects=subjects, extras=extras, problems=problems, age=age, origin=origin, lang=lang,
                fix=fix, maiden=maiden, plain_yo=rng.random() < 0.5)


# ======================================================================= documents

def build_docs(rng, c):
    """Make every Doc of the case, in the order the applicant hands them in."""
    p = c.person
    key_docs = []
    for t, v in c.key:
        s, issue = c.subjects[t], c.issues[t]
        if t == "birth-certificate":
            if v.startswith("by-"):
                d = forms.birth_by(rng, s, v[3:], issue)
            elif v == "ru":
                d = forms.birth_ru(rng, s, issue)
            else:
                d = forms.birth_en(rng, s, issue, v.rsplit("-", 1)[1])
        elif t == "criminal-record-certificate":
            found = c.outcome[t]
            if v == "by-mvd-ru":
                d = forms.criminal_by(rng, s, issue, found)
            elif v in ("ru-mvd", "ru-mvd-epgu"):
                d = forms.criminal_ru(rng, s, issue, found)
            else:
                d = forms.criminal_en(rng, s, issue, found)
        else:
            unfit = c.outcome[t]
            if v == "by":
                d = forms.medical_by(rng, s, issue, unfit, c.fix.get("two_page_medical"))
            elif v == "ru-384n":
                d = forms.medical_ru(rng, s, issue, unfit)
            else:
                d = forms.medical_en(rng, s, issue, unfit)
        key_docs.append((d, issue))

    today = c.submitted
    extra_docs = []
    for kind in c.extras:
        if kind == "application":
            if c.procedure.startswith("11."):
                parent = p.mother if c.procedure == "11.1.2" else None
                extra_docs.append(others.application_passport(rng, p, today, parent))
            else:
                extra_docs.append(others.application_residence(rng, p, today))
        elif kind == "passport":
            extra_docs.append(others.passport(rng, p, today))
        elif kind == "parent-passport":
            extra_docs.append(others.passport(rng, p.mother, today))
        elif kind == "receipt":
            service = ("Выдача паспорта гражданину Республики Беларусь" if c.procedure.startswith("11.")
                       else "Госпошлина за выдачу разрешения на постоянное проживание")
            extra_docs.append(others.receipt(rng, p, today, service))
        elif kind == "marriage" and p.origin != "latin":
            other = make_person(rng, p.origin if p.origin != "latin" else "ru", "m" if p.sex == "f" else "f",
                                p.birth_date + dt.timedelta(days=rng.randint(-1500, 1500)), p.citizenship,
                                "ru")
            latest = today - dt.timedelta(days=60)
            wed = random_date(rng, min(latest, add_months(p.birth_date, 12 * 18)), latest)
            groom, bride = (p, other) if p.sex == "m" else (other, p)
            if c.maiden and "birth-certificate" in c.subjects:
                # Her birth certificate shows the maiden name; she took his surname.
                bride = c.subjects["birth-certificate"]
                groom = replace(groom, surname_key=p.surname_key)
            issue = wed if rng.random() < 0.7 else random_date(rng, wed, today)
            # Her papers in her own name (no mismatch) mean she kept it; a
            # maiden name on her birth certificate means she took his.
            takes = True if c.maiden else (False if p.sex == "f" else None)
            if p.origin == "ru":
                extra_docs.append(forms.marriage_or_death_ru(rng, "marriage", groom, bride, wed, issue,
                                                             takes is not False))
            else:
                extra_docs.append(forms.marriage_by(rng, bride, groom, rng.choice(("ru", c.lang)), wed, issue,
                                                    takes))
        elif kind == "death":
            dead = p.father
            late = today - dt.timedelta(days=30)
            died = random_date(rng, min(add_months(p.birth_date, 12), late), late)
            if dead.origin == "ru":
                extra_docs.append(forms.marriage_or_death_ru(rng, "death", dead, None, died, died))
            else:
                extra_docs.append(forms.death_by(rng, dead, rng.choice(("ru", c.lang)), died,
                                                 died + dt.timedelta(days=rng.randint(1, 5))))
        elif kind == "residence":
            extra_docs.append(others.residence_certificate(rng, p, today))
        elif kind == "employment":
            extra_docs.append(others.employment_certificate(rng, p, today))
        elif kind == "insurance":
            extra_docs.append(others.insurance_policy(rng, p, today))
        elif kind == "autobiography":
            extra_docs.append(others.autobiography(rng, p, today))

    # The application usually lies on top, then the passport; the rest in any order.
    head = [d for d in extra_docs if d.type == "application"]
    head += [d for d in extra_docs if d.type == "passport"]
    rest = [(d, None) for d in extra_docs if d not in head] + key_docs
    rng.shuffle(rest)
    return [(d, None) for d in head] + rest


# ======================================================================= scanning and files

def scan_params(rng, page, dpi, mode, small, fixed_rotate=None):
    sp = ScanParams(dpi=dpi, mode=mode)
    a = rng.gauss(0, 1.1)
    if rng.random() < 0.08:
        a = rng.uniform(2.5, 4.0) * rng.choice((-1, 1))
    sp.skew = round(max(-4.0, min(4.0, a)), 2)
    sp.rotate = fixed_rotate if fixed_rotate is not None else wchoice(rng, ((0, 88), (180, 6), (90, 3), (270, 3)))
    sp.blur = 0.0 if rng.random() < 0.4 else round(rng.uniform(0.3, 1.0 if small else 1.2), 2)
    sp.noise = round(rng.uniform(0, 2.5 if small else 7), 2)
    sp.light = 0.0 if rng.random() < 0.4 else round(rng.uniform(0.04, 0.18), 3)
    small_paper = page.w < 200 or page.h < 280
    sp.bed = small_paper or rng.random() < 0.7
    if small_paper:
        sp.offset = (rng.uniform(3, 210 - page.w - 3), rng.uniform(3, max(4, 297 - page.h - 3)))
        if page.h < 120:                 # a passport page or a receipt sits near the top
            sp.offset = (rng.uniform(5, 60), rng.uniform(5, 60))
    else:
        sp.offset = (rng.uniform(0, 4), rng.uniform(0, 4))
    sp.bed_colour = rng.choice((248, 246, 240, 236))
    sp.threshold = rng.randint(135, 165)
    return sp


def render_page(rng, nprng, page, sp):
    paper = tuple(max(0, min(255, c + rng.randint(-4, 2))) for c in page.paper)
    sh = Sheet(page.w, page.h, sp.dpi, rng, paper)
    if page.tint:
        sh.guilloche(page.tint, density=rng.uniform(0.8, 1.3))
    if page.frame:
        sh.border(page.frame)
    page.draw(sh)
    img = sh.finish()
    return scan(img, sp, rng, nprng)


def package(rng, docs, c, small):
    """Decide how the pages are stored: a file per document, one PDF, one
    multi-page TIFF, or a mix.  Returns [(file name, format, [(doc index,
    page)], file options)]."""
    mode = c.fix.get("packaging") or wchoice(rng, (("files", 55), ("pdf", 25), ("tiff", 10), ("mixed", 10)))
    pages = [(i, pg) for i, (d, _) in enumerate(docs) for pg in d.pages]
    files = []
    if not pages:
        # the one document asked for left out, and nothing else handed in
        # (seed 100039): a case folder with its case.xml alone
        return files
    odd = not small and rng.random() < 0.06       # names with spaces or Cyrillic, as people save them
    if mode == "pdf":
        name = rng.choice(("submission.pdf", f"scan_{c.submitted.isoformat()}.pdf", "DOC001.pdf",
                           "Документы.pdf" if odd else "documents.pdf"))
        files.append((name, "pdf", pages))
    elif mode == "tiff":
        name = rng.choice(("submission.tif", "FAX0001.tiff", "batch.tif"))
        files.append((name, "tiff-g4", pages))
    else:
        scheme = rng.choice(("scan", "img", "doc", "named"))
        n = 0
        together = []
        for i, (d, _) in enumerate(docs):
            if mode == "mixed" and d.type in rules.KEY_TYPES:
                together += [(i, pg) for pg in d.pages]
                continue
            fmts = ("jpg", "jpg", "jpg", "png", "tif", "pdf") if len(d.pages) == 1 else ("pdf", "tiff", "split")
            fmt = c.fix.get("formats", {}).get(d.type) or rng.choice(fmts)
            # PNG and JPEG hold one page: a longer document becomes a file per page.
            if fmt == "split":
                fmt = "jpg"
            single = fmt in ("jpg", "png")
            groups = [[(i, pg)] for pg in d.pages] if single else [[(i, pg) for pg in d.pages]]
            for g in groups:
                n += 1
                files.append((_file_name(rng, scheme, n, d.type, fmt, c.submitted, odd), fmt, g))
        if together:
            files.append(("documents.pdf" if rng.random() < 0.5 else "scan_all.pdf", "pdf", together))
    return files


NAMED = {"birth-certificate": "svidetelstvo", "criminal-record-certificate": "spravka_sudimost",
         "medical-certificate": "medspravka", "passport": "pasport", "application": "zayavlenie",
         "payment-receipt": "chek", "marriage-certificate": "svid_brak", "death-certificate": "svid_smert",
         "residence-certificate": "spravka_zhes", "employment-certificate": "spravka_rabota",
         "insurance-policy": "polis", "autobiography": "avtobiografiya"}


def _file_name(rng, scheme, n, doc_type, fmt, day, odd):
    ext = {"jpg": rng.choice((".jpg", ".jpg", ".jpeg", ".JPG")), "png": ".png", "tif": ".tif",
           "tiff": ".tiff", "pdf": ".pdf"}[fmt]
    if odd and rng.random() < 0.5:
        return rng.choice((f"Скан {n}", f"scan ({n})", f"Документ {n}")) + ext
    if scheme == "scan":
        return f"scan{n:04d}{ext}"
    if scheme == "img":
        return f"IMG_{day.strftime('%Y%m%d')}_{n:04d}{ext}"
    if scheme == "doc":
        return f"doc{n}{ext}"
    return f"{n:02d}_{NAMED.get(doc_type, 'doc')}{ext}"


def write_files(rng, nprng, c, docs, files, inbox, small):
    """Render, scan and write every file; returns {(doc index, page no): page
    attributes for the truth}."""
    where = {}
    rotate_fix = c.fix.get("rotate", {})
    dpis = (200, 200, 240, 300) if small else (200, 240, 300, 300, 300, 400)
    for name, fmt, group in files:
        dpi = rng.choice(dpis)
        if fmt == "tiff-g4":
            dpi = rng.choice((200, 300) if small else (200, 300, 300, 400))
        meta = rng.random() >= 0.12 or fmt in ("pdf", "tiff-g4")   # some files carry no resolution
        if fmt in ("tiff-g4",):
            mode = "bilevel"
        elif fmt in ("tif", "tiff"):
            mode = "bilevel" if small else rng.choice(("bilevel", "bilevel", "grey"))
        elif fmt == "png":
            mode = "bilevel" if small else rng.choice(("grey", "bilevel", "rgb"))
        elif fmt == "pdf":
            mode = wchoice(rng, (("rgb", 45), ("grey", 35), ("bilevel", 20)))
        else:
            mode = wchoice(rng, (("rgb", 55), ("grey", 45)))
        quality = rng.randint(68, 76) if small else rng.randint(55, 92)
        imgs = []
        for pno, (di, pg) in enumerate(group, 1):
            doc_page = docs[di][0].pages.index(pg) + 1
            fixed = rotate_fix.get((docs[di][0].type, doc_page))
            sp = scan_params(rng, pg, dpi, mode, small, fixed)
            imgs.append(render_page(rng, nprng, pg, sp))
            where[(di, doc_page)] = dict(file=name, index=pno, dpi=dpi if meta else None, rotate=sp.rotate,
                                         skew=sp.skew, mode=mode)
        path = os.path.join(inbox, name)
        if fmt == "jpg":
            recompress = rng.randint(60, 85) if (not small and rng.random() < 0.1) else None
            data = output.jpeg_bytes(imgs[0], quality, dpi if meta else None, recompress)
        elif fmt == "png":
            data = output.png_bytes(imgs[0], dpi if meta else None)
        elif fmt in ("tif", "tiff", "tiff-g4"):
            data = output.tiff_bytes(imgs, dpi if meta else None)
        else:
            data = output.pdf_bytes([(im, dpi, quality) for im in imgs])
        with open(path, "wb") as f:
            f.write(data)
    return where


# ======================================================================= XML

def applicant_xml(c, indent="  "):
    """The applicant as the clerk typed it: Latin names as in the passport,
    others in Russian or Belarusian, "ё" sometimes typed as "е"."""
    a = c.applicant
    if a.origin == "latin":
        s, g, pa = a.surname("latin"), a.given("latin"), None
    else:
        s, g, pa = a.surname(c.lang), a.given(c.lang), a.patronymic(c.lang)
        if c.plain_yo:
            s, g, pa = plain_yo(s), plain_yo(g), plain_yo(pa)
    lines = [f"{indent}<applicant>", f"{indent}  <surname>{escape(s)}</surname>",
             f"{indent}  <given-name>{escape(g)}</given-name>"]
    if pa:
        lines.append(f"{indent}  <patronymic>{escape(pa)}</patronymic>")
    lines.append(f"{indent}  <birth-date>{a.birth_date.isoformat()}</birth-date>")
    lines.append(f"{indent}  <citizenship>{a.citizenship}</citizenship>")
    for cat in c.categories:
        lines.append(f"{indent}  <category>{cat}</category>")
    lines.append(f"{indent}</applicant>")
    return "\n".join(lines)


def case_xml(c):
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<case id={quoteattr(c.case_id)} procedure="{c.procedure}" submitted="{c.submitted.isoformat()}">\n'
            f'{applicant_xml(c)}\n</case>\n')


def truth_xml(c, seed, docs, where, found, verdict):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<dossier case={quoteattr(c.case_id)} procedure="{c.procedure}" '
           f'submitted="{c.submitted.isoformat()}" seed="{seed}" generator="{GENERATOR}">',
           applicant_xml(c)]
    for i, (d, _) in enumerate(docs):
        out.append(f'  <document id="d{i + 1}" type="{d.type}" variant="{d.variant}">')
        for n in range(1, len(d.pages) + 1):
            w = where[(i, n)]
            dpi = f' dpi="{w["dpi"]}"' if w["dpi"] else ""
            out.append(f'    <page file={quoteattr(w["file"])} index="{w["index"]}"{dpi} rotate="{w["rotate"]}" '
                       f'skew="{w["skew"]:.2f}" mode="{w["mode"]}"/>')
        for name, value in d.fields:
            out.append(f'    <field name="{name}">{escape(value)}</field>')
        out.append("  </document>")
    for code, t, did, sev in found:
        doc = f' document="{did}"' if did else ""
        out.append(f'  <finding code="{code}" doc-type="{t}"{doc} severity="{sev}"/>')
    out.append(f"  <verdict>{verdict}</verdict>")
    out.append("</dossier>")
    return "\n".join(out) + "\n"


# ======================================================================= one case

def build_case(job):
    seed, index, case_id, fix, out, truth_dir, small = job
    # One stream per case: its content never depends on the other cases.
    rng = random.Random(f"intake-gen/{seed}/{index}")
    c = plan_case(rng, case_id, fix)
    docs = build_docs(rng, c)
    # Documents are numbered in the order their pages appear in the files.
    files = package(rng, docs, c, small)
    order = []
    for _, _, group in files:
        for di, _ in group:
            if di not in order:
                order.append(di)
    docs = [docs[i] for i in order]
    files = [(n, f, [(order.index(di), pg) for di, pg in g]) for n, f, g in files]
    nprng = np.random.default_rng(rng.getrandbits(64))
    inbox = os.path.join(out, "inbox", case_id)
    os.makedirs(inbox)
    where = write_files(rng, nprng, c, docs, files, inbox, small)
    with open(os.path.join(inbox, "case.xml"), "w", encoding="utf-8") as f:
        f.write(case_xml(c))
    # Truth: the findings follow from the rules, not from the problems asked for.
    for i, (d, _) in enumerate(docs):
        if d.type in rules.KEY_TYPES:
            d.issue = c.issues[d.type]
    keyed = [(f"d{i + 1}", d, getattr(d, "issue", None)) for i, (d, _) in enumerate(docs)]
    found = rules.findings(c.procedure, c.submitted, c.applicant, c.categories, keyed)
    verdict = rules.verdict(found)
    with open(os.path.join(truth_dir, case_id + ".xml"), "w", encoding="utf-8") as f:
        f.write(truth_xml(c, seed, docs, where, found, verdict))
    npages = sum(len(d.pages) for d, _ in docs)
    codes = ",".join(sorted({f[0] for f in found})) or "-"
    return f"{case_id} {c.procedure} {len(docs)} docs {npages} pages {len(files)} files {verdict} {codes}"


# ======================================================================= curated samples

def curated():
    """The 8 committed sample cases (--small): every finding code, every
    packaging, a turned page, distractors, an under-14 and an exempt applicant."""
    return [
        # 1. clean 11.1.1, Russian-labelled certificate, a file per document, the passport upside down
        dict(procedure="11.1.1", problems=[], origin="by", lang="ru", age=34, packaging="files",
             distractors=["application", "passport", "receipt"], rotate={("passport", 1): 180},
             variants={"birth-certificate": "by-ru"}),
        # 2. clean 11.1.2 (under 14), Belarusian labels, the whole submission in one PDF
        dict(procedure="11.1.2", problems=[], origin="by", lang="be", age=9, packaging="pdf",
             distractors=["application", "receipt"], variants={"birth-certificate": "by-be"}),
        # 3. clean 12.7.1, all three types, one G4 multi-page TIFF, a sideways page, 2-page medical
        dict(procedure="12.7.1", problems=[], origin="ru", categories=[], age=41, packaging="tiff",
             distractors=["application", "passport"], two_page_medical=True,
             variants={"birth-certificate": "ru", "criminal-record-certificate": "by-mvd-ru",
                       "medical-certificate": "by"}, rotate={("medical-certificate", 2): 90}),
        # 4. 12.7.1 with an expired Russian criminal-record certificate
        dict(procedure="12.7.1", problems=["expired"], origin="ru", categories=[], age=29, packaging="files",
             distractors=["receipt", "insurance"],
             variants={"criminal-record-certificate": "ru-mvd", "medical-certificate": "ru-384n"}),
        # 5. 12.7.2, medical certificate missing, British applicant
        dict(procedure="12.7.2", problems=["missing"], drop="medical-certificate", origin="latin",
             country="GBR", categories=[], age=47, packaging="mixed", distractors=["autobiography", "passport"],
             variants={"criminal-record-certificate": "en"}),
        # 6. 11.1.1, birth certificate in her maiden name, marriage certificate alongside
        dict(procedure="11.1.1", problems=["name"], maiden=True, sex="f", origin="by", lang="ru", age=38,
             packaging="files", distractors=["marriage", "application"], mismatch_doc="birth-certificate",
             variants={"birth-certificate": "by-ru"}, formats={"birth-certificate": "pdf"}),
        # 7. 12.7.2, conviction reported (English translation) and a wrong birth date on the medical
        #    certificate (a birth certificate is not named by 12.7.x, so its dates are not compared)
        dict(procedure="12.7.2", problems=["crime", "bdate"], bdate_in_doc=True, mismatch_doc="medical-certificate",
             origin="ru", categories=[], age=52, packaging="files", distractors=["employment", "residence"],
             variants={"birth-certificate": "en-translation-ru", "criminal-record-certificate": "en-translation",
                       "medical-certificate": "by"}),
        # 8. 12.7.1 refugee (no criminal-record certificate required), disease found
        dict(procedure="12.7.1", problems=["health"], origin="latin", country="SYR", categories=["refugee"],
             age=33, packaging="files", distractors=["insurance", "application"],
             variants={"medical-certificate": "by"}, formats={"medical-certificate": "png"}),
    ]


def main(argv=None):
    ap = argparse.ArgumentParser(description="Generate intake submissions with ground truth.")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--cases", type=int, default=10)
    ap.add_argument("--out", required=True)
    ap.add_argument("--small", action="store_true", help="the 8 curated sample cases; truth into expected/")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    a = ap.parse_args(argv)
    if a.seed < 0 or a.cases < 0:
        ap.error("--seed and --cases must not be negative")
    check_fonts()
    truth_name = "expected" if a.small else "truth"
    # The generator owns these two folders: stale cases from an earlier run must not mix in.
    for sub in ("inbox", truth_name):
        shutil.rmtree(os.path.join(a.out, sub), ignore_errors=True)
        os.makedirs(os.path.join(a.out, sub))
    fixes = curated() if a.small else [{} for _ in range(a.cases)]
    ids = random.Random(f"intake-gen/{a.seed}/ids").sample(range(1, 1000000), len(fixes))
    jobs = [(a.seed, i, f"BY-2026-{ids[i]:06d}", fixes[i], a.out, os.path.join(a.out, truth_name), a.small)
            for i in range(len(fixes))]
    if a.jobs > 1 and len(jobs) > 1:
        with Pool(a.jobs) as pool:
            lines = pool.map(build_case, jobs, chunksize=1)
    else:
        lines = [build_case(j) for j in jobs]
    for line in lines:
        print(line)
    print(f"{len(lines)} cases written to {a.out}")


if __name__ == "__main__":
    main()
