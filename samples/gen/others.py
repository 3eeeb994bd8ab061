"""Documents that are not among the three checked types but travel with them:
passports, applications, payment receipts, other "справки", insurance
policies, autobiographies.  Several are deliberately close to the checked
types (a residence certificate reads like a criminal-record certificate, an
insurance policy is full of medical words, an autobiography tells of a birth
and of having no convictions), so they make hard negatives for a classifier.
No ground-truth fields are kept for them: only their type and pages.
"""

import datetime as dt

from forms import A4, Doc, Page, TINTS, _address, _digits, _initials_name, make_style
from people import (BY_TOWNS, BY_TOWNS_EN, CITY_EN, COUNTRY_EN, RU_TOWNS, add_months, by_birth_place,
                    fmt_date, plain_yo, romanise, ru_birth_place)
from render import MONOS

# ---------------------------------------------------------------- passports


def _mrz_value(c):
    if c.isdigit():
        return int(c)
    if c == "<":
        return 0
    return ord(c) - ord("A") + 10


def mrz_check(s):
    """ICAO 9303 check digit (weights 7, 3, 1)."""
    w = (7, 3, 1)
    return str(sum(_mrz_value(c) * w[i % 3] for i, c in enumerate(s)) % 10)


def mrz_td3(country, surname, given, number, nationality, birth, sex, expiry, personal=""):
    """The two 44-character lines of a passport's machine-readable zone."""
    name = (surname.replace(" ", "<").replace("-", "<") + "<<" + given.replace(" ", "<"))
    l1 = ("P<" + country + name)[:44].ljust(44, "<")
    num = number.replace(" ", "")[:9].ljust(9, "<")
    b, e = birth.strftime("%y%m%d"), expiry.strftime("%y%m%d")
    pers = personal[:14].ljust(14, "<")
    l2 = (num + mrz_check(num) + nationality + b + mrz_check(b) + sex.upper() + e + mrz_check(e)
          + pers + mrz_check(pers))
    composite = l2[0:10] + l2[13:20] + l2[21:43]
    return l1, l2 + mrz_check(composite)


