"""Names, places, issuers, transliteration and date wording for the generator.

Everything here is data or pure functions: no randomness of its own (callers pass
their random.Random), so a seed fully determines what is drawn from these lists.
Lists are tuples so that iteration order can never depend on hashing.
"""

import datetime as dt
from dataclasses import dataclass, replace

# ---------------------------------------------------------------- names

# Male given names: Russian, Belarusian, and the patronymics they give
# (Russian m/f, Belarusian m/f).  Fathers are drawn from this list too.
MALE = (
    ("Андрей", "Андрэй", "Андреевич", "Андреевна", "Андрэевіч", "Андрэеўна"),
    ("Виктор", "Віктар", "Викторович", "Викторовна", "Віктаравіч", "Віктараўна"),
    ("Сергей", "Сяргей", "Сергеевич", "Сергеевна", "Сяргеевіч", "Сяргееўна"),
    ("Александр", "Аляксандр", "Александрович", "Александровна", "Аляксандравіч", "Аляксандраўна"),
    ("Дмитрий", "Дзмітрый", "Дмитриевич", "Дмитриевна", "Дзмітрыевіч", "Дзмітрыеўна"),
    ("Николай", "Мікалай", "Николаевич", "Николаевна", "Мікалаевіч", "Мікалаеўна"),
    ("Иван", "Іван", "Иванович", "Ивановна", "Іванавіч", "Іванаўна"),
    ("Павел", "Павел", "Павлович", "Павловна", "Паўлавіч", "Паўлаўна"),
    ("Михаил", "Міхаіл", "Михайлович", "Михайловна", "Міхайлавіч", "Міхайлаўна"),
    ("Владимир", "Уладзімір", "Владимирович", "Владимировна", "Уладзіміравіч", "Уладзіміраўна"),
    ("Алексей", "Аляксей", "Алексеевич", "Алексеевна", "Аляксеевіч", "Аляксееўна"),
    ("Олег", "Алег", "Олегович", "Олеговна", "Алегавіч", "Алегаўна"),
    ("Игорь", "Ігар", "Игоревич", "Игоревна", "Ігаравіч", "Ігараўна"),
    ("Максим", "Максім", "Максимович", "Максимовна", "Максімавіч", "Максімаўна"),
    ("Денис", "Дзяніс", "Денисович", "Денисовна", "Дзянісавіч", "Дзянісаўна"),
    ("Артём", "Арцём", "Артёмович", "Артёмовна", "Арцёмавіч", "Арцёмаўна"),
    ("Кирилл", "Кірыл", "Кириллович", "Кирилловна", "Кірылавіч", "Кірылаўна"),
    ("Евгений", "Яўген", "Евгеньевич", "Евгеньевна", "Яўгенавіч", "Яўгенаўна"),
    ("Василий", "Васіль", "Васильевич", "Васильевна", "Васілевіч", "Васілеўна"),
    ("Пётр", "Пятро", "Петрович", "Петровна", "Пятровіч", "Пятроўна"),
    ("Анатолий", "Анатоль", "Анатольевич", "Анатольевна", "Анатолевіч", "Анатолеўна"),
    ("Вадим", "Вадзім", "Вадимович", "Вадимовна", "Вадзімавіч", "Вадзімаўна"),
    ("Егор", "Ягор", "Егорович", "Егоровна", "Ягоравіч", "Ягораўна"),
    ("Юрий", "Юрый", "Юрьевич", "Юрьевна", "Юр'евіч", "Юр'еўна"),
)

FEMALE = (
    ("Ольга", "Вольга"), ("Елена", "Алена"), ("Татьяна", "Таццяна"),
    ("Наталья", "Наталля"), ("Анна", "Ганна"), ("Мария", "Марыя"),
    ("Ирина", "Ірына"), ("Екатерина", "Кацярына"), ("Юлия", "Юлія"),
    ("Светлана", "Святлана"), ("Ксения", "Ксенія"), ("Анастасия", "Анастасія"),
    ("Полина", "Паліна"), ("Дарья", "Дар'я"), ("Виктория", "Вікторыя"),
    ("Алина", "Аліна"), ("Людмила", "Людміла"), ("Валентина", "Валянціна"),
    ("Галина", "Галіна"), ("Марина", "Марына"), ("Вероника", "Вераніка"),
    ("Елизавета", "Лізавета"), ("Софья", "Соф'я"),
)

