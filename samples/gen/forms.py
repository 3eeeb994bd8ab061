"""The documents: what each kind of paper says and how it is laid out.

Each template returns a Doc: its fine type and variant, its pages as drawing
functions (run later on a Sheet at the scan resolution), and the ground-truth
fields exactly as the drawing prints them.  All choices (wording, fonts,
numbers, layout) are drawn from the rng passed in when the template runs, so
the drawing functions only add pixel-level jitter.

Texts follow the real Belarusian and Russian forms in wording and order of
items; names, numbers and offices are invented.
"""

import datetime as dt
from dataclasses import dataclass, field, replace

from people import (BY_TOWNS_EN, CITY_EN, COUNTRY_EN, FEMALE, MALE, RU_TOWNS, SURNAMES, add_months,
                    by_birth_place, by_registry, by_registry_en, en_date_words, fmt_date,
                    plain_yo, random_date, romanise, ru_birth_place, ru_date_words)
from render import INK, MONOS, SANS, SERIFS

A4 = (210.0, 297.0)
A5 = (148.0, 210.0)


@dataclass
class Page:
    w: float
    h: float
    draw: object                   # draw(sheet)
    paper: tuple = (251, 250, 246)
    tint: tuple = None             # guilloche colour, None for plain paper
    frame: tuple = None            # certificate frame colour


@dataclass
class Doc:
    type: str
    variant: str
    pages: list
    fields: list = field(default_factory=list)   # [(name, value)] as printed
    subject: object = None                        # Person the document is about


@dataclass
class Style:
    label: str
    value: str
    title: str
    label_pt: float
    value_pt: float
    title_pt: float
    label_style: str = "r"
    value_style: str = "r"
    label_ink: tuple = (34, 34, 40)
    value_ink: tuple = INK
    margin: float = 14.0
    step: float = 8.0
    jx: float = 0.0
    jy: float = 0.0


def make_style(rng, scale=1.0, typed=True, margin=14.0):
    """Fonts and sizes for one document: the preprinted form in one face, the
    data printed into it in another (often a typewriter-like monospace)."""
    label = rng.choice(SERIFS + SANS)
    value = rng.choice(MONOS + SANS + SERIFS) if typed else label
    st = Style(label=label, value=value, title=rng.choice(SERIFS + SANS),
               label_pt=rng.uniform(9.0, 10.5) * scale, value_pt=rng.uniform(10.5, 12.5) * scale,
               title_pt=rng.uniform(14.0, 17.0) * scale, margin=margin * scale,
               step=rng.uniform(7.6, 9.0) * scale)
    st.value_style = "b" if rng.random() < 0.3 else "r"
    if typed:
        # Data fed through a printer never sits exactly on the form's lines.
        st.jx, st.jy = rng.uniform(-1.0, 2.5), rng.uniform(-1.2, 0.4)
    return st


# Security-paper tints; the darker ones survive a bilevel scan as speckle.
TINTS = ((206, 228, 210), (232, 214, 222), (210, 220, 236), (230, 226, 200), (214, 232, 232),
         (178, 206, 184), (214, 180, 196))
FRAMES = ((120, 150, 120), (150, 110, 130), (100, 120, 160), (140, 130, 90))


def _digits(rng, n):
    return "".join(str(rng.randrange(10)) for _ in range(n))


def _initials_name(rng):
    """"И.О. Фамилия" of an official."""
    m = rng.random() < 0.5
    g = MALE[rng.randrange(len(MALE))][0] if m else FEMALE[rng.randrange(len(FEMALE))][0]
    p = MALE[rng.randrange(len(MALE))][0]
    s = SURNAMES[rng.randrange(len(SURNAMES))][0 if m else 1]
    return f"{g[0]}.{p[0]}. {plain_yo(s)}"


def _case(s, upper):
    return s.upper() if upper else s


# ===================================================================== civil registry

BY_SERIES = ("I-ВМ", "I-МН", "I-ГМ", "I-БР", "I-ГР", "I-ВТ", "I-МГ", "I-ПК", "I-КБ", "I-ЛС")
RU_LETTERS = "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ"
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def by_series_number(rng):
    s, n = rng.choice(BY_SERIES), _digits(rng, 7)
    return f"{s} № {n}", f"{s} {n}"


def ru_series_number(rng):
    s = rng.choice(ROMAN) + "-" + rng.choice(RU_LETTERS) + rng.choice(RU_LETTERS)
    n = _digits(rng, 6)
    return s, n


BY_LABELS = {
    "ru": dict(state="РЕСПУБЛИКА БЕЛАРУСЬ", surname="Фамилия", given="Собственное имя",
               patr="Отчество", bdate="Дата рождения", bplace="Место рождения", father="Отец",
               mother="Мать", citizen="гражданство", reg="Место государственной регистрации",
               issue="Дата выдачи", series="Серия", head="Руководитель органа, регистрирующего акты "
               "гражданского состояния", stamp="М.П.", dup="ПОВТОРНОЕ",
               record="о чем {d} составлена запись акта о {what} № {n}", citizen_by="Республики Беларусь",
               datecap="(число, месяц, год)"),
    "be": dict(state="РЭСПУБЛІКА БЕЛАРУСЬ", surname="Прозвішча", given="Уласнае імя",
               patr="Імя па бацьку", bdate="Дата нараджэння", bplace="Месца нараджэння",
               father="Бацька", mother="Маці", citizen="грамадзянства",
               reg="Месца дзяржаўнай рэгістрацыі", issue="Дата выдачы", series="Серыя",
               head="Кіраўнік органа, які рэгіструе акты грамадзянскага стану", stamp="М.П.",
               dup="ПАЎТОРНАЕ", record="аб чым {d} складзены запіс акта аб {what} № {n}",
               citizen_by="Рэспублікі Беларусь", datecap="(дзень, месяц, год)"),
}
BY_TITLES = {
    ("ru", "birth"): "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ", ("be", "birth"): "ПАСВЕДЧАННЕ АБ НАРАДЖЭННІ",
    ("ru", "marriage"): "СВИДЕТЕЛЬСТВО О ЗАКЛЮЧЕНИИ БРАКА", ("be", "marriage"): "ПАСВЕДЧАННЕ АБ ЗАКЛЮЧЭННІ ШЛЮБУ",
    ("ru", "death"): "СВИДЕТЕЛЬСТВО О СМЕРТИ", ("be", "death"): "ПАСВЕДЧАННЕ АБ СМЕРЦІ",
}
WHAT = {("ru", "birth"): "рождении", ("be", "birth"): "нараджэнні",
        ("ru", "marriage"): "заключении брака", ("be", "marriage"): "заключэнні шлюбу",
        ("ru", "death"): "смерти", ("be", "death"): "смерці"}


def _by_cert_frame(rng, sh, st, lang, kind, dup):
    """Header shared by Belarusian civil-registry certificates: a state line,
    an emblem, the title.  Returns the baseline after it."""
    L = BY_LABELS[lang]
    k = sh.w / 148.0
    y = 20 * k
    sh.center(y, L["state"], st.title, 10.5 * k, "b")
    # The emblem: a ring of ears around a disc, enough to look like a crest.
    cx, cy, r = sh.w / 2, y + 11 * k, 7 * k
    sh.draw.ellipse([(cx - r) * sh.k, (cy - r) * sh.k, (cx + r) * sh.k, (cy + r) * sh.k],
                    outline=(60, 90, 60), width=max(1, sh.px(0.35)))
    sh.draw.ellipse([(cx - r * 0.5) * sh.k, (cy - r * 0.5) * sh.k, (cx + r * 0.5) * sh.k,
                     (cy + r * 0.5) * sh.k], outline=(60, 90, 60), width=max(1, sh.px(0.25)))
    if dup:
        sh.text(sh.w - st.margin - sh.width(L["dup"], st.label, 9 * k, "b"), 14 * k, L["dup"],
                st.label, 9 * k, "b")
    y += 27 * k
    sh.center(y, BY_TITLES[(lang, kind)], st.title, st.title_pt, "b")
    return y + 12 * k


def _sign_off(sh, st, y, head, stamp_ring, stamp_centre=("",), x_stamp=None):
    """Official's line with a signature and the round seal over "М.П."."""
    x0 = st.margin
    y = sh.para(x0, sh.w * 0.55, y, head, st.label, st.label_pt * 0.9, lead=1.2)
    sh.hline(sh.w * 0.58, sh.w - st.margin, y - 3, 0.12, st.label_ink)
    sh.signature(sh.w * 0.6, y - 5, 26 * sh.w / 148)
    sh.text(x0, y + 4, "М.П.", st.label, st.label_pt)
    sh.stamp(x_stamp if x_stamp is not None else x0 + 22 * sh.w / 148, y, stamp_ring, stamp_centre,
             radius=17 * sh.w / 148 * sh.rng.uniform(0.9, 1.1))
    return y + 10


