"""Name folding for search: case, diacritics and script do not matter.

A name typed as "Jūlija Ščeglova", "IULIIA SHCHEGLOVA" or "Юлия Щеглова" must find the
same person. `fold` gives the ICAO 9303 Latin form without diacritics (ICAO expansions
such as Ä→AE included) and Cyrillic transliterated by ICAO 9303; `search_tokens` splits a
name into the tokens the search index keeps. Full person matching (transliteration
variants, equivalence folds, scores) builds on this.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# ICAO 9303 expansions of Latin letters that are not simply de-accented (domain.md §8.3).
_LATIN_EXPANSIONS = {
    "Ä": "AE",
    "Å": "AA",
    "Æ": "AE",
    "Ĳ": "IJ",
    "Ö": "OE",
    "Ø": "OE",
    "Ü": "UE",
    "ß": "SS",
    "Þ": "TH",
    "Ð": "D",
    "Đ": "D",
    "Ł": "L",
    "Œ": "OE",
}

# ICAO 9303 (2013+) Cyrillic → Latin, with the Ukrainian and Belarusian letters.
ICAO_CYRILLIC = {
    "А": "A", "Б": "B", "В": "V", "Г": "G", "Ґ": "G", "Д": "D", "Е": "E", "Ё": "E",
    "Є": "IE", "Ж": "ZH", "З": "Z", "И": "I", "І": "I", "Ї": "I", "Й": "I", "К": "K",
    "Л": "L", "М": "M", "Н": "N", "О": "O", "П": "P", "Р": "R", "С": "S", "Т": "T",
    "У": "U", "Ў": "U", "Ф": "F", "Х": "KH", "Ц": "TS", "Ч": "CH", "Ш": "SH",
    "Щ": "SHCH", "Ъ": "IE", "Ы": "Y", "Ь": "", "Э": "E", "Ю": "IU", "Я": "IA",
}  # fmt: skip

_NON_NAME = re.compile(r"[^A-Z0-9 ]+")
_SPACES = re.compile(r"\s+")


# The same mappings as translation tables (str.translate runs in C). ICAO's Latin output
# is plain ASCII, so transliteration and the Latin expansions can share one table.
_ICAO_TABLE = str.maketrans(ICAO_CYRILLIC)
_FOLD_TABLE = str.maketrans({**ICAO_CYRILLIC, **_LATIN_EXPANSIONS})
_APOSTROPHES = str.maketrans("", "", "'’`")


def transliterate_icao(text: str) -> str:
    """Cyrillic letters to their ICAO 9303 Latin form (upper case); others unchanged."""
    return text.upper().translate(_ICAO_TABLE)


@functools.lru_cache(maxsize=65536)  # names repeat: the same given names and surnames
def fold(text: str) -> str:
    """Upper-case Latin without diacritics; hyphens and apostrophes become word breaks."""
    expanded = text.upper().translate(_FOLD_TABLE)
    if not expanded.isascii():  # ASCII has nothing to decompose
        decomposed = unicodedata.normalize("NFKD", expanded)
        expanded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    cleaned = _NON_NAME.sub(" ", expanded.translate(_APOSTROPHES).upper())
    return _SPACES.sub(" ", cleaned).strip()


def search_tokens(*names: str | None) -> list[str]:
    """Distinct folded tokens of all the given names, in order of first appearance."""
    seen: dict[str, None] = {}
    for name in names:
        if not name:
            continue
        for token in fold(name).split(" "):
            if token:
                seen.setdefault(token, None)
    return list(seen)