# Surnames: Russian m/f, Belarusian m/f.
SURNAMES = (
    ("Коваленко", "Коваленко", "Каваленка", "Каваленка"),
    ("Иванов", "Иванова", "Іваноў", "Іванова"),
    ("Петров", "Петрова", "Пятроў", "Пятрова"),
    ("Козлов", "Козлова", "Казлоў", "Казлова"),
    ("Новик", "Новик", "Навік", "Навік"),
    ("Мельник", "Мельник", "Мельнік", "Мельнік"),
    ("Кравченко", "Кравченко", "Краўчэнка", "Краўчэнка"),
    ("Шевчук", "Шевчук", "Шаўчук", "Шаўчук"),
    ("Ковалёв", "Ковалёва", "Кавалёў", "Кавалёва"),
    ("Лукашевич", "Лукашевич", "Лукашэвіч", "Лукашэвіч"),
    ("Жук", "Жук", "Жук", "Жук"),
    ("Бондаренко", "Бондаренко", "Бандарэнка", "Бандарэнка"),
    ("Соколов", "Соколова", "Сакалоў", "Сакалова"),
    ("Морозов", "Морозова", "Марозаў", "Марозава"),
    ("Романович", "Романович", "Рамановіч", "Рамановіч"),
    ("Климович", "Климович", "Клімовіч", "Клімовіч"),
    ("Сидоренко", "Сидоренко", "Сідарэнка", "Сідарэнка"),
    ("Богданович", "Богданович", "Багдановіч", "Багдановіч"),
    ("Ткачук", "Ткачук", "Ткачук", "Ткачук"),
    ("Савицкий", "Савицкая", "Савіцкі", "Савіцкая"),
    ("Гончаров", "Гончарова", "Ганчароў", "Ганчарова"),
    ("Василевский", "Василевская", "Васілеўскі", "Васілеўская"),
    ("Кузьмич", "Кузьмич", "Кузьміч", "Кузьміч"),
    ("Грицкевич", "Грицкевич", "Грыцкевіч", "Грыцкевіч"),
    ("Волков", "Волкова", "Ваўкоў", "Ваўкова"),
    ("Юркевич", "Юркевич", "Юркевіч", "Юркевіч"),
    ("Зайцев", "Зайцева", "Зайцаў", "Зайцава"),
    ("Семёнов", "Семёнова", "Сямёнаў", "Сямёнава"),
    ("Макаревич", "Макаревич", "Макарэвіч", "Макарэвіч"),
    ("Павлов", "Павлова", "Паўлаў", "Паўлава"),
    ("Федорович", "Федорович", "Федаровіч", "Федаровіч"),
    ("Щербаков", "Щербакова", "Шчарбакоў", "Шчарбакова"),
)