def birth_by(rng, p, lang, issue, upper=None, size=None, date_style=None):
    """Belarusian birth certificate, Russian or Belarusian labels."""
    L = BY_LABELS[lang]
    upper = rng.random() < 0.6 if upper is None else upper
    size = size or (A5 if rng.random() < 0.6 else A4)
    dstyle = date_style or rng.choice(("dots", "ru-quoted", "ru") if lang == "ru" else ("dots", "be", "be-quoted"))
    st = make_style(rng, size[0] / 148.0)
    st.step = min(st.step, 7.8 * size[0] / 148.0)      # the form's lines fit on the blank
    surname, given, patr = (_case(x, upper) for x in (p.surname(lang), p.given(lang), p.patronymic(lang)))
    if not p.yo:
        surname, given, patr = plain_yo(surname), plain_yo(given), plain_yo(patr)
    bdate = fmt_date(p.birth_date, dstyle)
    place = by_birth_place(p, lang)
    father = p.father.full(lang, upper)
    mother = p.mother.full(lang, upper)
    issuer = by_registry(p, lang)
    reg_date = p.birth_date + dt.timedelta(days=rng.randint(2, 40))
    rec_no = str(rng.randint(1, 2999))
    num_printed, num = by_series_number(rng)
    dup = issue > reg_date + dt.timedelta(days=60)
    idate = fmt_date(issue, rng.choice(("dots", "ru-quoted" if lang == "ru" else "be-quoted")))
    record = L["record"].format(d=fmt_date(reg_date, "ru-quoted" if lang == "ru" else "be-quoted"),
                                what=WHAT[(lang, "birth")], n=rec_no)
    show_citizen = rng.random() < 0.6
    tint, frame = rng.choice(TINTS), rng.choice(FRAMES)
    red = (150, 30, 30) if rng.random() < 0.6 else INK

    def draw(sh):
        y = _by_cert_frame(rng, sh, st, lang, "birth", dup)
        x0 = st.margin
        tab = x0 + sh.width(L["bdate"] + "  ", st.label, st.label_pt) + 2
        y = sh.field(x0, y, L["surname"], surname, st, tab)
        y = sh.field(x0, y, L["given"], given, st, tab)
        y = sh.field(x0, y, L["patr"], patr, st, tab)
        y = sh.field(x0, y, L["bdate"], bdate, st, tab, caption=L["datecap"])
        y = sh.field(x0, y, L["bplace"], place, st, tab)
        y = sh.para(x0, sh.w - x0, y + 1, record, st.label, st.label_pt * 0.95) + 2
        y = sh.field(x0, y, L["father"], father, st, tab)
        if show_citizen:
            y = sh.field(x0 + 6, y, L["citizen"], L["citizen_by"], st, tab)
        y = sh.field(x0, y, L["mother"], mother, st, tab)
        if show_citizen:
            y = sh.field(x0 + 6, y, L["citizen"], L["citizen_by"], st, tab)
        y = sh.field(x0, y, L["reg"], "", st, under=False)
        y = sh.para(x0 + 4 + st.jx, sh.w - x0, y - 1, issuer, st.value, st.value_pt * 0.92,
                    st.value_style) + 1
        y = sh.field(x0, y, L["issue"], idate, st, tab)
        y = _sign_off(sh, st, y + 4, L["head"], issuer.upper())
        sh.text(x0, sh.h - 16 * sh.w / 148, f"{L['series']} {num_printed}", st.value, st.value_pt * 1.1,
                "b", fill=red)

    pg = Page(size[0], size[1], draw, tint=tint, frame=frame)
    fields = [("surname", surname), ("given-name", given), ("patronymic", patr),
              ("birth-date", p.birth_date.isoformat()), ("issue-date", issue.isoformat()),
              ("number", num), ("issuer", issuer), ("birth-place", place),
              ("father", father), ("mother", mother)]
    return Doc("birth-certificate", f"by-{lang}", [pg], fields, p)


def _ru_names(p):
    s, g, pa = p.surname("ru").upper(), p.given("ru").upper(), p.patronymic("ru").upper()
    if not p.yo:
        s, g, pa = plain_yo(s), plain_yo(g), plain_yo(pa)
    return s, g, pa


def birth_ru(rng, p, issue):
    """Birth certificate of the Russian Federation (names in capitals, the date
    in digits and in words)."""
    size = (200.0, 280.0)
    st = make_style(rng, 1.3)
    surname, given, patr = _ru_names(p)
    place = ru_birth_place(p)
    issuer = RU_TOWNS[p.town][2]
    reg_date = p.birth_date + dt.timedelta(days=rng.randint(2, 30))
    series, no = ru_series_number(rng)
    rec = str(rng.randint(100, 9999))
    ussr = p.birth_date.year < 1992
    cit = "гражданин СССР" if ussr else "гражданин Российской Федерации"
    cit_m = "гражданка СССР" if ussr else "гражданка Российской Федерации"
    father, mother = p.father.full("ru", True), p.mother.full("ru", True)
    if not p.yo:
        father, mother = plain_yo(father), plain_yo(mother)
    tint, frame = rng.choice(TINTS), rng.choice(FRAMES)

    def draw(sh):
        k = 1.3
        y = 24 * k
        sh.center(y, "РОССИЙСКАЯ ФЕДЕРАЦИЯ", st.title, 11 * k, "b")
        y += 14 * k
        sh.center(y, "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ", st.title, st.title_pt, "b")
        y += 16 * k
        x0, x1 = st.margin, sh.w - st.margin
        for val, cap in ((surname, "фамилия"), (given + " " + patr, "имя, отчество")):
            sh.center(y + st.jy, val, st.value, st.value_pt * 1.1, "b")
            sh.hline(x0 + 20, x1 - 20, y + 1.2, 0.12, st.label_ink)
            sh.center(y + 4.5, cap, st.label, st.label_pt * 0.7)
            y += st.step + 4
        y = sh.field(x0, y, "родился(лась)", p.birth_date.strftime("%d.%m.%Y"), st, x0 + 40)
        y = sh.para(x0 + 40 + st.jx, x1, y - 2, ru_date_words(p.birth_date), st.value,
                    st.value_pt * 0.9) + 2
        y = sh.field(x0, y, "место рождения", place, st, x0 + 40)
        y = sh.para(x0, x1, y + 1, f"о чем {reg_date.strftime('%d.%m.%Y')} составлена запись акта "
                    f"о рождении № {rec}", st.label, st.label_pt) + 3
        y = sh.field(x0, y, "Отец", father, st, x0 + 40)
        y = sh.field(x0 + 5, y, "гражданство", cit, st, x0 + 40)
        y = sh.field(x0, y, "Мать", mother, st, x0 + 40)
        y = sh.field(x0 + 5, y, "гражданство", cit_m, st, x0 + 40)
        y = sh.field(x0, y, "Место государственной регистрации", "", st, under=False)
        y = sh.para(x0 + st.jx, x1, y - 1, issuer, st.value, st.value_pt * 0.95) + 2
        y = sh.field(x0, y, "Дата выдачи", issue.strftime("%d.%m.%Y"), st, x0 + 40)
        y = _sign_off(sh, st, y + 4, "Руководитель органа записи актов гражданского состояния",
                      issuer.upper())
        sh.text(sh.w - st.margin - 60, sh.h - 20, f"{series} № {no}", st.label, 14, "b",
                fill=(150, 30, 30))

    fields = [("surname", surname), ("given-name", given), ("patronymic", patr),
              ("birth-date", p.birth_date.isoformat()), ("issue-date", issue.isoformat()),
              ("number", f"{series} {no}"), ("issuer", issuer), ("birth-place", place),
              ("father", father), ("mother", mother)]
    return Doc("birth-certificate", "ru", [Page(size[0], size[1], draw, tint=tint, frame=frame)],
               fields, p)


NOTARY_CITIES = ("Минск", "Гомель", "Брест", "Гродно", "Витебск", "Могилев")


def _notary_block(rng, translator, when):
    """The Belarusian notary's certification of a translator's signature (Russian)."""
    city = rng.choice(NOTARY_CITIES)
    n_s = SURNAMES[rng.randrange(len(SURNAMES))][1]
    n_g = FEMALE[rng.randrange(len(FEMALE))][0]
    n_p = MALE[rng.randrange(len(MALE))][3]
    reg = f"{rng.randint(1, 9)}-{rng.randint(100, 9999)}"
    return [
        f"Республика Беларусь, город {city}.",
        f"{ru_date_words(when).capitalize().replace(' года', ' года.')}",
        f"Я, {plain_yo(n_s)} {n_g} {n_p}, нотариус {city}ского нотариального округа, свидетельствую "
        f"подлинность подписи переводчика {translator}. Личность переводчика установлена, "
        f"его дееспособность и квалификация проверены.",
        f"Зарегистрировано в реестре за № {reg}.",
        f"Взыскано по тарифу: {rng.randint(10, 40)},{rng.choice(('00', '50', '80'))} руб.",
    ]