def passport(rng, p, today):
    """The data page of a passport (Belarusian, Russian, or a Latin-script
    country's), with its MRZ, as photocopied for the file."""
    issue = add_months(today, -rng.randint(6, 100))
    expiry = add_months(issue, 120)
    sex = "M" if p.sex == "m" else "F"
    if p.citizenship == "BLR":
        variant = "by"
        sur_l, giv_l = romanise(p.surname("be"), "icao"), romanise(p.given("be"), "icao")
        number = rng.choice(("MP", "MC", "KH", "HB", "AB")) + _digits(rng, 7)
        personal = f"{rng.randint(3, 6)}{p.birth_date.strftime('%d%m%y')}{rng.choice('ABCEHKM')}" \
                   f"{_digits(rng, 3)}{rng.choice(('PB', 'GB', 'BA'))}{rng.randint(0, 9)}"
        lines = [("Прозвішча / Фамилия / Surname", f"{p.surname('be').upper()} / {sur_l}"),
                 ("Імя / Имя / Given names", f"{p.given('be').upper()} / {giv_l}"),
                 ("Грамадзянства / Nationality", "РЭСПУБЛІКА БЕЛАРУСЬ / REPUBLIC OF BELARUS"),
                 ("Дата нараджэння / Date of birth", p.birth_date.strftime("%d %m %Y")),
                 ("Асабісты № / Personal No.", personal),
                 ("Пол / Sex", f"{'М' if sex == 'M' else 'Ж'}/{sex}"),
                 ("Месца нараджэння / Place of birth", BY_TOWNS[p.town][1].upper() + " / " +
                  BY_TOWNS_EN[p.town].upper()),
                 ("Дата выдачы / Date of issue", issue.strftime("%d %m %Y")),
                 ("Тэрмін дзеяння / Date of expiry", expiry.strftime("%d %m %Y"))]
        head = ("РЭСПУБЛІКА БЕЛАРУСЬ", "REPUBLIC OF BELARUS", "ПАШПАРТ / PASSPORT")
        code = "BLR"
    elif p.citizenship == "RUS":
        variant = "ru"
        sur_l, giv_l = p.latin("icao")
        number = f"{rng.randint(70, 76)} {_digits(rng, 7)}"
        personal = ""
        lines = [("Фамилия / Surname", f"{plain_yo(p.surname('ru')).upper()} / {sur_l}"),
                 ("Имя / Given names", f"{plain_yo(p.given('ru')).upper()} / {giv_l}"),
                 ("Гражданство / Nationality", "РОССИЙСКАЯ ФЕДЕРАЦИЯ / RUSSIAN FEDERATION"),
                 ("Дата рождения / Date of birth", p.birth_date.strftime("%d.%m.%Y")),
                 ("Пол / Sex", f"{'МУЖ' if sex == 'M' else 'ЖЕН'}/{sex}"),
                 ("Место рождения / Place of birth", (RU_TOWNS[p.town][0] + " / " + RU_TOWNS[p.town][1]
                                                      if p.origin == "ru" else BY_TOWNS[p.town][0] + " / "
                                                      + BY_TOWNS_EN[p.town]).upper()),
                 ("Дата выдачи / Date of issue", issue.strftime("%d.%m.%Y")),
                 ("Дата окончания срока действия / Date of expiry", expiry.strftime("%d.%m.%Y")),
                 ("Орган, выдавший документ / Authority", f"МВД {rng.randint(1, 99)}")]
        head = ("РОССИЙСКАЯ ФЕДЕРАЦИЯ", "RUSSIAN FEDERATION", "ПАСПОРТ / PASSPORT")
        code = "RUS"
    else:
        variant = "latin"
        sur_l, giv_l = p.latin()
        number = rng.choice(("5", "C", "U", "P")) + _digits(rng, 8)
        personal = ""
        country = COUNTRY_EN.get(p.citizenship, p.citizenship).upper()
        place = CITY_EN.get(p.country, ("—",))[p.town].upper() if p.country else "—"
        lines = [("Surname", sur_l), ("Given names", giv_l), ("Nationality", country),
                 ("Date of birth", p.birth_date.strftime("%d %b %Y").upper()), ("Sex", sex),
                 ("Place of birth", place), ("Date of issue", issue.strftime("%d %b %Y").upper()),
                 ("Date of expiry", expiry.strftime("%d %b %Y").upper())]
        head = (country, "", "PASSPORT")
        code = p.citizenship if p.citizenship != "XXA" else "XXA"
    mrz = mrz_td3(code, sur_l, giv_l, number.replace(" ", ""), code, p.birth_date, sex, expiry, personal)
    st = make_style(rng, 0.8, typed=False, margin=4)
    mono = rng.choice(MONOS)
    tint = rng.choice(TINTS)

    def draw(sh):
        x0 = 40
        y = 7
        for h in head:
            if h:
                sh.text(x0, y, h, st.title, 7, "b")
            y += 3.6
        sh.text(sh.w - 36, 7, "№ " + number, st.value, 8, "b")
        # Photo box: a grey rectangle with a head-and-shoulders silhouette.
        sh.rect(5, 14, 35, 54, 0.3, fill=(205, 205, 205))
        sh.draw.ellipse([12 * sh.k, 19 * sh.k, 28 * sh.k, 39 * sh.k], fill=(120, 120, 120))
        sh.draw.chord([6 * sh.k, 38 * sh.k, 34 * sh.k, 66 * sh.k], 180, 360, fill=(120, 120, 120))
        y = 20
        for lab, val in lines:
            sh.text(x0, y, lab, st.label, 4.6)
            sh.text(x0, y + 3.3, val, st.value, sh.fit_pt(val, st.value, 7, sh.w - x0 - 3, "b"), "b")
            y += 6.8
        sh.rect(0, sh.h - 17, sh.w, sh.h, 0.1, fill=(246, 246, 240), outline=(246, 246, 240))
        for i, line in enumerate(mrz):
            sh.text(4, sh.h - 10 + i * 5.6, line, mono, sh.fit_pt(line, mono, 11, sh.w - 8))

    return Doc("passport", variant, [Page(125.0, 88.0 + 0.0, draw, tint=tint)])


# ---------------------------------------------------------------- applications

