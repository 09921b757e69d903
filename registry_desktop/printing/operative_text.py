"""The operative part of decisions and notices in Latvian, English and Russian.

The Latvian text is the legal one; the English or Russian version is printed beside it
for the person (Return Directive Art. 12: the main elements in a language the person
understands). Every sentence exists in all three languages, so the two columns always
have the same numbered points.

Appeal periods are configuration, not law in code: domain.md §2.7 says they are short,
in working days, and must be confirmed in Immigration Law s.41–47 before production
use ([B]); `APPEAL_PERIODS` is the one place to correct them.
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

import pycountry

from registry_core.reference import label as ref_label
from registry_desktop.printing.values import fmt_date, fmt_datetime, fmt_partial_date

Lang = Literal["lv", "en", "ru"]
HEADINGS: dict[Lang, str] = {"lv": "Latviešu valodā", "en": "In English", "ru": "На русском языке"}


@dataclass(frozen=True)
class AppealPeriods:
    challenge_working_days: int = 7  # [B] to the head of the institution
    court_working_days: int = 7  # [B] to the administrative district court


APPEAL_PERIODS = AppealPeriods()


# --- number agreement ----------------------------------------------------------------


def _ru_form(n: int, one: str, few: str, many: str) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def _lv_singular(n: int) -> bool:
    # Latvian numerals ending in 1 (but not 11) take the singular: 21 diena, 11 dienas.
    return n % 10 == 1 and n % 100 != 11


def days_within(n: int, lang: Lang, *, working: bool = False) -> str:
    """ "within 14 days" in each language (genitive after 'laikā' / 'в течение')."""
    if lang == "lv":
        word = (
            ("darbdienas" if working else "dienas")
            if _lv_singular(n)
            else ("darbdienu" if working else "dienu")
        )
        return f"{n} {word} laikā"
    if lang == "en":
        unit = "working day" if working else "day"
        return f"within {n} {unit}{'' if n == 1 else 's'}"
    gen = (
        _ru_form(n, "рабочего дня", "рабочих дней", "рабочих дней")
        if working
        else _ru_form(n, "дня", "дней", "дней")
    )
    return f"в течение {n} {gen}"


def ban_duration(years: int | None, months: int | None, lang: Lang) -> str:
    """ "uz 3 gadiem", "for 3 years", "сроком на 3 года"."""
    parts: list[str] = []
    y, m = years or 0, months or 0
    if lang == "lv":
        if y:
            parts.append(f"{y} gadu" if _lv_singular(y) else f"{y} gadiem")
        if m:
            parts.append(f"{m} mēnesi" if _lv_singular(m) else f"{m} mēnešiem")
        return "uz " + " un ".join(parts)
    if lang == "en":
        if y:
            parts.append(f"{y} year{'' if y == 1 else 's'}")
        if m:
            parts.append(f"{m} month{'' if m == 1 else 's'}")
        return "for " + " and ".join(parts)
    if y:
        parts.append(f"{y} {_ru_form(y, 'год', 'года', 'лет')}")
    if m:
        parts.append(f"{m} {_ru_form(m, 'месяц', 'месяца', 'месяцев')}")
    return "сроком на " + " и ".join(parts)


# --- names of things in the person's language ---------------------------------------


@cache
def _ru_countries() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)


def country(code: str, lang: Lang) -> str:
    if lang != "ru":
        return ref_label("country", code, lang)
    found = pycountry.countries.get(alpha_3=code)
    if found is None:  # stateless / unknown codes of the register: the English label
        return ref_label("country", code, "en")
    return _ru_countries().gettext(found.name)


_RU_OBLIGATIONS = {
    "reporting": "регулярно являться и отмечаться в учреждении",
    "stay_at_address": "проживать по указанному адресу",
    "surrender_document": "сдать проездной документ",
    "financial_guarantee": "внести финансовую гарантию (залог)",
}
_RU_TRANSPORT = {
    "air": "воздушный",
    "road": "автомобильный",
    "rail": "железнодорожный",
    "sea": "морской",
}
_RU_EXIT_TYPE = {
    "voluntary": "добровольный выезд",
    "assisted_voluntary": "добровольное возвращение при содействии",
    "forced_unescorted": "принудительное выдворение без сопровождения",
    "forced_escorted": "принудительное выдворение с сопровождением",
    "readmission": "передача по соглашению о реадмиссии",
    "frontex_operation": "совместная операция Frontex",
}
_RU_DESTINATION = {
    "citizenship": "государство гражданства",
    "transit_country": "государство транзита или въезда",
    "other_admitting": "другое принимающее третье государство",
}


def _coded(list_name: str, code: str, lang: Lang, ru: Mapping[str, str]) -> str:
    if lang == "ru":
        return ru.get(code, ref_label(list_name, code, "en"))
    return ref_label(list_name, code, lang)


# --- the points ----------------------------------------------------------------------

_TERRITORY: dict[str, dict[Lang, str]] = {
    "LV": {
        "lv": "Latvijas Republikā",
        "en": "the Republic of Latvia",
        "ru": "Латвийскую Республику",
    },
    "LV_SCHENGEN": {
        "lv": "Latvijas Republikā un Šengenas zonas valstīs",
        "en": "the Republic of Latvia and the Schengen area states",
        "ru": "Латвийскую Республику и государства Шенгенской зоны",
    },
}

_HEAD_OF: dict[str, dict[Lang, str]] = {
    "VRS": {
        "lv": "Valsts robežsardzes priekšniekam",
        "en": "the Chief of the State Border Guard",
        "ru": "у начальника Государственной пограничной охраны",
    },
    "PMLP": {
        "lv": "Pilsonības un migrācijas lietu pārvaldes priekšniekam",
        "en": "the Head of the Office of Citizenship and Migration Affairs",
        "ru": "у начальника Управления по делам гражданства и миграции",
    },
}


def _person(person: Mapping[str, Any]) -> str:
    return f"{person.get('given_names_latin', '')} {person.get('surname_latin', '')}".strip()


def _dob(person: Mapping[str, Any], lang: Lang) -> str:
    word = {"lv": "dzimšanas datums", "en": "date of birth", "ru": "дата рождения"}[lang]
    return f"{word} {fmt_partial_date(person.get('date_of_birth'))}"


def _destination(decision: Mapping[str, Any], lang: Lang) -> str:
    place = country(decision["destination_country"], lang)
    kind = _coded("destination_type", decision["destination_type"], lang, _RU_DESTINATION)
    return {
        "lv": f"Galamērķa valsts: {place} ({kind}).",
        "en": f"Country of destination: {place} ({kind}).",
        "ru": f"Страна назначения: {place} ({kind}).",
    }[lang]


def ban_sentence(ban: Mapping[str, Any], lang: Lang, *, imposed_here: bool = False) -> str:
    territory = _TERRITORY[ban["territorial_scope"]][lang]
    if ban.get("indefinite"):
        length = {
            "lv": "uz nenoteiktu laiku",
            "en": "for an indefinite period",
            "ru": "на неопределённый срок",
        }[lang]
    elif ban.get("duration_years") or ban.get("duration_months"):
        length = ban_duration(ban.get("duration_years"), ban.get("duration_months"), lang)
    else:
        until = fmt_date(ban.get("valid_until"))
        length = {"lv": f"līdz {until}", "en": f"until {until}", "ru": f"до {until}"}[lang]
    if ban.get("valid_from"):
        start_date = fmt_date(ban["valid_from"])
        start = {"lv": f"no {start_date}", "en": f"from {start_date}", "ru": f"с {start_date}"}[
            lang
        ]
    else:
        start = {
            "lv": "no izceļošanas dienas",
            "en": "from the day of departure",
            "ru": "со дня выезда",
        }[lang]
    if imposed_here:
        return {
            "lv": f"Noteikt ieceļošanas aizliegumu {territory} {length}, skaitot {start}.",
            "en": f"An entry ban is imposed on entering {territory} {length}, counted {start}.",
            "ru": f"Установить запрет на въезд в {territory} {length}, считая {start}.",
        }[lang]
    return {
        "lv": f"Personai noteikts ieceļošanas aizliegums {territory} {length}, skaitot {start}.",
        "en": f"The person is banned from entering {territory} {length}, counted {start}.",
        "ru": f"Лицу установлен запрет на въезд в {territory} {length}, считая {start}.",
    }[lang]


def departure_order(
    decision: Mapping[str, Any],
    person: Mapping[str, Any],
    ban: Mapping[str, Any] | None,
    lang: Lang,
) -> list[str]:
    who, dob = _person(person), _dob(person, lang)
    within = days_within(int(decision.get("vd_period_days") or 0), lang)
    deadline = fmt_date(decision.get("vd_deadline"))
    by = (
        {
            "lv": f", t. i., līdz {deadline}",
            "en": f", that is, by {deadline}",
            "ru": f", то есть до {deadline}",
        }[lang]
        if deadline
        else ""
    )
    points = [
        {
            "lv": f"Uzdot personai {who} ({dob}) brīvprātīgi atstāt Latvijas Republiku un Eiropas Savienības dalībvalstu un Šengenas zonas valstu teritoriju {within} no lēmuma paziņošanas dienas{by}.",
            "en": f"{who} ({dob}) is ordered to leave the Republic of Latvia and the territory of the European Union Member States and the Schengen area states voluntarily {within} of the day this decision is served{by}.",
            "ru": f"Обязать лицо {who} ({dob}) добровольно покинуть Латвийскую Республику и территорию государств — членов Европейского союза и государств Шенгенской зоны {within} со дня объявления решения{by}.",
        }[lang],
        _destination(decision, lang),
    ]
    obligations = decision.get("obligations") or []
    if obligations:
        items = "; ".join(_coded("obligation", code, lang, _RU_OBLIGATIONS) for code in obligations)
        points.append(
            {
                "lv": f"Līdz izbraukšanai personai ir šādi pienākumi: {items}.",
                "en": f"Until departure the person must: {items}.",
                "ru": f"До выезда лицо обязано: {items}.",
            }[lang]
        )
    if ban is not None:
        points.append(ban_sentence(ban, lang))
    points.append(
        {
            "lv": "Ja persona noteiktajā termiņā neizceļo, tiek pieņemts lēmums par piespiedu izraidīšanu.",
            "en": "If the person does not leave within this period, a forced-removal decision will be taken.",
            "ru": "Если лицо не выедет в установленный срок, будет принято решение о принудительном выдворении.",
        }[lang]
    )
    return points


def removal_decision(
    decision: Mapping[str, Any],
    person: Mapping[str, Any],
    ban: Mapping[str, Any] | None,
    lang: Lang,
) -> list[str]:
    who, dob = _person(person), _dob(person, lang)
    points = [
        {
            "lv": f"Izraidīt personu {who} ({dob}) no Latvijas Republikas piespiedu kārtā.",
            "en": f"{who} ({dob}) is to be removed from the Republic of Latvia by force.",
            "ru": f"Принудительно выдворить лицо {who} ({dob}) из Латвийской Республики.",
        }[lang],
        _destination(decision, lang),
    ]
    if ban is not None:
        points.append(ban_sentence(ban, lang))
    return points


def appeal_info(
    institution: str, lang: Lang, *, removal: bool, periods: AppealPeriods = APPEAL_PERIODS
) -> list[str]:
    head = _HEAD_OF[institution][lang]
    challenge = days_within(periods.challenge_working_days, lang, working=True)
    court = days_within(periods.court_working_days, lang, working=True)
    points = [
        {
            "lv": f"Lēmumu var apstrīdēt {head} {challenge} no tā paziņošanas dienas, iesniedzot rakstveida iesniegumu iestādē, kas pieņēma lēmumu.",
            "en": f"The decision may be challenged before {head} {challenge} of the day it is served, by a written application to the institution that took it.",
            "ru": f"Решение может быть оспорено {head} {challenge} со дня его объявления путём подачи письменного заявления в учреждение, принявшее решение.",
        }[lang]
    ]
    if removal:
        points.append(
            {
                "lv": "Apstrīdēšana aptur lēmuma izpildi.",
                "en": "A challenge suspends the enforcement of the decision.",
                "ru": "Оспаривание приостанавливает исполнение решения.",
            }[lang]
        )
    points.append(
        {
            "lv": f"Iestādes vadītāja lēmumu var pārsūdzēt Administratīvajā rajona tiesā {court} no tā paziņošanas dienas."
            + (
                " Pārsūdzēšana tiesā neaptur lēmuma izpildi, ja tiesa nepiemēro pagaidu aizsardzību."
                if removal
                else ""
            ),
            "en": f"The decision of the head of the institution may be appealed to the Administrative District Court {court} of the day it is served."
            + (
                " An appeal to the court does not suspend enforcement unless the court grants interim relief."
                if removal
                else ""
            ),
            "ru": f"Решение руководителя учреждения может быть обжаловано в Административном районном суде {court} со дня его объявления."
            + (
                " Обжалование в суде не приостанавливает исполнение решения, если суд не применит временную защиту."
                if removal
                else ""
            ),
        }[lang]
    )
    return points


def entry_ban_decision(ban: Mapping[str, Any], person: Mapping[str, Any], lang: Lang) -> list[str]:
    who, dob = _person(person), _dob(person, lang)
    points = [
        {
            "lv": f"Persona: {who} ({dob}).",
            "en": f"Person: {who} ({dob}).",
            "ru": f"Лицо: {who} ({dob}).",
        }[lang],
        ban_sentence(ban, lang, imposed_here=True),
    ]
    if ban.get("valid_until") and not ban.get("indefinite"):
        until = fmt_date(ban["valid_until"])
        points.append(
            {
                "lv": f"Aizliegums ir spēkā līdz {until}.",
                "en": f"The ban is in force until {until}.",
                "ru": f"Запрет действует до {until}.",
            }[lang]
        )
    points.append(
        {
            "lv": "Personu iekļauj to ārzemnieku sarakstā, kuriem ieceļošana Latvijas Republikā aizliegta.",
            "en": "The person is entered on the national list of foreigners banned from entry into the Republic of Latvia.",
            "ru": "Лицо включается в список иностранцев, которым запрещён въезд в Латвийскую Республику.",
        }[lang]
    )
    if ban["territorial_scope"] == "LV_SCHENGEN":
        points.append(
            {
                "lv": "Par personu Šengenas informācijas sistēmā ievada brīdinājumu ieceļošanas un uzturēšanās atteikuma nolūkā.",
                "en": "An alert for refusal of entry and stay is entered in the Schengen Information System.",
                "ru": "В Шенгенскую информационную систему вносится сигнал об отказе во въезде и пребывании.",
            }[lang]
        )
    if not ban.get("appealable", True):
        points.append(
            {
                "lv": "Lēmums nav pārsūdzams.",
                "en": "This decision cannot be appealed.",
                "ru": "Данное решение обжалованию не подлежит.",
            }[lang]
        )
    return points


def removal_notice(departure: Mapping[str, Any], lang: Lang) -> list[str]:
    when = fmt_datetime(departure["exit_at"])
    day, _, time = when.partition(" ")
    points = [
        {
            "lv": f"Paziņojam, ka Jūsu piespiedu izraidīšana no Latvijas Republikas ir plānota {day} plkst. {time}.",
            "en": f"Your forced removal from the Republic of Latvia is planned for {day} at {time}.",
            "ru": f"Сообщаем, что Ваше принудительное выдворение из Латвийской Республики запланировано на {day} в {time}.",
        }[lang],
        {
            "lv": f"Galamērķa valsts: {country(departure['destination_country'], lang)}.",
            "en": f"Country of destination: {country(departure['destination_country'], lang)}.",
            "ru": f"Страна назначения: {country(departure['destination_country'], lang)}.",
        }[lang],
    ]
    kind = _coded("exit_type", departure["exit_type"], lang, _RU_EXIT_TYPE)
    transport = _coded("transport_mode", departure["transport_mode"], lang, _RU_TRANSPORT)
    points.append(
        {
            "lv": f"Izraidīšanas veids: {kind}. Transporta veids: {transport}.",
            "en": f"Type of removal: {kind}. Transport: {transport}.",
            "ru": f"Вид выдворения: {kind}. Вид транспорта: {transport}.",
        }[lang]
    )
    place = (
        ref_label("bcp", departure["bcp"])
        if departure.get("bcp")
        else departure.get("foreign_airport")
    )
    if place:
        points.append(
            {
                "lv": f"Robežšķērsošanas vieta: {place}.",
                "en": f"Border crossing point: {place}.",
                "ru": f"Пункт пересечения границы: {place}.",
            }[lang]
        )
    if departure.get("notice_short_reason"):
        reason = departure["notice_short_reason"]
        points.append(
            {
                "lv": f"Paziņojums sniegts mazāk nekā 12 stundas pirms izraidīšanas šāda iemesla dēļ: {reason}",
                "en": f"The notice is given less than 12 hours before the removal for this reason: {reason}",
                "ru": f"Уведомление вручено менее чем за 12 часов до выдворения по следующей причине: {reason}",
            }[lang]
        )
    points.append(
        {
            "lv": "Par izmaiņām plānotajā izraidīšanā Jūs informēs.",
            "en": "You will be informed of any change to the planned removal.",
            "ru": "Об изменениях запланированного выдворения Вам сообщат.",
        }[lang]
    )
    return points