# Foreign (Latin-script) people: surname and given names with the Cyrillic
# spelling a Belarusian clinic or office would write.  (latin, cyrillic, sex)
LATIN_SURNAMES = {
    "GBR": (("SMITH", "Смит"), ("BROWN", "Браун"), ("WILSON", "Уилсон"), ("TAYLOR", "Тейлор"), ("EVANS", "Эванс")),
    "USA": (("JOHNSON", "Джонсон"), ("MILLER", "Миллер"), ("DAVIS", "Дэвис"), ("CLARK", "Кларк"), ("WALKER", "Уокер")),
    "DEU": (("SCHMIDT", "Шмидт"), ("WAGNER", "Вагнер"), ("BECKER", "Беккер"), ("HOFFMANN", "Хоффманн"), ("KOCH", "Кох")),
    "TUR": (("YILMAZ", "Йылмаз"), ("KAYA", "Кая"), ("DEMIR", "Демир"), ("CELIK", "Челик"), ("ARSLAN", "Арслан")),
    "IND": (("SHARMA", "Шарма"), ("PATEL", "Патель"), ("SINGH", "Сингх"), ("KUMAR", "Кумар"), ("GUPTA", "Гупта")),
    "NGA": (("OKAFOR", "Окафор"), ("ADEYEMI", "Адейеми"), ("OKONKWO", "Оконкво"), ("BELLO", "Белло"), ("EZE", "Эзе")),
    "CHN": (("WANG", "Ван"), ("ZHANG", "Чжан"), ("LIU", "Лю"), ("CHEN", "Чэнь"), ("ZHAO", "Чжао")),
    "SYR": (("AL-HASSAN", "Аль-Хасан"), ("HADDAD", "Хаддад"), ("KHALIL", "Халиль"), ("AL-AHMAD", "Аль-Ахмад")),
    "AFG": (("AHMADI", "Ахмади"), ("RAHIMI", "Рахими"), ("HAIDARI", "Хайдари"), ("KARIMI", "Карими")),
}
LATIN_GIVEN = {
    "GBR": (("JOHN", "Джон", "m"), ("JAMES", "Джеймс", "m"), ("THOMAS", "Томас", "m"), ("EMMA", "Эмма", "f"), ("SARAH", "Сара", "f")),
    "USA": (("MICHAEL", "Майкл", "m"), ("DAVID", "Дэвид", "m"), ("ROBERT", "Роберт", "m"), ("JENNIFER", "Дженнифер", "f"), ("LAURA", "Лаура", "f")),
    "DEU": (("LUKAS", "Лукас", "m"), ("JONAS", "Йонас", "m"), ("FELIX", "Феликс", "m"), ("ANNA", "Анна", "f"), ("LENA", "Лена", "f")),
    "TUR": (("MEHMET", "Мехмет", "m"), ("AHMET", "Ахмет", "m"), ("EMRE", "Эмре", "m"), ("AYSE", "Айше", "f"), ("ZEYNEP", "Зейнеп", "f")),
    "IND": (("RAHUL", "Рахул", "m"), ("ARJUN", "Арджун", "m"), ("VIKRAM", "Викрам", "m"), ("PRIYA", "Прия", "f"), ("ANJALI", "Анджали", "f")),
    "NGA": (("CHINEDU", "Чинеду", "m"), ("EMEKA", "Эмека", "m"), ("TUNDE", "Тунде", "m"), ("NGOZI", "Нгози", "f"), ("AMAKA", "Амака", "f")),
    "CHN": (("WEI", "Вэй", "m"), ("JUN", "Цзюнь", "m"), ("HAO", "Хао", "m"), ("LING", "Лин", "f"), ("XIU", "Сю", "f")),
    "SYR": (("OMAR", "Омар", "m"), ("AHMAD", "Ахмад", "m"), ("SAMER", "Самер", "m"), ("FATIMA", "Фатима", "f"), ("RANA", "Рана", "f")),
    "AFG": (("ALI", "Али", "m"), ("MOHAMMAD", "Мохаммад", "m"), ("FARID", "Фарид", "m"), ("MARYAM", "Марьям", "f"), ("ZAHRA", "Захра", "f")),
}

# English names of the countries (for police certificates and passports).
COUNTRY_EN = {
    "GBR": "United Kingdom", "USA": "United States of America", "DEU": "Germany",
    "TUR": "Republic of Turkey", "IND": "India", "NGA": "Nigeria", "CHN": "China",
    "SYR": "Syrian Arab Republic", "AFG": "Afghanistan", "RUS": "Russian Federation",
    "UKR": "Ukraine", "KAZ": "Kazakhstan", "ARM": "Armenia", "BLR": "Republic of Belarus",
    "XXA": "Stateless",
}
CITY_EN = {
    "GBR": ("London", "Manchester", "Leeds"), "USA": ("Chicago", "Boston", "Denver"),
    "DEU": ("Berlin", "Hamburg", "Leipzig"), "TUR": ("Ankara", "Izmir", "Bursa"),
    "IND": ("New Delhi", "Mumbai", "Pune"), "NGA": ("Lagos", "Abuja", "Enugu"),
    "CHN": ("Beijing", "Harbin", "Shanghai"), "SYR": ("Damascus", "Aleppo", "Homs"),
    "AFG": ("Kabul", "Herat", "Mazar-i-Sharif"),
}

# ---------------------------------------------------------------- places