def birth_en(rng, p, issue, origin):
    """A notarised English translation of a Russian or Belarusian birth certificate.

    One page, or two when the translator's statement and the notary's
    certification run onto a second page.
    """
    system = rng.choice(("icao", "translator"))
    sur, giv = p.latin(system)
    pat = romanise(p.patronymic("ru"), system)
    if origin == "ru":
        state, issuer = "RUSSIAN FEDERATION", RU_TOWNS[p.town][3]
        place = f"{RU_TOWNS[p.town][1]}, Russian Federation"
        series, no = ru_series_number(rng)
    else:
        state, issuer = "REPUBLIC OF BELARUS", by_registry_en(p)
        place = f"{BY_TOWNS_EN[p.town]}, Republic of Belarus"
        series, no = rng.choice(BY_SERIES), _digits(rng, 7)
    tr = {"В": "V", "М": "M", "Н": "N", "Г": "G", "Б": "B", "Р": "R", "Т": "T", "П": "P", "К": "K",
          "Л": "L", "С": "S", "Е": "E"}
    series_lat = "".join(tr.get(c, romanise(c, "icao") if c.isalpha() and ord(c) > 127 else c)
                         for c in series)
    number = f"{series_lat} {no}"
    fsur, fgiv = p.father.latin(system)
    msur, mgiv = p.mother.latin(system)
    father = f"{fsur} {fgiv} {romanise(p.father.patronymic('ru'), system)}"
    mother = f"{msur} {mgiv} {romanise(p.mother.patronymic('ru'), system)}"
    reg_date = p.birth_date + dt.timedelta(days=rng.randint(2, 30))
    t_s = SURNAMES[rng.randrange(len(SURNAMES))][1]
    t_g = FEMALE[rng.randrange(len(FEMALE))][0]
    translator_ru = f"{plain_yo(t_s)} {t_g}"
    translator_en = f"{t_g[0]}. {romanise(t_s, 'translator').title()}"
    when = max(issue, dt.date(2025, 1, 1)) + dt.timedelta(days=rng.randint(5, 200))
    two_pages = rng.random() < 0.5
    st = make_style(rng, 1.15, typed=False)
    date_style = rng.choice(("en", "dots"))
    notary = _notary_block(rng, translator_ru, when)

    def page1(sh):
        x0, x1 = st.margin + 6, sh.w - st.margin - 6
        y = 22
        sh.text(x0, y, "Translation from Russian", st.label, st.label_pt, "i")
        y += 16
        sh.center(y, state, st.title, 13, "b")
        y += 12
        sh.center(y, "BIRTH CERTIFICATE", st.title, st.title_pt, "b")
        y += 16
        tab = x0 + 52
        rows = [("Surname:", sur), ("Name:", giv), ("Patronymic:", pat),
                ("Date of birth:", fmt_date(p.birth_date, date_style))]
        for lab, val in rows:
            lx = sh.text(x0, y, lab, st.label, st.label_pt + 1)
            sh.text(max(tab, lx + 3), y, val, st.value, st.label_pt + 1, "b")
            y += 8
        y = sh.para(tab, x1, y - 2, f"({en_date_words(p.birth_date)})", st.label, st.label_pt) + 3
        sh.text(x0, y, "Place of birth:", st.label, st.label_pt + 1)
        y = sh.para(tab, x1, y, place, st.value, st.label_pt + 1, "b") + 2
        y = sh.para(x0, x1, y, f"Birth record No. {rng.randint(100, 9999)} was made on "
                    f"{fmt_date(reg_date, 'en')}.", st.label, st.label_pt + 1) + 3
        for lab, val in (("Father:", father), ("Mother:", mother)):
            sh.text(x0, y, lab, st.label, st.label_pt + 1)
            sh.text(tab, y, val, st.value, sh.fit_pt(val, st.value, st.label_pt + 1, x1 - tab, "b"), "b")
            y += 8
            sh.text(x0 + 6, y, "Citizenship:", st.label, st.label_pt)
            sh.text(tab, y, "USSR" if p.birth_date.year < 1992 else state.title(), st.value, st.label_pt)
            y += 9
        lx = sh.text(x0, y, "Place of state registration:", st.label, st.label_pt + 1)
        y = sh.para(max(tab + 14, lx + 3), x1, y, issuer, st.value, st.label_pt + 1, "b") + 2
        sh.text(x0, y, "Date of issue:", st.label, st.label_pt + 1)
        sh.text(tab, y, fmt_date(issue, date_style), st.value, st.label_pt + 1, "b")
        y += 9
        sh.text(x0, y, f"Series {series_lat} No. {no}", st.value, st.label_pt + 1, "b")
        y += 10
        y = sh.para(x0, x1, y, "Head of the Civil Registry Office /signature/ Official seal: "
                    "/seal of the civil registry office/", st.label, st.label_pt, "i") + 6
        if not two_pages:
            statement(sh, x0, x1, y)

    def statement(sh, x0, x1, y):
        y = sh.para(x0, x1, y, f"I, {translator_en}, translator, hereby certify that this is a true and "
                    "accurate translation from Russian into English of the original document.",
                    st.label, st.label_pt) + 2
        sh.text(x0, y + 3, "Translator", st.label, st.label_pt)
        sh.signature(x0 + 30, y, 28)
        y += 14
        for line in notary:
            y = sh.para(x0, x1, y, line, st.label, st.label_pt * 0.95) + 1
        sh.text(x0, y + 4, "Нотариус", st.label, st.label_pt)
        sh.signature(x0 + 30, y + 2, 26)
        sh.stamp(x1 - 30, y - 8, f"НОТАРИУС {notary[0].split('город ')[1].rstrip('.').upper()}СКОГО "
                 "НОТАРИАЛЬНОГО ОКРУГА", ("НОТАРИУС",), radius=18)

    def page2(sh):
        statement(sh, st.margin + 6, sh.w - st.margin - 6, 30)

    pages = [Page(A4[0], A4[1], page1)]
    if two_pages:
        pages.append(Page(A4[0], A4[1], page2))
    fields = [("surname", sur), ("given-name", giv), ("patronymic", pat),
              ("birth-date", p.birth_date.isoformat()), ("issue-date", issue.isoformat()),
              ("number", number), ("issuer", issuer), ("birth-place", place),
              ("father", father), ("mother", mother)]
    return Doc("birth-certificate", f"en-translation-{origin}", pages, fields, p)


def marriage_by(rng, bride, groom, lang, wed, issue, takes_his_name=None):
    """Belarusian marriage certificate: the same paper, office and layout as a
    birth certificate, with two people's births on it."""
    L = BY_LABELS[lang]
    size = A5 if rng.random() < 0.6 else A4
    st = make_style(rng, size[0] / 148.0)
    st.step = min(st.step, 7.8 * size[0] / 148.0)      # the form's lines fit on the blank
    upper = rng.random() < 0.6
    issuer = by_registry(groom, lang)
    num_printed, _ = by_series_number(rng)
    he = "Он" if lang == "ru" else "Ён"
    she = "Она" if lang == "ru" else "Яна"
    after = "После заключения брака присвоены фамилии:" if lang == "ru" else \
        "Пасля заключэння шлюбу прысвоены прозвішчы:"
    husband, wife = ("мужу", "жене") if lang == "ru" else ("мужу", "жонцы")
    concluded = ("заключили брак" if lang == "ru" else "заключылі шлюб") + " " + \
        fmt_date(wed, "ru-quoted" if lang == "ru" else "be-quoted")
    tint, frame = rng.choice(TINTS), rng.choice(FRAMES)
    if takes_his_name is None:
        takes_his_name = rng.random() < 0.85
    married = replace(bride, surname_key=groom.surname_key) if takes_his_name else bride
    st.step *= 0.8                                      # two people on one blank

    def person(sh, y, x0, tab, who, q):
        sh.text(x0, y, who, st.label, st.label_pt, "b")
        y += st.step * 0.8
        y = sh.field(x0, y, L["surname"], _case(q.surname(lang), upper), st, tab)
        y = sh.field(x0, y, L["given"], _case(q.given(lang), upper), st, tab)
        y = sh.field(x0, y, L["patr"], _case(q.patronymic(lang), upper), st, tab)
        y = sh.field(x0, y, L["bdate"], fmt_date(q.birth_date, "dots"), st, tab)
        return sh.field(x0, y, L["bplace"], by_birth_place(q, lang), st, tab)

    def draw(sh):
        y = _by_cert_frame(rng, sh, st, lang, "marriage", False)
        x0 = st.margin
        tab = x0 + sh.width(L["bdate"] + "  ", st.label, st.label_pt) + 2
        y = person(sh, y, x0, tab, he, groom)
        y = person(sh, y + 2, x0, tab, she, bride)
        y = sh.para(x0, sh.w - x0, y + 1, concluded + ", " + L["record"].format(
            d="", what=WHAT[(lang, "marriage")], n=rng.randint(1, 3999)).replace("  ", " "),
            st.label, st.label_pt * 0.95) + 1
        # She takes his surname (in its feminine form) more often than not.
        wife_name = married.surname(lang)
        y = sh.para(x0, sh.w - x0, y, f"{after} {husband} {_case(groom.surname(lang), upper)}, "
                    f"{wife} {_case(wife_name, upper)}", st.label, st.label_pt * 0.95) + 2
        y = sh.field(x0, y, L["reg"], "", st, under=False)
        y = sh.para(x0 + 4, sh.w - x0, y - 1, issuer, st.value, st.value_pt * 0.92) + 1
        y = sh.field(x0, y, L["issue"], fmt_date(issue, "dots"), st, tab)
        _sign_off(sh, st, y + 3, L["head"], issuer.upper())
        sh.text(x0, sh.h - 16 * sh.w / 148, f"{L['series']} {num_printed}", st.value, st.value_pt * 1.1,
                "b", fill=(150, 30, 30))

    return Doc("marriage-certificate", f"by-{lang}", [Page(size[0], size[1], draw, tint=tint, frame=frame)])


