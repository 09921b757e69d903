"""Countries and citizenship (domain.md §7.1) and languages (§4.1, §7.9).

Countries are stored as ISO 3166-1 alpha-3, as ICAO Doc 9303 uses them in the MRZ, plus
the ICAO special codes (stateless, refugee, UN, British nationals…). The MRZ code ``D``
(Germany) is not a list entry: input is normalised to ``DEU`` before it is stored.
Latvian names come from the iso-codes translations shipped with pycountry, corrected
where the translation is missing, outdated or awkward for a form.
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping

import pycountry

from registry_core.reference.model import ExtraValue, ReferenceItem, Row, make_sorted_items

# EU Member States and the other EEA States, plus Switzerland: their citizens fall under
# the free-movement rules (Cabinet Reg. 586/2006), not the return procedure.
EU_MEMBER_STATES = frozenset(
    {
        "AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC",
        "HUN", "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK",
        "SVN", "ESP", "SWE",
    }
)  # fmt: skip
EU_EEA_CH = EU_MEMBER_STATES | {"ISL", "LIE", "NOR", "CHE"}

# Eurostat uses ISO alpha-2 except for these (domain.md §3.4).
EUROSTAT_ALPHA2_EXCEPTIONS: Mapping[str, str] = {"GRC": "EL", "GBR": "UK"}

# Latvian names where the pycountry translation is missing (it returns the English
# name), outdated (Türkiye, North Macedonia, Czechia) or not the short form a form
# needs ("Bolīvija, Daudznacionālā Valsts").
LV_NAME_OVERRIDES: Mapping[str, str] = {
    "ALA": "Ālandu salas",
    "BHS": "Bahamu salas",
    "BMU": "Bermudu salas",
    "BOL": "Bolīvija",
    "BRN": "Bruneja",
    "BVT": "Buvē sala",
    "CPV": "Kaboverde",
    "CZE": "Čehija",
    "FSM": "Mikronēzija",
    "GBR": "Apvienotā Karaliste",
    "GUF": "Francijas Gviāna",
    "HMD": "Hērda sala un Makdonalda salas",
    "MAF": "Senmartēna (Francijas daļa)",
    "MKD": "Ziemeļmaķedonija",
    "NFK": "Norfolkas sala",
    "PSE": "Palestīna",
    "SJM": "Svalbāra un Jana Majena sala",
    "SWZ": "Esvatini",
    "TUR": "Turcija",
    "TWN": "Taivāna",
    "VGB": "Britu Virdžīnas salas",
    "VIR": "ASV Virdžīnas salas",
}

# Names that are spelt the same in Latvian and English (checked, not missing).
LV_SAME_AS_EN = frozenset(
    {
        "ABW", "AGO", "BDI", "HTI", "KIR", "MDA", "MLI", "MLT", "NIU", "NRU", "PAN", "PER", "PLW",
        "TGO", "TKL", "TON", "TUV", "UGA", "VUT", "WSM",
    }
)  # fmt: skip

# English short names for the UI where the ISO name is a reversed official form.
EN_NAME_OVERRIDES: Mapping[str, str] = {
    "BRN": "Brunei",
    "COD": "Democratic Republic of the Congo",
    "FSM": "Micronesia",
    "PSE": "Palestine",
    "VAT": "Holy See (Vatican City)",
    "VGB": "British Virgin Islands",
    "VIR": "US Virgin Islands",
}

# ICAO Doc 9303 special codes (domain.md §7.1) other than D. Fields: code, Latvian,
# English, Eurostat citizenship code.
ICAO_SPECIAL_CODES: tuple[tuple[str, str, str, str], ...] = (
    ("GBD", "Britu aizjūras teritoriju pilsonis", "British Overseas Territories citizen", "UK"),
    ("GBN", "Britu valstspiederīgais (aizjūras)", "British National (Overseas)", "UK"),
    ("GBO", "Britu aizjūras pilsonis", "British Overseas citizen", "UK"),
    ("GBP", "Britu aizsargājamā persona", "British protected person", "UK"),
    ("GBS", "Britu pavalstnieks", "British subject", "UK"),
    ("UNO", "Apvienoto Nāciju Organizācija", "United Nations Organization", "UNK"),
    ("UNA", "ANO specializētā aģentūra", "Specialised agency of the United Nations", "UNK"),
    ("UNK", "Kosovas iedzīvotājs ar UNMIK dokumentu", "Kosovo resident (UNMIK document)", "XK"),
    ("RKS", "Kosova", "Kosovo", "XK"),
    ("XOM", "Maltas Suverēnais militārais ordenis", "Sovereign Military Order of Malta", "UNK"),
    ("EUE", "Eiropas Savienība", "European Union", "UNK"),
    ("XXA", "Bezvalstnieks (1954. gada konvencija)", "Stateless person (1954 Convention)", "STLS"),
    ("XXB", "Bēglis (1951. gada konvencija)", "Refugee (1951 Convention)", "UNK"),
    ("XXC", "Cits bēglis", "Other refugee", "UNK"),
    ("XXX", "Nenoteikta valstspiederība", "Unspecified nationality", "UNK"),
    ("UTO", "Utopija (ICAO paraugs, tikai testa dati)", "Utopia (ICAO specimen, test data only)", "UNK"),
)  # fmt: skip


def _lv_translator() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["lv"], fallback=True)


def eurostat_code(alpha3: str, alpha2: str) -> str:
    return EUROSTAT_ALPHA2_EXCEPTIONS.get(alpha3, alpha2)


def _iso_rows() -> list[Row]:
    translate = _lv_translator().gettext
    rows: list[Row] = []
    for country in pycountry.countries:
        alpha3: str = country.alpha_3
        alpha2: str = country.alpha_2
        iso_name: str = country.name
        common_name: str | None = getattr(country, "common_name", None)
        label_en = EN_NAME_OVERRIDES.get(alpha3) or common_name or iso_name
        label_lv = LV_NAME_OVERRIDES.get(alpha3) or translate(iso_name)
        extra: dict[str, ExtraValue] = {
            "alpha2": alpha2,
            "eurostat": eurostat_code(alpha3, alpha2),
            "eu_eea": alpha3 in EU_EEA_CH,
            "icao_special": False,
        }
        rows.append(Row(alpha3, label_lv, label_en, extra))
    return rows


def _special_rows() -> list[Row]:
    return [
        Row(
            code,
            label_lv,
            label_en,
            {
                "alpha2": None,
                "eurostat": eurostat,
                "eu_eea": False,
                "icao_special": True,
                **({"test_only": True} if code == "UTO" else {}),
            },
        )
        for code, label_lv, label_en, eurostat in ICAO_SPECIAL_CODES
    ]


def country_items() -> list[ReferenceItem]:
    """ISO countries in Latvian alphabetical order, then the ICAO special codes."""
    iso = make_sorted_items(_iso_rows())
    specials = make_sorted_items(_special_rows())
    offset = (len(iso) + 1) * 10
    return iso + [item.model_copy(update={"sort": item.sort + offset}) for item in specials]


# --- languages ------------------------------------------------------------------------
# Code: ISO 639-1 where it exists, ISO 639-3 otherwise (as BCP 47 does). Latvian names are
# written by hand: the iso639-3 translation in pycountry covers under half of these.

LANGUAGES: tuple[tuple[str, str, str, str], ...] = (
    # (code, ISO 639-3, Latvian, English)
    ("lv", "lav", "latviešu valoda", "Latvian"),
    ("lsl", "lsl", "latviešu zīmju valoda", "Latvian Sign Language"),
    ("ru", "rus", "krievu valoda", "Russian"),
    ("uk", "ukr", "ukraiņu valoda", "Ukrainian"),
    ("be", "bel", "baltkrievu valoda", "Belarusian"),
    ("lt", "lit", "lietuviešu valoda", "Lithuanian"),
    ("et", "est", "igauņu valoda", "Estonian"),
    ("pl", "pol", "poļu valoda", "Polish"),
    ("en", "eng", "angļu valoda", "English"),
    ("de", "deu", "vācu valoda", "German"),
    ("fr", "fra", "franču valoda", "French"),
    ("es", "spa", "spāņu valoda", "Spanish"),
    ("it", "ita", "itāļu valoda", "Italian"),
    ("pt", "por", "portugāļu valoda", "Portuguese"),
    ("nl", "nld", "nīderlandiešu valoda", "Dutch"),
    ("sv", "swe", "zviedru valoda", "Swedish"),
    ("fi", "fin", "somu valoda", "Finnish"),
    ("no", "nor", "norvēģu valoda", "Norwegian"),
    ("da", "dan", "dāņu valoda", "Danish"),
    ("cs", "ces", "čehu valoda", "Czech"),
    ("sk", "slk", "slovāku valoda", "Slovak"),
    ("hu", "hun", "ungāru valoda", "Hungarian"),
    ("ro", "ron", "rumāņu valoda", "Romanian"),
    ("bg", "bul", "bulgāru valoda", "Bulgarian"),
    ("el", "ell", "grieķu valoda", "Greek"),
    ("sr", "srp", "serbu valoda", "Serbian"),
    ("hr", "hrv", "horvātu valoda", "Croatian"),
    ("bs", "bos", "bosniešu valoda", "Bosnian"),
    ("sq", "sqi", "albāņu valoda", "Albanian"),
    ("mk", "mkd", "maķedoniešu valoda", "Macedonian"),
    ("tr", "tur", "turku valoda", "Turkish"),
    ("az", "aze", "azerbaidžāņu valoda", "Azerbaijani"),
    ("ka", "kat", "gruzīnu valoda", "Georgian"),
    ("hy", "hye", "armēņu valoda", "Armenian"),
    ("kk", "kaz", "kazahu valoda", "Kazakh"),
    ("ky", "kir", "kirgīzu valoda", "Kyrgyz"),
    ("uz", "uzb", "uzbeku valoda", "Uzbek"),
    ("tg", "tgk", "tadžiku valoda", "Tajik"),
    ("tk", "tuk", "turkmēņu valoda", "Turkmen"),
    ("tt", "tat", "tatāru valoda", "Tatar"),
    ("ce", "che", "čečenu valoda", "Chechen"),
    ("mn", "mon", "mongoļu valoda", "Mongolian"),
    ("zh", "zho", "ķīniešu valoda", "Chinese"),
    ("vi", "vie", "vjetnamiešu valoda", "Vietnamese"),
    ("th", "tha", "taju valoda", "Thai"),
    ("km", "khm", "khmeru valoda", "Khmer"),
    ("my", "mya", "birmiešu valoda", "Burmese"),
    ("ja", "jpn", "japāņu valoda", "Japanese"),
    ("ko", "kor", "korejiešu valoda", "Korean"),
    ("hi", "hin", "hindi valoda", "Hindi"),
    ("ur", "urd", "urdu valoda", "Urdu"),
    ("pa", "pan", "pandžabu valoda", "Punjabi"),
    ("bn", "ben", "bengāļu valoda", "Bengali"),
    ("ta", "tam", "tamilu valoda", "Tamil"),
    ("ne", "nep", "nepāliešu valoda", "Nepali"),
    ("si", "sin", "singāļu valoda", "Sinhala"),
    ("ps", "pus", "puštu valoda", "Pashto"),
    ("fa", "fas", "persiešu valoda (farsi)", "Persian (Farsi)"),
    ("prs", "prs", "dari valoda", "Dari"),
    ("ar", "ara", "arābu valoda", "Arabic"),
    ("ku", "kur", "kurdu valoda", "Kurdish"),
    ("ckb", "ckb", "kurdu valoda (sorani)", "Kurdish (Sorani)"),
    ("kmr", "kmr", "kurdu valoda (kurmandži)", "Kurdish (Kurmanji)"),
    ("he", "heb", "ivrits (ebreju valoda)", "Hebrew"),
    ("am", "amh", "amharu valoda", "Amharic"),
    ("ti", "tir", "tigrinja valoda", "Tigrinya"),
    ("so", "som", "somāļu valoda", "Somali"),
    ("om", "orm", "oromo valoda", "Oromo"),
    ("sw", "swa", "svahili valoda", "Swahili"),
    ("ha", "hau", "hausu valoda", "Hausa"),
    ("yo", "yor", "jorubu valoda", "Yoruba"),
    ("ig", "ibo", "igbo valoda", "Igbo"),
    ("ff", "ful", "fulu valoda", "Fula"),
    ("wo", "wol", "volofu valoda", "Wolof"),
    ("ln", "lin", "lingala valoda", "Lingala"),
    ("id", "ind", "indonēziešu valoda", "Indonesian"),
    ("ms", "msa", "malajiešu valoda", "Malay"),
    ("tl", "tgl", "tagalu (filipīniešu) valoda", "Tagalog (Filipino)"),
    ("rom", "rom", "romu (čigānu) valoda", "Romani"),
    ("ug", "uig", "uiguru valoda", "Uyghur"),
)


def language_items() -> list[ReferenceItem]:
    rows = [
        Row(
            code,
            label_lv,
            label_en,
            {"iso639_3": iso3, "iso639_1": code if len(code) == 2 else None},
        )
        for code, iso3, label_lv, label_en in LANGUAGES
    ]
    return make_sorted_items(rows)