# Belarusian towns: Russian, Belarusian, region (ru), region (be),
# adjective in the genitive for "... горисполкома" (ru, be).
BY_TOWNS = (
    ("Минск", "Мінск", None, None, None, None),
    ("Гомель", "Гомель", "Гомельская", "Гомельская", "Гомельского", "Гомельскага"),
    ("Брест", "Брэст", "Брестская", "Брэсцкая", "Брестского", "Брэсцкага"),
    ("Гродно", "Гродна", "Гродненская", "Гродзенская", "Гродненского", "Гродзенскага"),
    ("Витебск", "Віцебск", "Витебская", "Віцебская", "Витебского", "Віцебскага"),
    ("Могилев", "Магілёў", "Могилевская", "Магілёўская", "Могилевского", "Магілёўскага"),
    ("Бобруйск", "Бабруйск", "Могилевская", "Магілёўская", "Бобруйского", "Бабруйскага"),
    ("Барановичи", "Баранавічы", "Брестская", "Брэсцкая", "Барановичского", "Баранавіцкага"),
    ("Пинск", "Пінск", "Брестская", "Брэсцкая", "Пинского", "Пінскага"),
    ("Борисов", "Барысаў", "Минская", "Мінская", "Борисовского", "Барысаўскага"),
    ("Молодечно", "Маладзечна", "Минская", "Мінская", "Молодечненского", "Маладзечанскага"),
    ("Лида", "Ліда", "Гродненская", "Гродзенская", "Лидского", "Лідскага"),
    ("Солигорск", "Салігорск", "Минская", "Мінская", "Солигорского", "Салігорскага"),
    ("Орша", "Орша", "Витебская", "Віцебская", "Оршанского", "Аршанскага"),
)
BY_TOWNS_EN = ("Minsk", "Gomel", "Brest", "Grodno", "Vitebsk", "Mogilev", "Bobruisk",
               "Baranovichi", "Pinsk", "Borisov", "Molodechno", "Lida", "Soligorsk", "Orsha")
# Minsk districts (ru genitive, be genitive, English) for registry offices.
MINSK_DISTRICTS = (
    ("Центрального", "Цэнтральнага", "Tsentralny"), ("Советского", "Савецкага", "Sovetsky"),
    ("Фрунзенского", "Фрунзенскага", "Frunzensky"), ("Ленинского", "Ленінскага", "Leninsky"),
    ("Партизанского", "Партызанскага", "Partizansky"), ("Московского", "Маскоўскага", "Moskovsky"),
    ("Заводского", "Заводскага", "Zavodskoy"), ("Октябрьского", "Кастрычніцкага", "Oktyabrsky"),
    ("Первомайского", "Першамайскага", "Pervomaisky"),
)
# Russian towns: name, English name, civil registry office (ru, en),
# MVD regional information centre (ru, en).
RU_TOWNS = (
    ("Москва", "Moscow", "Тверской отдел ЗАГС Управления ЗАГС Москвы",
     "Tverskoy Civil Registry Office of the Moscow Civil Registry Department",
     "ИЦ ГУ МВД России по г. Москве", "Information Centre of the Main Directorate of the MVD of Russia for Moscow"),
    ("Санкт-Петербург", "Saint Petersburg",
     "Отдел ЗАГС Фрунзенского района Комитета по делам ЗАГС Правительства Санкт-Петербурга",
     "Civil Registry Office of Frunzensky District, Civil Registry Committee of the Government of Saint Petersburg",
     "ИЦ ГУ МВД России по г. Санкт-Петербургу и Ленинградской области",
     "Information Centre of the Main Directorate of the MVD of Russia for Saint Petersburg and Leningrad Region"),
    ("Смоленск", "Smolensk", "Отдел ЗАГС администрации города Смоленска",
     "Civil Registry Office of the Smolensk City Administration",
     "ИЦ УМВД России по Смоленской области", "Information Centre of the MVD of Russia Directorate for Smolensk Region"),
    ("Брянск", "Bryansk", "Отдел ЗАГС Советского района г. Брянска",
     "Civil Registry Office of Sovetsky District of Bryansk",
     "ИЦ УМВД России по Брянской области", "Information Centre of the MVD of Russia Directorate for Bryansk Region"),
    ("Новосибирск", "Novosibirsk", "Отдел ЗАГС Центрального района г. Новосибирска",
     "Civil Registry Office of Tsentralny District of Novosibirsk",
     "ИЦ ГУ МВД России по Новосибирской области", "Information Centre of the Main Directorate of the MVD of Russia for Novosibirsk Region"),
    ("Екатеринбург", "Yekaterinburg", "Отдел ЗАГС Ленинского района г. Екатеринбурга",
     "Civil Registry Office of Leninsky District of Yekaterinburg",
     "ИЦ ГУ МВД России по Свердловской области", "Information Centre of the Main Directorate of the MVD of Russia for Sverdlovsk Region"),
    ("Калининград", "Kaliningrad", "Отдел ЗАГС администрации городского округа «Город Калининград»",
     "Civil Registry Office of the Kaliningrad City District Administration",
     "ИЦ УМВД России по Калининградской области", "Information Centre of the MVD of Russia Directorate for Kaliningrad Region"),
    ("Псков", "Pskov", "Отдел ЗАГС города Пскова Комитета юстиции Псковской области",
     "Pskov City Civil Registry Office of the Justice Committee of Pskov Region",
     "ИЦ УМВД России по Псковской области", "Information Centre of the MVD of Russia Directorate for Pskov Region"),
)