def death_by(rng, dead, lang, died, issue):
    """Belarusian death certificate of a relative (same surname, same office)."""
    L = BY_LABELS[lang]
    size = A5 if rng.random() < 0.6 else A4
    st = make_style(rng, size[0] / 148.0)
    st.step = min(st.step, 7.8 * size[0] / 148.0)      # the form's lines fit on the blank
    upper = rng.random() < 0.6
    issuer = by_registry(dead, lang)
    num_printed, _ = by_series_number(rng)
    died_l = ("умер(ла)" if lang == "ru" else "памёр(ла)")
    dplace = ("Место смерти" if lang == "ru" else "Месца смерці")
    tint, frame = rng.choice(TINTS), rng.choice(FRAMES)

    def draw(sh):
        y = _by_cert_frame(rng, sh, st, lang, "death", False)
        x0 = st.margin
        tab = x0 + sh.width(L["bdate"] + "  ", st.label, st.label_pt) + 2
        y = sh.field(x0, y, L["surname"], _case(dead.surname(lang), upper), st, tab)
        y = sh.field(x0, y, L["given"], _case(dead.given(lang), upper), st, tab)
        y = sh.field(x0, y, L["patr"], _case(dead.patronymic(lang), upper), st, tab)
        y = sh.field(x0, y, L["bdate"], fmt_date(dead.birth_date, "dots"), st, tab)
        y = sh.field(x0, y, L["bplace"], by_birth_place(dead, lang), st, tab)
        y = sh.field(x0, y, died_l, fmt_date(died, "ru-quoted" if lang == "ru" else "be-quoted"), st, tab)
        y = sh.field(x0, y, dplace, by_birth_place(dead, lang), st, tab)
        y = sh.para(x0, sh.w - x0, y + 1, L["record"].format(
            d=fmt_date(died + dt.timedelta(days=2), "dots"), what=WHAT[(lang, "death")],
            n=rng.randint(1, 3999)), st.label, st.label_pt * 0.95) + 2
        y = sh.field(x0, y, L["reg"], "", st, under=False)
        y = sh.para(x0 + 4, sh.w - x0, y - 1, issuer, st.value, st.value_pt * 0.92) + 1
        y = sh.field(x0, y, L["issue"], fmt_date(issue, "dots"), st, tab)
        _sign_off(sh, st, y + 3, L["head"], issuer.upper())
        sh.text(x0, sh.h - 16 * sh.w / 148, f"{L['series']} {num_printed}", st.value, st.value_pt * 1.1,
                "b", fill=(150, 30, 30))

    return Doc("death-certificate", f"by-{lang}", [Page(size[0], size[1], draw, tint=tint, frame=frame)])


def marriage_or_death_ru(rng, kind, a, b, when, issue, takes_his_name=True):
    """Russian marriage (a=groom, b=bride) or death (a=the deceased) certificate."""
    size = (200.0, 280.0)
    st = make_style(rng, 1.3)
    issuer = RU_TOWNS[a.town][2]
    series, no = ru_series_number(rng)
    tint, frame = rng.choice(TINTS), rng.choice(FRAMES)
    title = "СВИДЕТЕЛЬСТВО О ЗАКЛЮЧЕНИИ БРАКА" if kind == "marriage" else "СВИДЕТЕЛЬСТВО О СМЕРТИ"

    def draw(sh):
        y = 24 * 1.3
        x0, x1 = st.margin, sh.w - st.margin
        sh.center(y, "РОССИЙСКАЯ ФЕДЕРАЦИЯ", st.title, 14, "b")
        y += 18
        sh.center(y, title, st.title, st.title_pt, "b")
        y += 20
        people = (a, b) if kind == "marriage" else (a,)
        for q in people:
            sh.center(y, q.surname("ru").upper(), st.value, st.value_pt, "b")
            sh.center(y + 4.5, "фамилия", st.label, st.label_pt * 0.7)
            y += st.step + 3
            sh.center(y, q.given("ru").upper() + " " + q.patronymic("ru").upper(), st.value, st.value_pt, "b")
            sh.center(y + 4.5, "имя, отчество", st.label, st.label_pt * 0.7)
            y += st.step + 3
            y = sh.field(x0, y, "дата рождения", q.birth_date.strftime("%d.%m.%Y"), st, x0 + 42)
            y = sh.field(x0, y, "место рождения", ru_birth_place(q), st, x0 + 42) + 3
        if kind == "marriage":
            y = sh.field(x0, y, "заключили брак", when.strftime("%d.%m.%Y"), st, x0 + 42)
            y = sh.para(x0 + 42, x1, y - 2, ru_date_words(when), st.value, st.value_pt * 0.85) + 3
            y = sh.field(x0, y, "фамилия мужа", a.surname("ru").upper(), st, x0 + 42)
            wife = replace(b, surname_key=a.surname_key) if takes_his_name else b
            y = sh.field(x0, y, "фамилия жены", wife.surname("ru").upper(), st, x0 + 42)
        else:
            y = sh.field(x0, y, "умер(ла)", when.strftime("%d.%m.%Y"), st, x0 + 42)
            y = sh.para(x0 + 42, x1, y - 2, ru_date_words(when), st.value, st.value_pt * 0.85) + 3
            y = sh.field(x0, y, "место смерти", ru_birth_place(a), st, x0 + 42)
        y = sh.field(x0, y, "Место государственной регистрации", "", st, under=False)
        y = sh.para(x0, x1, y - 1, issuer, st.value, st.value_pt * 0.95) + 2
        y = sh.field(x0, y, "Дата выдачи", issue.strftime("%d.%m.%Y"), st, x0 + 42)
        _sign_off(sh, st, y + 4, "Руководитель органа записи актов гражданского состояния", issuer.upper())
        sh.text(sh.w - st.margin - 60, sh.h - 20, f"{series} № {no}", st.label, 14, "b", fill=(150, 30, 30))

    t = "marriage-certificate" if kind == "marriage" else "death-certificate"
    return Doc(t, "ru", [Page(size[0], size[1], draw, tint=tint, frame=frame)])


# ===================================================================== criminal record

BY_CC = (("205", "кража"), ("209", "мошенничество"), ("317", "нарушение правил дорожного движения"),
         ("328", "незаконный оборот наркотических средств"), ("339", "хулиганство"))
RU_CC = (("158", "кража"), ("159", "мошенничество"), ("264", "нарушение правил дорожного движения"),
         ("228", "незаконный оборот наркотических средств"), ("213", "хулиганство"))
SENTENCES = ("к 2 годам ограничения свободы", "к 1 году лишения свободы условно",
             "к штрафу в размере 50 базовых величин", "к 3 годам лишения свободы",
             "к 240 часам обязательных работ")
BY_COURTS = ("судом Ленинского района г. Минска", "судом Центрального района г. Гомеля",
             "судом Московского района г. Бреста", "судом Октябрьского района г. Витебска")
RU_COURTS = ("Бабушкинским районным судом г. Москвы", "Ленинским районным судом г. Смоленска",
             "Советским районным судом г. Брянска", "Фрунзенским районным судом г. Санкт-Петербурга")

BY_MVD_HEADERS = (
    (("МІНІСТЭРСТВА УНУТРАНЫХ СПРАЎ", "РЭСПУБЛІКІ БЕЛАРУСЬ", "ІНФАРМАЦЫЙНЫ ЦЭНТР"),
     ("МИНИСТЕРСТВО ВНУТРЕННИХ ДЕЛ", "РЕСПУБЛИКИ БЕЛАРУСЬ", "ИНФОРМАЦИОННЫЙ ЦЕНТР")),
    (("ГАЛОЎНАЕ ЎПРАЎЛЕННЕ УНУТРАНЫХ СПРАЎ", "МІНСКАГА ГАРАДСКОГА", "ВЫКАНАЎЧАГА КАМІТЭТА", "ІНФАРМАЦЫЙНЫ ЦЭНТР"),
     ("ГЛАВНОЕ УПРАВЛЕНИЕ ВНУТРЕННИХ ДЕЛ", "МИНСКОГО ГОРОДСКОГО", "ИСПОЛНИТЕЛЬНОГО КОМИТЕТА",
      "ИНФОРМАЦИОННЫЙ ЦЕНТР")),
    (("УПРАЎЛЕННЕ УНУТРАНЫХ СПРАЎ", "ГОМЕЛЬСКАГА АБЛАСНОГА", "ВЫКАНАЎЧАГА КАМІТЭТА", "ІНФАРМАЦЫЙНЫ ЦЭНТР"),
     ("УПРАВЛЕНИЕ ВНУТРЕННИХ ДЕЛ", "ГОМЕЛЬСКОГО ОБЛАСТНОГО", "ИСПОЛНИТЕЛЬНОГО КОМИТЕТА",
      "ИНФОРМАЦИОННЫЙ ЦЕНТР")),
    (("УПРАЎЛЕННЕ УНУТРАНЫХ СПРАЎ", "БРЭСЦКАГА АБЛАСНОГА", "ВЫКАНАЎЧАГА КАМІТЭТА", "ІНФАРМАЦЫЙНЫ ЦЭНТР"),
     ("УПРАВЛЕНИЕ ВНУТРЕННИХ ДЕЛ", "БРЕСТСКОГО ОБЛАСТНОГО", "ИСПОЛНИТЕЛЬНОГО КОМИТЕТА",
      "ИНФОРМАЦИОННЫЙ ЦЕНТР")),
)


