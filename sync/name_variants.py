"""Transliteration variants of names, for the local search index.

`registry_core.names.fold` gives the ICAO 9303 form ("Юлия Щеглова" → "IULIIA
SHCHEGLOVA", "Jūlija Ščeglova" → "JULIJA SCEGLOVA"). The same person is also written in the
older BGN/PCGN and GOST spellings ("YULIYA SHCHEGLOVA", "JULIJA SCEGLOVA") and in the
Latvian reproduction of the name, which adds the Latvian endings ("Sergejs Ivanovs",
"Dmitrijs", "Jevgēņija").

Two tools make these meet in the index:

- `spellings(name)`: a Cyrillic name written out in each system (ICAO, BGN/PCGN, GOST
  7.79-B, Latvian reproduction), so a spelling that no rule below unifies is still indexed;
- `equivalence_key(token)`: a lossy key of one folded token that is the same for the usual
  variants: SHCH/ŠČ/SCH → SC, SH → S, ZH → Z, CH → C, KH → H, TS/CZ → C, X → KS, W → V,
  J/Y → I, IE → E, IO/YO/JO → E after a consonant, final -AIA → -A, doubled letters
  collapsed, the Latvian final -S dropped. IULIIA, YULIYA and JULIJA all give IULIA;
  SHCHEGLOVA and SCEGLOVA give SCEGLOVA; DMITRII, DMITRIY and DMITRIJS give DMITRI.

The index keeps the folded tokens (exact spelling, scored higher) and the keys of every
token of every spelling; a query token matches by prefix on either.

Written here because `registry_core.matching` (the full matcher, with scores) was not yet
importable when the local store was built; when it is, its variant generator can feed
`index_keys` instead.
"""

from __future__ import annotations

import re
from functools import lru_cache

from registry_core.names import fold

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_VOWELS = frozenset("AEIOUY")

# BGN/PCGN 1947 (Russian), with the Ukrainian letters; the spelling of most older passports.
_BGN = {
    "А": "A", "Б": "B", "В": "V", "Г": "G", "Ґ": "G", "Д": "D", "Е": "E", "Ё": "YO",
    "Є": "YE", "Ж": "ZH", "З": "Z", "И": "I", "І": "I", "Ї": "YI", "Й": "Y", "К": "K",
    "Л": "L", "М": "M", "Н": "N", "О": "O", "П": "P", "Р": "R", "С": "S", "Т": "T",
    "У": "U", "Ў": "U", "Ф": "F", "Х": "KH", "Ц": "TS", "Ч": "CH", "Ш": "SH",
    "Щ": "SHCH", "Ъ": "", "Ы": "Y", "Ь": "", "Э": "E", "Ю": "YU", "Я": "YA",
}  # fmt: skip

# GOST 7.79-2000 system B (without its apostrophes).
_GOST = {
    "А": "A", "Б": "B", "В": "V", "Г": "G", "Ґ": "G", "Д": "D", "Е": "E", "Ё": "YO",
    "Є": "YE", "Ж": "ZH", "З": "Z", "И": "I", "І": "I", "Ї": "YI", "Й": "J", "К": "K",
    "Л": "L", "М": "M", "Н": "N", "О": "O", "П": "P", "Р": "R", "С": "S", "Т": "T",
    "У": "U", "Ў": "U", "Ф": "F", "Х": "X", "Ц": "CZ", "Ч": "CH", "Ш": "SH",
    "Щ": "SHH", "Ъ": "", "Ы": "Y", "Ь": "", "Э": "E", "Ю": "YU", "Я": "YA",
}  # fmt: skip

# Latvian reproduction of Russian/Ukrainian/Belarusian names (folded: no diacritics).
_LV = {
    "А": "A", "Б": "B", "В": "V", "Г": "G", "Ґ": "G", "Д": "D", "Е": "E", "Ё": "JO",
    "Є": "JE", "Ж": "Z", "З": "Z", "И": "I", "І": "I", "Ї": "JI", "Й": "J", "К": "K",
    "Л": "L", "М": "M", "Н": "N", "О": "O", "П": "P", "Р": "R", "С": "S", "Т": "T",
    "У": "U", "Ў": "U", "Ф": "F", "Х": "H", "Ц": "C", "Ч": "C", "Ш": "S",
    "Щ": "SC", "Ъ": "", "Ы": "I", "Ь": "", "Э": "E", "Ю": "JU", "Я": "JA",
}  # fmt: skip