def application_passport(rng, p, today, parent=None):
    """Заявление о выдаче паспорта (filled by the applicant, or for a child
    under 14 by a parent)."""
    st = make_style(rng, 1.0, margin=18)
    office = "Начальнику отдела по гражданству и миграции " + rng.choice((
        "Центрального РУВД г. Минска", "Гомельского ГОВД", "Брестского ГОВД", "Фрунзенского РУВД г. Минска"))
    reason = rng.choice(("в связи с достижением 14-летнего возраста", "в связи с истечением срока действия",
                         "в связи с непригодностью для использования", "впервые"))
    lang = p.lang if p.origin == "by" else "ru"
    two = rng.random() < 0.4
    items = [("Фамилия", p.surname(lang)), ("Собственное имя", p.given(lang)), ("Отчество", p.patronymic(lang)),
             ("Дата рождения", fmt_date(p.birth_date, "dots")), ("Место рождения", by_birth_place(p, "ru") if p.origin == "by" else ru_birth_place(p)),
             ("Пол", "мужской" if p.sex == "m" else "женский"),
             ("Семейное положение", rng.choice(("холост(не замужем)", "женат(замужем)", "—"))),
             ("Адрес места жительства", _address(rng)),
             ("Место работы (учебы)", rng.choice(("ГУО «Средняя школа № 12 г. Минска»", "ОАО «МАЗ»",
                                                  "не работает", "ООО «Евроторг»"))),
             ("Телефон", f"+375 29 {_digits(rng, 3)}-{_digits(rng, 2)}-{_digits(rng, 2)}")]
    if parent:
        intro = (f"Я, {parent.full('ru')}, являясь законным представителем, прошу выдать паспорт "
                 f"моему несовершеннолетнему {'сыну' if p.sex == 'm' else 'дочери'} {reason}.")
    else:
        intro = f"Прошу выдать мне паспорт гражданина Республики Беларусь {reason}."

    def p1(sh):
        x0, x1 = st.margin, sh.w - st.margin
        y = sh.para(sh.w * 0.5, x1, 20, office, st.label, st.label_pt)
        y += 14
        sh.center(y, "ЗАЯВЛЕНИЕ", st.title, st.title_pt, "b")
        y += 6
        sh.center(y, "о выдаче паспорта", st.title, st.label_pt + 1, "b")
        y = sh.para(x0, x1, y + 12, intro, st.label, st.label_pt + 1, indent=10) + 4
        for i, (lab, val) in enumerate(items if not two else items[:6], 1):
            y = sh.field(x0, y, f"{i}. {lab}", val, st)
        if not two:
            end(sh, y + 6)

    def end(sh, y):
        x0, x1 = st.margin, sh.w - st.margin
        y = sh.para(x0, x1, y, "С порядком выдачи паспорта ознакомлен(а). Достоверность сообщенных "
                    "сведений подтверждаю.", st.label, st.label_pt) + 10
        sh.text(x0, y, fmt_date(today, "dots"), st.value, st.value_pt)
        sh.text(x1 - 60, y, "Подпись заявителя", st.label, st.label_pt * 0.8)
        sh.signature(x1 - 40, y - 6, 26)

    def p2(sh):
        x0 = st.margin
        y = 24
        for i, (lab, val) in enumerate(items[6:], 7):
            y = sh.field(x0, y, f"{i}. {lab}", val, st)
        end(sh, y + 10)

    pages = [Page(A4[0], A4[1], p1)] + ([Page(A4[0], A4[1], p2)] if two else [])
    return Doc("application", "passport", pages)