# ---------------------------------------------------------------- transliteration

_ICAO = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e",
    "ю": "iu", "я": "ia", "і": "i", "ў": "u", "'": "",
}
# The spelling many translators still use (close to BGN/PCGN).
_TRANSLATOR = dict(_ICAO, **{"й": "y", "ю": "yu", "я": "ya", "ё": "yo", "ъ": "", "ь": ""})


def romanise(s, system="icao"):
    """Latin spelling of a Cyrillic name, upper-cased like the documents print it."""
    table = _ICAO if system == "icao" else _TRANSLATOR
    out = []
    low = s.lower()
    for i, ch in enumerate(low):
        if system != "icao" and ch == "е" and (i == 0 or low[i - 1] in "аеёиоуыэюяьъ"):
            out.append("ye")
        elif system != "icao" and ch == "и" and i + 1 < len(low) and low[i + 1] == "й" and i + 2 == len(low):
            out.append("i")
        else:
            out.append(table.get(ch, ch))
    return "".join(out).upper()


# ---------------------------------------------------------------- dates

MONTHS_RU = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля",
             "августа", "сентября", "октября", "ноября", "декабря")
MONTHS_BE = ("студзеня", "лютага", "сакавіка", "красавіка", "мая", "чэрвеня",
             "ліпеня", "жніўня", "верасня", "кастрычніка", "лістапада", "снежня")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December")

_ORD_GEN_UNITS = ("", "первого", "второго", "третьего", "четвертого", "пятого", "шестого",
                  "седьмого", "восьмого", "девятого")
_ORD_GEN_TEENS = ("десятого", "одиннадцатого", "двенадцатого", "тринадцатого", "четырнадцатого",
                  "пятнадцатого", "шестнадцатого", "семнадцатого", "восемнадцатого", "девятнадцатого")
_ORD_GEN_TENS = ("", "", "двадцатого", "тридцатого", "сорокового", "пятидесятого",
                 "шестидесятого", "семидесятого", "восьмидесятого", "девяностого")
_CARD_TENS = ("", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят",
              "семьдесят", "восемьдесят", "девяносто")


def _ru_ord_gen(n):
    """Ordinal in the genitive for 1..99 ("двадцать первого")."""
    if n < 10:
        return _ORD_GEN_UNITS[n]
    if n < 20:
        return _ORD_GEN_TEENS[n - 10]
    t, u = divmod(n, 10)
    return _ORD_GEN_TENS[t] if u == 0 else _CARD_TENS[t] + " " + _ORD_GEN_UNITS[u]


def ru_date_words(d):
    """A date spelt out as Russian civil registers do: "четырнадцатого марта
    тысяча девятьсот восемьдесят седьмого года"."""
    y = d.year
    if y == 2000:
        year = "двухтысячного"
    else:
        head = "тысяча девятьсот" if y < 2000 else "две тысячи"
        year = head + " " + _ru_ord_gen(y % 100)
    return f"{_ru_ord_gen(d.day)} {MONTHS_RU[d.month - 1]} {year} года"


_EN_ORD = ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
           "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
           "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth")
_EN_UNITS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
             "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
             "eighteen", "nineteen")
_EN_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def _en_num(n):
    if n < 20:
        return _EN_UNITS[n]
    t, u = divmod(n, 10)
    return _EN_TENS[t] + ("-" + _EN_UNITS[u] if u else "")