_CYR_VOWELS = frozenset("АЕЁЄИІЇОУЎЫЭЮЯЪЬ")


def _transliterate(word: str, table: dict[str, str], *, iotated_e: str) -> str:
    out: list[str] = []
    prev = ""
    for ch in word.upper():
        if ch == "Е" and (not prev or prev in _CYR_VOWELS):
            out.append(iotated_e)  # Елена → YELENA / JEĻENA at the start and after a vowel
        else:
            out.append(table.get(ch, ch))
        prev = ch
    return "".join(out)


def _latvian_ending(word: str, latin: str) -> str:
    """Latvian masculine endings: -ий/-ый → -ijs, -й → -js, consonant → -s; -ая → -a."""
    upper = word.upper()
    if upper.endswith(("ИЙ", "ЫЙ")):
        return latin[:-2] + "IJS"
    if upper.endswith("Й"):
        return latin + "S"
    if upper.endswith("АЯ"):
        return latin[:-2] + "A"
    if upper and upper[-1] not in _CYR_VOWELS and upper[-1].isalpha():
        return latin + "S"
    return latin


def spellings(name: str) -> list[str]:
    """The name in every spelling the index keeps (folded, upper case, distinct)."""
    out: dict[str, None] = {fold(name): None}
    if _CYRILLIC.search(name):
        words = name.split()
        for table, iotated in ((_BGN, "YE"), (_GOST, "E"), (_LV, "JE")):
            parts = []
            for word in words:
                latin = _transliterate(word, table, iotated_e=iotated)
                if table is _LV:
                    latin = _latvian_ending(word, latin)
                parts.append(latin)
            out.setdefault(fold(" ".join(parts)), None)
    return [s for s in out if s]


_DIGRAPHS = (
    ("SHCH", "SC"),
    ("SHH", "SC"),
    ("SH", "S"),
    ("ZH", "Z"),
    ("CH", "C"),
    ("KH", "H"),
    ("TS", "C"),
    ("CZ", "C"),
    ("TZ", "C"),
    ("X", "KS"),
    ("W", "V"),
    ("Q", "K"),
    ("J", "I"),
    ("Y", "I"),
    ("IE", "E"),
)
_IO_AFTER_CONSONANT = re.compile(r"(?<=[B-DF-HK-NP-TV-Z])IO(?=[A-Z])")
_DOUBLES = re.compile(r"([A-Z])\1+")


@lru_cache(maxsize=65536)
def equivalence_key(token: str) -> str:
    """The key of one folded token (A–Z, 0–9) under which its spelling variants meet."""
    if not token or token.isdigit():
        return token
    key = token
    for old, new in _DIGRAPHS:
        if old in key:
            key = key.replace(old, new)
    key = _IO_AFTER_CONSONANT.sub("E", key)
    if key.endswith("AIA"):
        key = key[:-3] + "A"
    key = _DOUBLES.sub(r"\1", key)
    if len(key) >= 4 and key.endswith("S"):
        key = key[:-1]
    return key


@lru_cache(maxsize=262144)
def _word_tokens(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(folded tokens, keys) of one whitespace-separated word; words repeat a lot."""
    folded = tuple(t for t in fold(word).split(" ") if t)
    keys: dict[str, None] = {}
    for spelling in spellings(word):
        for token in spelling.split(" "):
            if token:
                keys.setdefault(equivalence_key(token), None)
    return folded, tuple(keys)


def index_tokens(*names: str | None) -> tuple[list[str], list[str]]:
    """(folded tokens, equivalence keys) of the given names and their spellings."""
    folded: dict[str, None] = {}
    keys: dict[str, None] = {}
    for name in names:
        if not name:
            continue
        for word in name.split():
            word_folded, word_keys = _word_tokens(word)
            for token in word_folded:
                folded.setdefault(token, None)
            for key in word_keys:
                keys.setdefault(key, None)
    return list(folded), list(keys)