def application_residence(rng, p, today):
    """Заявление о выдаче разрешения на постоянное проживание: it asks about
    convictions and dangerous diseases, which makes it a hard negative."""
    st = make_style(rng, 1.0, margin=18)
    s = p.surname("ru") if p.origin != "latin" else p.surname("cyr")
    g = p.given("ru") if p.origin != "latin" else p.given("cyr")
    lat = " ".join(p.latin())
    cit = COUNTRY_EN.get(p.citizenship, p.citizenship)
    two = rng.random() < 0.5
    items = [("Фамилия, собственное имя (на русском языке)", f"{s} {g}"),
             ("Фамилия, собственное имя (латинскими буквами)", lat),
             ("Дата рождения", fmt_date(p.birth_date, "dots")),
             ("Гражданство (подданство)", cit),
             ("Документ для выезда за границу", f"№ {_digits(rng, 9)}"),
             ("Основание для получения разрешения", rng.choice((
                 "близкие родственники — граждане Республики Беларусь", "трудовая деятельность",
                 "брак с гражданином Республики Беларусь", "статус беженца"))),
             ("Привлекались ли к уголовной ответственности", "нет"),
             ("Наличие заболеваний, представляющих опасность для здоровья населения", "нет"),
             ("Адрес места пребывания", _address(rng)),
             ("Место работы, должность", rng.choice(("ООО «Техносервис», инженер", "не работает",
                                                     "СООО «Мобильные ТелеСистемы», специалист")))]

    def p1(sh):
        x0, x1 = st.margin, sh.w - st.margin
        y = sh.para(sh.w * 0.5, x1, 20, "В подразделение по гражданству и миграции органа внутренних дел",
                    st.label, st.label_pt) + 14
        sh.center(y, "ЗАЯВЛЕНИЕ", st.title, st.title_pt, "b")
        y = sh.para(x0 + 10, x1 - 10, y + 6, "о выдаче разрешения на постоянное проживание в Республике "
                    "Беларусь", st.title, st.label_pt + 1, "b", align="center") + 8
        for i, (lab, val) in enumerate(items if not two else items[:6], 1):
            y = sh.field(x0, y, f"{i}. {lab}:", "", st, under=False)
            y = sh.field(x0 + 6, y - 2, "", val, st, x0 + 6)
        if not two:
            end(sh, y + 6)

    def end(sh, y):
        x0, x1 = st.margin, sh.w - st.margin
        y = sh.para(x0, x1, y, "Я предупрежден(а), что представление ложных сведений является основанием "
                    "для отказа в выдаче разрешения.", st.label, st.label_pt) + 10
        sh.text(x0, y, fmt_date(today, "dots"), st.value, st.value_pt)
        sh.signature(x1 - 45, y - 5, 28)

    def p2(sh):
        x0 = st.margin
        y = 24
        for i, (lab, val) in enumerate(items[6:], 7):
            y = sh.field(x0, y, f"{i}. {lab}:", "", st, under=False)
            y = sh.field(x0 + 6, y - 2, "", val, st, x0 + 6)
        end(sh, y + 10)

    pages = [Page(A4[0], A4[1], p1)] + ([Page(A4[0], A4[1], p2)] if two else [])
    return Doc("application", "residence-permit", pages)


# ---------------------------------------------------------------- payment receipt

BANKS = ("ОАО «АСБ Беларусбанк»", "ОАО «Белагропромбанк»", "ОАО «Приорбанк»", "ОАО «БПС-Сбербанк»",
         "ЗАО «МТБанк»")


def receipt(rng, p, today, service):
    """A till receipt for a payment through ЕРИП, narrow and printed thermally."""
    h = rng.uniform(120, 170)
    mono = rng.choice(MONOS)
    paid = today - dt.timedelta(days=rng.randint(0, 20))
    amount = rng.choice(("42,00", "21,00", "84,00", "63,00", "4,20"))
    payer = f"{p.surname('ru' if p.origin != 'latin' else 'cyr').upper()} " \
            f"{p.given('ru' if p.origin != 'latin' else 'cyr')[0]}."
    lines = [rng.choice(BANKS), f"ЦБУ № {rng.randint(100, 799)}", f"г. {rng.choice(('Минск', 'Гомель', 'Брест'))}",
             "-" * 30, f"ЧЕК № {_digits(rng, 7)}", f"Дата: {paid.strftime('%d.%m.%Y')} "
             f"{rng.randint(8, 19):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}",
             "Платеж через систему", "«Расчет» (ЕРИП)", "-" * 30, "Услуга:", service,
             f"Плательщик: {payer}", f"Лицевой счет: {_digits(rng, 10)}",
             f"Сумма: {amount} BYN", "Комиссия: 0,00 BYN", f"Код авторизации: {_digits(rng, 6)}",
             f"№ операции ЕРИП: {_digits(rng, 10)}", "-" * 30, "Спасибо!"]

    def draw(sh):
        y = 8
        for line in lines:
            pt = sh.fit_pt(line, mono, 8.5, sh.w - 8)
            sh.text(4, y, line, mono, pt, fill=(60, 60, 66))
            y += 5.2

    return Doc("payment-receipt", "erip", [Page(80.0, h, draw, paper=(246, 246, 244))])


