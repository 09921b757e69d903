"""Cyrillic → Latin by the systems a foreigner's name actually reaches officers in.

- ``icao``: ICAO Doc 9303 (Russian passports since about 2013): Юлия Щеглова → IULIIA
  SHCHEGLOVA (the table of `registry_core.names`).
- ``legacy``: the older Russian passport system, GOST 16876-71 / BGN/PCGN style:
  Й/Ы → Y, Ю → YU, Я → YA, Е → YE at the start of a word or after a vowel: YULIYA,
  ANDREY, SHCHEGLOVA, YELENA.
- ``ukrainian``: Ukraine's national system (KMU 2010): Г → H, И → Y, І → I, Ї → YI/I,
  Є → YE/IE, Й → Y/I, Ю → YU/IU, Я → YA/IA (first form at the start of a word).
- ``belarusian``: Belarus's national (Łacinka-like) system: Г → H, Х → CH, Ц → C,
  Ч → Č, Ш → Š, Ж → Ž, Й → J, Е → JE/IE, Ю → JU/IU, Я → JA/IA, Ў → Ŭ.
- ``latvian``: the Latvian reproduction (Jūlija Ščeglova, Andrejs Vidnijs): Ж → Ž,
  Х → H, Ц → C, Ч → Č, Ш → Š, Щ → ŠČ, Й → J, Ю → JU, Я → JA, Ы → I, and a masculine
  ending -s added to a name that ends in a consonant, -ий/-ый/-ой → -ijs/-ijs/-ojs.

All functions return upper case; diacritics are kept (``fold`` removes them later).
"""

from __future__ import annotations

from collections.abc import Mapping

from registry_core.names import ICAO_CYRILLIC

SYSTEMS = ("icao", "legacy", "ukrainian", "belarusian", "latvian")

_VOWELS_CYR = frozenset("АЕЁИІЇОУЎЫЭЮЯЄ")

_LEGACY = {
    **ICAO_CYRILLIC,
    "Ё": "E", "Й": "Y", "Ъ": "", "Ы": "Y", "Ю": "YU", "Я": "YA", "Є": "YE", "Ї": "YI",
}  # fmt: skip
_LEGACY_INITIAL = {"Е": "YE", "Ё": "YO"}

_UKRAINIAN = {
    **ICAO_CYRILLIC,
    "Г": "H", "Ґ": "G", "И": "Y", "І": "I", "Ї": "I", "Й": "I", "Є": "IE", "Ю": "IU",
    "Я": "IA", "Ь": "", "Ъ": "",
}  # fmt: skip
_UKRAINIAN_INITIAL = {"Ї": "YI", "Й": "Y", "Є": "YE", "Ю": "YU", "Я": "YA"}

_BELARUSIAN = {
    **ICAO_CYRILLIC,
    "Г": "H", "Х": "CH", "Ц": "C", "Ч": "Č", "Ш": "Š", "Щ": "ŠČ", "Ж": "Ž", "Й": "J",
    "Е": "IE", "Ё": "IO", "Ю": "IU", "Я": "IA", "Ў": "Ŭ", "І": "I", "Ы": "Y", "Ь": "",
}  # fmt: skip
_BELARUSIAN_INITIAL = {"Е": "JE", "Ё": "JO", "Ю": "JU", "Я": "JA"}

_LATVIAN = {
    **ICAO_CYRILLIC,
    "Ж": "Ž", "Х": "H", "Ц": "C", "Ч": "Č", "Ш": "Š", "Щ": "ŠČ", "Й": "J", "Ю": "JU",
    "Я": "JA", "Ы": "I", "Ё": "JO", "Ъ": "", "Ь": "", "Є": "JE", "Ї": "JI", "Г": "G",
}  # fmt: skip
_LATVIAN_INITIAL = {"Е": "JE"}

_TABLES: dict[str, tuple[Mapping[str, str], Mapping[str, str]]] = {
    "icao": (ICAO_CYRILLIC, {}),
    "legacy": (_LEGACY, _LEGACY_INITIAL),
    "ukrainian": (_UKRAINIAN, _UKRAINIAN_INITIAL),
    "belarusian": (_BELARUSIAN, _BELARUSIAN_INITIAL),
    "latvian": (_LATVIAN, _LATVIAN_INITIAL),
}


def has_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def transliterate(text: str, system: str = "icao") -> str:
    """`text` in upper-case Latin by `system` (one of SYSTEMS); non-Cyrillic unchanged."""
    table, initial = _TABLES[system]
    out: list[str] = []
    prev = " "
    for ch in text.upper():
        at_start = not prev.isalpha() or prev in _VOWELS_CYR
        if at_start and ch in initial:
            out.append(initial[ch])
        else:
            out.append(table.get(ch, ch))
        prev = ch
    result = "".join(out)
    if system == "latvian":
        result = " ".join(_latvian_ending(word, src) for word, src in _pairs(result, text))
    return result


def _pairs(latin: str, original: str) -> list[tuple[str, str]]:
    words = latin.split()
    sources = original.upper().split()
    if len(words) != len(sources):
        return [(w, "") for w in words]
    return list(zip(words, sources, strict=True))


def _latvian_ending(word: str, source: str) -> str:
    """Masculine Latvian endings: Иванов → IVANOVS, Андрей → ANDREJS, Юрий → JURIJS."""
    if not source:
        return word
    last = source[-1]
    if last in "АЯЕЁИОУЫЭЮЬЪІЇЄЎ" and not source.endswith(("ИЙ", "ЫЙ", "ОЙ", "ЕЙ", "АЙ")):
        if last == "Ь" and len(word) > 1:  # Игорь → IGORS
            return word + "S"
        return word
    if last == "Й" or last.isalpha():
        return word + "S"
    return word


def variants(text: str) -> dict[str, str]:
    """Every system's Latin form of a name written in Cyrillic (empty if it is not)."""
    if not text or not has_cyrillic(text):
        return {}
    return {system: transliterate(text, system) for system in SYSTEMS}