def _conviction_date(rng, p, issue):
    """A date of conviction: after the 16th birthday, within 12 years, a month before issue."""
    hi = issue - dt.timedelta(days=30)
    lo = min(hi, max(add_months(p.birth_date, 16 * 12), add_months(issue, -12 * 12)))
    return random_date(rng, lo, hi)


def _conviction(rng, p, issue, codes, courts, code_name):
    when = _conviction_date(rng, p, issue)
    art, what = rng.choice(codes)
    part = rng.randint(1, 3)
    return (f"{when.strftime('%d.%m.%Y')} осужден{'а' if p.sex == 'f' else ''} {rng.choice(courts)} "
            f"по ч. {part} ст. {art} {code_name} ({what}) {rng.choice(SENTENCES)}.")


def criminal_by(rng, p, issue, found, names_lang="ru"):
    """Certificate of the information centre of the Belarusian MVD."""
    st = make_style(rng, 1.1, margin=20)
    be_head, ru_head = rng.choice(BY_MVD_HEADERS)
    issuer = " ".join(ru_head)
    upper = rng.random() < 0.7
    if p.origin == "latin":
        surname, given, patr = p.surname("cyr"), p.given("cyr"), None
        if rng.random() < 0.5:
            surname, given = p.latin()
    else:
        surname, given, patr = p.surname("ru"), p.given("ru"), p.patronymic("ru")
    surname, given = _case(surname, upper), given.upper() if upper and rng.random() < 0.5 else given
    if patr and given.isupper():
        patr = patr.upper()
    if not p.yo:
        surname, given = plain_yo(surname), plain_yo(given)
        patr = plain_yo(patr) if patr else patr
    number = f"{rng.randint(1, 40)}/{rng.randint(1, 9)}-{_digits(rng, 5)}"
    bdate = fmt_date(p.birth_date, rng.choice(("dots", "ru")))
    idate = fmt_date(issue, rng.choice(("dots", "dots", "ru")))
    cit = "Российская Федерация" if p.citizenship == "RUS" else COUNTRY_EN.get(p.citizenship, "")
    place = ru_birth_place(p) if p.origin == "ru" else (by_birth_place(p, "ru") if p.origin == "by" else
                                                          CITY_EN[p.country][p.town])
    if found:
        text = ("По сведениям информационного центра указанное лицо имеет судимость: "
                + _conviction(rng, p, issue, BY_CC, BY_COURTS, "Уголовного кодекса Республики Беларусь")
                + " Судимость не снята и не погашена.")
    else:
        text = rng.choice((
            f"По состоянию на {issue.strftime('%d.%m.%Y')} информационный центр сведениями о судимости "
            "указанного лица не располагает.",
            "Сведениями о судимости в отношении указанного лица информационный центр не располагает.",
            f"На территории Республики Беларусь к уголовной ответственности не привлекал{'ась' if p.sex == 'f' else 'ся'}, "
            "сведениями о судимости информационный центр не располагает."))
    official = _initials_name(rng)
    bilingual = rng.random() < 0.6

    def draw(sh):
        x0, x1 = st.margin, sh.w - st.margin
        y = 18
        if bilingual:
            for a, b in zip(be_head + ("",) * 4, ru_head + ("",) * 4):
                if not a and not b:
                    break
                sh.center(y, a, st.title, 8.5, "b", x0=x0, x1=sh.w / 2 - 4)
                sh.center(y, b, st.title, 8.5, "b", x0=sh.w / 2 + 4, x1=x1)
                y += 4.4
        else:
            for b in ru_head:
                sh.center(y, b, st.title, 9, "b", x0=x0, x1=sh.w / 2 + 10)
                y += 4.6
        y += 5
        sh.text(x0, y, f"{idate} № {number}", st.value, st.label_pt)
        sh.hline(x0, x0 + 70, y + 1, 0.12)
        y += 16
        sh.center(y, "СПРАВКА", st.title, st.title_pt, "b")
        y += 7
        sh.center(y, "о наличии (отсутствии) судимости", st.title, st.label_pt + 1, "b")
        y += 14
        tab = x0 + 46
        y = sh.field(x0, y, "Фамилия", surname, st, tab)
        y = sh.field(x0, y, "Собственное имя" if p.origin != "latin" else "Имя", given, st, tab)
        if patr:
            y = sh.field(x0, y, "Отчество", patr, st, tab)
        y = sh.field(x0, y, "Дата рождения", bdate, st, tab)
        y = sh.field(x0, y, "Место рождения", place, st, tab)
        if p.citizenship != "BLR":
            y = sh.field(x0, y, "Гражданство", cit, st, tab)
        y = sh.para(x0, x1, y + 6, text, st.label, st.label_pt + 1, indent=10, lead=1.5) + 4
        y = sh.para(x0, x1, y, "Справка выдана для представления в подразделение по гражданству и "
                    "миграции органа внутренних дел.", st.label, st.label_pt + 1, indent=10, lead=1.5) + 16
        sh.text(x0, y, "Начальник отдела", st.label, st.label_pt + 1)
        sh.signature(x0 + 70, y - 2, 30)
        sh.text(x1 - sh.width(official, st.label, st.label_pt + 1), y, official, st.label, st.label_pt + 1)
        sh.stamp(x0 + 45, y + 4, " ".join(ru_head[-1:] + ru_head[:1]).upper(), ("ДЛЯ", "СПРАВОК"), 18)

    fields = [("surname", surname), ("given-name", given)]
    if patr:
        fields.append(("patronymic", patr))
    fields += [("birth-date", p.birth_date.isoformat()), ("issue-date", issue.isoformat()),
               ("number", number), ("issuer", issuer), ("result", "found" if found else "none")]
    return Doc("criminal-record-certificate", "by-mvd-ru", [Page(A4[0], A4[1], draw)], fields, p)


RU_MVD_TITLE = ("СПРАВКА", "о наличии (отсутствии) судимости и (или) факта уголовного преследования",
                "либо о прекращении уголовного преследования")


def criminal_ru(rng, p, issue, found):
    """Certificate of the Russian MVD: the paper one from a regional
    information centre, or the electronic one (ГИАЦ, with a QR code and an
    electronic-signature box) printed out."""
    # Someone born outside Russia has no regional centre to ask: the federal one answers.
    electronic = rng.random() < 0.4 or p.origin != "ru"
    st = make_style(rng, 1.1, margin=20)
    if electronic:
        head = ("МИНИСТЕРСТВО ВНУТРЕННИХ ДЕЛ", "РОССИЙСКОЙ ФЕДЕРАЦИИ",
                "ГЛАВНЫЙ ИНФОРМАЦИОННО-АНАЛИТИЧЕСКИЙ ЦЕНТР")
    else:
        head = ("МИНИСТЕРСТВО ВНУТРЕННИХ ДЕЛ", "РОССИЙСКОЙ ФЕДЕРАЦИИ", RU_TOWNS[p.town][4].upper())
    issuer = " ".join(head)
    s, g, pa = _ru_names(p)
    fio = f"{s} {g} {pa}"
    number = (f"{rng.randint(1, 99)}/{_digits(rng, 9)}" if electronic
              else f"{rng.randint(1, 99)}/{rng.randint(1, 9)}-{_digits(rng, 6)}")
    idate = fmt_date(issue, rng.choice(("dots", "ru-quoted", "ru")))
    sx = "ась" if p.sex == "f" else "ся"
    if found:
        text = ("имеется (имелась) судимость: "
                + _conviction(rng, p, issue, RU_CC, RU_COURTS, "УК РФ")
                + " Сведения о снятии (погашении) судимости отсутствуют.")
    else:
        text = rng.choice((
            "судимости не имеет; в уголовном преследовании не находил" + sx + ".",
            f"сведениями о судимости и (или) факте уголовного преследования либо о прекращении уголовного "
            f"преследования в отношении указанного лица по состоянию на {issue.strftime('%d.%m.%Y')} "
            "не располагает.",
            "к уголовной ответственности не привлекал" + sx + ", судимости не имеет."))
    official = _initials_name(rng)

    def draw(sh):
        x0, x1 = st.margin, sh.w - st.margin
        y = 18
        for b in head:
            sh.center(y, b, st.title, 9, "b", x0=x0, x1=sh.w * 0.55)
            y += 4.6
        if electronic:
            sh.qr(x1 - 32, 12, 30)
        y += 4
        sh.text(x0, y, f"{idate} № {number}", st.value, st.label_pt)
        y += 16
        sh.center(y, RU_MVD_TITLE[0], st.title, st.title_pt, "b")
        for line in RU_MVD_TITLE[1:]:
            y += 6
            sh.center(y, line, st.title, st.label_pt, "b")
        y += 14
        tab = x0 + 60
        y = sh.field(x0, y, "Фамилия, имя, отчество", fio, st, tab)
        sh.center(y - 4, "(в случае изменения фамилии, имени или отчества указать прежние)",
                  st.label, st.label_pt * 0.7, x0=tab, x1=x1)
        y += 2
        y = sh.field(x0, y, "Дата рождения", p.birth_date.strftime("%d.%m.%Y"), st, tab)
        y = sh.field(x0, y, "Место рождения", ru_birth_place(p) if p.origin == "ru" else
                     by_birth_place(p, "ru"), st, tab)
        y = sh.para(x0, x1, y + 6, text, st.label, st.label_pt + 1, indent=10, lead=1.5) + 4
        y = sh.para(x0, x1, y, "Справка дана для представления по месту требования.", st.label,
                    st.label_pt + 1, indent=10) + 14
        if electronic:
            sh.rect(x0, y - 6, x0 + 95, y + 22, 0.3)
            yy = y
            for line in ("ДОКУМЕНТ ПОДПИСАН", "УСИЛЕННОЙ КВАЛИФИЦИРОВАННОЙ", "ЭЛЕКТРОННОЙ ПОДПИСЬЮ",
                         f"Сертификат: {_digits(rng, 8)}{rng.choice('ABCDEF')}{_digits(rng, 6)}",
                         "Владелец: ГИАЦ МВД России"):
                sh.text(x0 + 3, yy, line, "dejavu-sans-cond", 7.5, "b" if yy == y else "r")
                yy += 4
        else:
            sh.text(x0, y, "Начальник ИЦ", st.label, st.label_pt + 1)
            sh.signature(x0 + 60, y - 2, 30)
            sh.text(x1 - sh.width(official, st.label, st.label_pt + 1), y, official, st.label, st.label_pt + 1)
            sh.stamp(x0 + 40, y + 4, head[2] if len(head[2]) < 40 else "ИНФОРМАЦИОННЫЙ ЦЕНТР МВД РОССИИ",
                     ("ДЛЯ", "СПРАВОК"), 18)

    fields = [("surname", s), ("given-name", g), ("patronymic", pa),
              ("birth-date", p.birth_date.isoformat()), ("issue-date", issue.isoformat()),
              ("number", number), ("issuer", issuer), ("result", "found" if found else "none")]
    v = "ru-mvd-epgu" if electronic else "ru-mvd"
    return Doc("criminal-record-certificate", v, [Page(A4[0], A4[1], draw)], fields, p)