def en_date_words(d):
    """"the fourteenth of March nineteen eighty-seven", the way translators render
    the spelt-out date of a birth record."""
    if d.day <= 20:
        day = _EN_ORD[d.day]
    elif d.day == 30:
        day = "thirtieth"
    else:
        day = _EN_TENS[d.day // 10] + "-" + _EN_ORD[d.day % 10]
    y = d.year
    if y < 2000:
        year = "nineteen " + (_en_num(y % 100) if y % 100 >= 10 else "oh " + _en_num(y % 100))
    elif y % 100 == 0:
        year = "two thousand"
    else:
        year = "two thousand and " + _en_num(y % 100)
    return f"{day} of {MONTHS_EN[d.month - 1]} {year}"


def fmt_date(d, style):
    """One date in one of the printed forms the documents use."""
    if style == "dots":
        return d.strftime("%d.%m.%Y")
    if style == "ru":
        return f"{d.day} {MONTHS_RU[d.month - 1]} {d.year} г."
    if style == "ru-pad":
        return f"{d.day:02d} {MONTHS_RU[d.month - 1]} {d.year} г."
    if style == "ru-quoted":
        return f"«{d.day:02d}» {MONTHS_RU[d.month - 1]} {d.year} года"
    if style == "be":
        return f"{d.day} {MONTHS_BE[d.month - 1]} {d.year} г."
    if style == "be-quoted":
        return f"«{d.day:02d}» {MONTHS_BE[d.month - 1]} {d.year} года"
    if style == "en":
        return f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"
    if style == "en-us":
        return f"{MONTHS_EN[d.month - 1]} {d.day}, {d.year}"
    if style == "slash":
        return d.strftime("%d/%m/%Y")
    if style == "iso":
        return d.isoformat()
    raise ValueError(style)


def add_months(d, n):
    """d moved by n calendar months, the day clamped to the month's last day."""
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(y, m, min(d.day, last))


def age_on(birth, day):
    """Full years on a day."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def random_date(rng, lo, hi):
    return lo + dt.timedelta(days=rng.randrange((hi - lo).days + 1))


# ---------------------------------------------------------------- people

@dataclass
class Person:
    """One person as the generator knows them.

    The *identity* of a name is the pair of keys (surname_key, given_key): a
    document shows the applicant's name whenever both keys are equal, whatever
    language or script it is printed in.  Mismatches are made by changing keys.
    """
    sex: str                      # "m" or "f"
    origin: str                   # "by", "ru", "cis" (Russian-named), "latin"
    citizenship: str              # ISO 3166-1 alpha-3, XXA for stateless
    birth_date: dt.date
    surname_key: int
    given_key: int
    father_key: int = 0           # index into MALE, gives the patronymic
    country: str = ""             # for latin people: LATIN_* key
    town: int = 0                 # index into BY_TOWNS or RU_TOWNS or CITY_EN
    minsk_district: int = 0
    father: "Person" = None
    mother: "Person" = None
    lang: str = "ru"              # language the person's papers in Belarus use: ru/be
    yo: bool = True               # whether "ё" is written (clerks often drop it)

    # Names -----------------------------------------------------------------
    def surname(self, lang="ru"):
        if self.origin == "latin":
            s = LATIN_SURNAMES[self.country][self.surname_key]
            return s[0].title() if lang == "latin" else s[1]
        row = SURNAMES[self.surname_key]
        s = row[(0 if lang == "ru" else 2) + (self.sex == "f")]
        return s

    def given(self, lang="ru"):
        if self.origin == "latin":
            g = LATIN_GIVEN[self.country][self.given_key]
            return g[0].title() if lang == "latin" else g[1]
        row = MALE[self.given_key] if self.sex == "m" else FEMALE[self.given_key]
        return row[0 if lang == "ru" else 1]

    def patronymic(self, lang="ru"):
        if self.origin == "latin":
            return None
        row = MALE[self.father_key]
        return row[(2 if lang == "ru" else 4) + (self.sex == "f")]

    def latin(self, system="icao"):
        """(surname, given) in Latin letters, upper case, as foreign papers print them."""
        if self.origin == "latin":
            return (LATIN_SURNAMES[self.country][self.surname_key][0],
                    LATIN_GIVEN[self.country][self.given_key][0])
        return romanise(self.surname("ru"), system), romanise(self.given("ru"), system)

    def full(self, lang="ru", upper=False, order="spn"):
        parts = [self.surname(lang), self.given(lang)]
        p = self.patronymic(lang)
        if p:
            parts.append(p)
        s = " ".join(parts)
        return s.upper() if upper else s

    def same_name(self, other):
        return (self.surname_key, self.given_key) == (other.surname_key, other.given_key)


def plain_yo(s):
    return s.replace("ё", "е").replace("Ё", "Е")


def make_person(rng, origin, sex, birth_date, citizenship, lang="ru", country=""):
    p = Person(sex=sex, origin=origin, citizenship=citizenship, birth_date=birth_date,
               surname_key=0, given_key=0, lang=lang, country=country)
    if origin == "latin":
        p.surname_key = rng.randrange(len(LATIN_SURNAMES[country]))
        choices = [i for i, g in enumerate(LATIN_GIVEN[country]) if g[2] == sex]
        p.given_key = rng.choice(choices)
        p.town = rng.randrange(len(CITY_EN[country]))
        return p
    p.surname_key = rng.randrange(len(SURNAMES))
    p.given_key = rng.randrange(len(MALE) if sex == "m" else len(FEMALE))
    p.father_key = rng.randrange(len(MALE))
    p.town = rng.randrange(len(BY_TOWNS) if origin == "by" else len(RU_TOWNS))
    p.minsk_district = rng.randrange(len(MINSK_DISTRICTS))
    p.yo = rng.random() < 0.5
    # Parents: the father's given name is the one the patronymic comes from.
    fy = birth_date.year - rng.randint(22, 38)
    p.father = Person(sex="m", origin=origin, citizenship=citizenship,
                      birth_date=dt.date(fy, rng.randint(1, 12), rng.randint(1, 28)),
                      surname_key=p.surname_key, given_key=p.father_key,
                      father_key=rng.randrange(len(MALE)), lang=lang)
    mother_surname = p.surname_key if rng.random() < 0.85 else rng.randrange(len(SURNAMES))
    p.mother = Person(sex="f", origin=origin, citizenship=citizenship,
                      birth_date=dt.date(fy + rng.randint(-3, 6), rng.randint(1, 12), rng.randint(1, 28)),
                      surname_key=mother_surname, given_key=rng.randrange(len(FEMALE)),
                      father_key=rng.randrange(len(MALE)), lang=lang)
    return p


def other_surname(rng, person):
    """A copy of person under a different surname (a maiden name, another person)."""
    table = LATIN_SURNAMES[person.country] if person.origin == "latin" else SURNAMES
    k = rng.choice([i for i in range(len(table)) if i != person.surname_key])
    # The parents on that person's papers carry that surname too.
    parents = {}
    for role in ("father", "mother"):
        par = getattr(person, role)
        if par is not None and par.surname_key == person.surname_key:
            parents[role] = replace(par, surname_key=k)
    return replace(person, surname_key=k, **parents)


def other_given(rng, person):
    if person.origin == "latin":
        choices = [i for i, g in enumerate(LATIN_GIVEN[person.country])
                   if g[2] == person.sex and i != person.given_key]
    else:
        n = len(MALE) if person.sex == "m" else len(FEMALE)
        choices = [i for i in range(n) if i != person.given_key]
    return replace(person, given_key=rng.choice(choices))


# ---------------------------------------------------------------- places of a person

def by_birth_place(p, lang):
    """Place of birth as a Belarusian certificate prints it."""
    t = BY_TOWNS[p.town]
    if lang == "ru":
        if t[2] is None:
            return f"г. {t[0]}, Республика Беларусь"
        return f"г. {t[0]}, {t[2]} область, Республика Беларусь"
    if t[3] is None:
        return f"г. {t[1]}, Рэспубліка Беларусь"
    return f"г. {t[1]}, {t[3]} вобласць, Рэспубліка Беларусь"


def by_registry(p, lang):
    """The civil registry office that registered a birth in Belarus."""
    t = BY_TOWNS[p.town]
    if t[2] is None:
        d = MINSK_DISTRICTS[p.minsk_district]
        if lang == "ru":
            return f"Отдел загса администрации {d[0]} района г. Минска"
        return f"Аддзел загса адміністрацыі {d[1]} раёна г. Мінска"
    if lang == "ru":
        return f"Отдел загса {t[4]} горисполкома"
    return f"Аддзел загса {t[5]} гарвыканкама"


def by_registry_en(p):
    t = BY_TOWNS[p.town]
    if t[2] is None:
        d = MINSK_DISTRICTS[p.minsk_district][2]
        return f"Civil Registry Office of the {d} District Administration of Minsk"
    return f"Civil Registry Office of the {BY_TOWNS_EN[p.town]} City Executive Committee"


def ru_birth_place(p):
    return f"г. {RU_TOWNS[p.town][0]}, Российская Федерация"
