"""Name and place data for the demo-data generator (`registry_server.demo`).

Every person the generator makes is invented: a random combination of common given names
and surnames of the person's nationality, with random dates, document numbers and codes.
No list here describes a real individual.

Scripts:

- Cyrillic nationalities (RUS, UKR, BLR, KAZ, KGZ, TJK) keep the name in Cyrillic in the
  ``*_native`` fields; the Latin fields are the ICAO 9303 transliteration
  (`registry_core.names.transliterate_icao`), the older BGN/PCGN spelling (or the Ukrainian
  national one) may appear as another identity, and the Latvian reproduction is built by
  `latvian_reproduction`.
- Latin-script nationalities with diacritics (UZB, AZE, ALB, MDA, VNM, CMR) keep the
  original spelling as the native form; the Latin fields drop the diacritics (`latin_upper`).
- Georgian, Armenian and Arabic-script names are (native, Latin) pairs as printed in
  the passport.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# --------------------------------------------------------------------------- helpers

# Letters that NFKD does not decompose, as passports write them in Latin capitals.
_LATIN_SPECIAL = {
    "Ə": "A", "ə": "A", "ı": "I", "Đ": "D", "đ": "D", "Ø": "O", "ø": "O", "Ł": "L", "ł": "L",
    "ß": "SS", "ʻ": "", "ʼ": "", "'": "", "’": "", "‘": "",
}  # fmt: skip


def latin_upper(text: str) -> str:
    """Upper-case Latin without diacritics, as in the Latin fields of a passport."""
    mapped = "".join(_LATIN_SPECIAL.get(ch, ch) for ch in text)
    decomposed = unicodedata.normalize("NFKD", mapped)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).upper()


# BGN/PCGN-style spelling used in Russian passports before about 2013 (YULIYA, ANDREY).
_BGN = {
    "А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Е": "E", "Ё": "YE", "Ж": "ZH",
    "З": "Z", "И": "I", "Й": "Y", "К": "K", "Л": "L", "М": "M", "Н": "N", "О": "O",
    "П": "P", "Р": "R", "С": "S", "Т": "T", "У": "U", "Ф": "F", "Х": "KH", "Ц": "TS",
    "Ч": "CH", "Ш": "SH", "Щ": "SHCH", "Ъ": "", "Ы": "Y", "Ь": "", "Э": "E", "Ю": "YU",
    "Я": "YA", "І": "I", "Ў": "U",
}  # fmt: skip
_VOWELS_CYR = set("АЕЁИОУЫЭЮЯІЇЄЎ")


def bgn(text: str) -> str:
    """Older (BGN/PCGN-like) Latin spelling of a Russian-script name, upper case."""
    out: list[str] = []
    prev = ""
    for ch in text.upper():
        if ch == "Е" and (not prev or prev in _VOWELS_CYR or prev in "ЪЬ "):
            out.append("YE")
        else:
            out.append(_BGN.get(ch, ch))
        prev = ch
    return "".join(out)


# Ukrainian national transliteration (Cabinet of Ministers of Ukraine resolution 55, 2010).
_UKR_NATIONAL = {
    "А": "A", "Б": "B", "В": "V", "Г": "H", "Ґ": "G", "Д": "D", "Е": "E", "Є": "IE",
    "Ж": "ZH", "З": "Z", "И": "Y", "І": "I", "Ї": "I", "Й": "I", "К": "K", "Л": "L",
    "М": "M", "Н": "N", "О": "O", "П": "P", "Р": "R", "С": "S", "Т": "T", "У": "U",
    "Ф": "F", "Х": "KH", "Ц": "TS", "Ч": "CH", "Ш": "SH", "Щ": "SHCH", "Ь": "", "Ю": "IU",
    "Я": "IA",
}  # fmt: skip
_UKR_INITIAL = {"Є": "YE", "Ї": "YI", "Й": "Y", "Ю": "YU", "Я": "YA"}


def ukrainian_national(text: str) -> str:
    """Ukrainian passport spelling (Г → H, И → Y; initial Є, Ї, Й, Ю, Я → YE, YI, Y, YU, YA)."""
    out: list[str] = []
    prev = " "
    for ch in text.upper():
        if prev == " " and ch in _UKR_INITIAL:
            out.append(_UKR_INITIAL[ch])
        elif prev == "З" and ch == "Г":
            out.append("GH")
        else:
            out.append(_UKR_NATIONAL.get(ch, ch))
        prev = ch
    return "".join(out)


# Latvian reproduction of Cyrillic names (the Latvian spelling of a foreign name).
_LV = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "jo",
    "є": "je", "ж": "ž", "з": "z", "и": "i", "і": "i", "ї": "ji", "й": "j", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ў": "u", "ф": "f", "х": "h", "ц": "c", "ч": "č", "ш": "š", "щ": "šč",
    "ъ": "", "ы": "i", "ь": "", "э": "e", "ю": "ju", "я": "ja",
}  # fmt: skip
_LV_SOFT = {"л": "ļ", "н": "ņ"}
_LV_VOWELS = set("аеёєиіїоуўыэюя")


def _lv_letters(text: str, lang: str) -> str:
    low = text.lower()
    out: list[str] = []
    for i, ch in enumerate(low):
        nxt = low[i + 1] if i + 1 < len(low) else ""
        prev = low[i - 1] if i else ""
        if ch in _LV_SOFT and nxt == "ь":
            out.append(_LV_SOFT[ch])
        elif ch == "г" and lang in ("uk", "be"):
            out.append("h")
        elif ch == "и" and lang == "uk":
            out.append("i")
        elif ch == "е" and (not prev or prev in _LV_VOWELS or prev in "ъь"):
            out.append("je")
        else:
            out.append(_LV.get(ch, ch))
    return "".join(out)


def latvian_reproduction(surname: str, *, female: bool, lang: str = "ru") -> str:
    """Latvian form of a Cyrillic surname: Щеглова → Ščeglova, Видный → Vidnijs,
    Иванов → Ivanovs, Петровская → Petrovska, Шевченко → Ševčenko."""
    low = surname.lower()
    if female:
        for tail, lv_tail in (("ская", "ska"), ("цкая", "cka"), ("ська", "ska"), ("цька", "cka")):
            if low.endswith(tail):
                return (_lv_letters(low[: -len(tail)], lang) + lv_tail).capitalize()
        return _lv_letters(low, lang).capitalize()
    lv = _lv_letters(low, lang)
    if lv.endswith(("ij", "oj", "ej", "aj", "uj")):
        lv += "s"
    elif lv.endswith("i"):
        lv += "s"
    elif lv.endswith("s"):
        lv += "s"
    elif lv[-1:] not in ("a", "e", "o", "u", ""):
        lv += "s"
    return lv.capitalize()


_FEMININE_RU = (
    ("ский", "ская"), ("цкий", "цкая"), ("ый", "ая"), ("ой", "ая"),
    ("ов", "ова"), ("ев", "ева"), ("ёв", "ёва"), ("ин", "ина"), ("ын", "ына"),
)  # fmt: skip
_FEMININE_UK = (
    ("ський", "ська"), ("цький", "цька"), ("ий", "а"), ("ов", "ова"), ("ін", "іна"), ("ин", "ина"),
)  # fmt: skip
_FEMININE_BE = (
    ("скі", "ская"), ("цкі", "цкая"), ("оў", "ова"), ("еў", "ева"), ("ёў", "ёва"), ("аў", "ава"),
    ("ін", "іна"),
)  # fmt: skip
_FEMININE_LATIN = (("ov", "ova"), ("ev", "eva"), ("yev", "yeva"))


def feminine_surname(surname: str, rules: str) -> str:
    """Feminine form of a Slavic/Central Asian masculine surname; others are unchanged."""
    table = {
        "ru": _FEMININE_RU,
        "uk": _FEMININE_UK,
        "be": _FEMININE_BE,
        "latin": _FEMININE_LATIN,
    }.get(rules, ())
    for tail, fem in table:
        if surname.endswith(tail):
            return surname[: -len(tail)] + fem
    return surname


def patronymic(father: str, *, female: bool, rules: str) -> str:
    """Patronymic from the father's given name: Андрей → Андреевич / Андреевна (Russian
    rules; Ukrainian Андрій → Андрійович / Андріївна; Belarusian Сяргей → Сяргеевіч)."""
    special = _PATRONYMIC_EXCEPTIONS.get((rules, father))
    if special:
        return special[1 if female else 0]
    if rules == "uk":
        if father.endswith("ій"):
            return father[:-1] + ("ївна" if female else "йович")
        if father.endswith(("о", "а")):
            return father[:-1] + ("івна" if female else "ович")
        if father.endswith("ь"):
            return father[:-1] + "івна" if female else father + "ович"
        return father + ("івна" if female else "ович")
    if rules == "be":
        if father.endswith(("ай", "ей", "эй", "ый", "ій", "ь")):
            return father[:-1] + ("еўна" if female else "евіч")
        return father + ("аўна" if female else "авіч")
    if father.endswith("ий"):
        return father[:-2] + ("ьевна" if female else "ьевич")
    if father.endswith(("ей", "ай")):
        return father[:-1] + ("евна" if female else "евич")
    if father.endswith("ь"):
        return father[:-1] + ("евна" if female else "евич")
    if father.endswith("а"):
        return father[:-1] + ("ична" if female else "ич")
    if father.endswith(("и", "о", "е", "у")):
        return father + ("евна" if female else "евич")
    return father + ("овна" if female else "ович")


_PATRONYMIC_EXCEPTIONS = {
    ("ru", "Дмитрий"): ("Дмитриевич", "Дмитриевна"),
    ("ru", "Павел"): ("Павлович", "Павловна"),
    ("ru", "Михаил"): ("Михайлович", "Михайловна"),
    ("ru", "Илья"): ("Ильич", "Ильинична"),
    ("be", "Павел"): ("Паўлавіч", "Паўлаўна"),
    ("uk", "Михайло"): ("Михайлович", "Михайлівна"),
    ("uk", "Микола"): ("Миколайович", "Миколаївна"),
}


# --------------------------------------------------------------------------- Georgian

_GEORGIAN = {
    "ა": "A", "ბ": "B", "გ": "G", "დ": "D", "ე": "E", "ვ": "V", "ზ": "Z", "თ": "T",
    "ი": "I", "კ": "K", "ლ": "L", "მ": "M", "ნ": "N", "ო": "O", "პ": "P", "ჟ": "ZH",
    "რ": "R", "ს": "S", "ტ": "T", "უ": "U", "ფ": "P", "ქ": "K", "ღ": "GH", "ყ": "Q",
    "შ": "SH", "ჩ": "CH", "ც": "TS", "ძ": "DZ", "წ": "TS", "ჭ": "CH", "ხ": "KH",
    "ჯ": "J", "ჰ": "H",
}  # fmt: skip


def georgian_latin(text: str) -> str:
    """Georgian national romanisation (2002) as printed in passports, without apostrophes."""
    return "".join(_GEORGIAN.get(ch, ch) for ch in text)


# --------------------------------------------------------------------------- data types


@dataclass(frozen=True, slots=True)
class Given:
    """A given name: the native spelling and, for Cyrillic ones, its Latvian form."""

    native: str
    lv: str | None = None
    latin: str | None = None  # for scripts without an automatic romanisation


@dataclass(frozen=True, slots=True)
class NameSet:
    script: str  # cyrillic | latin | georgian | pairs
    rules: str  # feminine-surname / patronymic rules: ru, uk, be, latin, none
    male: tuple[Given, ...]
    female: tuple[Given, ...]
    surnames: tuple[Given, ...]
    patronymic: bool = False
    lang: str = "ru"  # for the Latvian reproduction of Cyrillic names
    # Vietnamese: middle names by sex, written between surname and given name.
    middle_male: tuple[str, ...] = ()
    middle_female: tuple[str, ...] = ()


def _g(pairs: str) -> tuple[Given, ...]:
    """'Native:Lv, Native:Lv' → Given tuples (Cyrillic names with their Latvian forms)."""
    out = []
    for item in pairs.split(","):
        native, _, lv = item.strip().partition(":")
        out.append(Given(native, lv or None))
    return tuple(out)


def _n(names: str) -> tuple[Given, ...]:
    return tuple(Given(n.strip()) for n in names.split(",") if n.strip())


def _p(pairs: str) -> tuple[Given, ...]:
    """'Native=LATIN, …' → Given tuples for scripts spelt out by hand."""
    out = []
    for item in pairs.split(","):
        native, _, latin = item.strip().partition("=")
        out.append(Given(native.strip(), None, latin.strip()))
    return tuple(out)


RU_MALE = _g(
    "Александр:Aleksandrs, Алексей:Aleksejs, Андрей:Andrejs, Дмитрий:Dmitrijs, "
    "Сергей:Sergejs, Иван:Ivans, Максим:Maksims, Михаил:Mihails, Николай:Nikolajs, "
    "Павел:Pāvels, Владимир:Vladimirs, Евгений:Jevgeņijs, Артём:Artjoms, Игорь:Igors, "
    "Олег:Olegs, Роман:Romāns, Денис:Deniss, Виктор:Viktors, Юрий:Jurijs, Антон:Antons, "
    "Кирилл:Kirils, Илья:Iļja, Егор:Jegors, Вадим:Vadims, Константин:Konstantīns, "
    "Григорий:Grigorijs, Станислав:Staņislavs, Руслан:Ruslans, Василий:Vasilijs, Никита:Ņikita"
)
RU_FEMALE = _g(
    "Анна:Anna, Мария:Marija, Елена:Jeļena, Ольга:Oļga, Наталья:Natālija, Татьяна:Tatjana, "
    "Ирина:Irina, Светлана:Svetlana, Юлия:Jūlija, Екатерина:Jekaterina, "
    "Анастасия:Anastasija, Дарья:Darja, Ксения:Ksenija, Виктория:Viktorija, Алина:Alīna, "
    "Евгения:Jevgeņija, Людмила:Ludmila, Галина:Gaļina, Марина:Marina, Валентина:Valentīna, "
    "Полина:Poļina, Вера:Vera, Надежда:Nadežda, Кристина:Kristīna, Яна:Jana, Оксана:Oksana"
)
RU_SURNAMES = _n(
    "Иванов, Смирнов, Кузнецов, Попов, Васильев, Петров, Соколов, Михайлов, Новиков, "
    "Фёдоров, Морозов, Волков, Алексеев, Лебедев, Семёнов, Егоров, Павлов, Козлов, "
    "Степанов, Николаев, Орлов, Андреев, Макаров, Никитин, Захаров, Зайцев, Соловьёв, "
    "Борисов, Яковлев, Григорьев, Романов, Воробьёв, Сергеев, Кузьмин, Фролов, Александров, "
    "Дмитриев, Королёв, Гусев, Киселёв, Ильин, Максимов, Поляков, Сорокин, Виноградов, "
    "Ковалёв, Белов, Медведев, Антонов, Тарасов, Жуков, Баранов, Филиппов, Комаров, "
    "Давыдов, Беляев, Герасимов, Богданов, Осипов, Сидоров, Матвеев, Титов, Марков, "
    "Миронов, Крылов, Куликов, Карпов, Власов, Мельников, Денисов, Гаврилов, Тихонов, "
    "Казаков, Данилов, Щеглов, Видный, Разъездной, Вишневский, Покровский, Лановой, "
    "Полевой, Чернышёв, Белых, Седых, Кудрявцев, Прохоров, Журавлёв, Щербаков, Рябов, "
    "Шишкин, Юдин, Цветков, Хохлов, Некрасов, Лаптев, Шубин, Царёв, Ефимов, Логинов"
)

UK_MALE = _g(
    "Олександр:Oleksandrs, Андрій:Andrijs, Дмитро:Dmitro, Сергій:Serhijs, "
    "Володимир:Volodimirs, Іван:Ivans, Микола:Mikola, Віталій:Vitālijs, Богдан:Bohdans, "
    "Тарас:Tarass, Юрій:Jurijs, Олег:Olegs, Максим:Maksims, Василь:Vasiļs, Петро:Petro, "
    "Ярослав:Jaroslavs, Віктор:Viktors, Роман:Romāns, Михайло:Mihailo, Степан:Stepans"
)
UK_FEMALE = _g(
    "Олена:Olena, Наталія:Natālija, Тетяна:Tetjana, Ірина:Irina, Оксана:Oksana, "
    "Юлія:Jūlija, Світлана:Svitlana, Катерина:Katerina, Марія:Marija, Людмила:Ludmila, "
    "Галина:Halina, Анна:Anna, Вікторія:Viktorija, Ольга:Oļha, Софія:Sofija, "
    "Анастасія:Anastasija, Дарина:Darina, Валентина:Valentīna, Надія:Nadija, Христина:Hristina"
)
UK_SURNAMES = _n(
    "Шевченко, Коваленко, Бондаренко, Ткаченко, Кравченко, Олійник, Шевчук, Коваль, "
    "Поліщук, Бойко, Ткачук, Мельник, Лисенко, Марченко, Руденко, Савченко, Петренко, "
    "Клименко, Павленко, Кравчук, Кузьменко, Литвиненко, Мороз, Гончаренко, Романенко, "
    "Савчук, Левченко, Ковальчук, Мельничук, Гнатюк, Яковенко, Дорошенко, Харченко, "
    "Пономаренко, Сидоренко, Власенко, Захарченко, Карпенко, Остапенко, Вовк, Білий, "
    "Ковальський, Гаврилюк, Онищенко, Приходько, Стеценко, Іваненко, Федоренко, Павлов, Лисицин"
)

BE_MALE = _g(
    "Аляксандр:Aļaksandrs, Сяргей:Sjargejs, Дзмітрый:Dzmitrijs, Андрэй:Andrejs, "
    "Уладзімір:Uladzimirs, Мікалай:Mikalajs, Алег:Alegs, Віктар:Viktars, Ігар:Ihars, "
    "Максім:Maksims, Васіль:Vasiļs, Раман:Ramans, Яўген:Jaugens, Павел:Pāvels, Антон:Antons"
)
BE_FEMALE = _g(
    "Алена:Aļena, Наталля:Natallja, Вольга:Voļha, Таццяна:Taccjana, Ірына:Irina, "
    "Святлана:Svjatlana, Юлія:Jūlija, Марыя:Marija, Ганна:Hanna, Кацярына:Kacjarina, "
    "Анастасія:Anastasija, Вікторыя:Viktorija, Людміла:Ludmila, Крысціна:Kriscina, Алеся:Aļesja"
)
BE_SURNAMES = _n(
    "Іваноў, Новік, Каваленка, Шапавалаў, Лукашэвіч, Кавалёў, Мельнік, Казлоў, Бондар, "
    "Шыманскі, Макарэвіч, Жук, Клімовіч, Марозаў, Петрашэвіч, Гурыновіч, Кузьміч, Сакалоў, "
    "Карповіч, Якімовіч, Грыневіч, Кірэенка, Савіцкі, Пятровіч, Мацкевіч, Ярашэвіч, "
    "Навіцкі, Сідарэнка, Балтрукевіч, Шаўчук"
)

KZ_MALE = _g(
    "Нурлан:Nurlans, Ерлан:Jerlans, Асхат:Ashats, Бауржан:Bauržans, Дамир:Damirs, "
    "Айдос:Aidoss, Арман:Armans, Данияр:Danijars, Ержан:Jeržans, Марат:Marats, Тимур:Timurs, "
    "Серик:Seriks, Руслан:Ruslans, Азамат:Azamats, Жандос:Žandoss, Канат:Kanats, "
    "Бекзат:Bekzats, Ербол:Jerbols"
)
KZ_FEMALE = _g(
    "Айгуль:Aigule, Динара:Dinara, Жанна:Žanna, Гульнара:Gulnara, Асель:Asele, "
    "Айжан:Aižana, Салтанат:Saltanata, Мадина:Madina, Алия:Alija, Камила:Kamila, "
    "Айгерим:Aigerima, Дана:Dana, Сауле:Saule, Жазира:Žazira"
)
KZ_SURNAMES = _n(
    "Ахметов, Абдрахманов, Жумабаев, Касымов, Омаров, Искаков, Сулейменов, Тулегенов, "
    "Байжанов, Нурпеисов, Кенжебаев, Есенов, Садыков, Мухамедов, Алиев, Исмаилов, "
    "Бекмуханов, Жаксылыков, Утемисов, Серикбаев, Нургалиев, Абенов, Оспанов, Мамбетов"
)

KG_MALE = _g(
    "Азамат:Azamats, Бакыт:Bakits, Эрлан:Erlans, Нурбек:Nurbeks, Мирлан:Mirlans, "
    "Улан:Ulans, Бектур:Bekturs, Чынгыз:Čingizs, Айбек:Aibeks, Канат:Kanats, Нурлан:Nurlans, "
    "Талант:Talants, Эрмек:Ermeks, Алмаз:Almazs, Данияр:Danijars"
)
KG_FEMALE = _g(
    "Айпери:Aiperi, Жылдыз:Žildiza, Назгуль:Nazgule, Бермет:Bermeta, Айзада:Aizada, "
    "Гульзат:Gulzata, Чолпон:Čolpona, Нургуль:Nurgule, Асель:Asele, Динара:Dinara, "
    "Айжан:Aižana, Алтынай:Altinaja, Гулнара:Gulnara"
)
KG_SURNAMES = _n(
    "Абдыкадыров, Токтогулов, Мамытов, Эсенбаев, Осмонов, Жээнбеков, Асанов, Сыдыков, "
    "Бакиров, Орозбаев, Алымбеков, Турдубаев, Касымбеков, Абдыраимов, Мамбетов, "
    "Сатыбалдиев, Кадыров, Исаков, Маматов, Токтосунов"
)

TJ_MALE = _g(
    "Фаррух:Farruhs, Джамшед:Džamšeds, Фирдавс:Firdavss, Далер:Dalers, Умед:Umeds, "
    "Рустам:Rustams, Бахтиёр:Bahtijors, Сухроб:Suhrobs, Исмоил:Ismoils, Шерали:Šerali, "
    "Абдулло:Abdullo, Сомон:Somons, Комрон:Komrons, Манучехр:Manučehrs, Парвиз:Parvizs"
)
TJ_FEMALE = _g(
    "Мадина:Madina, Шахноза:Šahnoza, Нигора:Nigora, Зарина:Zarina, Малика:Malika, "
    "Гулнора:Gulnora, Мехрона:Mehrona, Парвина:Parvina, Тахмина:Tahmina, Дилноза:Dilnoza, "
    "Фарангис:Farangisa, Сабрина:Sabrina"
)
TJ_SURNAMES = _n(
    "Рахимов, Назаров, Шарипов, Саидов, Каримов, Холов, Сафаров, Давлатов, Мирзоев, "
    "Ашуров, Рахмонов, Юсуфов, Абдуллоев, Гафуров, Курбонов, Султонов, Файзуллоев, "
    "Наимов, Хакимов, Зиёев, Исмоилов, Одинаев, Бобоев, Каюмов, Махмадов"
)

UZ_MALE = _n(
    "Sherzod, Jasur, Bekzod, Otabek, Aziz, Jahongir, Sardor, Dilshod, Ulugʻbek, Rustam, "
    "Doniyor, Akmal, Bobur, Farrux, Oʻtkir, Sanjar, Javohir, Islom, Abdulla, Nodir, Shavkat, "
    "Anvar, Ilhom, Temur, Jamshid, Behruz, Elyor, Mirjalol, Xurshid, Shoxrux"
)
UZ_FEMALE = _n(
    "Dilnoza, Gulnora, Nilufar, Shahnoza, Madina, Zarina, Malika, Mohira, Sevara, Feruza, "
    "Dilfuza, Gulchehra, Nodira, Munisa, Kamola, Zilola, Umida, Maftuna, Sabina, Gulnoza"
)
UZ_SURNAMES = _n(
    "Rahimov, Karimov, Yusupov, Abdullayev, Tursunov, Ergashev, Xolmatov, Nazarov, Qodirov, "
    "Gʻofurov, Mirzayev, Sobirov, Toshmatov, Umarov, Raxmonov, Aliyev, Ismoilov, Hasanov, "
    "Saidov, Usmonov, Joʻrayev, Normatov, Qosimov, Sultonov, Yoʻldoshev, Hamidov, Sharipov, "
    "Murodov, Boboyev, Xudoyberdiyev"
)

AZ_MALE = _n(
    "Elvin, Rəşad, Orxan, Tural, Elşən, Kamran, Vüqar, Murad, Nicat, Anar, Rauf, Elnur, "
    "Fərid, Ramil, Səbuhi, Emin, Zaur, Rüfət, Cavid, İlkin"
)
AZ_FEMALE = _n(
    "Aysel, Günel, Leyla, Nərmin, Səbinə, Aynur, Lalə, Ülviyyə, Gülnar, Könül, Nigar, "
    "Aytən, Şəbnəm, Fidan, Zəhra"
)
AZ_SURNAMES = _n(
    "Məmmədov, Əliyev, Hüseynov, Quliyev, Həsənov, İsmayılov, Abbasov, Bağırov, Rzayev, "
    "Nəsirov, Cəfərov, Əhmədov, Musayev, Süleymanov, Qasımov, Kərimov, Rəhimov, Orucov, "
    "Vəliyev, Əsgərov"
)

AL_MALE = _n(
    "Arben, Besnik, Dritan, Ermal, Gentian, Ilir, Klodian, Fatjon, Erion, Altin, Blerim, "
    "Artan, Edmond, Elton, Ervin, Florian, Gëzim, Kristi, Redon, Sokol"
)
AL_FEMALE = _n(
    "Anila, Blerina, Elona, Enkeleda, Jonida, Mirela, Ornela, Valbona, Xhensila, Rezarta, "
    "Klea, Ardita, Brunilda, Dorina, Eralda"
)
AL_SURNAMES = _n(
    "Hoxha, Shehu, Leka, Dervishi, Çela, Gjoka, Kola, Mema, Basha, Marku, Brahimi, Hysa, "
    "Krasniqi, Muça, Prifti, Lika, Gjika, Kuqi, Zeqiri, Dushku, Meta, Topalli, Bregu, Sula, Hasani"
)

MD_MALE = _n(
    "Ion, Vasile, Andrei, Mihai, Alexandru, Sergiu, Victor, Nicolae, Dumitru, Vladimir, Igor, "
    "Gheorghe, Constantin, Valeriu, Veaceslav, Maxim, Denis, Radu, Vitalie, Iurie"
)
MD_FEMALE = _n(
    "Maria, Elena, Ana, Tatiana, Natalia, Cristina, Olga, Ecaterina, Svetlana, Ludmila, "
    "Irina, Mariana, Doina, Valentina, Angela"
)
MD_SURNAMES = _n(
    "Rusu, Ceban, Ciobanu, Țurcanu, Cebotari, Lungu, Munteanu, Moraru, Popa, Sîrbu, Roșca, "
    "Bălan, Cojocaru, Guțu, Lupu, Botnari, Melnic, Bivol, Grosu, Căldare, Ursu, Sandu, "
    "Rotaru, Chiriac, Croitoru"
)

VN_SURNAMES = _n(
    "Nguyễn, Nguyễn, Nguyễn, Nguyễn, Nguyễn, Trần, Trần, Lê, Lê, Phạm, Phạm, Hoàng, Huỳnh, "
    "Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương, Lý"
)
VN_MALE = _n(
    "Anh, Dũng, Hùng, Tuấn, Minh, Nam, Quang, Long, Hải, Sơn, Thắng, Phúc, Hiếu, Khoa, "
    "Trung, Đạt, Cường, Tùng"
)
VN_FEMALE = _n(
    "Lan, Hương, Linh, Mai, Thảo, Hạnh, Ngọc, Trang, Hoa, Nhung, Huyền, Phương, Thủy, Yến, Hằng, Vy"
)

IN_MALE = _n(
    "Rahul, Amit, Vikram, Rajesh, Sandeep, Arjun, Manpreet, Gurpreet, Harpreet, Sunil, "
    "Deepak, Anil, Ravi, Suresh, Karan, Rohit, Vijay, Mohit, Ajay, Jaspreet, Sukhwinder, "
    "Lovepreet, Navdeep, Akash, Nikhil"
)
IN_FEMALE = _n(
    "Priya, Anjali, Neha, Pooja, Sunita, Kavita, Simran, Harleen, Divya, Meena, Ritu, "
    "Navneet, Sonia, Komal, Rajwinder"
)
IN_SURNAMES = _n(
    "Singh, Singh, Singh, Kumar, Kumar, Sharma, Patel, Gupta, Verma, Reddy, Yadav, Gill, "
    "Sandhu, Dhillon, Rao, Nair, Mehta, Joshi, Chauhan, Thakur, Sidhu, Grewal, Brar, "
    "Malhotra, Das, Mishra, Pandey, Saini"
)

PK_MALE = _n(
    "Muhammad, Ali, Ahmed, Hassan, Usman, Bilal, Imran, Asif, Waqas, Zeeshan, Hamza, "
    "Faisal, Adnan, Kamran, Shahid, Tariq, Umar, Arslan, Saad, Junaid"
)
PK_FEMALE = _n("Ayesha, Fatima, Sana, Hina, Maryam, Amna, Saima, Rabia, Zainab, Nida")
PK_SURNAMES = _n(
    "Khan, Ahmed, Ali, Hussain, Butt, Malik, Iqbal, Shah, Raza, Chaudhry, Akhtar, Mirza, "
    "Qureshi, Sheikh, Javed, Abbasi, Rana, Bhatti, Aslam, Nawaz"
)

CM_MALE = _n(
    "Jean, Paul, Emmanuel, Franck, Serge, Christian, Boris, Hervé, Patrick, Junior, Blaise, "
    "Landry, Cyrille, Arnaud, Yannick, Jean Paul, Jean Marie"
)
CM_FEMALE = _n(
    "Marie, Brenda, Nadège, Carine, Sandrine, Estelle, Grace, Larissa, Murielle, Chantal, "
    "Marie Claire"
)
CM_SURNAMES = _n(
    "Mbarga, Ngono, Fotso, Tchinda, Nkoulou, Mbah, Kamga, Njoya, Tchoupo, Abena, Ndjock, "
    "Fouda, Nana, Tagne, Essomba, Atangana, Ekotto, Kengne, Momo, Ngassa"
)

NG_MALE = _n(
    "Chinedu, Emeka, Oluwaseun, Ibrahim, Tunde, Chukwuemeka, Adebayo, Uche, Musa, Obinna, "
    "Ifeanyi, Segun, Kelechi, Yusuf, Femi"
)
NG_FEMALE = _n(
    "Ngozi, Chioma, Funmilayo, Aisha, Blessing, Amaka, Yetunde, Adaeze, Folake, Precious, "
    "Zainab, Ifeoma"
)
NG_SURNAMES = _n(
    "Okafor, Adeyemi, Okonkwo, Eze, Bello, Ibrahim, Olawale, Nwosu, Abubakar, Ogunleye, "
    "Chukwu, Balogun, Okeke, Adebayo, Nnamdi, Obi, Uzoma, Afolabi, Ogunbiyi, Onyekachi"
)

GE_MALE = _n(
    "გიორგი, ლევან, დავით, ზურაბ, ირაკლი, ლაშა, თამაზ, ნიკოლოზ, გიგა, ბექა, ალექსანდრე, "
    "ვახტანგ, მამუკა, შოთა, გოჩა"
)
GE_FEMALE = _n(
    "ნინო, მარიამ, თამარ, ანა, სალომე, ნათია, ეკატერინე, ქეთევან, მაკა, ლიკა, ნანა, თეონა, "
    "ხათუნა, მანანა"
)
GE_SURNAMES = _n(
    "ბერიძე, კაპანაძე, გელაშვილი, მაისურაძე, გიორგაძე, ლომიძე, ნოზაძე, ხუციშვილი, "
    "კვარაცხელია, აბაშიძე, ჯაფარიძე, ბოლქვაძე, ნემსაძე, მამულაშვილი, ცერცვაძე, კიკნაძე, "
    "ტაბატაძე, ჩხეიძე, შენგელია"
)

AM_MALE = _p(
    "Արամ=ARAM, Հայկ=HAYK, Դավիթ=DAVIT, Արմեն=ARMEN, Տիգրան=TIGRAN, Գևորգ=GEVORG, "
    "Արթուր=ARTUR, Կարեն=KAREN, Նարեկ=NAREK, Սարգիս=SARGIS, Վահե=VAHE, Աշոտ=ASHOT, "
    "Արսեն=ARSEN, Հովհաննես=HOVHANNES, Գագիկ=GAGIK"
)
AM_FEMALE = _p(
    "Անի=ANI, Մարիամ=MARIAM, Նարինե=NARINE, Լիլիթ=LILIT, Աննա=ANNA, Գայանե=GAYANE, "
    "Սոնա=SONA, Արմինե=ARMINE, Աստղիկ=ASTGHIK, Լուսինե=LUSINE, Անահիտ=ANAHIT, Հասմիկ=HASMIK"
)
AM_SURNAMES = _p(
    "Գրիգորյան=GRIGORYAN, Հակոբյան=HAKOBYAN, Սարգսյան=SARGSYAN, Հարությունյան=HARUTYUNYAN, "
    "Պետրոսյան=PETROSYAN, Մկրտչյան=MKRTCHYAN, Խաչատրյան=KHACHATRYAN, Ավետիսյան=AVETISYAN, "
    "Վարդանյան=VARDANYAN, Կարապետյան=KARAPETYAN, Գևորգյան=GEVORGYAN, "
    "Մարտիրոսյան=MARTIROSYAN, Ստեփանյան=STEPANYAN, Մանուկյան=MANUKYAN, "
    "Հովհաննիսյան=HOVHANNISYAN"
)

IQ_MALE = _p(
    "محمد=MOHAMMED, أحمد=AHMED, علي=ALI, حسين=HUSSEIN, عمر=OMAR, مصطفى=MUSTAFA, حيدر=HAIDER, "
    "عباس=ABBAS, يوسف=YOUSIF, كرار=KARRAR, زيد=ZAID, حسن=HASSAN, ابراهيم=IBRAHIM, سيف=SAIF"
)
IQ_FEMALE = _p(
    "فاطمة=FATIMA, زينب=ZAINAB, مريم=MARYAM, نور=NOOR, سارة=SARA, هدى=HUDA, زهراء=ZAHRAA, آية=AYA"
)
IQ_SURNAMES = _p(
    "الجبوري=AL-JUBOORI, العبيدي=AL-OBAIDI, التميمي=AL-TAMIMI, الدليمي=AL-DULAIMI, "
    "الشمري=AL-SHAMMARI, الزبيدي=AL-ZUBAIDI, العزاوي=AL-AZZAWI, الساعدي=AL-SAADI, "
    "الخفاجي=AL-KHAFAJI, كريم=KAREEM, جاسم=JASIM, حسن=HASSAN, عبد الله=ABDULLAH"
)

SY_MALE = _p(
    "محمد=MOHAMAD, أحمد=AHMAD, خالد=KHALED, عمر=OMAR, محمود=MAHMOUD, يوسف=YOUSEF, "
    "باسل=BASEL, سامر=SAMER, رامي=RAMI, عبد الرحمن=ABDULRAHMAN"
)
SY_FEMALE = _p("فاطمة=FATIMA, هبة=HIBA, رهف=RAHAF, سلمى=SALMA, نور=NOUR, ريم=REEM, آلاء=ALAA")
SY_SURNAMES = _p(
    "الخطيب=ALKHATIB, المصري=ALMASRI, الحلبي=ALHALABI, الشامي=ALSHAMI, حداد=HADDAD, "
    "إبراهيم=IBRAHIM, العلي=ALALI, الحمصي=ALHOMSI, قاسم=KASSEM, سليمان=SULEIMAN"
)

AF_MALE = _p(
    "محمد=MOHAMMAD, احمد=AHMAD, نجیب=NAJIB, جاوید=JAWID, فرید=FARID, ظاهر=ZAHIR, "
    "عبدالله=ABDULLAH, حمید=HAMID, رحیم=RAHIM, شفیق=SHAFIQ, سهراب=SOHRAB"
)
AF_FEMALE = _p(
    "فاطمه=FATIMA, زهرا=ZAHRA, مریم=MARYAM, شبنم=SHABNAM, فرزانه=FARZANA, لیلا=LAILA, نرگس=NARGIS"
)
AF_SURNAMES = _p(
    "احمدی=AHMADI, رحیمی=RAHIMI, حیدری=HAIDARI, کریمی=KARIMI, نوری=NOORI, صدیقی=SIDDIQI, "
    "حکیمی=HAKIMI, محمدی=MOHAMMADI, عزیزی=AZIZI, هاشمی=HASHIMI, نظری=NAZARI, سلطانی=SULTANI"
)


# --------------------------------------------------------------------------- nationalities


@dataclass(frozen=True, slots=True)
class Nationality:
    code: str
    weight: float  # share of persons, per cent (domain.md §1.3, §7.1)
    names: NameSet
    languages: tuple[str, ...]  # first: mother tongue; then others the person may speak
    cities: tuple[str, ...]
    passport: str  # number pattern: L letter, # digit
    passport_letters: str = "ABCEHKMNPTX"
    foreign_id: str | None = None  # national identity number: pattern or kind
    id_card: bool = False  # holders of a national ID card (TD1) travel with it sometimes
    authority: str = "Ministry of Internal Affairs"
    partial_dob: float = 0.015  # share of persons whose date of birth is partial


_CYR = "cyrillic"

NATIONALITIES: tuple[Nationality, ...] = (
    Nationality(
        "UZB", 17.0, NameSet("latin", "latin", UZ_MALE, UZ_FEMALE, UZ_SURNAMES),
        ("uz", "ru"), ("Toshkent", "Samarqand", "Andijon", "Namangan", "Buxoro", "Qarshi",
                       "Nukus", "Jizzax", "Urganch", "Fargʻona"),
        "LL#######", "AFKB", foreign_id="pinfl", authority="IIV",
    ),
    Nationality(
        "RUS", 14.0,
        NameSet(_CYR, "ru", RU_MALE, RU_FEMALE, RU_SURNAMES, patronymic=True, lang="ru"),
        ("ru",), ("Moskva", "Sankt-Peterburg", "Pskov", "Smolensk", "Velikie Luki",
                  "Velikii Novgorod", "Tver", "Kaliningrad", "Briansk", "Kazan", "Samara"),
        "#########", authority="MVD",
    ),
    Nationality(
        "IND", 10.0, NameSet("latin", "none", IN_MALE, IN_FEMALE, IN_SURNAMES),
        ("hi", "pa", "en"), ("Amritsar", "Jalandhar", "Ludhiana", "Delhi", "Mumbai",
                             "Chandigarh", "Patiala", "Hyderabad", "Kolkata", "Lucknow"),
        "L#######", "KLMNPRSTUVWZ", authority="Passport Office",
    ),
    Nationality(
        "VNM", 6.0,
        NameSet("latin", "none", VN_MALE, VN_FEMALE, VN_SURNAMES,
                middle_male=("Văn", "Văn", "Đức", "Minh", "Hữu", "Quang", "Thanh", "Công"),
                middle_female=("Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Minh")),
        ("vi",), ("Hà Nội", "Hải Phòng", "Nghệ An", "Hà Tĩnh", "Thanh Hóa", "Nam Định",
                  "Thái Bình", "Quảng Bình"),
        "L#######", "BCN", authority="Cục Quản lý xuất nhập cảnh",
    ),
    Nationality(
        "UKR", 9.0,
        NameSet(_CYR, "uk", UK_MALE, UK_FEMALE, UK_SURNAMES, patronymic=True, lang="uk"),
        ("uk", "ru"), ("Kyiv", "Kharkiv", "Odesa", "Dnipro", "Lviv", "Zaporizhzhia",
                       "Vinnytsia", "Poltava", "Chernihiv", "Zhytomyr"),
        "LL######", "EFGHKMT", foreign_id="rnokpp", id_card=True, authority="",
    ),
    Nationality(
        "KAZ", 4.0,
        NameSet(_CYR, "ru", KZ_MALE, KZ_FEMALE, KZ_SURNAMES, patronymic=True, lang="ru"),
        ("kk", "ru"), ("Almaty", "Astana", "Shymkent", "Karaganda", "Aktobe", "Taraz",
                       "Pavlodar", "Oskemen", "Semei", "Kyzylorda"),
        "N########", "N", foreign_id="iin", id_card=True, authority="MVD RK",
    ),
    Nationality(
        "ALB", 2.0, NameSet("latin", "none", AL_MALE, AL_FEMALE, AL_SURNAMES),
        ("sq",), ("Tiranë", "Durrës", "Shkodër", "Elbasan", "Vlorë", "Fier", "Korçë", "Berat"),
        "LL#######", "ABC", foreign_id="alb", id_card=True,
        authority="Drejtoria e Përgjithshme e Gjendjes Civile",
    ),
    Nationality(
        "BLR", 7.0,
        NameSet(_CYR, "be", BE_MALE, BE_FEMALE, BE_SURNAMES, patronymic=True, lang="be"),
        ("be", "ru"), ("Minsk", "Homiel", "Mahiliou", "Vitsebsk", "Hrodna", "Brest",
                       "Polatsk", "Navapolatsk", "Barysau", "Pinsk"),
        "LL#######", "MKHPAB", authority="MVD",
    ),
    Nationality(
        "MDA", 4.0, NameSet("latin", "none", MD_MALE, MD_FEMALE, MD_SURNAMES),
        ("ro", "ru"), ("Chișinău", "Bălți", "Cahul", "Orhei", "Ungheni", "Soroca", "Comrat",
                       "Edineț", "Hîncești"),
        "LL#######", "ABR", foreign_id="idnp", id_card=True, authority="ASP",
    ),
    Nationality(
        "KGZ", 4.0,
        NameSet(_CYR, "ru", KG_MALE, KG_FEMALE, KG_SURNAMES, patronymic=True, lang="ru"),
        ("ky", "ru"), ("Bishkek", "Osh", "Jalal-Abad", "Karakol", "Tokmok", "Naryn", "Talas",
                       "Batken"),
        "LL#######", "ACP", authority="MKK",
    ),
    Nationality(
        "TJK", 5.0,
        NameSet(_CYR, "ru", TJ_MALE, TJ_FEMALE, TJ_SURNAMES, patronymic=True, lang="ru"),
        ("tg", "ru"), ("Dushanbe", "Khujand", "Kulob", "Bokhtar", "Istaravshan", "Panjakent",
                       "Vahdat", "Hisor"),
        "#########", authority="VKD",
    ),
    Nationality(
        "GEO", 3.0, NameSet("georgian", "none", GE_MALE, GE_FEMALE, GE_SURNAMES),
        ("ka", "ru"), ("Tbilisi", "Kutaisi", "Batumi", "Rustavi", "Zugdidi", "Gori", "Poti",
                       "Telavi"),
        "##LL#####", "ABCDEFGHIJ", foreign_id="geo", id_card=True,
        authority="Public Service Development Agency",
    ),
    Nationality(
        "ARM", 2.0, NameSet("pairs", "none", AM_MALE, AM_FEMALE, AM_SURNAMES),
        ("hy", "ru"), ("Yerevan", "Gyumri", "Vanadzor", "Vagharshapat", "Hrazdan", "Abovyan",
                       "Kapan"),
        "LL#######", "AP", authority="001",
    ),
    Nationality(
        "AZE", 2.0, NameSet("latin", "latin", AZ_MALE, AZ_FEMALE, AZ_SURNAMES),
        ("az", "ru"), ("Bakı", "Gəncə", "Sumqayıt", "Mingəçevir", "Şəki", "Lənkəran", "Şirvan"),
        "L########", "C", authority="Ministry of Internal Affairs",
    ),
    Nationality(
        "PAK", 3.0, NameSet("latin", "none", PK_MALE, PK_FEMALE, PK_SURNAMES),
        ("ur", "pa", "en"), ("Lahore", "Karachi", "Islamabad", "Rawalpindi", "Gujranwala",
                             "Sialkot", "Faisalabad", "Peshawar", "Multan"),
        "LL#######", "ABCDEFG", foreign_id="cnic", authority="DGI&P",
    ),
    Nationality(
        "IRQ", 3.0, NameSet("pairs", "none", IQ_MALE, IQ_FEMALE, IQ_SURNAMES),
        ("ar", "ku"), ("Baghdad", "Basra", "Mosul", "Erbil", "Sulaymaniyah", "Kirkuk", "Najaf",
                       "Karbala", "Duhok"),
        "L########", "ABN", authority="Ministry of Interior", partial_dob=0.12,
    ),
    Nationality(
        "AFG", 2.0, NameSet("pairs", "none", AF_MALE, AF_FEMALE, AF_SURNAMES),
        ("prs", "ps"), ("Kabul", "Herat", "Kandahar", "Mazar-i-Sharif", "Jalalabad", "Kunduz",
                        "Ghazni"),
        "L########", "PR", authority="Ministry of Interior", partial_dob=0.2,
    ),
    Nationality(
        "SYR", 2.0, NameSet("pairs", "none", SY_MALE, SY_FEMALE, SY_SURNAMES),
        ("ar",), ("Damascus", "Aleppo", "Homs", "Latakia", "Hama", "Deir ez-Zor", "Idlib"),
        "L########", "NR", authority="Immigration and Passports Department", partial_dob=0.1,
    ),
    Nationality(
        "CMR", 1.0, NameSet("latin", "none", CM_MALE, CM_FEMALE, CM_SURNAMES),
        ("fr", "en"), ("Yaoundé", "Douala", "Bamenda", "Bafoussam", "Garoua", "Buea", "Kribi"),
        "LL#######", "ABC", authority="DGSN",
    ),
    Nationality(
        "NGA", 2.0, NameSet("latin", "none", NG_MALE, NG_FEMALE, NG_SURNAMES),
        ("en", "yo", "ig", "ha"), ("Lagos", "Abuja", "Kano", "Ibadan", "Enugu",
                                   "Port Harcourt", "Benin City", "Onitsha"),
        "L########", "AB", authority="Nigeria Immigration Service",
    ),
)  # fmt: skip

NATIONALITY_BY_CODE = {n.code: n for n in NATIONALITIES}

# Persons on the Interior/Foreign Minister's national entry-ban list: other weights.
BAN_LIST_WEIGHTS = {"RUS": 60.0, "BLR": 15.0, "UKR": 5.0, "KAZ": 3.0, "GEO": 3.0, "ARM": 2.0,
                    "AZE": 3.0, "UZB": 3.0, "MDA": 2.0, "TJK": 2.0, "KGZ": 2.0}  # fmt: skip

# --------------------------------------------------------------------------- Latvia

# Invented officials: combinations of common Latvian given names and surnames.
OFFICIAL_MALE = ("Jānis", "Andris", "Mārtiņš", "Kristaps", "Edgars", "Ivars", "Aigars",
                 "Raimonds", "Gatis", "Normunds", "Artūrs", "Roberts", "Valdis", "Uldis")  # fmt: skip
OFFICIAL_FEMALE = ("Ilze", "Inese", "Kristīne", "Līga", "Dace", "Sandra", "Zane", "Anita",
                   "Baiba", "Evija", "Laura", "Marta", "Agnese", "Santa")  # fmt: skip
OFFICIAL_SURNAMES = (("Bērziņš", "Bērziņa"), ("Kalniņš", "Kalniņa"), ("Ozols", "Ozola"),
                     ("Liepiņš", "Liepiņa"), ("Krūmiņš", "Krūmiņa"), ("Balodis", "Balode"),
                     ("Zariņš", "Zariņa"), ("Pētersons", "Pētersone"), ("Vītols", "Vītola"),
                     ("Kļaviņš", "Kļaviņa"), ("Ozoliņš", "Ozoliņa"), ("Eglītis", "Eglīte"),
                     ("Jansons", "Jansone"), ("Celmiņš", "Celmiņa"), ("Lapiņš", "Lapiņa"))  # fmt: skip
POSITIONS = (("inspektors", "inspektore"), ("vecākais inspektors", "vecākā inspektore"),
             ("galvenais inspektors", "galvenā inspektore"),
             ("nodaļas priekšnieks", "nodaļas priekšniece"))  # fmt: skip

# Streets for invented Latvian stay addresses: (city, municipality, postcodes, streets).
LV_ADDRESS_PLACES = (
    ("Rīga", None, (1001, 1084), ("Brīvības iela", "Maskavas iela", "Krasta iela",
                                  "Lāčplēša iela", "Tērbatas iela", "Dzirnavu iela",
                                  "Gertrūdes iela", "Avotu iela", "Katlakalna iela",
                                  "Ulmaņa gatve", "Slokas iela", "Kurzemes prospekts")),
    ("Daugavpils", None, (5401, 5417), ("Rīgas iela", "Saules iela", "Cietokšņa iela",
                                        "Vienības iela", "18. novembra iela")),
    ("Rēzekne", None, (4601, 4604), ("Atbrīvošanas aleja", "Latgales iela", "Rīgas iela")),
    ("Jelgava", None, (3001, 3008), ("Lielā iela", "Rīgas iela", "Pasta iela")),
    ("Liepāja", None, (3401, 3416), ("Graudu iela", "Klaipēdas iela", "Ventspils iela")),
    ("Ventspils", None, (3601, 3605), ("Kuldīgas iela", "Lielā iela")),
    ("Valmiera", None, (4201, 4202), ("Rīgas iela", "Stacijas iela")),
    ("Ludza", "Ludzas novads", (5701, 5701), ("Baznīcas iela", "Stacijas iela")),
    ("Olaine", "Olaines novads", (2114, 2114), ("Zemgales iela", "Stacijas iela")),
)  # fmt: skip

ABROAD_STREETS = ("Lenina", "Mira", "Sovetskaya", "Central", "Station", "Main", "Park",
                  "Independence", "Victory", "Market")  # fmt: skip

SPECIAL_FEATURES = (
    "Tetovējums uz labās plaukstas",
    "Rēta uz kreisā vaiga",
    "Tetovējums uz kakla",
    "Trūkst priekšējā zoba",
    "Rēta virs labās uzacs",
)