NATIONALITY_EN = {"GBR": "British", "USA": "American", "DEU": "German", "TUR": "Turkish",
                  "IND": "Indian", "NGA": "Nigerian", "CHN": "Chinese", "SYR": "Syrian",
                  "AFG": "Afghan", "RUS": "Russian", "XXA": "Stateless"}
POLICE_ISSUERS = {
    "USA": "Federal Bureau of Investigation, Criminal Justice Information Services Division",
    "DEU": "Bundesamt für Justiz, Federal Central Criminal Register",
    "TUR": "General Directorate of Judicial Records and Statistics, Ministry of Justice",
    "IND": "Regional Passport Office, Ministry of External Affairs",
    "NGA": "Nigeria Police Force, Criminal Investigation Department",
    "CHN": "Public Security Bureau, Harbin Municipality",
    "SYR": "Ministry of Interior, Criminal Security Directorate",
    "AFG": "Ministry of Interior Affairs, Criminal Records Department",
}
EN_OFFENCES = ("theft", "fraud", "driving while disqualified", "possession of a controlled drug",
               "assault occasioning actual bodily harm")


def criminal_en(rng, p, issue, found):
    """An English police certificate: the UK ACRO one, a generic national police
    clearance, or a translation of a Russian MVD certificate."""
    if p.origin != "latin":
        return _criminal_en_translation(rng, p, issue, found)
    acro = p.country == "GBR"
    st = make_style(rng, 1.1, typed=False, margin=20)
    sur, giv = p.latin()
    date_style = rng.choice(("slash", "en")) if acro else rng.choice(("en", "en-us", "dots"))
    if acro:
        issuer = "ACRO Criminal Records Office"
        number = f"{_digits(rng, 5)}/{issue.year % 100:02d}{rng.choice('ABCDEF')}"
    else:
        issuer = POLICE_ISSUERS[p.country]
        number = f"PCC/{issue.year}/{_digits(rng, 6)}"
    conv_date = _conviction_date(rng, p, issue)
    offence = rng.choice(EN_OFFENCES)

    def draw(sh):
        x0, x1 = st.margin, sh.w - st.margin
        y = 22
        if acro:
            sh.text(x0, y, "ACRO Criminal Records Office", st.title, 13, "b")
            sh.text(x0, y + 6, "PO Box 481, Fareham PO14 9FS", st.label, 8.5)
            y += 26
            sh.center(y, "Police Certificate", st.title, st.title_pt + 2, "b")
        else:
            sh.center(y, COUNTRY_EN[p.country].upper(), st.title, 12, "b")
            sh.center(y + 6, issuer, st.label, sh.fit_pt(issuer, st.label, 10, x1 - x0), "r")
            y += 26
            sh.center(y, "POLICE CLEARANCE CERTIFICATE", st.title, st.title_pt, "b")
        y += 14
        rows = [("Reference:" if acro else "Certificate No.:", number),
                ("Date of Issue:" if acro else "Date of issue:", fmt_date(issue, date_style)),
                ("Surname:", sur), ("Forename(s):" if acro else "Given names:", giv),
                ("Date of Birth:" if acro else "Date of birth:", fmt_date(p.birth_date, date_style)),
                ("Place of Birth:" if acro else "Place of birth:", CITY_EN[p.country][p.town].upper()),
                ("Nationality:", NATIONALITY_EN.get(p.citizenship, ""))]
        for lab, val in rows:
            lx = sh.text(x0, y, lab, st.label, st.label_pt + 1, "b")
            sh.text(max(x0 + 50, lx + 3), y, val, st.value, st.label_pt + 1)
            y += 7.5
        y += 6
        if acro:
            if found:
                sh.text(x0, y, "Convictions:", st.label, st.label_pt + 1, "b")
                y += 7
                y = sh.para(x0, x1, y, f"The following convictions are recorded: {fmt_date(conv_date, 'slash')} "
                            f"convicted at {rng.choice(('Leeds', 'Bristol', 'Croydon'))} Magistrates' Court of "
                            f"{offence}; fine and 6 points.", st.label, st.label_pt + 1) + 4
            else:
                sh.text(x0, y, "Convictions:", st.label, st.label_pt + 1, "b")
                sh.text(x0 + 50, y, "No Live Trace", st.value, st.label_pt + 1, "b")
                y += 12
                y = sh.para(x0, x1, y, "There is no trace of any convictions, cautions, reprimands or final "
                            "warnings held on the Police National Computer in respect of the above-named person.",
                            st.label, st.label_pt) + 4
        else:
            him = "her" if p.sex == "f" else "him"
            if found:
                y = sh.para(x0, x1, y, f"This is to certify that, according to the records of the {issuer}, "
                            f"the above-named person has the following convictions: on {fmt_date(conv_date, 'en')} "
                            f"convicted of {offence} and sentenced to a fine.", st.label, st.label_pt + 1,
                            lead=1.5) + 4
            else:
                y = sh.para(x0, x1, y, f"This is to certify that, according to the records of the {issuer}, "
                            f"the above-named person has no criminal record. No adverse information is "
                            f"held against {him}.", st.label, st.label_pt + 1, lead=1.5) + 4
        y += 14
        sh.text(x0, y, "Authorised Officer" if not acro else "Disclosure Officer", st.label, st.label_pt)
        sh.signature(x0 + 45, y - 4, 30)
        sh.stamp(x1 - 30, y - 6, issuer.upper()[:60], ("OFFICIAL",), 17)

    fields = [("surname", sur), ("given-name", giv), ("birth-date", p.birth_date.isoformat()),
              ("issue-date", issue.isoformat()), ("number", number), ("issuer", issuer),
              ("result", "found" if found else "none")]
    return Doc("criminal-record-certificate", "en-acro" if acro else "en-police",
               [Page(A4[0], A4[1], draw)], fields, p)