# ---------------------------------------------------------------- other certificates

ORGS = ("ООО «Техносервис»", "ОАО «Минский тракторный завод»", "УП «Минсктранс»", "СООО «Мобильные ТелеСистемы»",
        "ЧТУП «Евроторг»", "ГУО «Средняя школа № 5 г. Гомеля»")
JOBS = ("инженер-программист", "водитель", "бухгалтер", "учитель", "менеджер по продажам", "кладовщик")


def _dative(p):
    """The name in the dative as справки write it ("Выдана Петрову Андрею").  The
    endings are approximated; the document is a distractor and keeps no fields."""
    s, g = p.surname("ru") if p.origin != "latin" else p.surname("cyr"), \
        p.given("ru") if p.origin != "latin" else p.given("cyr")
    if p.origin == "latin":
        return f"{s} {g}"
    if p.sex == "m":
        s = s + "у" if s[-1] in "вн" else s
        g = g[:-1] + "ю" if g[-1] in "йь" else (g + "у" if g[-1] not in "ая" else g[:-1] + "е")
    else:
        s = s[:-1] + "ой" if s.endswith("а") else s
        g = g[:-1] + ("и" if g[-2] in "кгхжшщчи" or g.endswith("ия") else "е") if g[-1] in "ая" else g
    return f"{s} {g}"


def residence_certificate(rng, p, today):
    """Справка о месте жительства и составе семьи from a housing office."""
    st = make_style(rng, 1.05, margin=20)
    office = rng.choice(("ЖЭС № 12 КУП «ЖРЭО Фрунзенского района г. Минска»",
                         "КЖУП «Гомельское ЖРЭУ», ЖЭУ № 3", "ЖЭС № 5 ЖРЭО Московского района г. Минска"))
    dated = today - dt.timedelta(days=rng.randint(1, 40))
    number = f"{rng.randint(100, 9999)}"
    he = "она" if p.sex == "f" else "он"
    registered = "зарегистрирована" if p.sex == "f" else "зарегистрирован"
    since = add_months(today, -rng.randint(12, 200))

    def draw(sh):
        x0, x1 = st.margin, sh.w - st.margin
        y = sh.para(x0, sh.w * 0.55, 20, office, st.label, st.label_pt, "b")
        sh.text(x0, y + 4, f"{dated.strftime('%d.%m.%Y')} № {number}", st.value, st.label_pt)
        y += 24
        sh.center(y, "СПРАВКА", st.title, st.title_pt, "b")
        y = sh.para(x0 + 10, x1 - 10, y + 6, "о месте жительства и составе семьи", st.title, st.label_pt + 1,
                    "b", align="center") + 10
        y = sh.para(x0, x1, y, f"Выдана {_dative(p)} в том, что {he} действительно {registered} по месту "
                    f"жительства с {since.strftime('%d.%m.%Y')} по адресу: {_address(rng)}.",
                    st.label, st.label_pt + 1, indent=10, lead=1.5) + 4
        sh.text(x0, y, "Состав семьи:", st.label, st.label_pt + 1, "b")
        y += 8
        members = [(p.full("ru") if p.origin != "latin" else " ".join(p.latin()), "заявитель",
                    fmt_date(p.birth_date, "dots"))]
        if p.mother is not None:
            members.append((p.mother.full("ru"), "мать", fmt_date(p.mother.birth_date, "dots")))
        for name, rel, bd in members:
            sh.text(x0 + 5, y, name, st.value, st.value_pt * 0.9)
            sh.text(x0 + 110, y, rel, st.value, st.value_pt * 0.9)
            sh.text(x0 + 140, y, bd, st.value, st.value_pt * 0.9)
            y += 7
        y = sh.para(x0, x1, y + 6, "Справка выдана для представления в подразделение по гражданству и миграции.",
                    st.label, st.label_pt + 1, indent=10) + 16
        sh.text(x0, y, "Паспортист", st.label, st.label_pt + 1)
        sh.signature(x0 + 40, y - 3, 26)
        sh.text(x1 - 35, y, _initials_name(rng), st.label, st.label_pt + 1)
        sh.stamp(x0 + 60, y + 6, office.upper().replace("«", "").replace("»", "")[:60], ("ДЛЯ", "СПРАВОК"), 17)

    return Doc("residence-certificate", "zhes", [Page(A4[0], A4[1], draw)])


def employment_certificate(rng, p, today):
    """Справка с места работы."""
    st = make_style(rng, 1.05, margin=20)
    org = rng.choice(ORGS)
    dated = today - dt.timedelta(days=rng.randint(1, 30))
    since = add_months(today, -rng.randint(6, 150))
    works = "работает" if rng.random() < 0.8 else "работает по трудовому договору"

    def draw(sh):
        x0, x1 = st.margin, sh.w - st.margin
        sh.center(18, org, st.title, 12, "b")
        sh.center(24, f"УНП {_digits(rng, 9)}, {_address(rng)}", st.label, 8)
        sh.hline(x0, x1, 27, 0.4)
        sh.text(x0, 38, f"{dated.strftime('%d.%m.%Y')} № {rng.randint(1, 999)}", st.value, st.label_pt)
        y = 58
        sh.center(y, "СПРАВКА", st.title, st.title_pt, "b")
        y = sh.para(x0, x1, y + 16, f"Выдана {_dative(p)}, {fmt_date(p.birth_date, 'dots')} г.р., в том, что "
                    f"{'она' if p.sex == 'f' else 'он'} действительно {works} в {org} в должности "
                    f"«{rng.choice(JOBS)}» с {since.strftime('%d.%m.%Y')} по настоящее время.",
                    st.label, st.label_pt + 1, indent=10, lead=1.5) + 4
        y = sh.para(x0, x1, y, f"Среднемесячная заработная плата за последние 12 месяцев составляет "
                    f"{rng.randint(900, 4200)},{rng.randint(0, 99):02d} BYN.", st.label, st.label_pt + 1,
                    indent=10, lead=1.5) + 4
        y = sh.para(x0, x1, y, "Справка выдана для представления по месту требования.", st.label,
                    st.label_pt + 1, indent=10) + 20
        for role in ("Директор", "Главный бухгалтер"):
            sh.text(x0, y, role, st.label, st.label_pt + 1)
            sh.signature(x0 + 60, y - 3, 26)
            sh.text(x1 - 35, y, _initials_name(rng), st.label, st.label_pt + 1)
            y += 14
        sh.stamp(x0 + 35, y - 10, org.upper().replace("«", "").replace("»", ""), ("УНП",), 17)

    return Doc("employment-certificate", "org", [Page(A4[0], A4[1], draw)])


def insurance_policy(rng, p, today):
    """Medical-expenses insurance of a foreigner: medical words, not a medical certificate."""
    st = make_style(rng, 1.0, margin=16)
    insurer = rng.choice(("Белорусское республиканское унитарное страховое предприятие «Белгосстрах»",
                          "ЗАСО «Промтрансинвест»", "ЗАСО «Белнефтестрах»", "ЗАО «Страховая компания «ТАСК»"))
    start = today - dt.timedelta(days=rng.randint(1, 30))
    end = add_months(start, 12) - dt.timedelta(days=1)
    name = " ".join(p.latin())
    number = f"{rng.choice(('МС', 'СМР', 'ИГ'))} {_digits(rng, 7)}"

    def draw(sh):
        x0, x1 = st.margin, sh.w - st.margin
        y = sh.para(x0, x1, 18, insurer, st.title, 10, "b", align="center") + 6
        sh.center(y, "ДОГОВОР (ПОЛИС)", st.title, st.title_pt, "b")
        y = sh.para(x0 + 6, x1 - 6, y + 6, "добровольного страхования медицинских расходов иностранных граждан "
                    "и лиц без гражданства, временно пребывающих или временно проживающих в Республике Беларусь",
                    st.title, st.label_pt, "b", align="center") + 4
        sh.center(y, f"Серия и номер: {number}", st.value, st.value_pt)
        y += 12
        for lab, val in (("Застрахованное лицо", name), ("Дата рождения", fmt_date(p.birth_date, "dots")),
                         ("Гражданство", COUNTRY_EN.get(p.citizenship, p.citizenship)),
                         ("Срок действия", f"с {start.strftime('%d.%m.%Y')} по {end.strftime('%d.%m.%Y')}"),
                         ("Страховая сумма", "10 000 EUR"), ("Страховой взнос", f"{rng.randint(60, 250)},00 BYN")):
            y = sh.field(x0, y, lab, val, st, x0 + 50)
        y += 4
        for t in ("Страховым случаем является обращение застрахованного лица в организацию здравоохранения "
                  "в связи с внезапным заболеванием или несчастным случаем, требующими оказания экстренной "
                  "медицинской помощи: амбулаторное и стационарное лечение, медицинская транспортировка, "
                  "лекарственные средства, назначенные врачом.",
                  "Не являются страховыми случаями расходы, связанные с лечением туберкулеза, ВИЧ-инфекции, "
                  "венерических заболеваний, хронических заболеваний и их обострений, а также плановое "
                  "медицинское обследование."):
            y = sh.para(x0, x1, y, t, st.label, st.label_pt * 0.95, indent=8) + 3
        y += 10
        sh.text(x0, y, "Страховщик", st.label, st.label_pt)
        sh.signature(x0 + 30, y - 3, 26)
        sh.text(x1 - 70, y, "Страхователь", st.label, st.label_pt)
        sh.signature(x1 - 40, y - 3, 24)
        sh.stamp(x0 + 40, y + 8, insurer.upper().replace("«", "").replace("»", "")[:64], ("СТРАХОВЩИК",), 17)

    return Doc("insurance-policy", "medical-expenses", [Page(A4[0], A4[1], draw)])