def _criminal_en_translation(rng, p, issue, found):
    st = make_style(rng, 1.1, typed=False, margin=22)
    system = rng.choice(("icao", "translator"))
    sur, giv = p.latin(system)
    pat = romanise(p.patronymic("ru"), system)
    if p.origin == "ru":
        ic = RU_TOWNS[p.town][5]
    else:
        ic = "Main Information and Analytical Centre"
    # The issuer as the header prints it, its lines joined.
    issuer = f"MINISTRY OF INTERNAL AFFAIRS OF THE RUSSIAN FEDERATION {ic.upper()}"
    number = f"{rng.randint(1, 99)}/{rng.randint(1, 9)}-{_digits(rng, 6)}"
    he = "she" if p.sex == "f" else "he"
    conv = _conviction_date(rng, p, issue)
    text = (f"has a criminal record: on {fmt_date(conv, 'en')} convicted by the district court under Part 1 "
            f"of Article 158 of the Criminal Code of the Russian Federation (theft) and sentenced to one year "
            f"of imprisonment, suspended." if found else
            f"has no criminal record; {he} has not been subject to criminal prosecution.")
    translator = f"{FEMALE[rng.randrange(len(FEMALE))][0][0]}. " \
                 f"{romanise(SURNAMES[rng.randrange(len(SURNAMES))][1], 'translator').title()}"

    def draw(sh):
        x0, x1 = st.margin, sh.w - st.margin
        y = 20
        sh.text(x0, y, "Translation from Russian", st.label, st.label_pt, "i")
        y += 12
        for line in ("MINISTRY OF INTERNAL AFFAIRS", "OF THE RUSSIAN FEDERATION"):
            sh.center(y, line, st.title, 10, "b", x0=x0, x1=sh.w * 0.6)
            y += 5
        y = sh.para(x0, sh.w * 0.6, y, ic.upper(), st.title, 9, "b", align="center") + 4
        sh.text(x0, y, f"No. {number} dated {fmt_date(issue, 'dots')}", st.label, st.label_pt)
        y += 14
        sh.center(y, "CERTIFICATE", st.title, st.title_pt, "b")
        y = sh.para(x0 + 10, x1 - 10, y + 6, "of the presence (absence) of a criminal record and (or) the fact of "
                    "criminal prosecution or the termination of criminal prosecution", st.title, st.label_pt,
                    "b", align="center") + 8
        for lab, val in (("Surname, name, patronymic:", f"{sur} {giv} {pat}"),
                         ("Date of birth:", fmt_date(p.birth_date, "dots")),
                         ("Place of birth:", f"{RU_TOWNS[p.town][1]}" if p.origin == "ru" else "—")):
            vx = max(x0 + 62, sh.text(x0, y, lab, st.label, st.label_pt + 1) + 3)
            sh.text(vx, y, val, st.value, sh.fit_pt(val, st.value, st.label_pt + 1, x1 - vx), "b")
            y += 8
        y = sh.para(x0, x1, y + 4, text, st.label, st.label_pt + 1, indent=8, lead=1.5) + 6
        y = sh.para(x0, x1, y, "The certificate is issued for submission to the place of request. "
                    "Head of the Information Centre /signature/ /seal/", st.label, st.label_pt, "i") + 10
        y = sh.para(x0, x1, y, f"I, {translator}, translator, certify that this translation from Russian into "
                    "English is true and complete.", st.label, st.label_pt) + 2
        sh.text(x0, y + 4, "Translator", st.label, st.label_pt)
        sh.signature(x0 + 30, y + 2, 26)
        sh.stamp(x1 - 32, y + 2, "НОТАРИУС МИНСКОГО ГОРОДСКОГО НОТАРИАЛЬНОГО ОКРУГА", ("НОТАРИУС",), 18)

    fields = [("surname", sur), ("given-name", giv), ("patronymic", pat),
              ("birth-date", p.birth_date.isoformat()), ("issue-date", issue.isoformat()),
              ("number", number), ("issuer", issuer), ("result", "found" if found else "none")]
    return Doc("criminal-record-certificate", "en-translation", [Page(A4[0], A4[1], draw)], fields, p)


# ===================================================================== medical

BY_CLINICS = ("Учреждение здравоохранения «10-я городская поликлиника»",
              "Учреждение здравоохранения «Гомельская центральная городская поликлиника»",
              "Учреждение здравоохранения «Брестская городская поликлиника № 2»",
              "Государственное учреждение здравоохранения «Городская поликлиника № 4 г. Гродно»",
              "Учреждение здравоохранения «Минский городской клинический центр фтизиопульмонологии»",
              "Учреждение здравоохранения «Минский городской клинический кожно-венерологический диспансер»")
RU_CLINICS = ("ГБУЗ «Городская поликлиника № 12 ДЗМ»", "ОГБУЗ «Смоленская областная клиническая больница»",
              "ГБУЗ «Брянская городская поликлиника № 4»", "СПб ГБУЗ «Городская поликлиника № 38»")
DISEASES_RU = ("туберкулез органов дыхания, активная форма", "ВИЧ-инфекция", "сифилис",
               "лепра (болезнь Гансена)")
DISEASES_EN = ("active pulmonary tuberculosis", "HIV infection", "syphilis")
STREETS = ("ул. Козлова", "пр-т Независимости", "ул. Советская", "ул. Притыцкого", "ул. Ленина",
           "ул. Кальварийская", "ул. Гагарина", "пр-т Победителей")


def _address(rng):
    return f"г. Минск, {rng.choice(STREETS)}, д. {rng.randint(1, 120)}, кв. {rng.randint(1, 240)}"


def _med_names(rng, p):
    """(surname, given, patronymic) as a Belarusian clinic writes them."""
    if p.origin == "latin":
        if rng.random() < 0.5:
            s, g = p.latin()
            return s, g.title(), None
        return p.surname("cyr").upper(), p.given("cyr"), None
    lang = p.lang if p.origin == "by" else "ru"
    s, g, pa = p.surname(lang).upper(), p.given(lang), p.patronymic(lang)
    if not p.yo:
        s, g, pa = plain_yo(s), plain_yo(g), plain_yo(pa)
    return s, g, pa


def medical_by(rng, p, issue, unfit, two_pages=None):
    """Belarusian form 1 здр/у-10 "Медицинская справка о состоянии здоровья",
    or the certificate of absence of diseases dangerous to public health that
    foreigners bring for a residence permit.  Sometimes on two pages (the
    examinations on the first, the conclusion on the second)."""
    form = rng.random() < 0.5
    two = (rng.random() < 0.4) if two_pages is None else two_pages
    size = A5 if (form and not two and rng.random() < 0.5) else A4
    st = make_style(rng, size[0] / 170.0, margin=16 * size[0] / 210)
    clinic = rng.choice(BY_CLINICS)
    s, g, pa = _med_names(rng, p)
    fio = " ".join(x for x in (s, g, pa) if x)
    number = str(rng.randint(10, 9999))
    disease = rng.choice(DISEASES_RU)
    doctor = _initials_name(rng)
    exams = [("Рентгенофлюорография органов грудной клетки",
              "очаговые изменения в верхней доле правого легкого" if unfit and disease.startswith("туб")
              else "без патологии"),
             ("Исследование крови на ВИЧ-инфекцию", "положительно" if unfit and disease == "ВИЧ-инфекция"
              else "отрицательно"),
             ("Серологическое исследование на сифилис", "положительно" if unfit and disease == "сифилис"
              else "отрицательно"),
             ("Осмотр врача-дерматовенеролога", "патологии не выявлено"),
             ("Осмотр врача-психиатра-нарколога", "на учете не состоит")]
    if form:
        concl_fit = rng.choice(("Медицинских противопоказаний не выявлено. Практически здоров"
                                + ("а." if p.sex == "f" else "."),
                                "Заболеваний, представляющих опасность для здоровья населения, не выявлено."))
        concl_unfit = f"Выявлено заболевание: {disease}. Имеются медицинские противопоказания."
    else:
        concl_fit = ("Заболеваний, включенных в перечень заболеваний, представляющих опасность для здоровья "
                     "населения, не выявлено.")
        concl_unfit = (f"Выявлено заболевание, включенное в перечень заболеваний, представляющих опасность "
                       f"для здоровья населения: {disease}.")
    conclusion = concl_unfit if unfit else concl_fit
    idate = fmt_date(issue, rng.choice(("dots", "ru")))
    valid = add_months(issue, 12).strftime("%d.%m.%Y")

    def head(sh, y):
        x0, x1 = st.margin, sh.w - st.margin
        yy = sh.para(x0, sh.w * 0.55, y, clinic, st.label, st.label_pt * 0.9)
        if form:
            sh.text(x1 - sh.width("Форма 1 здр/у-10", st.label, st.label_pt), y, "Форма 1 здр/у-10",
                    st.label, st.label_pt)
        return max(yy, y + 8) + 10

    def p1(sh):
        x0, x1 = st.margin, sh.w - st.margin
        y = head(sh, 16)
        sh.center(y, "МЕДИЦИНСКАЯ СПРАВКА", st.title, st.title_pt, "b")
        y += 6
        if form:
            sh.center(y, "о состоянии здоровья", st.title, st.label_pt + 1, "b")
            y += 10
        else:
            y = sh.para(x0 + 8, x1 - 8, y, "о состоянии здоровья, подтверждающая отсутствие заболеваний, "
                        "включенных в перечень заболеваний, представляющих опасность для здоровья населения",
                        st.title, st.label_pt, "b", align="center") + 6
        y = sh.field(x0, y, "Дата выдачи", idate, st, x0 + 30, x_end=x0 + 85, under=True)
        sh.text(x1 - 35, y - st.step, f"№ {number}", st.value, st.value_pt)
        y = sh.field(x0, y, "1. Фамилия, собственное имя, отчество (если таковое имеется)", "", st, under=False)
        y = sh.field(x0 + 5, y - 2, "", fio, st, x0 + 5)
        y = sh.field(x0, y, "2. Дата рождения", fmt_date(p.birth_date, "dots"), st)
        y = sh.field(x0, y, "3. Адрес места жительства (места пребывания)", "", st, under=False)
        y = sh.field(x0 + 5, y - 2, "", _address(rng), st, x0 + 5)
        y = sh.field(x0, y, "4. Выдана для представления в", "подразделение по гражданству и миграции", st)
        if two or not form:
            y += 3
            sh.text(x0, y, "Результаты обследований:", st.label, st.label_pt, "b")
            y += st.step
            for what, res in exams:
                y = sh.para(x0 + 4, x1 * 0.62, y, what, st.label, st.label_pt * 0.92)
                sh.text(x1 * 0.64, y - st.label_pt * 0.47, res, st.value, st.value_pt * 0.85)
                sh.hline(x0 + 4, x1, y - st.label_pt * 0.47 + 1.2, 0.1)
                y += 2
        if two:
            sh.text(x1 - 40, sh.h - 12, "(см. на обороте)", st.label, st.label_pt * 0.8, "i")
            return
        tail(sh, y + 4)

    def tail(sh, y):
        x0, x1 = st.margin, sh.w - st.margin
        lx = sh.text(x0, y, "5. Заключение:" if form else "Заключение:", st.label, st.label_pt, "b")
        y = sh.para(max(x0 + 30, lx + 3), x1, y, conclusion, st.value, st.value_pt * 0.95, st.value_style) + 4
        if form:
            y = sh.field(x0, y, "6. Справка действительна до", valid, st)
        y += 6
        sh.text(x0, y, "Врач", st.label, st.label_pt)
        sh.signature(x0 + 25, y - 3, 26)
        sh.text(x1 - sh.width(doctor, st.label, st.label_pt), y, doctor, st.label, st.label_pt)
        y += 10
        sh.text(x0, y, "Главный врач", st.label, st.label_pt)
        sh.signature(x0 + 30, y - 3, 24)
        sh.text(x0, y + 8, "М.П.", st.label, st.label_pt)
        sh.stamp(x0 + 35, y + 6, clinic.upper().replace("«", "").replace("»", "")[:70], ("ДЛЯ", "СПРАВОК"),
                 17 * size[0] / 210 + 3)

    def p2(sh):
        x0 = st.margin
        y = 20
        sh.text(x0, y, f"Продолжение медицинской справки № {number} от {issue.strftime('%d.%m.%Y')}",
                st.label, st.label_pt, "i")
        y += 6
        sh.text(x0, y, fio, st.value, st.value_pt * 0.9)
        tail(sh, y + 14)

    pages = [Page(size[0], size[1], p1)]
    if two:
        pages.append(Page(size[0], size[1], p2))
    fields = [("surname", s), ("given-name", g)]
    if pa:
        fields.append(("patronymic", pa))
    fields += [("birth-date", p.birth_date.isoformat()), ("issue-date", issue.isoformat()),
               ("number", number), ("issuer", clinic), ("conclusion", "unfit" if unfit else "fit")]
    return Doc("medical-certificate", "by-1zdr" if form else "by-dangerous", pages, fields, p)


def medical_ru(rng, p, issue, unfit):
    """Russian medical report on infectious diseases dangerous to others."""
    st = make_style(rng, 1.1, margin=20)
    clinic = rng.choice(RU_CLINICS)
    s, g, pa = _ru_names(p)
    if rng.random() < 0.5:
        s, g, pa = s.title(), g.title(), pa.title()
    number = f"{rng.randint(1, 999)}-{_digits(rng, 4)}"
    bad = rng.randrange(3) if unfit else -1
    rows = (("Туберкулез", "не выявлен", "выявлен"), ("ВИЧ-инфекция", "не выявлена", "выявлена"),
            ("Сифилис", "не выявлен", "выявлен"), ("Лепра (болезнь Гансена)", "не выявлена", "выявлена"))

    def draw(sh):
        x0, x1 = st.margin, sh.w - st.margin
        y = sh.para(x0, sh.w * 0.55, 18, clinic, st.label, st.label_pt) + 12
        sh.center(y, "МЕДИЦИНСКОЕ ЗАКЛЮЧЕНИЕ", st.title, st.title_pt, "b")
        y = sh.para(x0 + 10, x1 - 10, y + 6, "об отсутствии (наличии) инфекционных заболеваний, "
                    "представляющих опасность для окружающих", st.title, st.label_pt + 0.5, "b",
                    align="center") + 4
        sh.center(y, f"№ {number} от {issue.strftime('%d.%m.%Y')}", st.value, st.label_pt + 1)
        y += 12
        tab = x0 + 48
        y = sh.field(x0, y, "Фамилия", s, st, tab)
        y = sh.field(x0, y, "Имя", g, st, tab)
        y = sh.field(x0, y, "Отчество", pa, st, tab)
        y = sh.field(x0, y, "Дата рождения", p.birth_date.strftime("%d.%m.%Y"), st, tab) + 4
        sh.rect(x0, y - 5, x1, y + 4 + 8 * len(rows), 0.25)
        sh.text(x0 + 3, y, "Заболевание", st.label, st.label_pt, "b")
        sh.text(x0 + 110, y, "Результат обследования", st.label, st.label_pt, "b")
        y += 8
        for i, (what, neg, pos) in enumerate(rows):
            sh.hline(x0, x1, y - 5.5, 0.15)
            sh.text(x0 + 3, y, what, st.label, st.label_pt)
            sh.text(x0 + 110, y, pos if i == bad else neg, st.value, st.value_pt)
            y += 8
        y += 8
        concl = ("Инфекционные заболевания, представляющие опасность для окружающих, не выявлены."
                 if bad < 0 else f"Выявлено инфекционное заболевание, представляющее опасность для "
                 f"окружающих: {rows[bad][0].lower()}.")
        lx = sh.text(x0, y, "Заключение:", st.label, st.label_pt + 1, "b")
        y = sh.para(max(x0 + 30, lx + 3), x1, y, concl, st.value, st.value_pt) + 14
        sh.text(x0, y, "Председатель врачебной комиссии", st.label, st.label_pt)
        sh.signature(x0 + 75, y - 3, 28)
        sh.stamp(x0 + 40, y + 10, clinic.upper().replace("«", "").replace("»", ""), ("ДЛЯ", "ЗАКЛЮЧЕНИЙ"), 18)

    fields = [("surname", s), ("given-name", g), ("patronymic", pa),
              ("birth-date", p.birth_date.isoformat()), ("issue-date", issue.isoformat()),
              ("number", number), ("issuer", clinic), ("conclusion", "unfit" if unfit else "fit")]
    return Doc("medical-certificate", "ru-384n", [Page(A4[0], A4[1], draw)], fields, p)


EN_HOSPITALS = {"GBR": "St Thomas' Hospital, London", "USA": "Massachusetts General Hospital, Boston",
                "DEU": "Charité University Hospital, Berlin", "TUR": "Ankara City Hospital",
                "IND": "All India Institute of Medical Sciences, New Delhi",
                "NGA": "Lagos University Teaching Hospital", "CHN": "Harbin Medical University First Hospital",
                "SYR": "Damascus Hospital", "AFG": "Kabul Medical University Hospital"}


def medical_en(rng, p, issue, unfit):
    st = make_style(rng, 1.1, typed=False, margin=22)
    hospital = EN_HOSPITALS[p.country]
    sur, giv = p.latin()
    number = f"MC-{issue.year}-{_digits(rng, 5)}"
    title = rng.choice(("Mr", "Mr.")) if p.sex == "m" else rng.choice(("Ms", "Mrs"))
    him = "her" if p.sex == "f" else "him"
    he = "she" if p.sex == "f" else "he"
    if unfit:
        body = (f"This is to certify that I have examined {title} {giv.title()} {sur.title()} on "
                f"{fmt_date(issue, 'en')} and found that {he} has {rng.choice(DISEASES_EN)}, a disease "
                "dangerous to public health. Treatment has been prescribed.")
    else:
        body = (f"This is to certify that I have examined {title} {giv.title()} {sur.title()} on "
                f"{fmt_date(issue, 'en')} and found {him} free from tuberculosis (chest X-ray normal), "
                "HIV infection, syphilis, leprosy and other infectious diseases dangerous to public health.")
    doctor = f"Dr {rng.choice(('A.', 'M.', 'S.', 'R.'))} {rng.choice(('Khan', 'Evans', 'Weber', 'Okoro', 'Li', 'Rao'))}"

    def draw(sh):
        x0, x1 = st.margin, sh.w - st.margin
        sh.center(20, hospital, st.title, 12, "b")
        sh.hline(x0, x1, 24, 0.4)
        y = 42
        sh.center(y, "MEDICAL CERTIFICATE", st.title, st.title_pt, "b")
        y += 14
        for lab, val in (("Certificate No.:", number), ("Date:", fmt_date(issue, "en")), ("Surname:", sur),
                         ("Given names:", giv), ("Date of birth:", fmt_date(p.birth_date, "en"))):
            lx = sh.text(x0, y, lab, st.label, st.label_pt + 1, "b")
            sh.text(max(x0 + 45, lx + 3), y, val, st.value, st.label_pt + 1)
            y += 7.5
        y = sh.para(x0, x1, y + 8, body, st.label, st.label_pt + 1, lead=1.6) + 16
        sh.text(x0, y, doctor + ", Medical Officer", st.label, st.label_pt)
        sh.signature(x0 + 10, y - 12, 32)
        sh.stamp(x1 - 35, y - 8, hospital.upper(), ("MEDICAL",), 18)

    fields = [("surname", sur), ("given-name", giv), ("birth-date", p.birth_date.isoformat()),
              ("issue-date", issue.isoformat()), ("number", number), ("issuer", hospital),
              ("conclusion", "unfit" if unfit else "fit")]
    return Doc("medical-certificate", "en", [Page(A4[0], A4[1], draw)], fields, p)