SCHOOLS = ("среднюю школу № 12", "гимназию № 3", "среднюю школу № 41", "лицей № 2")
UNIS = ("Белорусский государственный университет", "Белорусский национальный технический университет",
        "Гомельский государственный университет имени Ф. Скорины", "Московский государственный университет",
        "Брестский государственный технический университет")


def autobiography(rng, p, today):
    """A handwritten-looking autobiography: tells of the birth and of having no
    convictions and no illnesses, so it shares words with every checked type."""
    st = make_style(rng, 1.15, typed=False, margin=22)
    face = rng.choice(("dejavu-serif", "liberation-serif", "free-serif", "noto-serif"))
    m = p.sex == "m"
    born = "родился" if m else "родилась"
    if p.origin == "latin":
        who = f"{p.surname('cyr')} {p.given('cyr')}"
        where = f"г. {CITY_EN[p.country][p.town]} ({COUNTRY_EN.get(p.country, '')})"
    else:
        who = p.full("ru")
        where = by_birth_place(p, "ru") if p.origin == "by" else f"г. {RU_TOWNS[p.town][0]}"
    school_end = p.birth_date.year + 17
    text = [
        f"Я, {who}, {born} {fmt_date(p.birth_date, 'ru')} в {where}.",
        f"В {p.birth_date.year + 7} году поступил{'' if m else 'а'} в {rng.choice(SCHOOLS)}, которую "
        f"окончил{'' if m else 'а'} в {school_end} году. В {school_end} году поступил{'' if m else 'а'} в "
        f"{rng.choice(UNIS)}, окончил{'' if m else 'а'} его в {school_end + 5} году.",
        f"С {school_end + 5} года работаю в должности {rng.choice(('инженера', 'бухгалтера', 'менеджера', 'врача'))}.",
        f"{'Женат' if m else 'Замужем'}, имею {rng.choice(('одного ребенка', 'двоих детей', 'детей не имею'))}.",
        f"К уголовной ответственности не привлекал{'ся' if m else 'ась'}, судимостей не имею. "
        "Хронических заболеваний не имею.",
    ]

    def draw(sh):
        x0, x1 = st.margin, sh.w - st.margin
        sh.center(30, "АВТОБИОГРАФИЯ", face, 16, "b")
        y = 48
        for t in text:
            y = sh.para(x0, x1, y, t, face, 12.5, "i", lead=1.7, indent=10, fill=(28, 34, 90)) + 2
        y += 10
        sh.text(x0, y, fmt_date(today - dt.timedelta(days=rng.randint(0, 10)), "dots"), face, 12.5, "i",
                fill=(28, 34, 90))
        sh.signature(x1 - 50, y - 4, 30)

    return Doc("autobiography", "handwritten", [Page(A4[0], A4[1], draw, paper=(250, 250, 250))])
